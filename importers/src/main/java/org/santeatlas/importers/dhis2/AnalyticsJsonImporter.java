package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.santeatlas.core.store.DataValueWriter;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.RecordPipe;
import org.santeatlas.importers.JsonFiles;

/**
 * DHIS2's analytics response in JSON ({@code api/analytics.json}, the Data Visualizer's "Download →
 * Plain data source → JSON"): aggregated values, not raw data values, but what most district officers
 * can download. The shape (DHIS2 Web API, "Analytics"):
 *
 * <pre>{@code
 * {"headers": [{"name": "dx", "column": "Data", "meta": true, ...}, {"name": "pe", ...}, {"name": "ou", ...},
 *              {"name": "value", "column": "Value", "meta": false, ...}],
 *  "metaData": {"items": {"<uid>": {"name": "...", "dimensionItemType": "INDICATOR", ...}, ...},
 *               "dimensions": {"dx": [...], "pe": [...], "ou": [...], "co": [...]}},
 *  "rows": [["<dx>", "202401", "<ou>", "12"], ...], "height": 1, "width": 4}
 * }</pre>
 *
 * <p>A {@code dx} item is a data element, a data element operand {@code DE.COC} (or {@code DE.COC.AOC}),
 * an indicator, a program indicator or a reporting rate; a {@code co} (and {@code ao}) column, when the
 * query asked for it, gives the option combo. A dimension used as a filter has no column: its single item
 * in {@code metaData.dimensions} applies to every row (several items were aggregated together: refused).
 * Older DHIS2 versions give {@code metaData.names} instead of {@code items}; both are read. A breakdown by
 * another dimension (a category, a group set) cannot be stored as data values and refuses the file.
 *
 * <p>Values go into the data value store under the data element (and option combo) they resolve to; an
 * indicator's values under a data element of its own, marked {@code SOURCE = 'DHIS2 analytics'}, so that
 * an indicator downloaded from DHIS2 maps and charts like any other series (SantéAtlas does not recompute
 * DHIS2's indicators: the aggregated value is what the district saw). Metadata named in
 * {@code metaData.items} that the workspace lacks is created ({@link AnalyticsResolver}).
 *
 * <p>Read in one pass when {@code headers} and {@code metaData} come before {@code rows}, as DHIS2 writes
 * them: the rows are parsed on their own thread while the import's thread resolves and stores them
 * ({@link PipedDataValueImporter}). When the rows come first (a file without metadata, or written by
 * another tool), what follows them may change how a row resolves, so the rows are skipped on a first
 * read and streamed on a second one: memory stays flat either way, no row is held back.
 */
public final class AnalyticsJsonImporter extends PipedDataValueImporter<Object> {

    /** Header names of non-dimension columns a query may add (includeNumDen). */
    private static final Set<String> MEASURES = Set.of("value", "numerator", "denominator", "factor", "multiplier",
            "divisor");

