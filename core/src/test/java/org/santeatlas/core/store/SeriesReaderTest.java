package org.santeatlas.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;

class SeriesReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryLiveValueSeriesBySeriesInPeriodOrder() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w"))) {
            Connection c = ws.connection();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO ORG_UNIT(UID, NAME) VALUES ('OrgUnitAAAA', 'A'), ('OrgUnitBBBB', 'B')");
                st.execute("INSERT INTO DATA_ELEMENT(UID, NAME) VALUES ('DataElemAAA', 'Consultations')");
            }
            c.setAutoCommit(false);
            DataValueWriter w = new DataValueWriter(c, 1, "f.json", p -> { });
            w.add(value("202402", "OrgUnitAAAA", "12", false));
            w.add(value("202401", "OrgUnitAAAA", "10", false));
            w.add(value("202403", "OrgUnitAAAA", "2.5", false));
            w.add(value("202401", "OrgUnitBBBB", "oui", false));
            w.finish();
            c.commit();
            DataValueWriter d = new DataValueWriter(c, 2, "g.json", p -> { });
            d.add(value("202402", "OrgUnitAAAA", "", true));
            d.finish();
            c.commit();

            PeriodIndex periods = PeriodIndex.load(c);
            List<String> seen = new ArrayList<>();
            try (SeriesReader r = SeriesReader.open(c)) {
                while (r.next()) {
                    StringBuilder s = new StringBuilder(r.orgUnitId() + ":");
                    for (int i = 0; i < r.size(); i++) {
                        s.append(' ').append(periods.period(r.periodId(i)).iso()).append('=').append(r.value(i))
                                .append('/').append(r.number(i));
                    }
                    seen.add(s.toString());
                }
            }
            assertThat(seen).containsExactly("1: 202401=10/10.0 202403=2.5/2.5", "2: 202401=oui/NaN");
        }
    }

    private static RawDataValue value(String pe, String ou, String v, boolean deleted) {
        return new RawDataValue("DataElemAAA", pe, ou, null, null, v, null, null, null, null, false, deleted, 0);
    }
}
