package org.santeatlas.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.text.NameKey;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * One sheet of an XLSX workbook read as rows of text, streamed: Apache POI's event API
 * ({@link XSSFReader} + {@link XSSFSheetXMLHandler}, SAX) on a second thread through a {@link RecordPipe},
 * never the whole-workbook DOM, so that memory does not grow with the sheet (the shared strings table
 * is held, as Excel itself requires). POI's {@code ZipSecureFile} limits against zip bombs stay on.
 *
 * <p>The sheet is the one named (exactly, else by {@link NameKey}) or the first with a non-blank row.
 * Cells read as the user sees them, with two exceptions that keep data intact: a number is written in
 * full, without a trailing {@code .0} and without the display format's rounding (a coordinate shown
 * with two decimals keeps its digits; a percentage stays a fraction), and a date is an ISO date
 * ({@code 2024-01-31}, or date-time when it has a time). Formulas give their cached value. A number
 * formatted with leading zeros ({@code 00123}) keeps them, since it is a code.
 *
 * <p>Legacy {@code .xls} (BIFF in an OLE2 container) and password-protected workbooks, both OLE2, are
 * refused with a message asking to save as {@code .xlsx}.
 */
public final class SheetTable extends RowSource {

    /** First bytes of an OLE2 compound document: legacy .xls, or an encrypted .xlsx. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private final RecordPipe<TableRow> pipe;

    private SheetTable(RecordPipe<TableRow> pipe, TableRow header) {
        super(header.cells(), header.line());
        this.pipe = pipe;
    }

    /**
     * Opens a sheet of the import's file with its header on row {@code headerRow} (1-based) or, when that
     * row is blank, the next non-blank one.
     *
     * @throws ImportFailure the file is not a readable XLSX workbook, lacks the named sheet, or is empty
     */
    public static SheetTable open(ImportContext context, Optional<String> sheet, int headerRow)
            throws ImportFailure, IOException {
        return open(context.file(), context.displayName(), sheet, headerRow);
    }

