package org.santeatlas.importers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.importers.TestWorkspace.count;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.TestWorkspace;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** The GeoJSON facility registry into real workspace files: the demo's, and shapes found in the wild. */
class RegistryGeoJsonImportTest {

    /** These fixtures hold invalid records on purpose: import the valid ones and list the rest. */
    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path demoDir;
    static DemoFiles demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateDemo() throws Exception {
        demo = DemoGenerator.generate(DemoSize.DEMO, 42, demoDir);
    }

    @Test
    void demoGeoJsonImportsEveryRecordOfTheManifestWithTheCsvCoordinates() throws Exception {
        long expected = JSON.readTree(demo.manifestJson().toFile()).findValue("registryRecords").asLong();
        assertThat(expected).isPositive().isEqualTo(demo.counts().registryRecords());
        List<String[]> csv = csvRows(demo.registryCsv());
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), demo.registryGeoJson());

            assertThat(r.failure()).isEmpty();
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(expected);
            assertThat(r.counts().rejectedCount()).isZero();
            Connection c = ws.connection();
            assertThat(count(c, "SELECT COUNT(*) FROM REGISTRY_RECORD WHERE SOURCE = 'registry'")).isEqualTo(expected);
            assertThat(count(c, "SELECT COUNT(*) FROM REGISTRY_RECORD WHERE POINT IS NULL"))
                    .as("records the CSV leaves without coordinates")
                    .isEqualTo(csv.stream().filter(row -> row[7].isEmpty()).count())
                    .isPositive();
            // code;nom;type;statut;region;district;aire_sante;latitude;longitude;proprietaire
            String[] sample = csv.stream().filter(row -> !row[7].isEmpty()).skip(csv.size() / 3).findFirst()
                    .orElseThrow();
            try (PreparedStatement q = c.prepareStatement("SELECT NAME, DISTRICT, LATITUDE, LONGITUDE, ST_Y(POINT),"
                    + " ST_X(POINT), ST_SRID(POINT) FROM REGISTRY_RECORD WHERE CODE = ?")) {
                q.setString(1, sample[0]);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).as(sample[0]).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(sample[1]);
                    assertThat(rs.getString(2)).isEqualTo(sample[5]);
                    assertThat(rs.getDouble(3)).isEqualTo(Double.parseDouble(sample[7]));
                    assertThat(rs.getDouble(4)).isEqualTo(Double.parseDouble(sample[8]));
                    assertThat(rs.getDouble(5)).isEqualTo(Double.parseDouble(sample[7]));
                    assertThat(rs.getDouble(6)).isEqualTo(Double.parseDouble(sample[8]));
                    assertThat(rs.getInt(7)).isEqualTo(4326);
                }
            }
        }
    }

    @Test
    void importingTheDemoCsvThenItsGeoJsonChangesNothing() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult csv = new ImportService(ws).importFile(demo.registryCsv(), Optional.empty(),
                    ImportProgress.NONE);
            assertThat(csv.failure()).isEmpty();
            assertThat(csv.counts().createdCount()).isEqualTo(demo.counts().registryRecords());
            List<List<Object>> before = registrySnapshot(ws.connection());
            long batches = count(ws.connection(), "SELECT COUNT(*) FROM IMPORT_BATCH");

            ImportResult geo = importInto(ws, new RegistryGeoJsonImporter(), demo.registryGeoJson());

            assertThat(geo.failure()).isEmpty();
            assertThat(geo.problems()).isEmpty();
            ImportCounts counts = geo.counts();
            assertThat(counts.unchangedCount()).isEqualTo(demo.counts().registryRecords());
            assertThat(counts.changedAnything()).isFalse();
            assertThat(counts.rejectedCount()).isZero();
            assertThat(registrySnapshot(ws.connection())).isEqualTo(before);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM IMPORT_BATCH")).isEqualTo(batches);
        }
    }

    @Test
    void healthsitesAndOverpassFeaturesTakeTheirCodeFromOsmIdOrTheFeatureId() throws Exception {
        Path file = write("healthsites.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature",
                   "geometry": {"type": "Point", "coordinates": [-1.0812, 13.0917, 312.5]},
                   "properties": {"osm_id": 4294967296, "osm_type": "node", "name": " Centre de santé de Kaya ",
                                  "amenity": "clinic", "healthcare": "centre", "operator_type": "public",
                                  "addr:city": "Kaya", "beds": 12, "opening_hours": "", "operator": null}},
                  {"type": "Feature", "id": "node/610928395",
                   "geometry": {"type": "Point", "coordinates": [-0.5023809, 46.3167493]},
                   "properties": {"@id": "node/610928395", "amenity": "doctors", "name": "Dr Grellet"}}
                ]}
                """);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);

            assertThat(r.failure()).isEmpty();
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(2);
            List<List<Object>> rows = registrySnapshot(ws.connection());
            // SOURCE, CODE, NAME, FACILITY_TYPE, STATUS, OWNERSHIP, REGION, DISTRICT, HEALTH_AREA, LATITUDE,
            // LONGITUDE, POINT, SRID, ATTRIBUTES, BATCH_ID
            List<Object> kaya = rows.get(0);
            assertThat(kaya.subList(0, 11)).containsExactly("registry", "4294967296", "Centre de santé de Kaya",
                    "centre", null, "public", null, null, null, 13.0917, -1.0812);
            assertThat(kaya.get(11)).isEqualTo("POINT (-1.0812 13.0917)");
            assertThat(JSON.readTree((String) kaya.get(13))).isEqualTo(JSON.readTree("""
                    {"osm_type": "node", "amenity": "clinic", "addr:city": "Kaya", "beds": 12}"""));
            List<Object> grellet = rows.get(1);
            assertThat(grellet.subList(0, 4)).containsExactly("registry", "node/610928395", "Dr Grellet", "doctors");
            assertThat(JSON.readTree((String) grellet.get(13))).isEqualTo(JSON.readTree("""
                    {"@id": "node/610928395"}"""));
        }
    }

    @Test
    void aFeatureWithANullGeometryIsKeptWithoutAPoint() throws Exception {
        Path file = write("null.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "FS-0001", "geometry": null,
                   "properties": {"code": "FS-0001", "nom": "CSPS de Bangré", "type": "CSPS"}}
                ]}
                """);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);

            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(1);
            List<Object> row = registrySnapshot(ws.connection()).get(0);
            assertThat(row.subList(1, 4)).containsExactly("FS-0001", "CSPS de Bangré", "CSPS");
            assertThat(row.subList(9, 12)).containsOnlyNulls();
        }
    }

    /** Geometries other than a point keep the record without a location and are reported on its line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # geometry                                                                 | problem key                        | longitude | latitude
            {"type": "LineString", "coordinates": [[1, 12], [2, 13]]}                  | import.registryUnsupportedGeometry |           |
            {"type": "Polygon", "coordinates": [[[1, 12], [2, 12], [2, 13], [1, 12]]]} | import.registryUnsupportedGeometry |           |
            {"type": "MultiPoint", "coordinates": [[1, 12], [2, 13]]}                  | import.registryUnsupportedGeometry |           |
            {"type": "MultiPoint", "coordinates": [[1.5, 12.25]]}                      |                                    | 1.5       | 12.25
            {"type": "Point", "coordinates": [12.25, 1.5]}                             |                                    | 12.25     | 1.5
            {"type": "Point", "coordinates": [200, 12]}                                | import.registryBadCoordinates      |           |
            {"type": "Point", "coordinates": [1, -91]}                                 | import.registryBadCoordinates      |           |
            {"type": "Point", "coordinates": ["1", "12"]}                              | import.registryBadCoordinates      |           |
            {"type": "Point", "coordinates": []}                                       | import.registryBadCoordinates      |           |
            """)
    void onlyAPointGivesALocation(String geometry, String problemKey, Double longitude, Double latitude)
            throws Exception {
        Path file = write("geometry.geojson", """
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "properties": {"code": "FS-0001", "nom": "Poste de santé"}, "geometry": %s}
                ]}
                """.formatted(geometry));
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);

            assertThat(r.counts().createdCount()).isEqualTo(1);
            if (problemKey == null) {
                assertThat(r.problems()).isEmpty();
            } else {
                assertThat(r.problems()).extracting(Problem::key, Problem::line).containsExactly(
                        tuple(problemKey, 3L));
                assertThat(r.problems().get(0).args()).first().isEqualTo("FS-0001");
            }
            List<Object> row = registrySnapshot(ws.connection()).get(0);
            assertThat(row.get(1)).isEqualTo("FS-0001");
            assertThat(row.get(9)).isEqualTo(latitude);
            assertThat(row.get(10)).isEqualTo(longitude);
            assertThat(row.get(11)).isEqualTo(latitude == null ? null : "POINT (" + fmt(longitude) + " "
                    + fmt(latitude) + ")");
        }
    }

    @Test
    void aFeatureWithoutCodeOrNameIsRejectedWithItsLine() throws Exception {
        Path file = write("incomplete.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": null, "properties": {"nom": "Sans code"}},
                  {"type": "Feature", "id": "FS-0002", "geometry": null, "properties": {"type": "CSPS"}},
                  {"type": "Feature", "id": "FS-0003", "geometry": null, "properties": {"name": "Avec id"}},
                  "not a feature"
                ]}
                """);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(1);
            assertThat(r.counts().rejectedCount()).isEqualTo(3);
            assertThat(r.problems()).extracting(Problem::line).containsExactly(2L, 3L, 5L);
            assertThat(r.problems()).extracting(Problem::key).containsExactly("import.registryMissingCodeOrName",
                    "import.registryMissingCodeOrName", "import.geojsonNotAFeature");
            assertThat(registrySnapshot(ws.connection())).extracting(row -> row.get(1)).containsExactly("FS-0003");
        }
    }

    @Test
    void aTruncatedFileFailsWithItsLineAndTheRollbackLeavesTheRegistryAsItWas() throws Exception {
        // The demo's features, renamed so that those read before the cut would update every record.
        List<String> lines = Files.readAllLines(demo.registryGeoJson(), StandardCharsets.UTF_8);
        int keep = lines.size() / 2;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keep; i++) {
            text.append(lines.get(i).replace("\"nom\":\"", "\"nom\":\"Renommé ")).append('\n');
        }
        String cut = lines.get(keep);
        text.append(cut, 0, cut.length() / 2);
        Path file = write("truncated.geojson", text.toString());
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            new ImportService(ws).importFile(demo.registryCsv(), Optional.empty(), ImportProgress.NONE);
            Connection c = ws.connection();
            List<List<Object>> before = registrySnapshot(c);
            long batches = count(c, "SELECT COUNT(*) FROM IMPORT_BATCH");
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);
            Problem failure = r.failure().orElseThrow();
            assertThat(failure.key()).isEqualTo("import.malformedJson");
            assertThat(failure.line()).isEqualTo(keep + 1);
            assertThat(failure.file()).isEqualTo("truncated.geojson");
            assertThat(registrySnapshot(c)).isEqualTo(before);
            assertThat(count(c, "SELECT COUNT(*) FROM IMPORT_BATCH")).isEqualTo(batches);
        }
    }

    @Test
    void aSingleFeatureIsNotAFeatureCollection() throws Exception {
        Path file = write("feature.geojson", """
                {"type": "Feature", "geometry": null,
                 "properties": {"code": "FS-0001", "nom": "Seul"}}
                """);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = importInto(ws, new RegistryGeoJsonImporter(), file);

            assertThat(r.failure()).map(Problem::key).contains("import.geojsonNotFeatureCollection");
            assertThat(registrySnapshot(ws.connection())).isEmpty();
        }
    }

    private Path write(String name, String content) throws Exception {
        return TestWorkspace.write(dir, name, content);
    }

    /** registry.csv's data rows: code;nom;type;statut;region;district;aire_sante;latitude;longitude;... */
    private static List<String[]> csvRows(Path csv) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, format)) {
            assertThat(parser.getHeaderNames()).startsWith("code", "nom", "type", "statut", "region", "district",
                    "aire_sante", "latitude", "longitude");
            return parser.stream().map(r -> r.values()).toList();
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Through the service, as a user's import runs: one transaction, rolled back on failure. */
    private static ImportResult importInto(Workspace ws, RegistryGeoJsonImporter importer, Path file) {
        return new ImportService(ws).importFile(file, Optional.of(importer.format()), SKIP,
                ImportProgress.NONE);
    }

    /** Every stored field of every registry record, in code order, to compare before and after. */
    static List<List<Object>> registrySnapshot(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SOURCE, CODE, NAME, FACILITY_TYPE, STATUS, OWNERSHIP, REGION,"
                     + " DISTRICT, HEALTH_AREA, LATITUDE, LONGITUDE, ST_AsText(POINT), ST_SRID(POINT),"
                     + " CAST(ATTRIBUTES AS VARCHAR), BATCH_ID FROM REGISTRY_RECORD ORDER BY SOURCE, CODE")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
