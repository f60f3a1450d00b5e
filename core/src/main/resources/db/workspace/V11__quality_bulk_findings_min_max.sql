-- (1) quality: a run's findings in bulk. Inserting ≈ 41 000 findings of a national run row by row (15 columns
-- each) cost more than reading every data value (issue #4: the whole run within twice that read). A run now
-- stores its findings as a few binary blocks (QualityRunStore's FindingBlocks codec: a string dictionary per
-- block), numbered from QUALITY_RUN.FIRST_FINDING_ID on, so that a finding keeps a stable id; the marks for
-- follow-up sit in a table of their own. Runs stored before keep their rows in QUALITY_FINDING (FIRST_FINDING_ID
-- NULL), which is still read, and their ids: a new run's ids follow the largest id of either form.
ALTER TABLE QUALITY_RUN ADD COLUMN FIRST_FINDING_ID BIGINT;

CREATE TABLE QUALITY_FINDING_BLOCK (
    RUN_ID        INTEGER NOT NULL REFERENCES QUALITY_RUN(ID) ON DELETE CASCADE,
    SEQ           INTEGER NOT NULL,
    FINDING_COUNT INTEGER NOT NULL,
    DATA          BINARY VARYING(100000000) NOT NULL,
    PRIMARY KEY (RUN_ID, SEQ)
);

CREATE TABLE QUALITY_FOLLOW_UP (
    RUN_ID        INTEGER NOT NULL REFERENCES QUALITY_RUN(ID) ON DELETE CASCADE,
    FINDING_INDEX INTEGER NOT NULL,
    PRIMARY KEY (RUN_ID, FINDING_INDEX)
);

-- (2) DHIS2 min-max values (MinMaxDataElement: source org unit, data element, option combo, min, max,
-- generated), imported from the metadata's "minMaxDataElements"; the outlier method "min-max" flags the values
-- outside [MIN_VALUE, MAX_VALUE].
CREATE TABLE MIN_MAX_DATA_ELEMENT (
    ORG_UNIT_ID              INTEGER NOT NULL REFERENCES ORG_UNIT(ID) ON DELETE CASCADE,
    DATA_ELEMENT_ID          INTEGER NOT NULL REFERENCES DATA_ELEMENT(ID) ON DELETE CASCADE,
    CATEGORY_OPTION_COMBO_ID INTEGER NOT NULL REFERENCES CATEGORY_OPTION_COMBO(ID) ON DELETE CASCADE,
    MIN_VALUE                DOUBLE PRECISION NOT NULL,
    MAX_VALUE                DOUBLE PRECISION NOT NULL,
    GENERATED                BOOLEAN DEFAULT FALSE NOT NULL,
    BATCH_ID                 INTEGER,
    PRIMARY KEY (ORG_UNIT_ID, DATA_ELEMENT_ID, CATEGORY_OPTION_COMBO_ID)
);
