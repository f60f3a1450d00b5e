package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.SmallMultiplesLayout;

/** Twelve months of malaria side by side: one classification, one legend, vector PDF. */
class SmallMultiplesTest {

    static Workspace ws;
    static SmallMultiplesLayout layout;
    static final List<Period> MONTHS = Period.range(Period.parse("202401"), Period.parse("202412"));

    @BeforeAll
    static void compose() throws Exception {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
        layout = HealthMapComposer.composeSeries(ws, MapRequest.defaults().withTheme("SNIS_PALU_CONF", "202401")
                .withLocale(Locale.FRENCH).madeOn(LocalDate.of(2026, 11, 23)), MONTHS);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void everyPanelSharesOneClassificationAndTheLegendCountsAreaPeriods() throws Exception {
        assertThat(layout.panels()).hasSize(12);
        assertThat(layout.panels().get(0).caption()).isEqualTo("janvier 2024");
        ChoroplethLayer first = (ChoroplethLayer) layout.panels().get(0).model().entries().get(0).layer();
        int total = 0;
        for (SmallMultiplesLayout.Panel p : layout.panels()) {
            ChoroplethLayer t = (ChoroplethLayer) p.model().entries().get(0).layer();
            assertThat(t.classification()).isEqualTo(first.classification());
            total++;
        }
        Legend legend = layout.legend();
        int counted = legend.rows().stream().mapToInt(r -> r.count().orElse(0)).sum();
        assertThat(counted).isEqualTo(14 * total);
        assertThat(legend.title()).contains("zones × périodes");
        // The shared limits span the whole year: July's peak is inside them, not clipped to January's range.
        double julyMax = 0;
        ChoroplethLayer july = (ChoroplethLayer) layout.panels().get(6).model().entries().get(0).layer();
        for (int i = 0; i < 14; i++) {
            julyMax = Math.max(julyMax, Double.isNaN(july.value(i)) ? 0 : july.value(i));
        }
        double[] limits = first.classification().limits();
        assertThat(limits[limits.length - 1]).isGreaterThanOrEqualTo(julyMax);
    }

    @Test
    void printsAsOneVectorPageWithEveryCaption(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("mois.pdf");
        MapExport.write(layout, pdf, 1754, 1240, 150);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            for (Period p : MONTHS) {
                assertThat(text).contains(p.startDate().format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                        Locale.FRENCH)));
            }
            assertThat(text).contains("Paludisme - Cas confirmés").contains("DONNÉES FICTIVES");
        }
        Path svg = dir.resolve("mois.svg");
        MapExport.write(layout, svg, 1754, 1240, 150);
        assertThat(java.nio.file.Files.readString(svg)).contains("décembre 2024");
    }

    @Test
    void moreThanTwelvePeriodsOrNoThemeAreRefused() {
        List<Period> thirteen = Period.range(Period.parse("202401"), Period.parse("202501"));
        assertThatThrownBy(() -> HealthMapComposer.composeSeries(ws, MapRequest.defaults().withTheme("SNIS_PALU_CONF",
                "202401"), thirteen)).hasMessageContaining("map.tooManyPeriods");
        assertThatThrownBy(() -> HealthMapComposer.composeSeries(ws, MapRequest.defaults(), MONTHS))
                .hasMessageContaining("map.periodsNeedTheme");
    }
}
