package org.santeatlas.importers;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a spreadsheet-like file, whatever it is saved as ({@link CsvTable} for CSV,
 * {@link SheetTable} for XLSX): a header row, then the rows below it streamed one at a time with their
 * line (or row) numbers, blank rows skipped. Memory stays flat whatever the file's size.
 *
 * <p>The import's thread; not thread-safe.
 */
public interface RowSource extends AutoCloseable {

    /** The header row's cells as written (trimmed). */
    List<String> header();

    /** The line or row number of the header (1-based). */
    long headerLine();

    /** The next non-blank row below the header, or null after the last. */
    TableRow nextRow() throws ImportFailure, IOException;

    @Override
    void close() throws IOException;
}
