package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.Workbooks.Formatted;
import org.santeatlas.importers.Workbooks.Formula;

/** XLSX sheets read as rows of text, streamed, with their row numbers. */
class SheetTableTest {

    @TempDir
    Path dir;

    @Test
    void cellsReadAsTheUserSeesThemWithNumbersInFull() throws Exception {
        Path file = Workbooks.write(dir.resolve("t.xlsx"),
                new Object[] {"Code", "Nom", "Pop", "Date", "Lat", "Total", "Code zéro", "Ratio", "Ouvert"},
                new Object[] {"SC-1", "CSI Kollo", 1200, LocalDate.of(2024, 1, 31), new Formatted(13.51234567, "0.00"),
                    new Formula("C2*2"), new Formatted(123, "00000"), 0.125, true});

        try (SheetTable t = SheetTable.open(file, "t.xlsx", Optional.empty(), 1)) {
            assertThat(t.header()).containsExactly("Code", "Nom", "Pop", "Date", "Lat", "Total", "Code zéro", "Ratio",
                    "Ouvert");
            assertThat(t.headerLine()).isEqualTo(1);
            TableRow r = t.nextRow();
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.cells()).containsExactly("SC-1", "CSI Kollo", "1200", "2024-01-31", "13.51234567", "2400",
                    "00123", "0.125", "TRUE");
            assertThat(t.nextRow()).isNull();
        }
    }

    @Test
    void blankRowsAreSkippedAndRowsKeepTheirSpreadsheetNumbers() throws Exception {
        Path file = Workbooks.write(dir.resolve("t.xlsx"),
                new Object[] {"Liste des formations sanitaires"},
                null,
                new Object[] {"code", "nom"},
                new Object[] {"A", "Alpha"},
                null,
                new Object[] {"", "  "},
                new Object[] {null, "Bêta"});

        try (SheetTable t = SheetTable.open(file, "t.xlsx", Optional.empty(), 3)) {
            assertThat(t.header()).containsExactly("code", "nom");
            assertThat(t.headerLine()).isEqualTo(3);
            assertThat(t.nextRow()).isEqualTo(new TableRow(4, List.of("A", "Alpha")));
            assertThat(t.nextRow()).isEqualTo(new TableRow(7, List.of("", "Bêta")));
            assertThat(t.nextRow()).isNull();
        }
    }

    @Test
    void readsTheFirstSheetWithDataOrTheNamedOne() throws Exception {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("Notes", new Object[0][]);
        sheets.put("Données", new Object[][] {{"code"}, {"X1"}});
        sheets.put("Autre", new Object[][] {{"id"}, {"Y1"}});
        Path file = Workbooks.write(dir.resolve("t.xlsx"), sheets);

        assertThat(SheetTable.firstRows(file, Optional.empty(), 5)).extracting(TableRow::cells)
                .containsExactly(List.of("code"), List.of("X1"));
        assertThat(SheetTable.firstRows(file, Optional.of("autre"), 5)).extracting(TableRow::cells)
                .containsExactly(List.of("id"), List.of("Y1"));
        assertThat(SheetTable.firstRows(file, Optional.of("DONNEES"), 1)).extracting(TableRow::cells)
                .containsExactly(List.of("code"));

        ImportFailure f = catchThrowableOfType(ImportFailure.class,
                () -> SheetTable.firstRows(file, Optional.of("Feuil9"), 1));
        assertThat(f.problem().key()).isEqualTo("import.xlsxNoSheet");
        assertThat(f.problem().args()).containsExactly("Feuil9", "Notes, Données, Autre");
    }

    @Test
    void aLargeSheetStreamsThroughInBatches() throws Exception {
        Object[][] rows = new Object[5_001][];
        rows[0] = new Object[] {"code", "valeur"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"C" + i, i};
        }
        Path file = Workbooks.write(dir.resolve("big.xlsx"), rows);

        long count = 0;
        long sum = 0;
        try (SheetTable t = SheetTable.open(file, "big.xlsx", Optional.empty(), 1)) {
            for (TableRow r = t.nextRow(); r != null; r = t.nextRow()) {
                count++;
                sum += Long.parseLong(r.cell(1));
                assertThat(r.line()).isEqualTo(count + 1);
            }
        }
        assertThat(count).isEqualTo(5_000);
        assertThat(sum).isEqualTo(5_000L * 5_001 / 2);
    }

    @Test
    void closingEarlyStopsTheReader() throws Exception {
        Object[][] rows = new Object[6_001][];
        rows[0] = new Object[] {"code"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"C" + i};
        }
        Path file = Workbooks.write(dir.resolve("big.xlsx"), rows);
        try (SheetTable t = SheetTable.open(file, "big.xlsx", Optional.empty(), 1)) {
            assertThat(t.nextRow().cells()).containsExactly("C1");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().equals("santeatlas-xlsx"));
    }

    @Test
    void tellsXlsxFromOtherZipsAndLegacyExcel() throws Exception {
        Path xlsx = Workbooks.write(dir.resolve("t.xlsx"), new Object[] {"a"});
        Path zip = dir.resolve("t.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path xls = legacyXls(dir.resolve("old.xlsx"));

        assertThat(SheetTable.isXlsx(xlsx)).isTrue();
        assertThat(SheetTable.isXlsx(zip)).isFalse();
        assertThat(SheetTable.isXlsx(xls)).isFalse();
        assertThat(SheetTable.isLegacyExcel(xls)).isTrue();
        assertThat(Compression.of(xlsx)).isEqualTo(Compression.NONE);
        assertThat(Compression.of(zip)).isEqualTo(Compression.ZIP);
        assertThatThrownBy(() -> SheetTable.firstRows(xls, Optional.empty(), 1))
                .isInstanceOfSatisfying(ImportFailure.class,
                        f -> assertThat(f.problem().key()).isEqualTo("import.xlsxLegacy"));
    }

    @Test
    void aLegacyXlsIsRefusedWithAMessageToSaveAsXlsx() throws Exception {
        Path xls = legacyXls(dir.resolve("liste.xls"));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportResult auto = new ImportService(ws).importFile(xls, Optional.empty(), ImportProgress.NONE);
            assertThat(auto.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.xlsxLegacy");
                assertThat(p.message()).contains(".xlsx");
            });
            ImportResult forced = new ImportService(ws).importFile(xls, Optional.of(ImportFormat.REGISTRY_XLSX),
                    ImportProgress.NONE);
            assertThat(forced.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.xlsxLegacy"));
        }
    }

    @Test
    void aDamagedWorkbookFailsNamingTheFile() throws Exception {
        Path good = Workbooks.write(dir.resolve("good.xlsx"), new Object[] {"code", "nom", "type"},
                new Object[] {"A", "Alpha", "CSI"});
        Path damaged = rewrite(good, dir.resolve("damaged.xlsx"), "xl/worksheets/sheet1.xml",
                text -> text.substring(0, text.length() / 2));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            for (Optional<ImportFormat> format : List.of(Optional.<ImportFormat>empty(),
                    Optional.of(ImportFormat.REGISTRY_XLSX))) {
                ImportResult r = new ImportService(ws).importFile(damaged, format, ImportProgress.NONE);
                assertThat(r.failure()).hasValueSatisfying(p -> {
                    assertThat(p.key()).isEqualTo("import.xlsxUnreadable");
                    assertThat(p.file()).isEqualTo("damaged.xlsx");
                });
            }
            // Cut short, it is no longer a readable zip at all: the archive layer says so.
            ImportResult r = new ImportService(ws).importFile(cut, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.compressedDamaged"));
            assertThat(ws.summary().registryRecords()).isZero();
        }
    }

    @Test
    void poisZipBombLimitsStayOn() throws Exception {
        Path good = Workbooks.write(dir.resolve("good.xlsx"), new Object[] {"code", "nom", "type"},
                new Object[] {"A", "Alpha", "CSI"});
        // The same workbook whose sheet is padded with 20 MB of spaces: compresses about 1000 times, far
        // beyond POI's ZipSecureFile minimum inflate ratio (1/100).
        Path bomb = rewrite(good, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml",
                text -> text.replace("</worksheet>", " ".repeat(20 << 20) + "</worksheet>"));
        assertThat(Files.size(bomb)).isLessThan(200_000);
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportResult r = new ImportService(ws).importFile(bomb, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.xlsxUnreadable");
                assertThat(p.message()).containsIgnoringCase("zip bomb");
            });
            assertThat(ws.summary().registryRecords()).isZero();
        }
    }

    /** A copy of a workbook with one entry's text changed. */
    static Path rewrite(Path workbook, Path copy, String entryName,
                        java.util.function.UnaryOperator<String> change) throws IOException {
        try (ZipFile in = new ZipFile(workbook.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    byte[] bytes = data.readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    /** The first bytes of an OLE2 compound document, as Excel 97-2003 writes .xls. */
    static Path legacyXls(Path file) throws IOException {
        byte[] header = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, header, 0, magic.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header);
        }
        return file;
    }

    static List<String> cells(TableRow r) {
        return new ArrayList<>(r.cells());
    }
}
