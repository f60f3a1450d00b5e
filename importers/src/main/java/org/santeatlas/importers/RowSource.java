package org.santeatlas.importers;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a spreadsheet-like file, whatever it is saved as ({@link CsvTable} for CSV,
 * {@link SheetTable} for XLSX): a header row, then the rows below it streamed one at a time with their
 * line (or row) numbers, blank rows skipped. Memory stays flat whatever the file's size. What the two
 * share lives here: the header and the skipping of blank rows; a subclass only reads rows.
 *
 * <p>The import's thread; not thread-safe.
 */
public abstract class RowSource implements AutoCloseable {

    private final List<String> header;
    private final long headerLine;

    /**
     * @param header     the header row's cells as written (trimmed)
     * @param headerLine its line or row number (1-based)
     */
    protected RowSource(List<String> header, long headerLine) {
        this.header = header;
        this.headerLine = headerLine;
    }

    /** The header row's cells as written (trimmed). */
    public final List<String> header() {
        return header;
    }

    /** The line or row number of the header (1-based). */
    public final long headerLine() {
        return headerLine;
    }

    /** The next non-blank row below the header, or null after the last. */
    public final TableRow nextRow() throws ImportFailure, IOException {
        for (TableRow row = readRow(); row != null; row = readRow()) {
            if (!row.isBlank()) {
                return row;
            }
        }
        return null;
    }

    /** The next row below the previous one, blank or not; null after the last. */
    protected abstract TableRow readRow() throws ImportFailure, IOException;

    @Override
    public abstract void close() throws IOException;
}
