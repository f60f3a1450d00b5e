package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.app.cli.CliRuns.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.cli.CliRuns.Run;

/** {@code santeatlas map}'s export formats and options (issue 5) on the demo workspace. */
class MapExportCliTest {

    @TempDir
    static Path dir;
    static Path workspace;
    static Locale previous;

    @BeforeAll
    static void buildDemo() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        workspace = CliRuns.readOnlyDemo();
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

    @Test
    void themesAndOneDistrict() throws Exception {
        Run ind = run("map", "-w", workspace.toString(), "--out", dir.resolve("ind.pdf").toString(), "--theme", "indicator",
                "--item", "IND_PALU_POSITIVITE", "--period", "2024", "--district", "Belgou", "--lang", "fr");
        assertThat(ind.code()).as(ind.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(dir.resolve("ind.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Paludisme - Taux de positivité (%)").contains("District sanitaire de Belgou")
                    .contains("Aire de santé");
        }
        Run rate = run("map", "-w", workspace.toString(), "--out", dir.resolve("rr.svg").toString(),
                "--theme", "reporting-rate", "--item", "SNIS_RMA", "--period", "2024");
        // A wrong data set is named in the message.
        Run badSet = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(),
                "--theme", "reporting-rate", "--item", "NOPE", "--period", "2024");
        assertThat(badSet.code()).isEqualTo(1);
        assertThat(badSet.err()).contains("no data set 'NOPE'");
        assertThat(rate.code()).as(rate.err()).isZero();
        assertThat(Files.readString(dir.resolve("rr.svg"))).contains("Completeness: Rapport mensuel d&apos;activités (SNIS)");
        Run noRun = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(),
                "--theme", "quality", "--period", "2024");
        assertThat(noRun.code()).isEqualTo(1);
        assertThat(noRun.err()).contains("no quality run yet");
        Run district = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(),
                "--district", "Belgu");
        assertThat(district.code()).isEqualTo(1);
        assertThat(district.err()).contains("no district 'Belgu'").contains("District sanitaire de Belgou")
                .doesNotContain("Exception");
        assertThat(dir.resolve("x.png")).doesNotExist();
        Run badTheme = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(),
                "--theme", "colour", "--item", "X", "--period", "2024");
        assertThat(badTheme.code()).isNotZero();
    }

    @Test
    void smallMultiplesAndFacilityStatus() throws Exception {
        Path png = dir.resolve("mois.png");
        Run r = run("map", "-w", workspace.toString(), "--out", png.toString(), "--item", "SNIS_PALU_CONF",
                "--periods", "2024-01..2024-06", "--width", "1000", "--height", "700", "--dpi", "96");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
        Run many = run("map", "-w", workspace.toString(), "--out", png.toString(), "--item", "SNIS_PALU_CONF",
                "--periods", "202301..202412");
        assertThat(many.code()).isEqualTo(1);
        assertThat(many.err()).contains("24 periods").contains("at most 12");
        Run both = run("map", "-w", workspace.toString(), "--out", png.toString(), "--item", "SNIS_PALU_CONF",
                "--periods", "202401..202402", "--period", "2024");
        assertThat(both.err()).contains("not both");
        Run mixed = run("map", "-w", workspace.toString(), "--out", png.toString(), "--item", "SNIS_PALU_CONF",
                "--periods", "2024Q1..202406");
        assertThat(mixed.err()).contains("is not a range of periods");
        Path pdf = dir.resolve("statut.pdf");
        Run status = run("map", "-w", workspace.toString(), "--out", pdf.toString(), "--theme", "reporting-rate",
                "--item", "SNIS_RMA", "--period", "202407", "--facility-color", "reporting", "--facility-size",
                "SNIS_PALU_CONF", "--lang", "en");
        assertThat(status.code()).as(status.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Every report on time").contains("Circle area:");
        }
        Run noPeriod = run("map", "-w", workspace.toString(), "--out", png.toString(), "--facility-color", "reporting");
        assertThat(noPeriod.code()).isEqualTo(1);
        assertThat(noPeriod.err()).contains("need a period");
    }
}
