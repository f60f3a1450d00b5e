package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.app.cli.CliRuns.run;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.cli.CliRuns.Run;

/** {@code santeatlas report} end to end on the demo workspace, in process. */
class ReportCliTest {

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
    void dqrWritesTheFrenchPdfAndTheXlsxTablesWithNumbersAsNumbers() throws Exception {
        Path pdf = dir.resolve("rqd.pdf");
        Path xlsx = dir.resolve("rqd.xlsx");
        Run r = run("report", "-w", workspace.toString(), "--type", "dqr", "--district", "Belgou", "--period", "2025",
                "--lang", "fr", "--out", pdf.toString(), "--xlsx", xlsx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rqd.pdf", "District sanitaire de Belgou").contains("rqd.xlsx");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("District sanitaire de Belgou", "Revue de la qualité des données du district");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            Sheet scorecard = wb.getSheetAt(0);
            assertThat(scorecard.getRow(0).getCell(0).getStringCellValue()).isEqualTo("District");
            // 14 districts and the country, each score a number between 0 and 1
            assertThat(scorecard.getLastRowNum()).isEqualTo(15);
            assertThat(scorecard.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(scorecard.getRow(1).getCell(1).getNumericCellValue()).isBetween(0.0, 1.0);
            Sheet outliers = wb.getSheetAt(2);
            assertThat(outliers.getLastRowNum()).isPositive();
            assertThat(outliers.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void letterPaperAndEnglishOnRequest() throws Exception {
        Path pdf = dir.resolve("dqr-letter.pdf");
        Run r = run("report", "-w", workspace.toString(), "--type", "dqr", "--district", "District sanitaire de Bodo",
                "--period", "2025Q2", "--lang", "en", "--paper", "letter", "--out", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("District data quality review", "Q2 2025", "Contents");
        }
    }

    @Test
    void anUnknownDistrictOrPeriodExitsOneWithTheClosestValidChoices() {
        Run district = run("report", "-w", workspace.toString(), "--type", "dqr", "--district", "Belgu",
                "--out", dir.resolve("x.pdf").toString());
        assertThat(district.code()).isEqualTo(1);
        assertThat(district.err()).contains("no district 'Belgu'").contains("District sanitaire de Belgou")
                .doesNotContain("Exception");
        assertThat(district.err().lines().count()).isEqualTo(1);
        Run period = run("report", "-w", workspace.toString(), "--type", "dqr", "--district", "Belgou",
                "--period", "2027", "--out", dir.resolve("x.pdf").toString());
        assertThat(period.code()).isEqualTo(1);
        assertThat(period.err()).contains("'2027'").contains("Closest with data: 2025, 2024, 2023");
        Run noDistrict = run("report", "-w", workspace.toString(), "--type", "facility", "--out",
                dir.resolve("x.pdf").toString());
        assertThat(noDistrict.code()).isEqualTo(1);
        assertThat(noDistrict.err()).contains("--district");
        Run radiusForDqr = run("report", "-w", workspace.toString(), "--type", "dqr", "--district", "Belgou",
                "--radius-km", "5", "--out", dir.resolve("x.pdf").toString());
        assertThat(radiusForDqr.code()).isEqualTo(1);
        assertThat(radiusForDqr.err()).contains("--type atlas").doesNotContain("Exception");
        Run badRadius = run("report", "-w", workspace.toString(), "--type", "atlas", "--radius-km", "0",
                "--out", dir.resolve("x.pdf").toString());
        assertThat(badRadius.code()).isEqualTo(1);
        assertThat(badRadius.err()).contains("radius 0").doesNotContain("Exception");
        Run badOut = run("report", "-w", workspace.toString(), "--type", "atlas", "--out", dir.resolve("x.xlsx").toString());
        assertThat(badOut.code()).isEqualTo(1);
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void facilitySheetsHaveAPagePerFacilityAndTheAtlasPrintsTheCoverageAtTheRadiusAsked() throws Exception {
        Path sheets = dir.resolve("fiches.pdf");
        Run f = run("report", "-w", workspace.toString(), "--type", "facility", "--district", "Belgou", "--lang", "fr",
                "--out", sheets.toString());
        assertThat(f.code()).as(f.err()).isZero();
        int facilities = Integer.parseInt(f.out().replaceAll("(?s).*\\((\\d+) facilities.*", "$1"));
        assertThat(facilities).isGreaterThan(3);
        try (PDDocument doc = Loader.loadPDF(sheets.toFile())) {
            // cover + contents + at least a page per facility
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(facilities + 2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Fiches des formations sanitaires", "Rapports mensuels reçus", "Aire de santé");
        }
        Path atlas = dir.resolve("atlas.pdf");
        Run a = run("report", "-w", workspace.toString(), "--type", "atlas", "--lang", "fr", "--radius-km", "10",
                "--out", atlas.toString());
        assertThat(a.code()).as(a.err()).isZero();
        // the country's figures as santeatlas coverage prints them at the same radius
        Run c = run("coverage", "-w", workspace.toString(), "--radius-km", "10", "--json");
        assertThat(c.code()).as(c.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.out());
        java.text.DecimalFormatSymbols fr = java.text.DecimalFormatSymbols.getInstance(Locale.FRENCH);
        fr.setGroupingSeparator('\u202f');
        java.text.DecimalFormat n = new java.text.DecimalFormat("#,##0", fr);
        try (PDDocument doc = Loader.loadPDF(atlas.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Carte d'ensemble", "District sanitaire de Zakoukan", "Couverture à 10 km, par district",
                    "Ensemble du pays " + n.format(json.get("population").asLong()) + " "
                            + n.format(json.get("covered").asLong()));
            assertThat(text).doesNotContain("pas encore disponible");
            // landscape district pages
            assertThat(doc.getPage(doc.getNumberOfPages() - 1).getMediaBox().getWidth())
                    .isGreaterThan(doc.getPage(doc.getNumberOfPages() - 1).getMediaBox().getHeight());
        }
    }
}
