package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.IndicatorExpression;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;

/** Indicator, reporting-rate and quality themes on the demo country, checked against plain SQL. */
class ThemeTest {

    static Workspace ws;
    static ThemeRepository themes;
    static FeatureSet districts;

    @BeforeAll
    static void open() throws Exception {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
        themes = new ThemeRepository(ws.connection());
        districts = new MapDataRepository(ws.connection()).boundaries(3);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void expressionsEvaluateOperandsNumbersAndPrecedence() {
        IndicatorExpression e = IndicatorExpression.parse("(#{AAAAAAAAAAA.BBBBBBBBBBB} + #{CCCCCCCCCCC}) * 2 - -1 / 4");
        assertThat(e.operands()).containsExactlyInAnyOrder(
                new IndicatorExpression.Operand("AAAAAAAAAAA", "BBBBBBBBBBB"),
                new IndicatorExpression.Operand("CCCCCCCCCCC", null));
        Map<String, Double> v = Map.of("AAAAAAAAAAA", 3.0, "CCCCCCCCCCC", 4.0);
        assertThat(e.evaluate(o -> v.get(o.dataElementUid()))).isEqualTo(14.25);
        // A missing operand is 0 while another has data; all missing: no value.
        assertThat(e.evaluate(o -> o.dataElementUid().equals("AAAAAAAAAAA") ? 3.0 : Double.NaN)).isEqualTo(6.25);
        assertThat(e.evaluate(o -> Double.NaN)).isNaN();
        assertThat(IndicatorExpression.parse("1").evaluate(o -> Double.NaN)).isEqualTo(1);
        assertThat(IndicatorExpression.parse("#{AAAAAAAAAAA.*}").operands())
                .containsExactly(new IndicatorExpression.Operand("AAAAAAAAAAA", null));
    }

    @Test
    void expressionsRefuseWhatTheyCannotCompute() {
        assertThatThrownBy(() -> IndicatorExpression.parse("#{AAAAAAAAAAA} * C{DDDDDDDDDDD}"))
                .hasMessageContaining("position 18").hasMessageContaining("C{DDDDDDDDDDD}");
        assertThatThrownBy(() -> IndicatorExpression.parse("R{EEEEEEEEEEE.REPORTING_RATE}")).hasMessageContaining("R{");
        assertThatThrownBy(() -> IndicatorExpression.parse("(#{AAAAAAAAAAA}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorExpression.parse("#{AAAAAAAAAAA.BBBBBBBBBBB.CCCCCCCCCCC}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The sum of a data element in a district over 2024's months, straight from the DATA_VALUE view. */
    static double sqlSum(String deUid, String districtUid) throws Exception {
        try (PreparedStatement st = ws.connection().prepareStatement("SELECT SUM(V.NUMERIC_VALUE) FROM DATA_VALUE V"
                + " JOIN ORG_UNIT O ON O.UID = V.ORG_UNIT WHERE V.DATA_ELEMENT = ? AND V.PERIOD LIKE '2024%'"
                + " AND NOT V.DELETED AND O.PATH LIKE ?")) {
            st.setString(1, deUid);
            st.setString(2, "%/" + districtUid + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void malariaPositivityIsConfirmedOverTestedTimesHundredPerDistrict() throws Exception {
        PrintLayout layout = HealthMapComposer.compose(ws, MapRequest.defaults()
                .withTheme(new MapRequest.Theme(MapRequest.ThemeKind.INDICATOR, "IND_PALU_POSITIVITE", "2024"))
                .madeOn(LocalDate.of(2026, 11, 23)));
        ChoroplethLayer theme = (ChoroplethLayer) layout.model().entries().get(0).layer();
        MapDataRepository repo = new MapDataRepository(ws.connection());
        String conf = repo.dataElement("SNIS_PALU_CONF").orElseThrow().uid();
        String test = repo.dataElement("SNIS_PALU_TEST").orElseThrow().uid();
        for (int i = 0; i < districts.size(); i++) {
            double expected = sqlSum(conf, districts.get(i).uid()) / sqlSum(test, districts.get(i).uid()) * 100;
            assertThat(theme.value(i)).as(districts.get(i).name()).isCloseTo(expected, within(1e-9));
            assertThat(theme.value(i)).isBetween(1.0, 100.0);
        }
        assertThat(layout.title()).isEqualTo("Paludisme - Taux de positivité (%)");
        assertThat(layout.subtitle()).contains("2024").contains("× 100");
    }

    @Test
    void reportingRateIsReceivedOverExpected() throws Exception {
        ThemeRepository.DataSetInfo set;
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT UID FROM DATA_SET ORDER BY ID LIMIT 1")) {
            rs.next();
            set = themes.dataSet(rs.getString(1)).orElseThrow();
        }
        Period year = Period.parse("2024");
        double[] rates = themes.reportingRateByArea(districts, 3, set, year);
        // Independent count: registrations of the year per district over (assigned units × 12 months), for
        // the districts whose units were all open the whole year.
        for (int i = 0; i < districts.size(); i++) {
            String like = "%/" + districts.get(i).uid() + "/%";
            long assigned;
            long partial;
            long received;
            try (PreparedStatement st = ws.connection().prepareStatement("SELECT COUNT(*), COUNT(CASE WHEN"
                    + " O.OPENING_DATE > DATE '2024-01-01' OR O.CLOSED_DATE IS NOT NULL THEN 1 END) FROM DATA_SET_ORG_UNIT S"
                    + " JOIN ORG_UNIT O ON O.ID = S.ORG_UNIT_ID WHERE S.DATA_SET_ID = ? AND O.PATH LIKE ?")) {
                st.setInt(1, set.id());
                st.setString(2, like);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assigned = rs.getLong(1);
                    partial = rs.getLong(2);
                }
            }
            try (PreparedStatement st = ws.connection().prepareStatement("SELECT COUNT(DISTINCT (R.ORG_UNIT_ID, R.PERIOD_ID))"
                    + " FROM COMPLETE_REGISTRATION R JOIN ORG_UNIT O ON O.ID = R.ORG_UNIT_ID JOIN PERIOD P ON P.ID = R.PERIOD_ID"
                    + " WHERE R.DATA_SET_ID = ? AND R.COMPLETED AND O.PATH LIKE ? AND P.ISO LIKE '2024__'")) {
                st.setInt(1, set.id());
                st.setString(2, like);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    received = rs.getLong(1);
                }
            }
            assertThat(rates[i]).as(districts.get(i).name()).isBetween(0.0, 100.0);
            if (partial == 0) {
                assertThat(rates[i]).as(districts.get(i).name()).isCloseTo(100.0 * received / (assigned * 12), within(1e-9));
            }
        }
        assertThat(themes.reportingRateByArea(districts, 3, set, Period.parse("2019"))).containsOnly(Double.NaN);
    }

    @Test
    void qualityScoreCountsTheLatestRunsFindingsPerFacility(@TempDir Path dir) throws Exception {
        // A copy of the demo with two stored runs written as the quality module writes them.
        Path copy = dir.resolve("q" + Workspace.FILE_SUFFIX);
        Files.copy(DemoWorkspace.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        try (Workspace w = Workspace.open(copy, AccessMode.READ_WRITE)) {
            String facility;
            String district = districts.get(0).uid();
            try (Statement st = w.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT UID FROM ORG_UNIT WHERE LEVEL = 5 AND CLOSED_DATE IS NULL"
                        + " AND PATH LIKE '%/" + district + "/%' ORDER BY UID LIMIT 1")) {
                    rs.next();
                    facility = rs.getString(1);
                }
                st.executeUpdate("INSERT INTO QUALITY_RUN(ID, STARTED, FINISHED, CHECKS, PARAMETERS, FINDING_COUNT) VALUES"
                        + " (1, TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 10:01:00+00', 'x', '{}', 9),"
                        + " (2, TIMESTAMP WITH TIME ZONE '2026-02-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-02-01 10:01:00+00', 'x', '{}', 3)");
                String cols = "INSERT INTO QUALITY_FINDING(RUN_ID, CHECK_ID, DIMENSION, SEVERITY, ORG_UNIT_UID, PERIOD) VALUES ";
                st.executeUpdate(cols + "(1, 'outlier', 'outliers', 'high', '" + facility + "', '202403')");
                st.executeUpdate(cols + "(2, 'outlier', 'outliers', 'high', '" + facility + "', '202403'),"
                        + " (2, 'completeness', 'completeness', 'low', '" + facility + "', '202405'),"
                        + " (2, 'outlier', 'outliers', 'high', '" + facility + "', '202503'),"
                        + " (2, 'registry', 'geography', 'low', '" + facility + "', NULL)");
            }
            ThemeRepository t = new ThemeRepository(w.connection());
            ThemeRepository.QualityRunInfo run = t.latestQualityRun().orElseThrow();
            assertThat(run.id()).isEqualTo(2);
            double[] all = t.findingsPerFacility(districts, 3, 5, run, null, Period.parse("2024"));
            double[] outliers = t.findingsPerFacility(districts, 3, 5, run, "outlier", Period.parse("2024"));
            long facilities;
            try (Statement st = w.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL = 5 AND CLOSED_DATE IS NULL"
                         + " AND PATH LIKE '%/" + district + "/%'")) {
                rs.next();
                facilities = rs.getLong(1);
            }
            // 2024's two findings and the one without a period; 2025's and run 1's do not count.
            assertThat(all[0]).isCloseTo(3.0 / facilities, within(1e-12));
            assertThat(outliers[0]).isCloseTo(1.0 / facilities, within(1e-12));
            for (int i = 1; i < districts.size(); i++) {
                assertThat(all[i]).isZero();
            }
            PrintLayout layout = HealthMapComposer.compose(w, MapRequest.defaults()
                    .withTheme(new MapRequest.Theme(MapRequest.ThemeKind.QUALITY, null, "2024")));
            assertThat(layout.legends().get(0).title()).startsWith("Constats par formation sanitaire\ntous les contrôles");
        }
    }

    @Test
    void aYearOfAnAverageSumElementAveragesItsMonths() throws Exception {
        Map<Integer, Integer> ou = new HashMap<>();
        // One org unit, every stored month of 2024: SUM adds them, AVERAGE_SUM_ORG_UNIT is their mean.
        MapDataRepository repo = new MapDataRepository(ws.connection());
        MapDataRepository.DataElementInfo de = repo.dataElement("SNIS_CONS_EXT").orElseThrow();
        for (var e : themes.orgUnitToArea(districts, 3).entrySet()) {
            if (e.getValue() == 0) {
                ou.put(e.getKey(), 0);
            }
        }
        Map<Integer, Integer> months = themes.periodsWithin(Period.parse("2024"));
        double sum = themes.dataElementByArea(1, ou, months, de.id(), -1, ThemeRepository.Aggregation.SUM)[0];
        double avg = themes.dataElementByArea(1, ou, months, de.id(), -1, ThemeRepository.Aggregation.AVERAGE_SUM_ORG_UNIT)[0];
        assertThat(sum).isCloseTo(sqlSum(de.uid(), districts.get(0).uid()), within(1e-6));
        assertThat(avg).isCloseTo(sum / 12, within(1e-6));
        assertThat(ThemeRepository.Aggregation.of("AVERAGE_SUM_ORG_UNIT")).isEqualTo(ThemeRepository.Aggregation.AVERAGE_SUM_ORG_UNIT);
        assertThat(ThemeRepository.Aggregation.of(null)).isEqualTo(ThemeRepository.Aggregation.SUM);
    }

    @Test
    void theInMemoryCubeGivesTheSameValuesAsReadingTheWorkspace() throws Exception {
        FeatureSet areas = new MapDataRepository(ws.connection()).boundaries(4);
        MapDataRepository.DataElementInfo de = new MapDataRepository(ws.connection()).dataElement("SNIS_PALU_CONF").orElseThrow();
        org.santeatlas.map.data.AreaValueCube cube = org.santeatlas.map.data.AreaValueCube.load(themes, ws.connection(),
                areas, 4, de.id());
        for (String iso : new String[] {"202401", "202407", "2024Q3", "2024", "2019"}) {
            for (ThemeRepository.Aggregation agg : ThemeRepository.Aggregation.values()) {
                double[] read = themes.dataElementByArea(areas, 4, de.id(), -1, Period.parse(iso), agg);
                assertThat(cube.values(Period.parse(iso), agg)).as(iso + " " + agg).containsExactly(read, within(1e-9));
            }
        }
    }
}
