package org.santeatlas.importers.geo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cts.op.CoordinateOperationException;
import org.h2gis.functions.io.utility.PRJUtil;
import org.h2gis.functions.spatial.crs.ST_Transform;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;

/**
 * Boundaries as a GeoJSON FeatureCollection (RFC 7946) of Polygons and MultiPolygons, as geoBoundaries,
 * HDX (COD-AB), GADM, DHIS2 and QGIS export them: attached to the org units they match, or kept as a
 * boundary layer ({@link BoundaryImport}). Coordinates are WGS 84 longitude/latitude; a pre-RFC
 * {@code "crs"} member naming another EPSG system (QGIS writes one for projected layers) is honoured.
 *
 * <p>Streamed twice: properties first, then geometries, one feature at a time.
 */
public final class BoundaryGeoJsonImporter implements Importer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EPSG = Pattern.compile("EPSG:+(?:[\\d.]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);

    @Override
    public ImportFormat format() {
        return ImportFormat.BOUNDARIES_GEOJSON;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        new BoundaryImport(context).run((geometries, visitor) -> read(context, geometries, visitor));
    }

    private static void read(ImportContext context, boolean geometries, BoundaryImport.Visitor visitor)
            throws ImportFailure, IOException, SQLException {
        try (JsonParser p = MAPPER.getFactory().createParser(context.open())) {
            GeoJsonFeatures.read(context, p, new GeoJsonFeatures.Handler() {
                private int srid = Projections.WGS84;

                @Override
                public void member(String name, JsonParser p) throws ImportFailure, IOException, SQLException {
                    if (name.equals("crs") && p.currentToken() == JsonToken.START_OBJECT) {
                        srid = crs(context, MAPPER.readTree(p), p.currentLocation().getLineNr());
                    } else {
                        p.skipChildren();
                    }
                }

                @Override
                public void feature(JsonParser p, int number, long line)
                        throws ImportFailure, IOException, SQLException {
                    BoundaryGeoJsonImporter.feature(context, p, geometries, number, line, srid, visitor);
                }

                @Override
                public void notAnObject(int number, long line) {
                    notAFeature(context, geometries, line);
                }
            });
        }
    }

    /** One Feature, its members in any order; the geometry read only when asked. */
    private static void feature(ImportContext context, JsonParser p, boolean geometries, int number, long line,
                                int srid, BoundaryImport.Visitor visitor)
            throws IOException, ImportFailure, SQLException {
        ObjectNode properties = null;
        String id = null;
        String type = "Feature";
        JsonNode geometry = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            switch (member) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "id" -> id = value.isScalarValue() ? p.getText() : null;
                case "properties" -> {
                    JsonNode node = MAPPER.readTree(p);
                    properties = node instanceof ObjectNode o ? o : null;
                }
                case "geometry" -> {
                    if (geometries) {
                        geometry = MAPPER.readTree(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!type.equals("Feature")) {
            notAFeature(context, geometries, line);
            return;
        }
        Polygons.Parsed parsed = null;
        if (geometries) {
            parsed = Polygons.fromGeoJson(geometry);
            if (parsed.geometry() != null && srid != Projections.WGS84) {
                parsed = new Polygons.Parsed(transform(context, parsed.geometry(), srid, number, line),
                        parsed.repair(), null);
            }
        }
        visitor.feature(number, line, properties, id, parsed);
    }

    /** Reported once, in the geometry pass; the feature counts as rejected. */
    private static void notAFeature(ImportContext context, boolean geometries, long line) {
        if (geometries) {
            context.counts().rejected();
            context.report(line, 0, "import.geojsonNotAFeature", "a features entry that is not a Feature");
        }
    }

    /**
     * The EPSG code of a GeoJSON 2008 {@code crs} member ({@code {"type": "name", "properties": {"name":
     * "urn:ogc:def:crs:EPSG::32631"}}}); OGC's CRS84 is WGS 84 longitude/latitude.
     */
    private static int crs(ImportContext context, JsonNode crs, long line) throws ImportFailure, SQLException {
        String name = crs.path("properties").path("name").asText("").trim();
        if (name.isEmpty() || name.toUpperCase(java.util.Locale.ROOT).matches(".*CRS:?84$")) {
            return Projections.WGS84;
        }
        Matcher m = EPSG.matcher(name);
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (PRJUtil.isSRIDValid(code, context.connection())) {
                return code;
            }
        }
        throw new ImportFailure(context.problem(line, 0, "import.geojsonUnknownCrs", "unknown coordinate system '"
                + name + "'; export the layer in WGS 84 (EPSG:4326) and import it again", name));
    }

    private static Geometry transform(ImportContext context, Geometry g, int srid, int number, long line)
            throws ImportFailure, SQLException {
        g.setSRID(srid);
        try {
            Geometry out = ST_Transform.ST_Transform(context.connection(), g, Projections.WGS84);
            out.setSRID(Projections.WGS84);
            return out;
        } catch (CoordinateOperationException | RuntimeException e) {
            throw new ImportFailure(context.problem(line, 0, "import.reprojectionFailed", "shape " + number
                    + " could not be converted from EPSG:" + srid + " to WGS 84: " + e.getMessage(),
                    String.valueOf(number), String.valueOf(srid), String.valueOf(e.getMessage())), e);
        }
    }
}
