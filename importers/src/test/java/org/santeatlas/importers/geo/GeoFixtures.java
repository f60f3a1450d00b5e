package org.santeatlas.importers.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.factory.H2GISFunctions;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * Fixtures of the geo tests: the demo country's metadata in a workspace whose districts have lost their
 * shapes (as an SNIS export without geometry), those shapes as they were, and shapefiles written with
 * H2GIS's own {@code SHPWrite} from a table filled in SQL.
 */
final class GeoFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MEMORY_DBS = new AtomicInteger();

    /** ESRI WKT, as ArcGIS writes it: no EPSG authority. */
    static final String ESRI_UTM_31N = "PROJCS[\"WGS_1984_UTM_Zone_31N\",GEOGCS[\"GCS_WGS_1984\","
            + "DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Scale_Factor\",0.9996],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    /** A district of the demo as its metadata describes it. */
    record District(String uid, String code, String name, String shortName, String region, String regionShortName,
                    JsonNode geometry) {
    }

    private GeoFixtures() {
    }

    /** Generates the demo's files and a workspace of its metadata with the districts' geometry removed. */
    static Demo demo(Path dir) throws Exception {
        DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        Path template = dir.resolve("template.mv.db");
        List<District> districts = new ArrayList<>();
        try (Workspace ws = Workspace.create(template)) {
            ImportResult r = new ImportService(ws).importFile(files.metadataJson(), java.util.Optional.empty(),
                    ImportProgress.NONE);
            if (r.failed()) {
                throw new IllegalStateException(r.failure().orElseThrow().format());
            }
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT O.UID, O.CODE, O.NAME, O.SHORT_NAME, P.NAME, P.SHORT_NAME,"
                         + " ST_AsGeoJSON(O.GEOMETRY) FROM ORG_UNIT O JOIN ORG_UNIT P ON P.ID = O.PARENT_ID"
                         + " WHERE O.LEVEL = 3 ORDER BY O.CODE")) {
                while (rs.next()) {
                    districts.add(new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), JSON.readTree(rs.getString(7))));
                }
            }
            try (Statement st = ws.connection().createStatement()) {
                st.executeUpdate("UPDATE ORG_UNIT SET GEOMETRY = NULL WHERE LEVEL = 3");
            }
        }
        return new Demo(files, template, List.copyOf(districts));
    }

    /** The demo's files, its metadata workspace (districts without geometry) and its districts. */
    record Demo(DemoFiles files, Path template, List<District> districts) {

        /** A fresh copy of the metadata workspace. */
        Workspace workspace(Path dir) throws IOException {
            Path copy = dir.resolve("w-" + System.nanoTime() + ".mv.db");
            Files.copy(template, copy);
            return Workspace.open(copy, AccessMode.READ_WRITE);
        }
    }

    static ObjectNode featureCollection(List<ObjectNode> features) {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode array = fc.putArray("features");
        features.forEach(array::add);
        return fc;
    }

    static ObjectNode feature(ObjectNode properties, JsonNode geometry) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.set("properties", properties);
        f.set("geometry", geometry);
        return f;
    }

    static Path write(Path file, JsonNode json) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }

    /** A self-intersecting "bow-tie" ring around (x, y): two triangles meeting at the centre. */
    static ObjectNode bowTie(double x, double y) {
        ObjectNode g = JSON.createObjectNode();
        g.put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        double[][] pts = {{x - 0.1, y - 0.1}, {x + 0.1, y + 0.1}, {x + 0.1, y - 0.1}, {x - 0.1, y + 0.1},
            {x - 0.1, y - 0.1}};
        for (double[] p : pts) {
            ring.addArray().add(p[0]).add(p[1]);
        }
        return g;
    }

    /**
     * Writes {@code shp} (with .shx, .dbf, .prj) from a table that {@code setup} creates and fills in a
     * private in-memory H2GIS database, with H2GIS's {@code SHPWrite}.
     *
     * @param table    the table {@code setup} fills
     * @param encoding the .dbf's character set, e.g. windows-1252
     */
    static Path shapefile(Path shp, String table, String encoding, SqlSetup setup) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:geo" + MEMORY_DBS.incrementAndGet())) {
            H2GISFunctions.load(c);
            setup.run(c);
            try (Statement st = c.createStatement()) {
                st.execute("CALL SHPWrite('" + shp.toAbsolutePath().toString().replace("'", "''") + "', '" + table
                        + "', '" + encoding + "')");
            }
        }
        return shp;
    }

    @FunctionalInterface
    interface SqlSetup {
        void run(Connection c) throws SQLException;
    }

    /** Zips files under their own names (a flat archive, as Windows' "Send to compressed folder"). */
    static Path zip(Path zip, Path... files) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    /** The parts of a shapefile beside {@code shp}: .shp, .shx, .dbf and whichever of .prj, .cpg exist. */
    static Path[] parts(Path shp) {
        String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
        List<Path> parts = new ArrayList<>();
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Path p = shp.resolveSibling(base + "." + ext);
            if (Files.exists(p)) {
                parts.add(p);
            }
        }
        return parts.toArray(Path[]::new);
    }

    static ImportResult importFile(Workspace ws, Path file, ImportOptions options) {
        return new ImportService(ws).importFile(file, java.util.Optional.empty(), options, ImportProgress.NONE);
    }

    /** Everything the geo importers write, as text: for "the workspace is unchanged". */
    static List<String> snapshot(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String sql : new String[] {
            "SELECT ID, UID, ST_AsText(GEOMETRY), BATCH_ID FROM ORG_UNIT ORDER BY ID",
            "SELECT ID, NAME, SOURCE, BATCH_ID FROM BOUNDARY_LAYER ORDER BY ID",
            "SELECT LAYER_ID, FEATURE_NO, CODE, NAME, PROPERTIES, ST_AsText(GEOMETRY), REPAIRED, BATCH_ID"
                    + " FROM BOUNDARY_FEATURE ORDER BY LAYER_ID, FEATURE_NO",
            "SELECT CODE, NAME, LATITUDE, LONGITUDE, BATCH_ID FROM REGISTRY_RECORD ORDER BY CODE",
            "SELECT ID, FILE_NAME FROM IMPORT_BATCH ORDER BY ID"}) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        s.append(rs.getString(i)).append('|');
                    }
                    rows.add(s.toString());
                }
            }
        }
        return rows;
    }
}
