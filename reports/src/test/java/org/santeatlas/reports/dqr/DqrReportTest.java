package org.santeatlas.reports.dqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.reporting.Scorecard;
import org.santeatlas.reports.DemoWorkspace;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.PageImages;
import org.santeatlas.reports.pdf.PdfInspect;

/** The district DQR of the demo country, read back from the PDF and compared with the quality engine's figures. */
class DqrReportTest {

    static Path dir;
    static Path pdf;
    static DqrAnalysis.Result result;
    static String text;

    @BeforeAll
    static void build() throws Exception {
        dir = Files.createTempDirectory("dqr-test");
        String keep = System.getenv("REPORT_KEEP");
        pdf = Path.of(Objects.requireNonNullElse(keep, dir.toString())).resolve("dqr-belgou.pdf");
        try (Workspace ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY)) {
            result = DqrAnalysis.run(ws, "Belgou", "2025", QualityParameters.DEFAULTS);
            try (OutputStream out = Files.newOutputStream(pdf)) {
                new DqrReport(result, new ReportText(Locale.FRENCH), Paper.A4, LocalDate.of(2026, 11, 23)).write(out);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
    }

    /** Numbers of the extracted text as the engine writes them: no thousands separator, decimal point. */
    static List<String> numbers(String s) {
        String plain = s.replace("\u202F", "").replace("\u00A0", "");
        Matcher m = Pattern.compile("-?\\d+(,\\d+)?").matcher(plain);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group().replace(',', '.'));
        }
        return out;
    }

    @Test
    void theReportNamesTheDistrictAndEmbedsEveryFontWithoutImages() throws Exception {
        assertThat(result.district().name()).isEqualTo("District sanitaire de Belgou");
        assertThat(text).contains("District sanitaire de Belgou", "Revue de la qualité des données du district",
                "Sommaire", "Tableau de bord", "Valeurs à vérifier");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(14);
            List<String> notEmbedded = new ArrayList<>();
            PdfInspect.forEachFont(doc, (name, font) -> {
                if (!font.isEmbedded()) {
                    notEmbedded.add(name + " " + font.getName());
                }
            });
            assertThat(notEmbedded).isEmpty();
            int forms = 0;
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                assertThat(PdfInspect.imageCount(doc.getPage(i))).as("images on page %d", i + 1).isZero();
                forms += PdfInspect.formCount(doc.getPage(i));
            }
            // scorecard, reporting chart, one per top outlier, over time, one per pair, map
            assertThat(forms).isGreaterThanOrEqualTo(4 + Math.min(DqrReport.TOP_OUTLIERS, DqrReport.outliers(result).size()));
        }
    }

    @Test
    void theScorecardPrintsTheEnginesScoresForTheDistrictAndTheCountry() {
        Scorecard.Row row = result.row().orElseThrow();
        List<String> printed = numbers(text);
        for (Dimension d : result.scorecard().dimensions()) {
            assertThat(printed).as(d.id()).contains(String.format(Locale.ROOT, "%.1f", 100 * row.score(d)));
            assertThat(printed).as(d.id() + " country").contains(
                    String.format(Locale.ROOT, "%.1f", 100 * result.scorecard().country().score(d)));
        }
        assertThat(printed).contains(String.format(Locale.ROOT, "%.1f", 100 * row.overall()));
        // the over-time column comes from the run over the earlier years, merged into the main scorecard
        assertThat(row.scores()).containsKey(Dimension.CONSISTENCY_OVER_TIME);
    }

    @Test
    void everyOutlierAndValueToVerifyIsPrintedWithTheEnginesValueAndRange() {
        List<Finding> outliers = DqrReport.outliers(result);
        assertThat(outliers).isNotEmpty();
        String plain = text.replace("\u202F", "").replace(',', '.');
        for (Finding f : outliers.subList(0, Math.min(DqrReport.MAX_ROWS, outliers.size()))) {
            assertThat(plain).as(f.toString()).contains(f.value()).contains(f.expected());
        }
        List<Finding> verify = DqrReport.valuesToVerify(result);
        assertThat(verify).isNotEmpty();
        // sorted by impact: the first is an extreme one
        assertThat(verify.get(0).severity()).isEqualTo(outliers.get(0).severity());
    }

    @Test
    void everyFindingOfTheDistrictBelongsToIt() {
        for (Finding f : result.findings()) {
            assertThat(result.tree().within(f.orgUnit(), result.district())).isTrue();
        }
        assertThat(result.findings()).anyMatch(f -> f.dimension() == Dimension.GEOGRAPHY || f.dimension() == Dimension.REGISTRY
                || f.dimension() == Dimension.OUTLIERS);
    }

    /**
     * The scorecard page (heat table and district table) and the first outlier page (two charts) against the
     * committed references, rendered at 60 dpi. The dates are fixed by the test, so these pages do not change
     * from one day to the next; the cover (import dates) is not compared.
     */
    @Test
    void chosenPagesLookLikeTheirReferences() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int outlierPage = -1;
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 3; p <= doc.getNumberOfPages() && outlierPage < 0; p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(doc).contains("1. CSI")) {
                    outlierPage = p - 1;
                }
            }
            assertThat(outlierPage).isPositive();
            String[] names = {"dqr-belgou-scorecard.png", "dqr-belgou-outliers.png"};
            int[] pages = {2, outlierPage};
            for (int i = 0; i < names.length; i++) {
                java.awt.image.BufferedImage actual = PageImages.render(doc, pages[i]);
                java.awt.image.BufferedImage reference = PageImages.reference(names[i], actual);
                assertThat(reference).as("reference %s (actual written to target/golden)", names[i]).isNotNull();
                PageImages.Difference d = PageImages.compare(actual, reference);
                assertThat(d.sameSize()).as(names[i]).isTrue();
                assertThat(d.changedShare()).as("%s: share of changed pixels", names[i]).isLessThan(0.01);
                assertThat(d.meanDelta()).as("%s: mean difference", names[i]).isLessThan(3);
            }
        }
    }
}
