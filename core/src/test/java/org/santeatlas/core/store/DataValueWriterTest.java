package org.santeatlas.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;

class DataValueWriterTest {

    @TempDir
    Path dir;

    /** Period-major input, as DHIS2 monthly exports come: every series in every chunk. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void seriesSpanningChunksAreMergedWhateverTheChunkSize(int chunk) throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w" + chunk))) {
            Connection c = ws.connection();
            seed(c);
            c.setAutoCommit(false);
            DataValueWriter w = new DataValueWriter(c, 1, "f.json", p -> { }, chunk);
            for (String period : List.of("202403", "202401", "202402")) {
                for (String ou : List.of("OrgUnitAAAA", "OrgUnitBBBB")) {
                    w.add(value("DataElemAAA", period, ou, period.substring(4) + ou.charAt(7)));
                }
            }
            ImportCounts counts = w.finish();
            c.commit();
            assertThat(counts.createdCount()).isEqualTo(6);
            assertThat(rows(c)).containsExactly(
                    "OrgUnitAAAA [202401, 202402, 202403] [01A, 02A, 03A]",
                    "OrgUnitBBBB [202401, 202402, 202403] [01B, 02B, 03B]");

            DataValueWriter again = new DataValueWriter(c, 2, "f.json", p -> { }, chunk);
            // The same key twice in one file: the later line wins, as in DHIS2, and the earlier is rejected.
            again.add(value("DataElemAAA", "202402", "OrgUnitBBBB", "changé"));
            again.add(value("DataElemAAA", "202402", "OrgUnitBBBB", "02B"));
            ImportCounts second = again.finish();
            c.commit();
            assertThat(rows(c)).containsExactly(
                    "OrgUnitAAAA [202401, 202402, 202403] [01A, 02A, 03A]",
                    "OrgUnitBBBB [202401, 202402, 202403] [01B, 02B, 03B]");
            assertThat(second.createdCount()).isZero();
            assertThat(second.rejectedCount()).isEqualTo(1);
        }
    }

    /** The lines travel through the sort, spilled runs included, so that each duplicate names its own. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 1000})
    void eachDuplicateNamesItsLineAndTheLineKeptWhateverTheChunkSize(int chunk) throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("d" + chunk))) {
            Connection c = ws.connection();
            seed(c);
            c.setAutoCommit(false);
            List<Problem> problems = new ArrayList<>();
            DataValueWriter w = new DataValueWriter(c, 1, "f.csv", problems::add, chunk);
            String[][] lines = {{"202402", "OrgUnitBBBB"}, {"202401", "OrgUnitAAAA"}, {"202402", "OrgUnitBBBB"},
                {"202401", "OrgUnitBBBB"}, {"202401", "OrgUnitAAAA"}, {"202402", "OrgUnitBBBB"}};
            for (int i = 0; i < lines.length; i++) {
                w.add(new RawDataValue("DataElemAAA", lines[i][0], lines[i][1], null, null, "v" + (i + 10), null, null,
                        null, null, false, false, i + 10));
            }
            ImportCounts counts = w.finish();

            assertThat(counts.createdCount()).isEqualTo(3);
            assertThat(counts.rejectedCount()).isEqualTo(3);
            assertThat(problems).extracting(Problem::format).containsExactly(
                    "f.csv:11: value given more than once in the file (DataElemAAA OrgUnitAAAA 202401): ignored,"
                            + " the one on line 14 is kept",
                    "f.csv:10: value given more than once in the file (DataElemAAA OrgUnitBBBB 202402): ignored,"
                            + " the one on line 15 is kept",
                    "f.csv:12: value given more than once in the file (DataElemAAA OrgUnitBBBB 202402): ignored,"
                            + " the one on line 15 is kept");
            c.commit();
            assertThat(rows(c)).containsExactly("OrgUnitAAAA [202401] [v14]", "OrgUnitBBBB [202401, 202402] [v13, v15]");
        }
    }

    @Test
    void chunkSizeFollowsTheHeapWithinBounds() {
        assertThat(DataValueWriter.chunkSize(256L << 20)).isBetween(1_000_000, 1_400_000);
        assertThat(DataValueWriter.chunkSize(8L << 20)).isEqualTo(50_000);
        assertThat(DataValueWriter.chunkSize(64L << 30)).isEqualTo(DataValueWriter.MAX_CHUNK);
    }

    private static RawDataValue value(String de, String pe, String ou, String v) {
        return new RawDataValue(de, pe, ou, null, null, v, null, null, null, null, false, false, 0);
    }

    private static void seed(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO ORG_UNIT(UID, NAME) VALUES ('OrgUnitAAAA', 'A'), ('OrgUnitBBBB', 'B')");
            st.execute("INSERT INTO DATA_ELEMENT(UID, NAME) VALUES ('DataElemAAA', 'Consultations')");
        }
    }

    /** Each series: org unit, then its periods and values in stored (chronological) order. */
    private static List<String> rows(Connection c) throws Exception {
        java.util.Map<Integer, String> iso = new java.util.HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, ISO FROM PERIOD")) {
            while (rs.next()) {
                iso.put(rs.getInt(1), rs.getString(2));
            }
        }
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT OU.UID, S.DATA FROM DATA_VALUE_SERIES S"
                     + " JOIN ORG_UNIT OU ON OU.ID = S.ORG_UNIT_ID ORDER BY OU.UID")) {
            while (rs.next()) {
                Series s = new Series(4);
                SeriesCodec.decode(rs.getBytes(2), s);
                List<String> periods = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (int j = 0; j < s.size; j++) {
                    periods.add(iso.get(s.pe[j]));
                    texts.add(s.text[j]);
                }
                rows.add(rs.getString(1) + " " + periods + " " + texts);
            }
        }
        return rows;
    }
}
