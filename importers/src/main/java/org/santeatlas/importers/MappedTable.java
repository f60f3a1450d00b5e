package org.santeatlas.importers;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A spreadsheet (CSV or XLSX) with its columns mapped to fields: the user's {@code --mapping} file when
 * given (its sheet, header row, columns and coordinate notation), else the mapping suggested from the
 * header. What the registry and locality importers read, whatever the file is saved as.
 *
 * <p>The import's thread.
 */
public final class MappedTable implements AutoCloseable {

    private final RowSource rows;
    private final ColumnMapping mapping;
    private final Coordinates.Notation notation;

    private MappedTable(RowSource rows, ColumnMapping mapping, Coordinates.Notation notation) {
        this.rows = rows;
        this.mapping = mapping;
        this.notation = notation;
    }

    /**
     * @param xlsx   read the file as an XLSX workbook, else as CSV
     * @param fields the fields the format reads, with their usual header names
     * @throws ImportFailure the file or the mapping file is unreadable, or the mapping names a column the
     *                       file lacks
     */
    public static MappedTable open(ImportContext context, boolean xlsx, Map<String, List<String>> fields)
            throws ImportFailure, IOException {
        MappingFile file = context.options().mapping().isPresent()
                ? MappingFile.load(context.options().mapping().get()) : MappingFile.NONE;
        RowSource rows = xlsx ? SheetTable.open(context, file.sheet(), file.headerRow())
                : CsvTable.open(context, fields, file.headerRow());
        try {
            ColumnMapping mapping = file.apply(rows.header(), fields, context.displayName(), rows.headerLine());
            return new MappedTable(rows, mapping, file.coordinates());
        } catch (ImportFailure | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /** How the file writes coordinates: the mapping's choice, else {@link Coordinates.Notation#AUTO}. */
    public Coordinates.Notation notation() {
        return notation;
    }

    public long headerLine() {
        return rows.headerLine();
    }

    /** The next non-blank row, or null after the last. */
    public TableRow next() throws ImportFailure, IOException {
        return rows.nextRow();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
