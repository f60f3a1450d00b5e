-- Saving a national run's findings (≈ 40 000 rows) must stay a small part of the run (issue #4: the whole
-- run within twice one read of the values). A CLOB per row went to H2's separate LOB store, one entry per
-- finding: the arguments, a short JSON array, now sit in the row. Two indexes only slowed every insert:
-- nothing looks findings up by org unit (lists are per run, follow-ups by flag), and the foreign key to
-- QUALITY_RUN has its own index on RUN_ID, which serves the per-run lists and the cascading delete.
ALTER TABLE QUALITY_FINDING ALTER COLUMN MESSAGE_ARGS SET DATA TYPE CHARACTER VARYING(1000000);
DROP INDEX QUALITY_FINDING_OU_IDX;
DROP INDEX QUALITY_FINDING_RUN_IDX;
