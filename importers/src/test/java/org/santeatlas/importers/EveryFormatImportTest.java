package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.testdata.DataValueFormats;
import org.santeatlas.testdata.DataValueFormats.Format;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * Issue #3, "importing the demo data in every format yields the same data values": the demo's values,
 * written by {@link DataValueFormats} in every data value and analytics format (plain, gzipped and zipped),
 * each imported into a workspace of its own with the demo's metadata. Every import must store the demo's
 * number of values with the same sum per data element as the JSON file holds (counted here straight from
 * the file, not through an importer), and the same rows as the JSON import, field by field, except the
 * fields a format cannot carry.
 *
 * <p>One demo, the JSON import's rows and each written format serve the whole class (generating and
 * importing are the slow parts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryFormatImportTest {

    /** Every field of a stored value, the key first (the sort order of the comparison). */
    private static final List<String> ALL_COLUMNS = List.of("DATA_ELEMENT", "PERIOD", "ORG_UNIT",
            "CATEGORY_OPTION_COMBO", "ATTRIBUTE_OPTION_COMBO", "DATA_VALUE", "NUMERIC_VALUE", "STORED_BY",
            "CREATED_MILLIS", "LAST_UPDATED_MILLIS", "COMMENT", "FOLLOWUP", "DELETED");

    Path dir;
    DemoFiles demo;
    /** What the JSON import stored: every column of every value, in key order. */
    List<String[]> expectedRows;
    final Map<Format, Path> written = new EnumMap<>(Format.class);
    long expectedValues;
    Map<String, BigDecimal> expectedSums;

    @BeforeAll
    void generateTheDemoAndImportItsJson() throws Exception {
        dir = Files.createTempDirectory("every-format");
        demo = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("demo"));
        expectedSums = new TreeMap<>();
        expectedValues = sumsFromTheJsonFile(demo.dataValuesJson(), expectedSums);
        assertThat(expectedValues).isEqualTo(demo.counts().dataValues());
        try (Workspace fromJson = Workspace.create(dir.resolve("ws-json"))) {
            importInto(fromJson, demo.dataValuesJson(), ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
            expectedRows = allRows(fromJson);
        }
        assertThat(expectedRows).hasSize((int) expectedValues);
    }

    @AfterAll
    void deleteTheFiles() throws Exception {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource(delimiter = '|', textBlock = """
            # format       | packing | detected as               | columns the format does not carry
            JSON           |         | DHIS2_DATA_VALUE_SET_JSON |
            CSV            |         | DHIS2_DATA_VALUE_SET_CSV  | CREATED_MILLIS
            XML            |         | DHIS2_DATA_VALUE_SET_XML  |
            ADX            |         | DHIS2_ADX                 | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS
            ANALYTICS_JSON |         | DHIS2_ANALYTICS_JSON      | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS COMMENT
            ANALYTICS_CSV  |         | DHIS2_ANALYTICS_CSV       | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS COMMENT
            ANALYTICS_XLSX |         | DHIS2_ANALYTICS_XLSX      | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS COMMENT
            JSON           | .gz     | DHIS2_DATA_VALUE_SET_JSON |
            CSV            | .zip    | DHIS2_DATA_VALUE_SET_CSV  | CREATED_MILLIS
            XML            | .gz     | DHIS2_DATA_VALUE_SET_XML  |
            ADX            | .zip    | DHIS2_ADX                 | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS
            ANALYTICS_JSON | .zip    | DHIS2_ANALYTICS_JSON      | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS COMMENT
            ANALYTICS_CSV  | .gz     | DHIS2_ANALYTICS_CSV       | STORED_BY CREATED_MILLIS LAST_UPDATED_MILLIS COMMENT
            """)
    void everyFormatStoresTheSameValues(Format format, String packing, ImportFormat detected, String notCarried)
            throws Exception {
        String suffix = packing == null ? "" : packing;
        Path formatDir = Files.createDirectories(dir.resolve(format.name().toLowerCase(Locale.ROOT) + suffix));
        Path file = written.computeIfAbsent(format, f -> write(f, dir.resolve(f.name().toLowerCase(Locale.ROOT))));
        if (suffix.equals(".gz")) {
            file = DataValueFormats.gzip(file, formatDir.resolve(format.fileName() + ".gz"));
        } else if (suffix.equals(".zip")) {
            file = DataValueFormats.zip(file, formatDir.resolve(format.fileName() + ".zip"));
        }
        try (Workspace ws = Workspace.create(formatDir.resolve("ws"))) {
            importInto(ws, file, detected);

            // Same counts, same sums per data element.
            Map<String, BigDecimal> sums = new TreeMap<>();
            long count = 0;
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, COUNT(*), SUM(NUMERIC_VALUE) FROM DATA_VALUE"
                         + " WHERE NOT DELETED GROUP BY DATA_ELEMENT")) {
                while (rs.next()) {
                    sums.put(rs.getString(1), rs.getBigDecimal(3).stripTrailingZeros());
                    count += rs.getLong(2);
                }
            }
            assertThat(count).isEqualTo(expectedValues);
            assertThat(sums).isEqualTo(expectedSums);

            // The same rows as the JSON import, but for what the format cannot carry.
            List<String> skipped = notCarried == null ? List.of() : List.of(notCarried.trim().split("\\s+"));
            List<String> columns = ALL_COLUMNS.stream().filter(c -> !skipped.contains(c)).toList();
            assertThat(columns).hasSizeGreaterThanOrEqualTo(8);
            assertSameRows(ws, columns, format + suffix);
        }
    }

    /** Imports the demo's metadata, then {@code file}, which must be detected as {@code expected} and import cleanly. */
    private void importInto(Workspace ws, Path file, ImportFormat expected) {
        ImportService s = new ImportService(ws);
        assertThat(s.importFile(demo.metadataJson(), Optional.empty(), ImportProgress.NONE).failure()).isEmpty();
        List<ImportResult> results = s.importPath(file, Optional.empty(), ImportProgress.NONE);
        assertThat(results).hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.failure()).as(file.getFileName().toString()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(expected);
        assertThat(r.counts().createdCount()).isEqualTo(demo.counts().dataValues());
        assertThat(r.counts().rejectedCount()).isZero();
    }

    /**
     * Row by row in key order against the JSON import's rows, on the given columns only; a failure names
     * the first difference.
     */
    private void assertSameRows(Workspace actual, List<String> columns, String format) throws Exception {
        int[] picked = columns.stream().mapToInt(ALL_COLUMNS::indexOf).toArray();
        String query = "SELECT " + String.join(", ", columns) + " FROM DATA_VALUE ORDER BY 1, 2, 3, 4, 5";
        int rows = 0;
        try (Statement b = actual.connection().createStatement(); ResultSet rb = b.executeQuery(query)) {
            while (rb.next()) {
                assertThat(rows).as("the %s import has more values", format).isLessThan(expectedRows.size());
                String[] expected = expectedRows.get(rows);
                StringBuilder e = new StringBuilder();
                for (int c : picked) {
                    e.append(expected[c]).append('|');
                }
                assertThat(row(rb, columns.size())).as("%s, row %d (%s)", format, rows, columns)
                        .isEqualTo(e.toString());
                rows++;
            }
        }
        assertThat(rows).as("the %s import has fewer values", format).isEqualTo(expectedRows.size());
    }

    /** Every column of every row the JSON import stored, in key order. */
    private static List<String[]> allRows(Workspace ws) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", ALL_COLUMNS)
                     + " FROM DATA_VALUE ORDER BY 1, 2, 3, 4, 5")) {
            while (rs.next()) {
                String[] row = new String[ALL_COLUMNS.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = rs.getString(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A format of the demo's values, written once for the class (the packed forms reuse it). */
    private Path write(Format format, Path formatDir) {
        try {
            return DataValueFormats.write(demo, format, formatDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(ResultSet rs, int columns) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            b.append(rs.getString(c)).append('|');
        }
        return b.toString();
    }

    /**
     * Values and sums per data element as the generated JSON states them (every demo value is a whole
     * number, none is deleted: then analytics, which sums numbers and leaves deleted values out, has them all).
     */
    private static long sumsFromTheJsonFile(Path json, Map<String, BigDecimal> sums) throws Exception {
        long count = 0;
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            String de = null;
            String value = null;
            boolean deleted = false;
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    depth++;
                    de = null;
                    value = null;
                    deleted = false;
                } else if (t == JsonToken.END_OBJECT) {
                    depth--;
                    if (depth == 1 && de != null) {
                        assertThat(value).as("demo values are whole numbers").matches("-?\\d+");
                        assertThat(deleted).as("no demo value is deleted").isFalse();
                        sums.merge(de, new BigDecimal(value), BigDecimal::add);
                        count++;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == 2) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "dataElement" -> de = p.getText();
                        case "value" -> value = p.getText();
                        case "deleted" -> deleted = p.getValueAsBoolean();
                        default -> p.skipChildren();
                    }
                }
            }
        }
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return count;
    }
}
