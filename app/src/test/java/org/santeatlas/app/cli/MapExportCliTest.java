package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code santeatlas map}'s export formats and options (issue 5) on the demo workspace. */
class MapExportCliTest {

    @TempDir
    static Path dir;
    static Path workspace;
    static Locale previous;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SanteAtlasCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void buildDemo() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Run demo = run("demo", "--out", dir.resolve("demo").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        List<String> lines = demo.out().lines().toList();
        workspace = Path.of(lines.get(lines.size() - 1));
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }

    @Test
    void pdfAndSvgArePickedByTheExtension() throws Exception {
        Path pdf = dir.resolve("carte.pdf");
        Run r = run("map", "-w", workspace.toString(), "--out", pdf.toString(), "--item", "SNIS_PALU_CONF",
                "--period", "2024", "--lang", "fr");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("297 × 210 mm");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            assertThat(new PDFTextStripper().getText(doc)).contains("Paludisme - Cas confirmés").contains("Hôpital de District");
        }
        Path svg = dir.resolve("carte.SVG");
        Run s = run("map", "-w", workspace.toString(), "--out", svg.toString(), "--lang", "en");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("Health map");
    }
}
