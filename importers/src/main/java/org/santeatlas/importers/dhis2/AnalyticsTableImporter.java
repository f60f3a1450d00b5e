package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.santeatlas.core.store.DataValueWriter;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.CsvTable;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.RowSource;
import org.santeatlas.importers.SheetTable;
import org.santeatlas.importers.TableRow;
import org.santeatlas.importers.dhis2.AnalyticsLayout.Kind;
import org.santeatlas.importers.dhis2.AnalyticsLayout.Role;
import org.santeatlas.importers.dhis2.AnalyticsResolver.Ref;

/**
 * A DHIS2 analytics table saved as CSV or XLSX: what the Data Visualizer's "Download → Plain data source →
 * CSV / Microsoft Excel" gives, one value a row with its Data, Period, Organisation unit (and Category
 * option combo) columns, by ID, code or name as the download chose ({@link AnalyticsLayout} reads the
 * header, in English or French, {@code dx}/{@code pe}/{@code ou}/{@code value} included). Periods may be
 * named ("January 2024", "Janvier 2024", "T1 2024": {@link PeriodNames}).
 *
 * <p>Names are resolved against the workspace accent- and case-insensitively; an unresolved name is
 * reported once with the number of rows it cost. When the file gives both an ID column and a name column
 * (e.g. "Data ID" and "Data"), unknown UIDs become metadata as in {@link AnalyticsJsonImporter}. In an
 * XLSX the header may sit below a few title rows. Read twice, streamed: once to resolve, once to store.
 */
public final class AnalyticsTableImporter implements Importer {

    /** Rows searched for the header in a workbook with a title above the table. */
    private static final int HEADER_SEARCH = 10;

    private final ImportFormat format;

    public AnalyticsTableImporter(ImportFormat format) {
        if (format != ImportFormat.DHIS2_ANALYTICS_CSV && format != ImportFormat.DHIS2_ANALYTICS_XLSX) {
            throw new IllegalArgumentException(format.id());
        }
        this.format = format;
    }

    @Override
    public ImportFormat format() {
        return format;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(TableRow row) throws SQLException;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        int headerRow = 1;
        if (format == ImportFormat.DHIS2_ANALYTICS_XLSX) {
            for (TableRow row : SheetTable.firstRows(context.file(), Optional.empty(), HEADER_SEARCH)) {
                if (AnalyticsLayout.recognise(row.cells()).isPresent()) {
                    headerRow = (int) row.line();
                    break;
                }
            }
        }
        AnalyticsLayout layout;
        Map<String, AnalyticsResolver.Item> items = new HashMap<>();
        long[] count = {0};
        try (RowSource rows = open(context, headerRow)) {
            layout = AnalyticsLayout.recognise(rows.header()).orElseThrow(() -> new ImportFailure(context.problem(
                    rows.headerLine(), 0, "import.analyticsHeader", "not a DHIS2 analytics table: the header needs"
                            + " Data, Period, Organisation unit and Value columns (found: "
                            + String.join(", ", rows.header()) + ")", String.join(", ", rows.header()))));
            // Names of the items the file identifies by UID, for the metadata it may have to create.
            for (TableRow r = rows.nextRow(); r != null; r = rows.nextRow()) {
                for (Role role : new Role[] {Role.DX, Role.OU, Role.CO, Role.AO}) {
                    String id = cell(r, layout, role, Kind.ID);
                    String name = cell(r, layout, role, Kind.NAME);
                    if (name == null && layout.column(role, Kind.ID).isPresent()) {
                        name = cell(r, layout, role, Kind.ANY);
                    }
                    if (id != null && name != null) {
                        items.putIfAbsent(id, new AnalyticsResolver.Item(name, cell(r, layout, role, Kind.CODE),
                                null, null));
                    }
                }
            }
        }
        try (AnalyticsResolver resolver = new AnalyticsResolver(context, items)) {
            forEachRow(context, headerRow, r -> {
                String v = cell(r, layout, Role.VALUE, Kind.ANY);
                if (v != null) {
                    count[0]++;
                    if (value(resolver, layout, r, v) == null) {
                        context.counts().rejected();
                    }
                }
            });
            resolver.reportMisses();
            resolver.quiet();
            try (DataValueWriter writer = new DataValueWriter(context.connection(), context.batchId(),
                    context.displayName(), context.problems())) {
                forEachRow(context, headerRow, r -> {
                    String v = cell(r, layout, Role.VALUE, Kind.ANY);
                    RawDataValue raw = v == null ? null : value(resolver, layout, r, v);
                    if (raw != null) {
                        writer.add(raw);
                    }
                });
                context.counts().add(writer.finish());
            }
        }
        context.progress().update(1, 1, count[0]);
    }

    private RowSource open(ImportContext context, int headerRow) throws ImportFailure, IOException {
        return format == ImportFormat.DHIS2_ANALYTICS_XLSX ? SheetTable.open(context, Optional.empty(), headerRow)
                : CsvTable.open(context, Map.of(), headerRow);
    }

    private void forEachRow(ImportContext context, int headerRow, RowHandler handler)
            throws ImportFailure, IOException, SQLException {
        try (RowSource rows = open(context, headerRow)) {
            for (TableRow r = rows.nextRow(); r != null; r = rows.nextRow()) {
                handler.row(r);
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("import cancelled");
                }
            }
        }
    }

    private static RawDataValue value(AnalyticsResolver resolver, AnalyticsLayout layout, TableRow r, String value)
            throws SQLException {
        return resolver.value(ref(r, layout, Role.DX), ref(r, layout, Role.PE), ref(r, layout, Role.OU),
                ref(r, layout, Role.CO), ref(r, layout, Role.AO), value, r.line());
    }

    /** A role's reference in a row: its ID, name, code and plain cells; null when the file has none. */
    private static Ref ref(TableRow r, AnalyticsLayout layout, Role role) {
        if (!layout.has(role)) {
            return null;
        }
        return new Ref(cell(r, layout, role, Kind.ID), cell(r, layout, role, Kind.NAME),
                cell(r, layout, role, Kind.CODE), cell(r, layout, role, Kind.ANY));
    }

    private static String cell(TableRow r, AnalyticsLayout layout, Role role, Kind kind) {
        Optional<Integer> c = layout.column(role, kind);
        if (c.isEmpty()) {
            return null;
        }
        String v = r.cell(c.get()).strip();
        return v.isEmpty() ? null : v;
    }

    static List<Role> roles() {
        return List.of(Role.values());
    }
}
