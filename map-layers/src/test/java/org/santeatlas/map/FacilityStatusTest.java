package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.layer.FacilityStatusLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;

/** Facilities coloured by reporting status and sized by a value, on the demo country. */
class FacilityStatusTest {

    static Workspace ws;
    static FeatureSet facilities;

    @BeforeAll
    static void open() throws Exception {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
        facilities = new MapDataRepository(ws.connection()).facilities(5).features();
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void aMonthsReportingStatusFollowsTheRegistrationAndItsDate() throws Exception {
        ThemeRepository t = new ThemeRepository(ws.connection());
        ThemeRepository.DataSetInfo set = t.dataSet("SNIS_RMA").orElseThrow();
        int[] status = t.reportingStatus(facilities, set, Period.parse("202407"));
        int checked = 0;
        try (PreparedStatement st = ws.connection().prepareStatement("SELECT MIN(R.REGISTERED) FROM COMPLETE_REGISTRATION R"
                + " JOIN ORG_UNIT O ON O.ID = R.ORG_UNIT_ID JOIN PERIOD P ON P.ID = R.PERIOD_ID"
                + " WHERE O.UID = ? AND P.ISO = '202407' AND R.COMPLETED AND R.DATA_SET_ID = ?");
             PreparedStatement assigned = ws.connection().prepareStatement("SELECT COUNT(*) FROM DATA_SET_ORG_UNIT S"
                     + " JOIN ORG_UNIT O ON O.ID = S.ORG_UNIT_ID WHERE O.UID = ? AND S.DATA_SET_ID = ?"
                     + " AND (O.OPENING_DATE IS NULL OR O.OPENING_DATE <= DATE '2024-07-31')")) {
            for (int i = 0; i < facilities.size(); i++) {
                assigned.setString(1, facilities.get(i).uid());
                assigned.setInt(2, set.id());
                long a;
                try (ResultSet rs = assigned.executeQuery()) {
                    rs.next();
                    a = rs.getLong(1);
                }
                st.setString(1, facilities.get(i).uid());
                st.setInt(2, set.id());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp when = rs.getTimestamp(1);
                    int expected = a == 0 ? -1 : when == null ? ThemeRepository.MISSING
                            : when.toLocalDateTime().toLocalDate().isAfter(LocalDate.of(2024, 7, 31).plusDays((long) set.timelyDays()))
                                    ? ThemeRepository.LATE : ThemeRepository.ON_TIME;
                    assertThat(status[i]).as(facilities.get(i).name()).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(facilities.size());
        // The demo plants late and missing reports: all three states occur.
        assertThat(status).contains(ThemeRepository.ON_TIME, ThemeRepository.LATE, ThemeRepository.MISSING);
    }

    @Test
    void circlesAreProportionalByAreaWithARoundSizeLegend() throws Exception {
        PrintLayout layout = HealthMapComposer.compose(ws, MapRequest.defaults()
                .withTheme(new MapRequest.Theme(MapRequest.ThemeKind.REPORTING_RATE, "SNIS_RMA", "202407"))
                .withFacilityColor(MapRequest.FacilityColor.REPORTING).withFacilitySize("SNIS_PALU_CONF")
                .withLocale(Locale.FRENCH).madeOn(LocalDate.of(2026, 11, 23)));
        FacilityStatusLayer f = (FacilityStatusLayer) layout.model().entry("facilities").orElseThrow().layer();
        double d100 = f.diameterOf(100);
        assertThat(f.diameterOf(400)).isCloseTo(2 * d100, within(1e-9));
        assertThat(f.diameterOf(0)).isEqualTo(f.diameterOf(Double.NaN)).isLessThan(3);
        List<Legend> legends = layout.legends();
        assertThat(legends).extracting(Legend::title).anySatisfy(title -> assertThat(title).startsWith("Rapportage : "))
                .anySatisfy(title -> assertThat(title).startsWith("Surface du cercle : Palu confirmés"));
        Legend size = legends.stream().filter(l -> l.title().startsWith("Surface")).findFirst().orElseThrow();
        assertThat(size.rows()).hasSizeBetween(2, 3);
        for (Legend.Row r : size.rows()) {
            double v = Double.parseDouble(r.label().replace("\u202f", "").replace("\u00a0", "").replace(",", "."));
            double mantissa = v / Math.pow(10, Math.floor(Math.log10(v)));
            assertThat(mantissa).isIn(1.0, 2.0, 5.0);
            assertThat(((Legend.Symbol) r.key()).style().size()).isCloseTo(f.diameterOf(v), within(1e-9));
        }
        Legend status = legends.stream().filter(l -> l.title().startsWith("Rapportage")).findFirst().orElseThrow();
        int total = status.rows().stream().mapToInt(r -> r.count().orElse(0)).sum();
        assertThat(total).isEqualTo(facilities.size());
    }

    @Test
    void facilityOptionsNeedAPeriod() {
        assertThatThrownBy(() -> HealthMapComposer.compose(ws, MapRequest.defaults()
                .withFacilityColor(MapRequest.FacilityColor.REPORTING)))
                .isInstanceOf(HealthMapComposer.MapRequestException.class).hasMessageContaining("map.facilityNeedsPeriod");
    }
}
