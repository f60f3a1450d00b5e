package org.santeatlas.importers.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.importers.TestWorkspace.count;
import static org.assertj.core.api.Assertions.tuple;
import static org.santeatlas.importers.geo.GeoFixtures.importFile;
import static org.santeatlas.importers.geo.GeoFixtures.parts;
import static org.santeatlas.importers.geo.GeoFixtures.shapefile;
import static org.santeatlas.importers.geo.GeoFixtures.snapshot;
import static org.santeatlas.importers.geo.GeoFixtures.zip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;

/**
 * Shapefiles written by H2GIS's SHPWrite from tables filled here: the demo's districts as polygons (in
 * WGS 84, and in UTM 31N with ArcGIS's .prj), facility points with a windows-1252 .dbf and its .cpg,
 * files without .prj, zipped, cut short, or missing a part.
 */
class ShapefileImportTest {

    @TempDir
    static Path shared;
    static GeoFixtures.Demo demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        demo = GeoFixtures.demo(shared);
    }

    /**
     * The demo's districts as a polygon shapefile in {@code srid}, with the .dbf columns of a French
     * ArcGIS export (NOM, CODE_DS, REGION), names in capitals without accents.
     */
    Path districts(String name, int srid) throws Exception {
        Path shp = dir.resolve(name + ".shp");
        return shapefile(shp, "DS", "windows-1252", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE DS(NOM VARCHAR(80), CODE_DS VARCHAR(20), REGION VARCHAR(80),"
                        + " THE_GEOM GEOMETRY(MULTIPOLYGON, " + srid + "))");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO DS VALUES (?, ?, ?,"
                    + " ST_Transform(ST_SetSRID(ST_Multi(ST_GeomFromGeoJSON(?)), 4326), " + srid + "))")) {
                for (GeoFixtures.District d : demo.districts()) {
                    insert.setString(1, BoundaryGeoJsonImportTest.ascii(BoundaryGeoJsonImportTest.place(d))
                            .toUpperCase(java.util.Locale.ROOT));
                    insert.setString(2, "X-" + d.code());
                    insert.setString(3, d.regionShortName());
                    insert.setString(4, d.geometry().toString());
                    insert.executeUpdate();
                }
            }
        });
    }

    @Test
    void aPolygonShapefileInUtm31nWithAnArcGisPrjIsReprojectedAndAttached() throws Exception {
        Path shp = districts("districts_utm", 32631);
        Files.writeString(shp.resolveSibling("districts_utm.prj"), GeoFixtures.ESRI_UTM_31N);
        assertThat(FormatDetector.detect(shp)).contains(ImportFormat.BOUNDARIES_SHAPEFILE);
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, shp, ImportOptions.DEFAULTS);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.BOUNDARIES_SHAPEFILE);
            assertThat(r.problems()).isEmpty();
            BoundaryReport report = r.report(BoundaryReport.class).orElseThrow();
            assertThat(report.matchedByName()).hasSize(demo.districts().size());
            assertThat(report.level()).isEqualTo(3);
            assertThat(r.counts().updatedCount()).isEqualTo(demo.districts().size());
            Connection c = ws.connection();
            try (PreparedStatement q = c.prepareStatement("SELECT ST_Area(GEOMETRY), ST_SRID(GEOMETRY),"
                    + " ST_IsValid(GEOMETRY), GEOMETRY FROM ORG_UNIT WHERE UID = ?")) {
                for (GeoFixtures.District d : demo.districts()) {
                    q.setString(1, d.uid());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        org.locationtech.jts.geom.Geometry given = org.h2gis.functions.io.geojson.ST_GeomFromGeoJSON
                                .geomFromGeoJSON(d.geometry().toString());
                        double original = given.getArea();
                        assertThat(rs.getDouble(1)).as(d.name()).isCloseTo(original, Offset.offset(original * 1e-6));
                        assertThat(rs.getInt(2)).isEqualTo(4326);
                        assertThat(rs.getBoolean(3)).isTrue();
                        assertThat(org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(
                                (org.locationtech.jts.geom.Geometry) rs.getObject(4), given))
                                .as("back where it was, to a centimetre or so (degrees)").isLessThan(1e-7);
                    }
                }
            }
            assertThat(importFile(ws, shp, ImportOptions.DEFAULTS).changedNothing()).isTrue();
        }
    }

    @Test
    void aZippedShapefileIsOneImportOfItsShp() throws Exception {
        Path shp = districts("limites", 4326);
        Path archive = zip(dir.resolve("limites.zip"), parts(shp));
        try (Workspace ws = demo.workspace(dir)) {
            List<ImportResult> results = new ImportService(ws).importPath(archive, Optional.empty(),
                    ImportOptions.DEFAULTS, ImportProgress.NONE);

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.failure()).isEmpty();
                assertThat(r.format()).isEqualTo(ImportFormat.BOUNDARIES_SHAPEFILE);
                assertThat(r.file().toString()).endsWith("limites.zip!limites.shp");
                assertThat(r.counts().updatedCount()).isEqualTo(demo.districts().size());
            });
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL = 3 AND GEOMETRY IS NOT"
                    + " NULL")).isEqualTo(demo.districts().size());
            // importFile takes a zip of one shapefile too, and finds nothing new in it.
            ImportResult again = importFile(ws, archive, ImportOptions.DEFAULTS);
            assertThat(again.failure()).isEmpty();
            assertThat(again.changedNothing()).isTrue();
        }
    }

    @Test
    void asALayerAShapefileKeepsItsDbfColumnsAsProperties() throws Exception {
        Path shp = districts("ds_layer", 4326);
        try (Workspace ws = demo.workspace(dir)) {
            ImportResult r = importFile(ws, shp, ImportOptions.DEFAULTS.withAttachBoundaries(false));

            assertThat(r.failure()).isEmpty();
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(demo.districts().size());
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM BOUNDARY_FEATURE F JOIN BOUNDARY_LAYER L"
                    + " ON L.ID = F.LAYER_ID WHERE L.NAME = 'ds_layer' AND F.CODE LIKE 'X-%' AND F.NAME IS NOT NULL"
                    + " AND F.PROPERTIES LIKE '%\"REGION\":%' AND ST_IsValid(F.GEOMETRY)"))
                    .isEqualTo(demo.districts().size());
        }
    }

    /** Facilities with French names, written as windows-1252 with a .cpg saying so. */
    Path facilities(String name, String cpg, int srid) throws Exception {
        Path shp = dir.resolve(name + ".shp");
        shapefile(shp, "FS", "windows-1252", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE FS(CODE VARCHAR(20), NOM VARCHAR(80), TYPE VARCHAR(20),"
                        + " DISTRICT VARCHAR(80), PROPRIETAI VARCHAR(20), THE_GEOM GEOMETRY(POINT, " + srid + "))");
                st.execute("INSERT INTO FS VALUES ('FS001', 'CSI Tillabéri Commune', 'CSI', 'Tillabéri', 'Public',"
                        + " ST_Transform(ST_SetSRID(ST_MakePoint(1.4532, 14.2117), 4326), " + srid + "))");
                st.execute("INSERT INTO FS VALUES ('FS002', 'CSPS Gaoua Secteur 2', 'CSPS', 'Gaoua', 'Privé',"
                        + " ST_Transform(ST_SetSRID(ST_MakePoint(-3.1833, 10.3333), 4326), " + srid + "))");
                st.execute("INSERT INTO FS VALUES ('FS003', 'Case de santé Kéïta', 'CS', 'Kéïta', NULL,"
                        + " ST_Transform(ST_SetSRID(ST_MakePoint(5.7700, 14.7550), 4326), " + srid + "))");
            }
        });
        if (cpg != null) {
            Files.writeString(shp.resolveSibling(name + ".cpg"), cpg, StandardCharsets.US_ASCII);
        }
        return shp;
    }

    @Test
    void aPointShapefileIsAFacilityRegistryReadInItsCpgsCharacterSet() throws Exception {
        Path shp = facilities("fs", "1252", 32631);
        assertThat(FormatDetector.detect(shp)).contains(ImportFormat.REGISTRY_SHAPEFILE);
        try (Workspace ws = Workspace.create(dir.resolve("fs.mv.db"))) {
            ImportResult r = importFile(ws, shp, ImportOptions.DEFAULTS);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.REGISTRY_SHAPEFILE);
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(3);
            assertThat(registry(ws.connection())).containsExactly(
                    tuple("FS001", "CSI Tillabéri Commune", "CSI", "Tillabéri", "Public", 14.2117, 1.4532),
                    tuple("FS002", "CSPS Gaoua Secteur 2", "CSPS", "Gaoua", "Privé", 10.3333, -3.1833),
                    tuple("FS003", "Case de santé Kéïta", "CS", "Kéïta", null, 14.7550, 5.7700));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM REGISTRY_RECORD WHERE ST_SRID(POINT) = 4326"))
                    .isEqualTo(3);
            assertThat(importFile(ws, shp, ImportOptions.DEFAULTS).changedNothing()).isTrue();
        }
    }

    @Test
    void theDbfCharsetComesFromTheCpgElseTheLanguageDriverElseWindows1252() throws Exception {
        // SHPWrite marks its windows-1252 .dbf with language driver 0x03; a .cpg saying UTF-8 would be wrong
        // here, which shows that the .cpg wins; without .cpg the language driver is right.
        Path wrongCpg = facilities("utf8", "UTF-8", 4326);
        Path noCpg = facilities("plain", null, 4326);
        Path zeroed = facilities("zeroed", null, 4326);
        byte[] dbf = Files.readAllBytes(zeroed.resolveSibling("zeroed.dbf"));
        assertThat(dbf[29]).isEqualTo((byte) 0x03);
        dbf[29] = 0;
        Files.write(zeroed.resolveSibling("zeroed.dbf"), dbf);
        try (Workspace ws = Workspace.create(dir.resolve("cs.mv.db"))) {
            assertThat(importFile(ws, noCpg, ImportOptions.DEFAULTS).failure()).isEmpty();
            assertThat(registry(ws.connection()).get(0).toList().get(1)).isEqualTo("CSI Tillabéri Commune");
            assertThat(importFile(ws, zeroed, ImportOptions.DEFAULTS).changedNothing()).as("read as windows-1252")
                    .isTrue();
            ImportResult utf8 = importFile(ws, wrongCpg, ImportOptions.DEFAULTS);
            assertThat(utf8.counts().updatedCount()).as("é in windows-1252 is no UTF-8").isEqualTo(3);
            assertThat(registry(ws.connection()).get(0).toList().get(1)).isNotEqualTo("CSI Tillabéri Commune");
        }
        assertThat(ShapefileCharsets.fromCpg("ANSI 1252")).contains(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(ShapefileCharsets.fromCpg("CP1252")).contains(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(ShapefileCharsets.fromCpg("ISO-8859-1\r\n")).contains(StandardCharsets.ISO_8859_1);
        assertThat(ShapefileCharsets.fromCpg("88591")).contains(StandardCharsets.ISO_8859_1);
        assertThat(ShapefileCharsets.fromCpg("65001")).contains(StandardCharsets.UTF_8);
        assertThat(ShapefileCharsets.fromCpg("utf-8")).contains(StandardCharsets.UTF_8);
        assertThat(ShapefileCharsets.fromCpg("nonsense")).isEmpty();
        assertThat(ShapefileCharsets.fromLanguageDriver(0x57)).contains(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(ShapefileCharsets.fromLanguageDriver(0)).isEmpty();
    }

    @Test
    void withoutPrjDegreesAreTakenAsWgs84AndMetresRefused() throws Exception {
        Path degrees = facilities("sans_prj", null, 4326);
        Files.delete(degrees.resolveSibling("sans_prj.prj"));
        Path metres = facilities("metres", null, 32631);
        Files.delete(metres.resolveSibling("metres.prj"));
        try (Workspace ws = Workspace.create(dir.resolve("np.mv.db"))) {
            ImportResult ok = importFile(ws, degrees, ImportOptions.DEFAULTS);
            assertThat(ok.failure()).isEmpty();
            assertThat(ok.problems()).extracting(Problem::key).containsExactly("import.shapefileAssumedWgs84");
            assertThat(ok.problems().get(0).format()).contains("sans_prj.prj");
            assertThat(ok.counts().createdCount()).isEqualTo(3);

            List<String> before = snapshot(ws.connection());
            ImportResult refused = importFile(ws, metres, ImportOptions.DEFAULTS);
            assertThat(refused.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.shapefileNoPrj");
                assertThat(p.format()).startsWith("metres.shp: no metres.prj");
            });
            assertThat(snapshot(ws.connection())).isEqualTo(before);
        }
    }

    @Test
    void anUnknownProjectionIsRefusedNamingIt() throws Exception {
        Path shp = facilities("lambert", null, 4326);
        Files.writeString(shp.resolveSibling("lambert.prj"), "PROJCS[\"Some_Local_Lambert\",GEOGCS[\"GCS_Clarke_1880\","
                + "DATUM[\"D_Clarke_1880\",SPHEROID[\"Clarke_1880\",6378249.145,293.465]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],UNIT[\"Meter\",1.0]]");
        try (Workspace ws = Workspace.create(dir.resolve("u.mv.db"))) {
            ImportResult r = importFile(ws, shp, ImportOptions.DEFAULTS);
            assertThat(r.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.shapefileUnknownProjection");
                assertThat(p.args()).containsExactly("lambert.prj", "Some_Local_Lambert");
            });
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM REGISTRY_RECORD")).isZero();
        }
    }

    @Test
    void aTruncatedShpOrAMissingDbfFailsNamingTheFileAndChangesNothing() throws Exception {
        Path cut = districts("coupe", 4326);
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 200));
        Path lonely = districts("seul", 4326);
        Files.delete(lonely.resolveSibling("seul.dbf"));
        Path tiny = dir.resolve("tiny.shp");
        Files.write(tiny, Arrays.copyOf(bytes, 60));
        try (Workspace ws = demo.workspace(dir)) {
            List<String> before = snapshot(ws.connection());

            ImportResult truncated = importFile(ws, cut, ImportOptions.DEFAULTS);
            assertThat(truncated.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.shapefileDamaged");
                assertThat(p.format()).startsWith("coupe.shp: coupe.shp is damaged or cut short");
            });
            ImportResult missing = importAs(ws, lonely, Optional.of(ImportFormat.BOUNDARIES_SHAPEFILE));
            assertThat(missing.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.shapefileMissingPart");
                assertThat(p.args()).containsExactly("seul.dbf");
                assertThat(p.file()).isEqualTo("seul.shp");
            });
            ImportResult header = importAs(ws, tiny, Optional.of(ImportFormat.BOUNDARIES_SHAPEFILE));
            assertThat(header.failure()).hasValueSatisfying(p -> assertThat(p.key()).isIn(
                    "import.shapefileDamaged", "import.shapefileMissingPart"));
            // Zipped without its .dbf: the archive's entry is named.
            Path archive = zip(dir.resolve("incomplet.zip"), lonely, lonely.resolveSibling("seul.shx"));
            ImportResult zipped = importFile(ws, archive, ImportOptions.DEFAULTS);
            assertThat(zipped.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.shapefileMissingPart");
                assertThat(p.args()).containsExactly("incomplet.zip!seul.dbf");
            });
            assertThat(snapshot(ws.connection())).isEqualTo(before);
        }
    }

    @Test
    void arcGisPrjTextsGiveTheirEpsgCodes() {
        assertThat(Projections.epsg(GeoFixtures.ESRI_UTM_31N)).hasValue(32631);
        assertThat(Projections.epsg(GeoFixtures.ESRI_UTM_31N.replace("Zone_31N", "Zone_30N")
                .replace("\"Central_Meridian\",3.0", "\"Central_Meridian\",-3.0"))).hasValue(32630);
        assertThat(Projections.epsg(GeoFixtures.ESRI_UTM_31N.replace("WGS_1984_UTM_Zone_31N", "UTM_Local_Name")))
                .as("by its Transverse Mercator parameters").hasValue(32631);
        assertThat(Projections.epsg("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"))
                .hasValue(4326);
        assertThat(Projections.epsg("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\","
                + "DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]],"
                + "PROJECTION[\"Mercator_Auxiliary_Sphere\"],UNIT[\"Meter\",1.0]]")).hasValue(3857);
        assertThat(Projections.epsg("PROJCS[\"WGS 84 / UTM zone 32N\",GEOGCS[\"WGS 84\"],AUTHORITY[\"EPSG\","
                + "\"32632\"]]")).hasValue(32632);
    }

    private static ImportResult importAs(Workspace ws, Path file, Optional<ImportFormat> format) {
        return new ImportService(ws).importFile(file, format, ImportOptions.DEFAULTS, ImportProgress.NONE);
    }

    private static List<org.assertj.core.groups.Tuple> registry(Connection c) throws Exception {
        List<org.assertj.core.groups.Tuple> rows = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CODE, NAME, FACILITY_TYPE,"
                + " DISTRICT, OWNERSHIP, ROUND(LATITUDE, 6), ROUND(LONGITUDE, 6) FROM REGISTRY_RECORD ORDER BY CODE")) {
            while (rs.next()) {
                rows.add(tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getDouble(6), rs.getObject(7) == null ? null
                                : rs.getDouble(7)));
            }
        }
        return rows;
    }
}
