package org.santeatlas.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.santeatlas.core.workspace.Workspace;

/** Small workspaces written with plain SQL, so that window tests do not depend on the importers. */
final class TestWorkspaces {

    private TestWorkspaces() {
    }

    /**
     * A demo-marked workspace "kanem" with one country polygon (1°E–15°E, 11°N–23°N), 1 234 localities,
     * and one series counted as 12 345 values from January 2023 to December 2025. The series' arrays
     * are shorter than its count: the summary reads only {@code VALUE_COUNT}.
     */
    static Path sample(Path dir) throws SQLException {
        Path file = dir.resolve("kanem" + Workspace.FILE_SUFFIX);
        try (Workspace ws = Workspace.create(file); Statement st = ws.connection().createStatement()) {
            st.execute("INSERT INTO ORG_UNIT(UID, NAME, LEVEL, GEOMETRY) VALUES ('AAAAAAAAAAA', 'Pays', 1,"
                    + " ST_GeomFromText('POLYGON((1 11, 15 11, 15 23, 1 23, 1 11))', 4326))");
            st.execute("INSERT INTO ORG_UNIT(UID, NAME, LEVEL, PARENT_UID) VALUES ('BBBBBBBBBBB', 'Région Nord', 2,"
                    + " 'AAAAAAAAAAA')");
            st.execute("INSERT INTO DATA_ELEMENT(UID, NAME) VALUES ('CCCCCCCCCCC', 'Consultations')");
            st.execute("INSERT INTO DATA_SET(UID, NAME, PERIOD_TYPE) VALUES ('DDDDDDDDDDD', 'Rapport mensuel', 'Monthly')");
            st.execute("INSERT INTO PERIOD(ISO, PERIOD_TYPE, START_DATE, END_DATE) VALUES"
                    + " ('202301', 'Monthly', DATE '2023-01-01', DATE '2023-01-31'),"
                    + " ('202512', 'Monthly', DATE '2025-12-01', DATE '2025-12-31')");
            st.execute("INSERT INTO DATA_VALUE_SERIES(DATA_ELEMENT_ID, ORG_UNIT_ID, CATEGORY_OPTION_COMBO_ID,"
                    + " ATTRIBUTE_OPTION_COMBO_ID, VALUE_COUNT, FIRST_PERIOD_ID, LAST_PERIOD_ID,"
                    + " SLOT_COUNT, DATA)"
                    + " VALUES (1, 1, 1, 1, 12345, 1, 2, 2, X'02')");
            st.execute("INSERT INTO LOCALITY(CODE, NAME) SELECT 'L' || X, 'Village ' || X FROM SYSTEM_RANGE(1, 1234)");
            ws.markDemo(true);
        }
        return file;
    }

    /** A workspace with nothing imported: no periods, no extent, not a demo. */
    static Path empty(Path dir) {
        Path file = dir.resolve("vide" + Workspace.FILE_SUFFIX);
        Workspace.create(file).close();
        return file;
    }

    /** A text file with a workspace's name: refused as NOT_A_WORKSPACE. */
    static Path notAWorkspace(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("x" + Workspace.FILE_SUFFIX), "ceci n’est pas une base H2\n");
    }
}
