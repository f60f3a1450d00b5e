package org.santeatlas.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.reports.ReportText;

class ReportDocumentTest {

    @TempDir
    Path dir;

    private static ReportDocument.Cover cover(boolean fictional) {
        return new ReportDocument.Cover("Revue de la qualité des données", "District Santé Été", "2025",
                "23 novembre 2026", "demo.mv.db", List.of("metadata.json (dhis2-metadata)"), fictional);
    }

    @Test
    void longTableBreaksAcrossPagesRepeatingItsHeaderAndTheContentsGiveEachHeadingsPage() throws IOException {
        ReportText fr = new ReportText(Locale.FRENCH);
        ReportDocument d = new ReportDocument(Paper.A4, cover(false), fr);
        d.section("Première section", Orientation.PORTRAIT);
        d.paragraph("Un paragraphe assez long pour passer à la ligne. ".repeat(20));
        Table t = Table.of(Table.Column.text("Établissement", 3), Table.Column.number("Valeur", 1));
        for (int i = 0; i < 150; i++) {
            t.row("CSI n° " + i, fr.format(1000.5 * i, 1));
        }
        d.table(t);
        d.section("Deuxième section", Orientation.LANDSCAPE);
        d.heading(2, "Sous-section");
        int contentPages = d.contentPages();
        Path file = Path.of(java.util.Objects.requireNonNullElse(System.getenv("REPORT_KEEP"), dir.toString())).resolve("r.pdf");
        d.save(file);

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            // cover + one contents page + the content pages
            assertThat(pdf.getNumberOfPages()).isEqualTo(2 + contentPages);
            assertThat(contentPages).isGreaterThanOrEqualTo(5);
            PDFTextStripper s = new PDFTextStripper();
            String all = s.getText(pdf);
            assertThat(all).contains("District Santé Été", "Sommaire");
            int n = pdf.getNumberOfPages();
            for (int p = 1; p <= n; p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                String page = s.getText(pdf);
                assertThat(page).contains("page " + p + " / " + n);
                if (p > 3 && page.contains("CSI n°")) {
                    assertThat(page).as("page %d repeats the header row", p).contains("Établissement");
                }
            }
            // the last section starts on the last page, landscape, and the contents say so
            PDPage last = pdf.getPage(n - 1);
            assertThat(last.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            s.setStartPage(2);
            s.setEndPage(2);
            String toc = s.getText(pdf);
            assertThat(toc).containsPattern("Deuxième section[ .]*" + n);
            assertThat(toc).containsPattern("Première section[ .]*3");
            // the French thousands separator survives: narrow no-break space
            assertThat(all).contains("149" + '\u202F' + "074,5");
            for (PDPage page : pdf.getPages()) {
                for (COSName f : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(f).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void graphicsTextStaysEmbeddedTextAndTheDemoGetsTheFictionalMarkOnEveryPage() throws IOException {
        ReportDocument d = new ReportDocument(Paper.LETTER, cover(true), new ReportText(Locale.ENGLISH));
        d.section("Chart", Orientation.PORTRAIT);
        d.graphic(300, 200, g -> {
            g.setColor(Color.BLUE);
            g.fillRect(10, 10, 100, 50);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString("Légende du graphique", 20, 120);
            g.setFont(ReportFonts.awt(false, 10));
            g.drawString("Santé 1 234", 20, 150);
        });
        Path file = Path.of(java.util.Objects.requireNonNullElse(System.getenv("REPORT_KEEP"), dir.toString())).resolve("g.pdf");
        d.save(file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            PDFTextStripper s = new PDFTextStripper();
            String all = s.getText(pdf);
            assertThat(all).contains("Légende du graphique", "Santé 1 234");
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                // diagonal text comes out a few letters per line
                assertThat(s.getText(pdf).replaceAll("\\s", "")).contains("DONNÉESFICTIVES/FICTIONALDATA");
            }
            List<String> fonts = new ArrayList<>();
            PdfInspect.forEachFont(pdf, (name, font) -> {
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(name).isTrue();
            });
            assertThat(fonts).anyMatch(n -> n.contains("DejaVuSans-Bold")).anyMatch(n -> n.contains("DejaVuSans"));
            assertThat(PdfInspect.imageCount(pdf.getPage(2))).isZero();
        }
    }
}
