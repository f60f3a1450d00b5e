package org.santeatlas.importers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet-like CSV file: a header row mapped to fields by synonyms, then rows streamed with
 * their line numbers. Unreadable text becomes an {@link ImportFailure} naming the file. As a
 * {@link RowSource} it gives rows as text cells, like {@link SheetTable} does for XLSX.
 */
public final class CsvTable extends RowSource {

    private final ImportContext context;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final ColumnMapping mapping;

    private CsvTable(ImportContext context, CSVParser parser, Iterator<CSVRecord> rows, CSVRecord header,
                     Map<String, List<String>> synonyms) {
        super(header.toList().stream().map(h -> h.replace("\uFEFF", "").trim()).toList(),
                parser.getCurrentLineNumber());
        this.context = context;
        this.parser = parser;
        this.rows = rows;
        this.mapping = ColumnMapping.fromHeader(header, synonyms);
    }

    public static CsvTable open(ImportContext context, Map<String, List<String>> synonyms)
            throws IOException, ImportFailure {
        return open(context, synonyms, 1);
    }

    /**
     * A table whose header is on line {@code headerRow} or, when that line is empty, the next non-empty
     * one (titles above a header are skipped).
     */
    public static CsvTable open(ImportContext context, Map<String, List<String>> synonyms, int headerRow)
            throws IOException, ImportFailure {
        Charset charset = CsvFiles.charset(context);
        char delimiter = headerRow <= 1 ? CsvFiles.sniffDelimiter(context.file(), charset)
                : sniffDelimiter(context.file(), charset, headerRow);
        CSVParser parser = CsvFiles.open(context.file(), delimiter, charset);
        try {
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                if (!hasNext(context, rows)) {
                    throw new ImportFailure(context.problem(1, 0, "import.emptyFile", "the file is empty"));
                }
                CSVRecord record = rows.next();
                if (parser.getCurrentLineNumber() >= headerRow) {
                    return new CsvTable(context, parser, rows, record, synonyms);
                }
            }
        } catch (ImportFailure | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The delimiter of the header line when titles sit above it: the more frequent of ';', ',' and tab. */
    private static char sniffDelimiter(java.nio.file.Path file, Charset charset, int headerRow) throws IOException {
        String header = null;
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, charset)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (++n >= headerRow && !line.isBlank()) {
                    header = line;
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            header = null;
        }
        return header == null ? CsvFiles.sniffDelimiter(file, charset) : CsvFiles.delimiterOf(header);
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    protected TableRow readRow() throws ImportFailure {
        CSVRecord r = next();
        return r == null ? null : new TableRow(line(), r.toList());
    }

    /** The next row, or null after the last. */
    public CSVRecord next() throws ImportFailure {
        return hasNext(context, rows) ? rows.next() : null;
    }

    /** The line the last row ended on (1-based). */
    public long line() {
        return parser.getCurrentLineNumber();
    }

    private static boolean hasNext(ImportContext context, Iterator<CSVRecord> rows) throws ImportFailure {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportFailure(context.problem(0, 0, "import.notUtf8", "the file is not UTF-8 text"), e);
            }
            throw new ImportFailure(context.problem(0, 0, "import.malformedCsv",
                    "malformed CSV: " + e.getCause().getMessage(), String.valueOf(e.getCause().getMessage())), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
