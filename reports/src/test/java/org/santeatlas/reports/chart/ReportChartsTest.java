package org.santeatlas.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.junit.jupiter.api.Test;
import org.santeatlas.quality.Severity;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.pdf.Orientation;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.PdfInspect;
import org.santeatlas.reports.pdf.ReportDocument;

class ReportChartsTest {

    private static ReportCharts.MonthlyData series() {
        List<YearMonth> months = new ArrayList<>();
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            months.add(YearMonth.of(2024, 1).plusMonths(i));
            v[i] = 9000 + 500 * Math.sin(i);
        }
        v[17] = 48_000;
        return new ReportCharts.MonthlyData("CSI Été — Consultations", "Consultations", months, v,
                List.of(new ReportCharts.Flag(months.get(17), 48_000, Severity.HIGH)), 8000, 10500, "attendu");
    }

    /** Draws the chart on a PDF page and returns the page's text. */
    private static String drawnText(JFreeChart chart, ReportText text) throws Exception {
        ReportDocument d = new ReportDocument(Paper.A4, new ReportDocument.Cover("t", "", "", "", "", List.of(), false),
                text);
        d.section("Chart", Orientation.PORTRAIT);
        d.graphic(495, 260, g -> ReportCharts.draw(chart, g, 495, 260));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.save(out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(3);
            s.setEndPage(3);
            assertThat(PdfInspect.imageCount(pdf.getPage(2))).isZero();
            assertThat(PdfInspect.formCount(pdf.getPage(2))).isEqualTo(1);
            PdfInspect.forEachFont(pdf, (n, f) -> assertThat(f.isEmbedded()).isTrue());
            return s.getText(pdf);
        }
    }

    @Test
    void aFrenchChartIsVectorTextWithFrenchThousandsAndMonthNames() throws Exception {
        String text = drawnText(ReportCharts.monthly(series(), new ReportText(Locale.FRENCH)), new ReportText(Locale.FRENCH));
        assertThat(text).contains("CSI Été — Consultations", "Valeur extrême");
        assertThat(text).containsPattern("\\d{1,3}\u202F\\d{3}");
        assertThat(text).contains("mars 24", "juin 25", "sept. 24");
        String en = drawnText(ReportCharts.monthly(series(), new ReportText(Locale.ENGLISH)), new ReportText(Locale.ENGLISH));
        assertThat(en).containsPattern("\\d{1,3},\\d{3}").contains("Extreme outlier");
    }

    @Test
    void theReportingChartDrawsTheQualityThresholdsAsTargetLines() {
        JFreeChart c = ReportCharts.reportingRates(List.of(new ReportCharts.Rate("Bodo", 0.95, 0.80),
                new ReportCharts.Rate("Siza", 0.70, Double.NaN)), 0.90, 0.75, new ReportText(Locale.ENGLISH));
        CategoryPlot plot = c.getCategoryPlot();
        List<Double> lines = new ArrayList<>();
        for (Object m : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            lines.add(((ValueMarker) m).getValue());
        }
        assertThat(lines).containsExactlyInAnyOrder(90.0, 75.0);
        assertThat(plot.getDataset().getValue("Completeness", "Siza").doubleValue()).isEqualTo(70.0);
        assertThat(plot.getDataset().getValue("Timeliness", "Siza")).isNull();
    }

    @Test
    void theRatioChartSeparatesDistrictsOutsideTheBand() {
        JFreeChart c = ReportCharts.ratioAgainstNational("ANC1/Penta1", List.of(new ReportCharts.Ratio("A", 1.0),
                new ReportCharts.Ratio("B", 1.3)), 1.05, 0.10, new ReportText(Locale.FRENCH));
        CategoryPlot plot = c.getCategoryPlot();
        assertThat(plot.getDataset().getValue("dans la bande", "A")).isEqualTo(1.0);
        assertThat(plot.getDataset().getValue("hors de la bande", "B")).isEqualTo(1.3);
        assertThat(plot.getDataset().getValue("dans la bande", "B")).isNull();
    }
}
