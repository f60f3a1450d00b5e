package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The generated demo's data values in every format SantéAtlas imports, written from the files
 * {@link DemoGenerator} wrote ({@code dataValueSets.json} for the values, {@code metadata.json} for names,
 * codes and value types) so that tests and benchmarks import the very same values in each. Every writer
 * streams the values: memory does not grow with their number (the national set holds 2 million).
 *
 * <ul>
 *   <li>{@link Format#XML}: DHIS2's data value set XML (DXF2, {@code api/dataValueSets.xml}), one
 *       {@code <dataValue>} with attributes per value, set-level fields as root attributes;</li>
 *   <li>{@link Format#ADX}: IHE ADX as DHIS2 writes it ({@link AdxWriter}, objects named by code);</li>
 *   <li>{@link Format#ANALYTICS_JSON}, {@link Format#ANALYTICS_CSV}, {@link Format#ANALYTICS_XLSX}: DHIS2's
 *       analytics grid ({@code api/analytics}, the Data Visualizer's "plain data source" download) for the
 *       query {@code dimension=dx:<DE.COC operands>&dimension=pe:<months>&dimension=ou:<facilities>}, which
 *       gives one row per facility, month and operand: exactly one per data value, so that the same values
 *       come back. Analytics aggregates numbers only and leaves out deleted values, so text values and
 *       deleted ones are not written; nor are comments, storedBy or timestamps, which analytics drops;</li>
 *   <li>{@link #gzip} and {@link #zip}: any of these compressed, as a user receives them by e-mail.</li>
 * </ul>
 */
public final class DataValueFormats {

    /** A data value format, with the file name it is written under. */
    public enum Format {
        /** DHIS2 JSON data value set: the generated file itself. */
        JSON("dataValueSets.json"),
        /** DHIS2 CSV data value set: the generated file itself. */
        CSV("dataValueSets.csv"),
        XML("dataValueSets.xml"),
        ADX("dataValueSets.adx.xml"),
        ANALYTICS_JSON("analytics.json"),
        ANALYTICS_CSV("analytics.csv"),
        ANALYTICS_XLSX("analytics.xlsx");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** Whether the format carries raw data values (a data value set), not analytics aggregates. */
        public boolean isDataValueSet() {
            return this == JSON || this == CSV || this == XML || this == ADX;
        }
    }

    /** Rows an XLSX sheet holds besides its header (Excel's limit is 1,048,576 rows). */
    public static final int MAX_XLSX_ROWS = 1_048_575;

    private static final JsonFactory JSON = new JsonFactory();
    private static final String DXF2 = "http://dhis2.org/schema/dxf/2.0";
    private static final String DEFAULT_OPTION_COMBO = "HllvX50cXC0";
    private static final List<String> TABLE_HEADER = List.of("Data ID", "Data", "Period ID", "Period",
            "Organisation unit ID", "Organisation unit", "Value");

    private DataValueFormats() {}

    /**
     * The demo's values in {@code format}, written into {@code dir} under the format's file name (the JSON
     * and the CSV are the generated files themselves, returned as they are).
     */
    public static Path write(DemoFiles demo, Format format, Path dir) throws IOException {
        Objects.requireNonNull(demo, "demo");
        Files.createDirectories(dir);
        Path out = dir.resolve(format.fileName());
        switch (format) {
            case JSON -> {
                return demo.dataValuesJson();
            }
            case CSV -> {
                return demo.dataValuesCsv();
            }
            case XML -> writeXml(demo.dataValuesJson(), out);
            case ADX -> AdxWriter.write(demo, out);
            case ANALYTICS_JSON -> writeAnalyticsJson(demo.metadataJson(), demo.dataValuesJson(), out);
            case ANALYTICS_CSV -> writeAnalyticsCsv(demo.metadataJson(), demo.dataValuesJson(), out);
            case ANALYTICS_XLSX -> writeAnalyticsXlsx(demo.metadataJson(), demo.dataValuesJson(), out);
        }
        return out;
    }

    // ------------------------------------------------------------------ DHIS2 XML

    /**
     * A JSON data value set as DHIS2's XML: {@code <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"
     * [set-level fields]>} and one empty {@code <dataValue>} per value whose attributes are the value's
     * fields, in the JSON's order (nulls left out, as DHIS2 does).
     */
    public static void writeXml(Path dataValuesJson, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            boolean[] open = {false};
            Map<String, String> setFields = readValues(dataValuesJson, (set, value) -> {
                if (!open[0]) {
                    open[0] = true;
                    startSet(w, set);
                }
                w.write("<dataValue");
                for (Map.Entry<String, String> f : value.entrySet()) {
                    attribute(w, f.getKey(), f.getValue());
                }
                w.write("/>\n");
            });
            if (!open[0]) {
                startSet(w, setFields);
            }
            w.write("</dataValueSet>\n");
        }
    }

    private static void startSet(Writer w, Map<String, String> set) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataValueSet xmlns=\"" + DXF2 + "\"");
        for (Map.Entry<String, String> f : set.entrySet()) {
            attribute(w, f.getKey(), f.getValue());
        }
        w.write(">\n");
    }

    private static void attribute(Writer w, String name, String value) throws IOException {
        w.write(' ');
        w.write(name);
        w.write("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> w.write("&amp;");
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                case '"' -> w.write("&quot;");
                // Escaped, or the reader's attribute-value normalisation turns them into spaces.
                case '\n' -> w.write("&#10;");
                case '\r' -> w.write("&#13;");
                case '\t' -> w.write("&#9;");
                default -> w.write(c);
            }
        }
        w.write('"');
    }

    // ------------------------------------------------------------------ ADX

    /** The demo's values as ADX, objects named by code (DHIS2's default): {@link AdxWriter}. */
    public static void writeAdx(DemoFiles demo, Path out) throws IOException {
        AdxWriter.write(demo, out);
    }

    // ------------------------------------------------------------------ analytics

    /**
     * The values as DHIS2's {@code api/analytics.json} response: {@code headers} (dx, pe, ou, value),
     * {@code metaData} ({@code items} naming every operand, data element, option combo, org unit and
     * period, {@code dimensions} listing them), {@code rows} of {@code [DE.COC, period, org unit, value]}
     * and the grid's {@code height}/{@code width}. Two passes over the values: the metadata comes first.
     */
    public static void writeAnalyticsJson(Path metadataJson, Path dataValuesJson, Path out) throws IOException {
        Names names = Names.read(metadataJson);
        Dimensions dims = Dimensions.of(names, dataValuesJson);
        try (OutputStream os = Files.newOutputStream(out);
             JsonGenerator g = JSON.createGenerator(os)) {
            g.writeStartObject();
            g.writeArrayFieldStart("headers");
            header(g, "dx", "Data", "TEXT", "java.lang.String", true);
            header(g, "pe", "Period", "TEXT", "java.lang.String", true);
            header(g, "ou", "Organisation unit", "TEXT", "java.lang.String", true);
            header(g, "value", "Value", "NUMBER", "java.lang.Double", false);
            g.writeEndArray();

            g.writeObjectFieldStart("metaData");
            g.writeObjectFieldStart("items");
            Set<String> dataElements = new LinkedHashSet<>();
            Set<String> optionCombos = new LinkedHashSet<>();
            for (String operand : dims.operands) {
                String[] parts = operand.split("\\.");
                dataElements.add(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    optionCombos.add(parts[i]);
                }
                item(g, operand, names.operandName(operand), null, "DATA_ELEMENT_OPERAND",
                        names.aggregation(parts[0]));
            }
            for (String de : dataElements) {
                item(g, de, names.name(de), names.code(de), "DATA_ELEMENT", names.aggregation(de));
            }
            for (String coc : optionCombos) {
                item(g, coc, names.name(coc), names.code(coc), "CATEGORY_OPTION_COMBO", null);
            }
            for (String ou : dims.orgUnits) {
                item(g, ou, names.name(ou), names.code(ou), "ORGANISATION_UNIT", null);
            }
            for (String pe : dims.periods) {
                item(g, pe, periodName(pe), pe, "PERIOD", null);
            }
            dimensionItem(g, "dx", "Data", "DATA_X");
            dimensionItem(g, "pe", "Period", "PERIOD");
            dimensionItem(g, "ou", "Organisation unit", "ORGANISATION_UNIT");
            g.writeEndObject();
            g.writeObjectFieldStart("dimensions");
            strings(g, "dx", dims.operands);
            strings(g, "pe", dims.periods);
            strings(g, "ou", dims.orgUnits);
            strings(g, "co", List.of());
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("rows");
            forEachAnalyticsRow(names, dataValuesJson, (operand, period, orgUnit, value) -> {
                g.writeStartArray();
                g.writeString(operand);
                g.writeString(period);
                g.writeString(orgUnit);
                g.writeString(value);
                g.writeEndArray();
            });
            g.writeEndArray();
            g.writeNumberField("headerWidth", 4);
            g.writeNumberField("height", dims.rows);
            g.writeNumberField("width", 4);
            g.writeEndObject();
        }
    }

    /**
     * The values as the Data Visualizer's "plain data source" CSV with identifiers and names: {@code Data
     * ID,Data,Period ID,Period,Organisation unit ID,Organisation unit,Value}, one row per value.
     */
    public static void writeAnalyticsCsv(Path metadataJson, Path dataValuesJson, Path out) throws IOException {
        Names names = Names.read(metadataJson);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.join(",", TABLE_HEADER));
            w.write('\n');
            forEachAnalyticsRow(names, dataValuesJson, (operand, period, orgUnit, value) -> {
                String[] cells = {operand, names.operandName(operand), period, periodName(period), orgUnit,
                        names.name(orgUnit), value};
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(Formats.csv(cells[i], ','));
                }
                w.write('\n');
            });
        }
    }

    /**
     * The same table as {@link #writeAnalyticsCsv} as the Data Visualizer's Excel download: one sheet, the
     * header on the first row, values as numbers. Written with POI's streaming workbook (a window of rows in
     * memory). At most {@link #MAX_XLSX_ROWS} values: an XLSX sheet holds no more.
     */
    public static void writeAnalyticsXlsx(Path metadataJson, Path dataValuesJson, Path out) throws IOException {
        Names names = Names.read(metadataJson);
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        book.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = book.createSheet("Data");
            Row header = sheet.createRow(0);
            for (int c = 0; c < TABLE_HEADER.size(); c++) {
                header.createCell(c).setCellValue(TABLE_HEADER.get(c));
            }
            int[] next = {1};
            forEachAnalyticsRow(names, dataValuesJson, (operand, period, orgUnit, value) -> {
                if (next[0] > MAX_XLSX_ROWS) {
                    throw new IOException("more than " + MAX_XLSX_ROWS + " values: an XLSX sheet cannot hold them");
                }
                Row row = sheet.createRow(next[0]++);
                String[] cells = {operand, names.operandName(operand), period, periodName(period), orgUnit,
                        names.name(orgUnit)};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
                Cell v = row.createCell(cells.length);
                v.setCellValue(Double.parseDouble(value));
            });
            try (OutputStream os = Files.newOutputStream(out)) {
                book.write(os);
            }
        } finally {
            book.close(); // also deletes the temporary files of the streamed rows (POI 5)
        }
    }

    private static void header(JsonGenerator g, String name, String column, String valueType, String type,
                               boolean meta) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("column", column);
        g.writeStringField("valueType", valueType);
        g.writeStringField("type", type);
        g.writeBooleanField("hidden", false);
        g.writeBooleanField("meta", meta);
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, String id, String name, String code, String type, String aggregation)
            throws IOException {
        g.writeObjectFieldStart(id);
        g.writeStringField("uid", id);
        if (code != null) {
            g.writeStringField("code", code);
        }
        g.writeStringField("name", name);
        g.writeStringField("dimensionItemType", type);
        if (aggregation != null) {
            g.writeStringField("valueType", "NUMBER");
            g.writeStringField("totalAggregationType", aggregation);
        }
        g.writeEndObject();
    }

    private static void dimensionItem(JsonGenerator g, String id, String name, String type) throws IOException {
        g.writeObjectFieldStart(id);
        g.writeStringField("uid", id);
        g.writeStringField("name", name);
        g.writeStringField("dimensionType", type);
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** DHIS2's English name of a period: "January 2024" for a month, the ISO id otherwise. */
    static String periodName(String iso) {
        if (iso.length() == 6 && iso.chars().allMatch(Character::isDigit)) {
            Month m = Month.of(Integer.parseInt(iso.substring(4)));
            return m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + iso.substring(0, 4);
        }
        return iso;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(String operand, String period, String orgUnit, String value) throws IOException;
    }

    /**
     * The analytics row of each value that analytics would aggregate (not deleted, a number of a numeric
     * data element), in file order: {@code DE.COC} (or {@code DE.COC.AOC} for another attribute option
     * combo than the default), period, org unit, value.
     */
    private static void forEachAnalyticsRow(Names names, Path dataValuesJson, RowHandler handler) throws IOException {
        readValues(dataValuesJson, (set, v) -> {
            String de = v.get("dataElement");
            String value = v.get("value");
            if ("true".equals(v.get("deleted")) || !names.isNumeric(de) || !isNumber(value)) {
                return;
            }
            String period = v.getOrDefault("period", set.get("period"));
            String orgUnit = v.getOrDefault("orgUnit", set.get("orgUnit"));
            String coc = v.get("categoryOptionCombo");
            String aoc = v.getOrDefault("attributeOptionCombo", set.get("attributeOptionCombo"));
            String operand = de + '.' + (coc == null || coc.isEmpty() ? DEFAULT_OPTION_COMBO : coc);
            if (aoc != null && !aoc.isEmpty() && !aoc.equals(DEFAULT_OPTION_COMBO)) {
                operand += '.' + aoc;
            }
            handler.row(operand, period, orgUnit, value.strip());
        });
    }

    private static boolean isNumber(String value) {
        return value != null && value.strip().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    /** What an analytics response lists in {@code metaData.dimensions}, and its row count (first pass). */
    private static final class Dimensions {
        final Set<String> operands = new LinkedHashSet<>();
        final Set<String> periods = new TreeSet<>();
        final Set<String> orgUnits = new LinkedHashSet<>();
        long rows;

        static Dimensions of(Names names, Path dataValuesJson) throws IOException {
            Dimensions d = new Dimensions();
            forEachAnalyticsRow(names, dataValuesJson, (operand, period, orgUnit, value) -> {
                d.operands.add(operand);
                d.periods.add(period);
                d.orgUnits.add(orgUnit);
                d.rows++;
            });
            return d;
        }
    }

    /** Names, codes and value types of metadata.json's objects, by UID. */
    private static final class Names {
        final Map<String, String> names = new HashMap<>();
        final Map<String, String> codes = new HashMap<>();
        final Map<String, String> valueTypes = new HashMap<>();
        final Map<String, String> aggregations = new HashMap<>();
        private final Map<String, String> operandNames = new HashMap<>();

        String name(String uid) {
            return names.getOrDefault(uid, uid);
        }

        String code(String uid) {
            return codes.get(uid);
        }

        String aggregation(String dataElement) {
            return aggregations.getOrDefault(dataElement, "SUM");
        }

        boolean isNumeric(String dataElement) {
            String t = valueTypes.get(dataElement);
            return t == null || t.startsWith("INTEGER") || t.equals("NUMBER") || t.equals("PERCENTAGE")
                    || t.equals("UNIT_INTERVAL");
        }

        /** DHIS2 names an operand by its data element and option combo: "Consultations &lt; 5 ans". */
        String operandName(String operand) {
            return operandNames.computeIfAbsent(operand, o -> {
                String[] parts = o.split("\\.");
                StringBuilder b = new StringBuilder(name(parts[0]));
                for (int i = 1; i < parts.length; i++) {
                    if (!parts[i].equals(DEFAULT_OPTION_COMBO)) {
                        b.append(' ').append(name(parts[i]));
                    }
                }
                return b.toString();
            });
        }

        static Names read(Path metadataJson) throws IOException {
            Names n = new Names();
            try (JsonParser p = JSON.createParser(metadataJson.toFile())) {
                expect(p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String collection = p.currentName();
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> fields = new HashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            if (p.nextToken().isScalarValue()) {
                                fields.put(field, p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                        String uid = fields.get("id");
                        if (uid == null) {
                            continue;
                        }
                        if (fields.get("name") != null) {
                            n.names.put(uid, fields.get("name"));
                        }
                        if (fields.get("code") != null) {
                            n.codes.put(uid, fields.get("code"));
                        }
                        if (collection.equals("dataElements")) {
                            n.valueTypes.put(uid, fields.get("valueType"));
                            if (fields.get("aggregationType") != null) {
                                n.aggregations.put(uid, fields.get("aggregationType"));
                            }
                        }
                    }
                }
            }
            return n;
        }
    }

    // ------------------------------------------------------------------ reading the generated JSON

    @FunctionalInterface
    private interface ValueHandler {
        /**
         * One data value's fields (nulls left out), in file order; the map is reused for the next value.
         *
         * @param set the set-level fields read before the values (period, orgUnit, attributeOptionCombo…)
         */
        void value(Map<String, String> set, Map<String, String> value) throws IOException;
    }

    /**
     * Streams a JSON data value set, value by value.
     *
     * @return the set-level scalar fields
     */
    private static Map<String, String> readValues(Path json, ValueHandler handler) throws IOException {
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> value = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(json);
             JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("dataValues")) {
                    expect(t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        value.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken v = p.nextToken();
                            if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                                value.put(name, p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                        handler.value(set, value);
                    }
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    set.put(field, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return set;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    // ------------------------------------------------------------------ compression

    /** {@code in} gzipped into {@code out}, streamed. */
    public static Path gzip(Path in, Path out) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Files.copy(in, os);
        }
        return out;
    }

    /** {@code in} as the single entry of a zip archive {@code out}, named by {@code in}'s file name. */
    public static Path zip(Path in, Path out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.putNextEntry(new ZipEntry(in.getFileName().toString()));
            Files.copy(in, zip);
            zip.closeEntry();
        }
        return out;
    }
}