    private static final List<String> STORED = List.of("dx", "pe", "ou", "co", "ao");

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_ANALYTICS_JSON;
    }

    /** What the rows need: the headers and the metadata. The parser emits it once, before the first row. */
    private record Head(List<String> names, List<Boolean> meta, Map<String, AnalyticsResolver.Item> items,
                        Map<String, List<String>> dimensions, boolean headersSeen) {
    }

    /** One row's cells (strings; numbers as text) and its line. */
    private record Row(String[] cells, long line) {
    }

    /** Set on the import's thread when the head arrives. */
    private AnalyticsResolver resolver;
    private int[] col;
    private String[] constant;
    private int value;

    /** Aggregated values: DHIS2's period types need not match the data sets' (a yearly total of a monthly element). */
    @Override
    DataValueWriter.Options writerOptions(ImportContext context) {
        return DataValueWriter.Options.DEFAULTS;
    }

    @Override
    RawDataValue resolve(ImportContext context, Object record) throws SQLException, ImportFailure {
        if (record instanceof Head head) {
            start(context, head);
            return null;
        }
        Row row = (Row) record;
        String v = cell(row.cells(), value);
        if (v == null || v.isBlank()) {
            return null;
        }
        RawDataValue raw = value(resolver, row.cells(), col, constant, v, row.line());
        if (raw == null) {
            context.counts().rejected();
        }
        return raw;
    }

    @Override
    void beforeFinish(ImportContext context) {
        if (resolver != null) {
            resolver.reportMisses();
        }
    }

    @Override
    void release() throws SQLException {
        if (resolver != null) {
            resolver.close();
        }
    }

    /** Checks the head as a whole, then prepares the resolver. */
    private void start(ImportContext context, Head head) throws ImportFailure, SQLException {
        if (!head.headersSeen()) {
            throw new ImportFailure(context.problem(1, 0, "import.analyticsNoHeaders", "not a DHIS2 analytics"
                    + " response: no \"headers\" array"));
        }
        col = new int[STORED.size()];
        for (int i = 0; i < col.length; i++) {
            col[i] = head.names().indexOf(STORED.get(i));
        }
        value = head.names().indexOf("value");
        for (int c = 0; c < head.names().size(); c++) {
            String name = head.names().get(c);
            if (head.meta().get(c) && !STORED.contains(name) && !MEASURES.contains(name)) {
                throw new ImportFailure(context.problem(1, 0, "import.analyticsExtraDimension", "the export is broken"
                        + " down by '" + name + "', which cannot be stored as data values; download it with Data,"
                        + " Period and Organisation unit (and Category option combo) only", name));
            }
        }
        if (value < 0) {
            throw new ImportFailure(context.problem(1, 0, "import.analyticsNoValue",
                    "the export has no value column"));
        }
        // A dimension used as a filter: its one item applies to every row.
        constant = new String[STORED.size()];
        for (int i = 0; i < 3; i++) {
            if (col[i] < 0) {
                List<String> items = head.dimensions().getOrDefault(STORED.get(i), List.of());
                if (items.size() != 1) {
                    String dim = STORED.get(i);
                    throw new ImportFailure(context.problem(1, 0, "import.analyticsMissingDimension", "the export has"
                            + " no '" + dim + "' column and not a single '" + dim + "' item in its metadata: download"
                            + " it with " + dim + " as a row or column, not a filter", dim));
                }
                constant[i] = items.get(0);
            }
        }
        resolver = new AnalyticsResolver(context, head.items());
    }

    /**
     * Parser thread: reads the head up to the rows; streams them at once when headers and metaData came
     * first, else skips them, reads on to the end, and streams them on a second read of the file.
     */
    @Override
    void parse(ImportContext context, RecordPipe.Emitter<Object> out) throws ImportFailure, IOException {
        List<String> names = new ArrayList<>();
        List<Boolean> meta = new ArrayList<>();
        Map<String, AnalyticsResolver.Item> items = new HashMap<>();
        Map<String, List<String>> dimensions = new HashMap<>();
        boolean headers = false;
        boolean metaData = false;
        boolean rowsSkipped = false;
        boolean streamed = false;
        try (JsonParser p = JsonFiles.open(context)) {
            p.nextToken();
            JsonFiles.expect(context, p, JsonToken.START_OBJECT, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("headers")) {
                    JsonFiles.expect(context, p, JsonToken.START_ARRAY, "the headers array");
                    headers = true;
                    readHeaders(p, names, meta);
                } else if (key.equals("metaData")) {
                    JsonFiles.expect(context, p, JsonToken.START_OBJECT, "the metaData object");
                    metaData = true;
                    readMetaData(p, items, dimensions);
                } else if (key.equals("rows") && headers && metaData && !streamed) {
                    out.emit(new Head(names, meta, items, dimensions, true));
                    streamRows(context, p, names.indexOf("value"), out);
                    streamed = true;
                } else {
                    rowsSkipped |= key.equals("rows");
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
        if (streamed) {
            return;
        }
        out.emit(new Head(names, meta, items, dimensions, headers));
        if (!headers || !rowsSkipped) {
            return;
        }
        try (JsonParser p = JsonFiles.open(context)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("rows")) {
                    streamRows(context, p, names.indexOf("value"), out);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
    }

    private static void readHeaders(JsonParser p, List<String> names, List<Boolean> meta) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            boolean isMeta = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name")) {
                    name = JsonFiles.text(p);
                } else if (field.equals("meta")) {
                    isMeta = JsonFiles.bool(p);
                } else {
                    p.skipChildren();
                }
            }
            names.add(name == null ? "" : name);
            meta.add(isMeta && !"value".equals(name));
        }
    }

    private static RawDataValue value(AnalyticsResolver resolver, String[] cells, int[] col, String[] constant,
                                      String value, long line) throws SQLException {
        AnalyticsResolver.Ref[] refs = new AnalyticsResolver.Ref[STORED.size()];
        for (int i = 0; i < refs.length; i++) {
            String text = col[i] >= 0 ? cell(cells, col[i]) : constant[i];
            refs[i] = text == null ? null : AnalyticsResolver.Ref.any(text);
        }
        if (refs[0] == null || refs[1] == null || refs[2] == null) {
            return resolver.value(orEmpty(refs[0]), orEmpty(refs[1]), orEmpty(refs[2]), refs[3], refs[4], value,
                    line);
        }
        return resolver.value(refs[0], refs[1], refs[2], refs[3], refs[4], value, line);
    }

    private static AnalyticsResolver.Ref orEmpty(AnalyticsResolver.Ref ref) {
        return ref != null ? ref : AnalyticsResolver.Ref.any("");
    }

    private static String cell(String[] cells, int index) {
        return index >= 0 && index < cells.length ? cells[index] : null;
    }

    private static void readMetaData(JsonParser p, Map<String, AnalyticsResolver.Item> items,
                                     Map<String, List<String>> dimensions) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (key.equals("items") && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String id = p.currentName();
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    String name = null;
                    String code = null;
                    String type = null;
                    String aggregation = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        switch (field) {
                            case "name" -> name = JsonFiles.text(p);
                            case "code" -> code = JsonFiles.text(p);
                            case "dimensionItemType" -> type = JsonFiles.text(p);
                            case "totalAggregationType" -> aggregation = JsonFiles.text(p);
                            default -> p.skipChildren();
                        }
                    }
                    items.put(id, new AnalyticsResolver.Item(name, code, type, aggregation));
                }
            } else if (key.equals("names") && t == JsonToken.START_OBJECT) {
                // DHIS2 before 2.25: "names": {"<id>": "<name>"}.
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String id = p.currentName();
                    p.nextToken();
                    String name = JsonFiles.text(p);
                    items.putIfAbsent(id, new AnalyticsResolver.Item(name, null, null, null));
                }
            } else if ((key.equals("dimensions") && t == JsonToken.START_OBJECT)) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String dim = p.currentName();
                    dimensions.put(dim, strings(p));
                }
            } else if (STORED.contains(key) && t == JsonToken.START_ARRAY) {
                // DHIS2 before 2.25: "pe": [...], "ou": [...] directly under metaData.
                List<String> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(JsonFiles.text(p));
                }
                dimensions.putIfAbsent(key, list);
            } else {
                p.skipChildren();
            }
        }
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return list;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(JsonFiles.text(p));
        }
        return list;
    }

    /**
     * Streams {@code rows} (the parser is on its start): each an array of cells (strings, or numbers in some
     * versions). Cells other than the value column repeat a few identifiers millions of times: they go
     * through a {@link StringPool}, so that a repeat allocates nothing and the resolver's lookups find a
     * cached hash. Parser thread.
     */
    private static void streamRows(ImportContext context, JsonParser p, int valueColumn,
                                   RecordPipe.Emitter<Object> out) throws IOException, ImportFailure {
        JsonFiles.expect(context, p, JsonToken.START_ARRAY, "the rows array");
        StringPool pool = new StringPool();
        List<String> cells = new ArrayList<>();
        long rows = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw JsonFiles.truncated(context, p.currentLocation());
            }
            JsonFiles.expect(context, p, JsonToken.START_ARRAY, "a row (an array of cells)");
            long line = p instanceof ParserBase base ? base.getTokenLineNr() : p.currentTokenLocation().getLineNr();
            cells.clear();
            for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
                if (c == null) {
                    throw JsonFiles.truncated(context, p.currentLocation());
                }
                cells.add(cells.size() != valueColumn && c == JsonToken.VALUE_STRING
                        ? pool.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                        : JsonFiles.text(p));
            }
            out.emit(new Row(cells.toArray(new String[0]), line));
            if (++rows % 65_536 == 0) {
                out.position(p.currentLocation().getByteOffset());
            }
        }
    }
}