    /** {@link #open(ImportContext, Optional, int)} for a file outside an import (the import wizard). */
    public static SheetTable open(Path file, String displayName, Optional<String> sheet, int headerRow)
            throws ImportFailure, IOException {
        refuseOle2(file, displayName);
        RecordPipe<TableRow> pipe = new RecordPipe<>("santeatlas-xlsx", out -> read(file, displayName, sheet,
                row -> {
                    try {
                        out.emit(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                }));
        try {
            for (TableRow row = pipe.next(); row != null; row = pipe.next()) {
                if (row.line() >= headerRow) {
                    return new SheetTable(pipe, trimmed(row));
                }
            }
            throw new ImportFailure(Problem.of(displayName, 1, 0, "import.emptyFile", "the file is empty"));
        } catch (ImportFailure | IOException | RuntimeException e) {
            pipe.close();
            throw e;
        }
    }

    /**
     * The first {@code limit} non-blank rows of the sheet, read on the caller's thread and stopping there
     * (format detection, the import wizard's preview).
     */
    public static List<TableRow> firstRows(Path file, Optional<String> sheet, int limit)
            throws ImportFailure, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        refuseOle2(file, name);
        List<TableRow> rows = new ArrayList<>();
        read(file, name, sheet, row -> {
            rows.add(trimmed(row));
            return rows.size() < limit;
        });
        return rows;
    }

    /** Whether a file is an XLSX workbook: a zip holding {@code [Content_Types].xml} and {@code xl/workbook.xml}. */
    public static boolean isXlsx(Path file) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(4);
            }
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                return false;
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a file is an OLE2 compound document: an Excel 97-2003 workbook or a password-protected one. */
    public static boolean isLegacyExcel(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(OLE2.length), OLE2);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Why a file that no format was recognised in cannot be read as a spreadsheet: a legacy or protected
     * Excel file, or an XLSX workbook POI refuses (damaged, zip bomb limits). Empty otherwise.
     */
    public static Optional<Problem> whyUnreadable(Path file, String displayName) {
        if (isLegacyExcel(file)) {
            return Optional.of(legacyExcelProblem(displayName));
        }
        if (isXlsx(file)) {
            try {
                // The whole first sheet, keeping nothing: a zip bomb's padding may lie past the first rows.
                read(file, displayName, Optional.empty(), row -> true);
            } catch (ImportFailure e) {
                return Optional.of(Problem.of(displayName, e.problem().line(), e.problem().column(),
                        e.problem().key(), e.problem().message(), e.problem().args().toArray(String[]::new)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The problem for an OLE2 file offered as a spreadsheet. */
    public static Problem legacyExcelProblem(String displayName) {
        return Problem.of(displayName, 0, 0, "import.xlsxLegacy", "an Excel 97-2003 (.xls) or password-protected"
                + " workbook cannot be read: open it in Excel or LibreOffice and save it as an .xlsx workbook"
                + " without a password");
    }

    /** The pipe's rows are non-blank already (the sheet reader drops blank ones); trimmed here. */
    @Override
    protected TableRow readRow() throws ImportFailure, IOException {
        TableRow row = pipe.next();
        return row == null ? null : trimmed(row);
    }

    @Override
    public void close() {
        pipe.close();
    }

    private static void refuseOle2(Path file, String displayName) throws ImportFailure {
        if (isLegacyExcel(file)) {
            throw new ImportFailure(legacyExcelProblem(displayName));
        }
    }

    private static TableRow trimmed(TableRow row) {
        List<String> cells = new ArrayList<>(row.size());
        for (String c : row.cells()) {
            cells.add(c.strip());
        }
        return new TableRow(row.line(), cells);
    }

    /** Receives rows; returns false to stop reading. */
    @FunctionalInterface
    private interface RowSink {
        boolean accept(TableRow row);
    }

    /**
     * Reads the chosen sheet's non-blank rows in order. Everything POI or the zip layer can throw (damaged
     * archive, zip bomb limits, malformed XML) becomes an {@link ImportFailure} naming the file.
     */
    private static void read(Path file, String displayName, Optional<String> sheet, RowSink sink)
            throws ImportFailure, IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | POIXMLException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable(displayName, e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            boolean found = false;
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheet.isPresent() && !name.equals(sheet.get())
                            && !NameKey.of(name).equals(NameKey.of(sheet.get()))) {
                        continue;
                    }
                    found = true;
                    if (readSheet(in, strings, styles, sink) || sheet.isPresent()) {
                        return;
                    }
                }
            }
            if (sheet.isPresent() && !found) {
                throw new ImportFailure(Problem.of(displayName, 0, 0, "import.xlsxNoSheet", "the workbook has no sheet"
                        + " named '" + sheet.get() + "' (its sheets: " + String.join(", ", names) + ")",
                        sheet.get(), String.join(", ", names)));
            }
        } catch (OpenXML4JException | SAXException | POIXMLException | IllegalArgumentException
                 | IllegalStateException | ClassCastException e) {
            throw unreadable(displayName, e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException e) {
            if (e instanceof java.io.InterruptedIOException) {
                throw e;
            }
            throw unreadable(displayName, e);
        } finally {
            pkg.revert();
        }
    }

    /** Parses one sheet; returns whether it had a non-blank row (or the sink stopped early). */
    private static boolean readSheet(InputStream in, ReadOnlySharedStringsTable strings, StylesTable styles,
                                     RowSink sink) throws IOException, SAXException {
        Rows rows = new Rows(sink);
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser is unavailable", e);
        }
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new CellText(), false));
        try {
            parser.parse(new InputSource(in));
        } catch (StopRuntime stop) {
            return true;
        }
        return rows.any;
    }

    private static ImportFailure unreadable(String displayName, Exception e) {
        String why = String.valueOf(e.getMessage());
        return new ImportFailure(Problem.of(displayName, 0, 0, "import.xlsxUnreadable",
                "not a readable XLSX workbook: " + why, why), e);
    }

    /** Collects each row's cells (gaps filled with empty text) and hands non-blank rows to the sink. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private int row;
        private boolean any;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            TableRow r = new TableRow(row + 1L, cells);
            if (!r.isBlank()) {
                any = true;
                if (!sink.accept(r)) {
                    throw new StopRuntime();
                }
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
        }
    }

    /** Thrown through the SAX parser (a sheet handler throws no checked exception) once the sink has enough rows. */
    private static final class StopRuntime extends RuntimeException {
        StopRuntime() {
            super("enough rows", null, false, false);
        }
    }

    /**
     * Cell text: numbers in full and plain, dates as ISO dates, zero-padded codes as displayed. POI's
     * sheet handler formats every numeric cell (formula results included) through here.
     */
    static final class CellText extends DataFormatter {

        CellText() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            if (formatString != null && formatString.matches("0{2,}")) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904);
            }
            return plain(value);
        }

        static String plain(double value) {
            if (value == 0) {
                return "0";
            }
            if (!Double.isFinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
