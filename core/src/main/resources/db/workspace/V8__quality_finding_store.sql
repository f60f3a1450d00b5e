-- Saving a national run's findings (≈ 40 000 rows) must stay a small part of the run (issue #4: the whole
-- run within twice one read of the values). A CLOB per row went to H2's separate LOB store, one entry per
-- finding: the arguments, a short JSON array, now sit in the row. Nothing looks findings up by org unit
-- (lists are per run, follow-ups by flag): that index only slowed every insert.
ALTER TABLE QUALITY_FINDING ALTER COLUMN MESSAGE_ARGS SET DATA TYPE CHARACTER VARYING(1000000);
DROP INDEX QUALITY_FINDING_OU_IDX;
