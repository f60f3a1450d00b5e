package org.santeatlas.importers.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.importers.TestWorkspace.count;
import static org.santeatlas.importers.geo.GeoFixtures.JSON;
import static org.santeatlas.importers.geo.GeoFixtures.bowTie;
import static org.santeatlas.importers.geo.GeoFixtures.feature;
import static org.santeatlas.importers.geo.GeoFixtures.featureCollection;
import static org.santeatlas.importers.geo.GeoFixtures.importFile;
import static org.santeatlas.importers.geo.GeoFixtures.snapshot;
import static org.santeatlas.importers.geo.GeoFixtures.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportResult;

/**
 * Boundary GeoJSON shaped like HDX COD-AB and geoBoundaries files, derived from the demo country's own
 * district shapes, into a workspace holding the demo's metadata with its districts' shapes removed.
 */
class BoundaryGeoJsonImportTest {

    @TempDir
    static Path shared;
    static GeoFixtures.Demo demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        demo = GeoFixtures.demo(shared);
        assertThat(demo.districts()).hasSizeGreaterThan(5);
    }

    /** The district's place ("Kollo") from its short name ("DS Kollo"). */
    static String place(GeoFixtures.District d) {
        return d.shortName().replaceFirst("^DS ", "");
    }

    static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * HDX COD-AB's layout (ADM2_FR, ADM2_PCODE, ADM1_FR, ADM0_FR): names in capitals without accents,
     * lower case, or as SNIS short names; pcodes of the HDX's own that match no DHIS2 code. Feature 2 is a
     * bow-tie; the last one names a place the workspace does not have.
     */
    static Path hdxDistricts(Path file) throws Exception {
        List<ObjectNode> features = new ArrayList<>();
        int i = 0;
        for (GeoFixtures.District d : demo.districts()) {
            ObjectNode p = JSON.createObjectNode();
            p.put("ADM2_FR", switch (i % 3) {
                case 0 -> ascii(place(d)).toUpperCase(Locale.ROOT);
                case 1 -> d.name().toLowerCase(Locale.ROOT);
                default -> d.shortName();
            });
            p.put("ADM2_PCODE", String.format("SC%04d", i + 1));
            p.put("ADM1_FR", d.regionShortName());
            p.put("ADM1_PCODE", "SC01");
            p.put("ADM0_FR", "Sahel Central");
            p.put("Shape_Area", 0.42);
            JsonNode geometry = i == 1 ? bowTie(centre(d).x, centre(d).y) : d.geometry();
            features.add(feature(p, geometry));
            i++;
        }
        ObjectNode unknown = JSON.createObjectNode();
        unknown.put("ADM2_FR", "Zone inconnue");
        unknown.put("ADM2_PCODE", "SC9999");
        features.add(feature(unknown, polygon(square(2.0, 14.0))));
        return write(file, featureCollection(features));
    }

    static ObjectNode polygon(ArrayNode ring) {
        ObjectNode g = JSON.createObjectNode().put("type", "Polygon");
        g.putArray("coordinates").add(ring);
        return g;
    }

    static ArrayNode square(double x, double y) {
        ArrayNode ring = JSON.createArrayNode();
        double[][] pts = {{x, y}, {x + 0.1, y}, {x + 0.1, y + 0.1}, {x, y + 0.1}, {x, y}};
        for (double[] p : pts) {
            ring.addArray().add(p[0]).add(p[1]);
        }
        return ring;
    }

    static org.locationtech.jts.geom.Coordinate centre(GeoFixtures.District d) throws Exception {
        return org.h2gis.functions.io.geojson.ST_GeomFromGeoJSON.geomFromGeoJSON(d.geometry().toString())
                .getInteriorPoint().getCoordinate();
    }

    @Test
    void hdxDistrictsMatchByNameWhateverTheCaseAndAccentsAndAttachTheirShapes() throws Exception {
        Path file = hdxDistricts(dir.resolve("ner_admbnda_adm2.geojson"));
        assertThat(FormatDetector.detect(file)).contains(ImportFormat.BOUNDARIES_GEOJSON);
        int n = demo.districts().size();
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, file, ImportOptions.DEFAULTS);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.BOUNDARIES_GEOJSON);
            assertThat(r.counts().updatedCount()).isEqualTo(n);
            assertThat(r.counts().createdCount()).as("the unmatched feature, in the layer").isEqualTo(1);
            assertThat(r.counts().rejectedCount()).isZero();
            BoundaryReport report = r.report(BoundaryReport.class).orElseThrow();
            assertThat(report.attached()).isTrue();
            assertThat(report.level()).isEqualTo(3);
            assertThat(report.matchedByName()).hasSize(n);
            assertThat(report.matchedByCode()).isEmpty();
            assertThat(report.ambiguous()).isEmpty();
            assertThat(report.unmatched()).extracting(BoundaryReport.Feature::number, BoundaryReport.Feature::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(n + 1, "Zone inconnue"));
            assertThat(report.repaired()).extracting(BoundaryReport.Feature::number).containsExactly(2);
            assertThat(report.layer()).contains("ner_admbnda_adm2");
            assertThat(report.layerFeatures()).isEqualTo(1);
            assertThat(report.matchedByName()).extracting(f -> f.orgUnit().orElseThrow())
                    .containsExactlyElementsOf(demo.districts().stream().map(GeoFixtures.District::uid).toList());
            assertThat(r.problems()).extracting(Problem::key)
                    .containsExactlyInAnyOrder("import.boundaryRepaired", "import.boundaryUnmatched");
            assertThat(r.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("ner_admbnda_adm2.geojson"));

            Connection c = ws.connection();
            assertThat(count(c, "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL = 3 AND GEOMETRY IS NOT NULL"
                    + " AND ST_IsValid(GEOMETRY) AND ST_SRID(GEOMETRY) = 4326"
                    + " AND ST_GeometryType(GEOMETRY) IN ('POLYGON', 'MULTIPOLYGON')")).isEqualTo(n);
            assertThat(count(c, "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL <> 3 AND BATCH_ID = "
                    + r.batchId().orElseThrow())).as("no region or area touched").isZero();
            try (PreparedStatement q = c.prepareStatement("SELECT ST_Area(GEOMETRY), ST_GeometryType(GEOMETRY)"
                    + " FROM ORG_UNIT WHERE UID = ?")) {
                for (int i = 0; i < n; i++) {
                    GeoFixtures.District d = demo.districts().get(i);
                    q.setString(1, d.uid());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        double expected = i == 1 ? 0.02 : org.h2gis.functions.io.geojson.ST_GeomFromGeoJSON
                                .geomFromGeoJSON(d.geometry().toString()).getArea();
                        assertThat(rs.getDouble(1)).as(d.name()).isCloseTo(expected,
                                org.assertj.core.data.Offset.offset(1e-9));
                        if (i == 1) {
                            assertThat(rs.getString(2)).as("the bow-tie repaired into two triangles")
                                    .isEqualTo("MULTIPOLYGON");
                        }
                    }
                }
            }
            assertThat(count(c, "SELECT COUNT(*) FROM BOUNDARY_FEATURE F JOIN BOUNDARY_LAYER L ON L.ID = F.LAYER_ID"
                    + " WHERE L.NAME = 'ner_admbnda_adm2' AND F.NAME = 'Zone inconnue' AND F.CODE = 'SC9999'"
                    + " AND F.FEATURE_NO = " + (n + 1) + " AND NOT F.REPAIRED AND ST_IsValid(F.GEOMETRY)"
                    + " AND F.PROPERTIES LIKE '%\"ADM2_PCODE\":\"SC9999\"%'")).isEqualTo(1);

            // The same file again: nothing changes, no batch.
            List<String> before = snapshot(c);
            ImportResult again = importFile(ws, file, ImportOptions.DEFAULTS);
            assertThat(again.failure()).isEmpty();
            assertThat(again.changedNothing()).isTrue();
            assertThat(again.counts().unchangedCount()).isEqualTo(n + 1);
            assertThat(again.batchId()).isEmpty();
            assertThat(snapshot(c)).isEqualTo(before);
        }
    }

    @Test
    void aNewerFileReplacesTheShapesThatChanged() throws Exception {
        Path file = hdxDistricts(dir.resolve("districts.geojson"));
        try (Workspace ws = demo.workspace(dir)) {
            assertThat(importFile(ws, file, ImportOptions.DEFAULTS).failure()).isEmpty();
            ObjectNode fc = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode first = (ObjectNode) fc.get("features").get(0);
            first.set("geometry", polygon(square(1.0, 13.0)));
            write(file, fc);

            ImportResult r = importFile(ws, file, ImportOptions.DEFAULTS);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().updatedCount()).isEqualTo(1);
            assertThat(r.counts().unchangedCount()).isEqualTo(demo.districts().size());
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE UID = '"
                    + demo.districts().get(0).uid() + "' AND ST_Equals(GEOMETRY,"
                    + " ST_GeomFromText('POLYGON((1 13, 1.1 13, 1.1 13.1, 1 13.1, 1 13))', 4326))")).isEqualTo(1);
        }
    }

    @Test
    void codesWinOverNames() throws Exception {
        List<ObjectNode> features = new ArrayList<>();
        for (GeoFixtures.District d : demo.districts().subList(0, 3)) {
            ObjectNode p = JSON.createObjectNode();
            // A ministry that gave its DHIS2 org units the HDX pcodes; the name is another's.
            p.put("ADM2_PCODE", d.code().toLowerCase(Locale.ROOT));
            p.put("ADM2_FR", demo.districts().get(5).name());
            features.add(feature(p, d.geometry()));
        }
        Path file = write(dir.resolve("pcodes.geojson"), featureCollection(features));
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, file, ImportOptions.DEFAULTS);

            BoundaryReport report = r.report(BoundaryReport.class).orElseThrow();
            assertThat(report.matchedByCode()).extracting(f -> f.orgUnit().orElseThrow())
                    .containsExactly(demo.districts().get(0).uid(), demo.districts().get(1).uid(),
                            demo.districts().get(2).uid());
            assertThat(report.matchedByName()).isEmpty();
            assertThat(report.layer()).isEmpty();
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM BOUNDARY_LAYER")).isZero();
        }
    }

    @Test
    void namesakesAreToldApartByTheParentElseReportedAmbiguous() throws Exception {
        GeoFixtures.District twin = demo.districts().get(0);
        GeoFixtures.District other = demo.districts().stream().filter(d -> !d.region().equals(twin.region()))
                .findFirst().orElseThrow();
        // geoBoundaries' layout: a name and nothing about the parent.
        List<ObjectNode> geoBoundaries = new ArrayList<>();
        List<ObjectNode> hdx = new ArrayList<>();
        for (GeoFixtures.District d : demo.districts()) {
            ObjectNode gb = JSON.createObjectNode();
            gb.put("shapeName", place(d));
            gb.put("shapeISO", "");
            gb.put("shapeID", "SCX-ADM2-" + d.code());
            gb.put("shapeGroup", "SCX");
            gb.put("shapeType", "ADM2");
            geoBoundaries.add(feature(gb, d.geometry()));
            ObjectNode h = JSON.createObjectNode();
            h.put("ADM2_FR", place(d));
            h.put("ADM1_FR", d.regionShortName());
            hdx.add(feature(h, d.geometry()));
        }
        Path gbFile = write(dir.resolve("geoBoundaries-SCX-ADM2.geojson"), featureCollection(geoBoundaries));
        Path hdxFile = write(dir.resolve("scx_adm2.geojson"), featureCollection(hdx));
        try (Workspace ws = demo.workspace(dir)) {
            // A second district of the same name, in another region.
            try (Statement st = ws.connection().createStatement()) {
                st.executeUpdate("INSERT INTO ORG_UNIT(UID, NAME, SHORT_NAME, LEVEL, PARENT_ID) SELECT 'Twin0000001', '"
                        + twin.name().replace("'", "''") + "', 'DS " + place(twin).replace("'", "''") + "', 3, P.ID"
                        + " FROM ORG_UNIT P WHERE P.LEVEL = 2 AND P.NAME = '" + other.region().replace("'", "''")
                        + "'");
            }
            ImportResult gb = importFile(ws, gbFile, ImportOptions.DEFAULTS);

            BoundaryReport report = gb.report(BoundaryReport.class).orElseThrow();
            assertThat(report.matchedByName()).hasSize(demo.districts().size() - 1);
            assertThat(report.ambiguous()).singleElement().satisfies(f -> {
                assertThat(f.number()).isEqualTo(1);
                assertThat(f.name()).isEqualTo(place(twin));
                assertThat(f.orgUnitName()).contains(twin.name());
            });
            assertThat(gb.problems()).extracting(Problem::key).containsExactly("import.boundaryAmbiguous");
            assertThat(gb.problems().get(0).args()).startsWith("1", place(twin));
            assertThat(report.layer()).contains("geoBoundaries-SCX-ADM2");
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE UID = '" + twin.uid()
                    + "' AND GEOMETRY IS NULL")).isEqualTo(1);

            ImportResult h = importFile(ws, hdxFile, ImportOptions.DEFAULTS);

            BoundaryReport hr = h.report(BoundaryReport.class).orElseThrow();
            assertThat(hr.ambiguous()).isEmpty();
            assertThat(hr.matchedByName()).hasSize(demo.districts().size());
            assertThat(hr.matchedByName().get(0).orgUnit()).contains(twin.uid());
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE UID = 'Twin0000001'"
                    + " AND GEOMETRY IS NULL")).isEqualTo(1);
        }
    }

    @Test
    void asALayerTheWholeFileIsKeptAndAReimportReplacesTheLayersFeatures() throws Exception {
        Path file = hdxDistricts(dir.resolve("limites.geojson"));
        int n = demo.districts().size() + 1;
        ImportOptions asLayer = ImportOptions.DEFAULTS.withAttachBoundaries(false);
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, file, asLayer);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(n);
            BoundaryReport report = r.report(BoundaryReport.class).orElseThrow();
            assertThat(report.attached()).isFalse();
            assertThat(report.layer()).contains("limites");
            assertThat(report.layerFeatures()).isEqualTo(n);
            assertThat(r.problems()).extracting(Problem::key).containsExactly("import.boundaryRepaired");
            Connection c = ws.connection();
            assertThat(count(c, "SELECT COUNT(*) FROM ORG_UNIT WHERE GEOMETRY IS NOT NULL AND LEVEL = 3")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM BOUNDARY_FEATURE WHERE REPAIRED")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM BOUNDARY_FEATURE WHERE ST_IsValid(GEOMETRY)"
                    + " AND ST_SRID(GEOMETRY) = 4326 AND ORG_UNIT_ID IS NULL")).isEqualTo(n);

            assertThat(importFile(ws, file, asLayer).changedNothing()).isTrue();

            ObjectNode fc = (ObjectNode) JSON.readTree(file.toFile());
            ((ArrayNode) fc.get("features")).remove(n - 1);
            ((ArrayNode) fc.get("features")).remove(n - 2);
            write(file, fc);
            ImportResult shorter = importFile(ws, file, asLayer);
            assertThat(shorter.counts().deletedCount()).isEqualTo(2);
            assertThat(count(c, "SELECT COUNT(*) FROM BOUNDARY_FEATURE")).isEqualTo(n - 2);
            assertThat(count(c, "SELECT COUNT(*) FROM BOUNDARY_LAYER")).isEqualTo(1);
        }
    }

    @Test
    void unclosedRingsAreClosedAndRecordedAsRepaired() throws Exception {
        ObjectNode open = JSON.createObjectNode().put("type", "Polygon");
        ArrayNode ring = open.putArray("coordinates").addArray();
        ring.addArray().add(1.0).add(13.0);
        ring.addArray().add(1.2).add(13.0);
        ring.addArray().add(1.2).add(13.2);
        Path file = write(dir.resolve("ouvert.geojson"), featureCollection(List.of(
                feature(JSON.createObjectNode().put("nom", "Triangle"), open))));
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, file, ImportOptions.DEFAULTS);

            assertThat(r.failure()).isEmpty();
            assertThat(r.report(BoundaryReport.class).orElseThrow().repaired()).singleElement()
                    .satisfies(f -> assertThat(f.note()).contains("unclosed ring"));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM BOUNDARY_FEATURE WHERE REPAIRED AND NAME ="
                    + " 'Triangle' AND ABS(ST_Area(GEOMETRY) - 0.02) < 1e-12")).isEqualTo(1);
        }
    }

    @Test
    void featuresWithoutAUsablePolygonAreRejectedByNumberAndTheFileRefused() throws Exception {
        GeoFixtures.District d = demo.districts().get(0);
        ObjectNode line = JSON.createObjectNode().put("type", "LineString");
        line.putArray("coordinates").add(JSON.createArrayNode().add(1).add(13)).add(JSON.createArrayNode().add(2)
                .add(14));
        ObjectNode empty = JSON.createObjectNode().put("type", "MultiPolygon");
        empty.putArray("coordinates");
        Path file = write(dir.resolve("mixte.geojson"), featureCollection(List.of(
                feature(JSON.createObjectNode().put("name", d.name()), d.geometry()),
                feature(JSON.createObjectNode().put("name", "Ligne"), line),
                feature(JSON.createObjectNode().put("name", "Vide"), empty),
                feature(JSON.createObjectNode().put("name", "Sans"), null))));
        try (Workspace ws = demo.workspace(dir)) {
            List<String> before = snapshot(ws.connection());
            ImportResult refused = importFile(ws, file, ImportOptions.DEFAULTS);

            assertThat(refused.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.invalidRecords"));
            assertThat(refused.problems()).extracting(Problem::key, p -> p.args().get(0)).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("import.boundaryNotPolygon", "2"),
                    org.assertj.core.groups.Tuple.tuple("import.boundaryNoGeometry", "3"),
                    org.assertj.core.groups.Tuple.tuple("import.boundaryNoGeometry", "4"));
            assertThat(snapshot(ws.connection())).isEqualTo(before);

            ImportResult kept = importFile(ws, file, ImportOptions.DEFAULTS.withSkipInvalid(true));
            assertThat(kept.failure()).isEmpty();
            assertThat(kept.counts().updatedCount()).isEqualTo(1);
            assertThat(kept.counts().rejectedCount()).isEqualTo(3);
            assertThat(kept.report(BoundaryReport.class).orElseThrow().rejected()).extracting(
                    BoundaryReport.Feature::number).containsExactly(2, 3, 4);
        }
    }

    @Test
    void aTruncatedFileFailsNamingItAndChangesNothing() throws Exception {
        Path whole = hdxDistricts(dir.resolve("whole.geojson"));
        String text = Files.readString(whole);
        Path cut = Files.writeString(dir.resolve("coupe.geojson"), text.substring(0, text.length() * 2 / 3));
        try (Workspace ws = demo.workspace(dir)) {
            List<String> before = snapshot(ws.connection());
            ImportResult r = importFile(ws, cut, ImportOptions.DEFAULTS);

            assertThat(r.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.malformedJson");
                assertThat(p.file()).isEqualTo("coupe.geojson");
                assertThat(p.line()).isPositive();
            });
            assertThat(snapshot(ws.connection())).isEqualTo(before);
        }
    }

    @Test
    void pointCollectionsStayRegistriesAndPolygonsAreBoundariesWhateverTheMemberOrder() throws Exception {
        assertThat(FormatDetector.detect(demo.files().registryGeoJson())).contains(ImportFormat.REGISTRY_GEOJSON);
        GeoFixtures.District d = demo.districts().get(0);
        Path featuresFirst = dir.resolve("features-first.json");
        Files.writeString(featuresFirst, "{\"features\": [{\"type\": \"Feature\", \"properties\": {\"a\": 1},"
                + " \"geometry\": " + d.geometry() + "}], \"type\": \"FeatureCollection\"}");
        assertThat(FormatDetector.detect(featuresFirst)).contains(ImportFormat.BOUNDARIES_GEOJSON);
        Path nullFirst = dir.resolve("null-first.json");
        Files.writeString(nullFirst, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"geometry\": null, \"properties\": {}}, {\"type\": \"Feature\", \"properties\": {},"
                + " \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": []}}]}");
        assertThat(FormatDetector.detect(nullFirst)).contains(ImportFormat.BOUNDARIES_GEOJSON);
        Path points = dir.resolve("points.json");
        Files.writeString(points, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 13]}}]}");
        assertThat(FormatDetector.detect(points)).contains(ImportFormat.REGISTRY_GEOJSON);
    }
}
