package org.santeatlas.map;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;

/**
 * Golden images of whole printed pages from the demo country (fixed seed, fixed date): a district map with
 * its facilities, a choropleth of health areas with its legend, and small multiples of four quarters.
 * Compared with {@code golden/<case>/reference.png} within {@link GoldenImageTest}'s tolerance; write new
 * references with {@code -Dgolden.update=true} and look at them before committing.
 */
class DemoGoldenImageTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static Workspace ws;

    @BeforeAll
    static void open() {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void districtMapWithFacilities() throws Exception {
        var layout = HealthMapComposer.compose(ws, MapRequest.defaults().withDistrict("Belgou")
                .withLocale(Locale.FRENCH).madeOn(DAY));
        GoldenImageTest.compare("demo-district-belgou", MapExport.render(layout, 900, 640, 96));
    }

    @Test
    void choroplethOfHealthAreasWithLegend() throws Exception {
        var layout = HealthMapComposer.compose(ws, MapRequest.defaults().withLevel(MapRequest.AreaLevel.AREA)
                .withTheme("SNIS_PALU_CONF", "2024").withLocale(Locale.FRENCH).madeOn(DAY));
        GoldenImageTest.compare("demo-areas-malaria-2024", MapExport.render(layout, 900, 640, 96));
    }

    @Test
    void smallMultiplesOfFourQuarters() throws Exception {
        var layout = HealthMapComposer.composeSeries(ws, MapRequest.defaults()
                .withTheme(new MapRequest.Theme(MapRequest.ThemeKind.INDICATOR, "IND_PALU_POSITIVITE", "2024Q1"))
                .withLocale(Locale.ENGLISH).madeOn(DAY),
                List.copyOf(Period.range(Period.parse("2024Q1"), Period.parse("2024Q4"))));
        GoldenImageTest.compare("demo-quarters-positivity", MapExport.render(layout, 900, 640, 96));
    }
}
