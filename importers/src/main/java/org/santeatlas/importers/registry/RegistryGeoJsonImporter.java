package org.santeatlas.importers.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.geo.GeoJsonFeatures;

/**
 * A master facility list as a GeoJSON FeatureCollection (RFC 7946), as QGIS, healthsites.io or GRID3
 * export it: one Feature a facility, its fields in {@code properties} under the same French/English
 * names as the CSV registry ({@link RegistryCsvImporter#SYNONYMS}, plus a few names those exports use),
 * its location a Point in [longitude, latitude] WGS 84 degrees. The code is the property, or else the
 * Feature's {@code id}. Records go into the same registry source with the same upsert as the CSV, so
 * the two files of one list are interchangeable: importing one after the other changes nothing.
 *
 * <p>Streamed: the features are read one at a time, never the whole file.
 */
public final class RegistryGeoJsonImporter implements Importer {

    /**
     * The CSV's synonyms, then property names of common GeoJSON facility exports, in order of preference:
     * healthsites.io / OpenStreetMap ({@code osm_id}, {@code healthcare}, {@code amenity},
     * {@code operator_type}), GRID3 ({@code globalid}, {@code primary_name}, {@code functional_status}).
     * Then the CSV's names as shapefiles cut them (dBASE column names hold 10 characters, so QGIS and
     * ArcGIS write {@code PROPRIETAI}, {@code FACILITY_N}), which GeoJSON converted from shapefiles keeps.
     * Kept apart from the CSV's so that adding them does not change how spreadsheets are read.
     */
    static final Map<String, List<String>> SYNONYMS = withExtras(RegistryCsvImporter.SYNONYMS, Map.of(
            "code", List.of("osm_id", "globalid", "global_id", "uuid", "facility_c", "code_forma"),
            "name", List.of("primary_name", "facility_n", "formation_", "nom_format"),
            "type", List.of("healthcare", "amenity", "facility_t"),
            "status", List.of("operational_status", "functional_status", "operationa", "functional"),
            "district", List.of("district_s", "health_dis"),
            "healthArea", List.of("aire_de_sa", "health_are", "zone_de_sa"),
            "ownership", List.of("operator_type", "proprietai", "operator_t")));

    /** Fields matched in this order, so that a property name is claimed by one field at most. */
    private static final List<String> FIELDS = List.of("code", "name", "type", "status", "region", "district",
            "healthArea", "latitude", "longitude", "ownership");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    /** Features between progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 1_000;

    /** REGISTRY_CSV until ImportFormat gains REGISTRY_GEOJSON("registry-geojson"); then that. */
    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_GEOJSON;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        long size = Files.size(context.file());
        long[] features = {0};
        try (RegistryUpsert upsert = new RegistryUpsert(context);
             JsonParser p = JSON.createParser(context.open())) {
            GeoJsonFeatures.read(context, p, new GeoJsonFeatures.Handler() {
                @Override
                public void feature(JsonParser p, int number, long line) throws IOException, SQLException {
                    JsonNode feature = MAPPER.readTree(p);
                    store(context, upsert, feature, line);
                    if (++features[0] % REPORT_EVERY == 0) {
                        checkCancelled();
                        context.progress().update(Math.min(p.currentLocation().getByteOffset(), size), size,
                                features[0]);
                    }
                }

                @Override
                public void notAnObject(int number, long line) {
                    notAFeature(context, line);
                }
            });
        }
        context.progress().update(size, size, features[0]);
    }

    /**
     * One Feature: rejected without code or name, else stored, with or without a location. Also the
     * shapefile registry's, which hands each record over as a Feature.
     */
    static void store(ImportContext context, RegistryUpsert upsert, JsonNode feature, long line)
            throws SQLException {
        if (!feature.path("type").asText("Feature").equals("Feature")) {
            notAFeature(context, line);
            return;
        }
        Properties props = Properties.of(feature.path("properties"));
        String code = props.text("code");
        if (code == null) {
            code = valueText(feature.get("id"));
        }
        String name = props.text("name");
        if (code == null || name == null) {
            context.counts().rejected();
            context.report(line, 0, "import.registryMissingCodeOrName", "feature without code or name");
            return;
        }
        double[] lonLat = location(context, feature.get("geometry"), props, code, line);
        ObjectNode attributes = props.unmapped();
        upsert.put(code, new RegistryUpsert.Fields(name, props.text("type"), props.text("status"),
                props.text("ownership"), props.text("region"), props.text("district"), props.text("healthArea"),
                lonLat == null ? null : lonLat[1], lonLat == null ? null : lonLat[0],
                attributes.isEmpty() ? null : attributes.toString()));
    }

    private static void notAFeature(ImportContext context, long line) {
        context.counts().rejected();
        context.report(line, 0, "import.geojsonNotAFeature", "a features entry that is not a Feature");
    }

    /**
     * The feature's [longitude, latitude] in WGS 84 degrees, or null (reported unless there is simply no
     * geometry). A Point, or a MultiPoint of one point; without a geometry, latitude and longitude
     * properties as in the CSV (QGIS keeps them when it exports a layer made from a spreadsheet).
     */
    private static double[] location(ImportContext context, JsonNode geometry, Properties props, String code,
                                     long line) {
        JsonNode position;
        if (geometry == null || geometry.isNull()) {
            String la = props.text("latitude");
            String lo = props.text("longitude");
            if (la == null && lo == null) {
                return null;
            }
            OptionalDouble lat = Coordinates.parseDecimalDegrees(la == null ? "" : la);
            OptionalDouble lon = Coordinates.parseDecimalDegrees(lo == null ? "" : lo);
            if (lat.isPresent() && lon.isPresent() && inRange(lon.getAsDouble(), lat.getAsDouble())) {
                return new double[] {lon.getAsDouble(), lat.getAsDouble()};
            }
            reportBadCoordinates(context, code, line);
            return null;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        if (type.equals("Point")) {
            position = coordinates;
        } else if (type.equals("MultiPoint") && coordinates.isArray() && coordinates.size() == 1) {
            position = coordinates.get(0);
        } else {
            String what = type.equals("MultiPoint") ? "a MultiPoint of " + coordinates.size() + " points"
                    : "a " + (type.isEmpty() ? "typeless" : type) + " geometry";
            context.report(line, 0, "import.registryUnsupportedGeometry", code + ": " + what
                    + " instead of a point; kept without a location", code, type);
            return null;
        }
        // RFC 7946 §3.1.1: longitude, latitude, then an optional altitude, which is dropped.
        if (position.isArray() && position.size() >= 2 && position.get(0).isNumber() && position.get(1).isNumber()) {
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (inRange(lon, lat)) {
                return new double[] {lon, lat};
            }
        }
        reportBadCoordinates(context, code, line);
        return null;
    }

    private static boolean inRange(double lon, double lat) {
        return Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    }

    private static void reportBadCoordinates(ImportContext context, String code, long line) {
        context.report(line, 0, "import.registryBadCoordinates", code
                + ": unreadable or out-of-range coordinates; kept without a location", code);
    }

    /**
     * A scalar as trimmed text, null when absent, null or blank (as the CSV treats empty cells); numbers
     * as written ({@code osm_id: 4294967296} → "4294967296"), objects and arrays as JSON.
     */
    private static String valueText(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText().trim() : v.toString();
        return s.isEmpty() ? null : s;
    }

    /** A feature's properties, each field taken from the first synonym present with a value. */
    private record Properties(Map<String, String> byField, ObjectNode unmapped) {

        static Properties of(JsonNode properties) {
            // Normalised name → first property of that name, in file order.
            Map<String, Map.Entry<String, JsonNode>> byKey = new LinkedHashMap<>();
            if (properties.isObject()) {
                properties.properties().forEach(e -> byKey.putIfAbsent(ColumnMapping.key(e.getKey()), e));
            }
            Map<String, String> byField = new LinkedHashMap<>();
            Set<String> claimed = new HashSet<>();
            for (String field : FIELDS) {
                for (String synonym : SYNONYMS.get(field)) {
                    Map.Entry<String, JsonNode> e = byKey.get(synonym);
                    String value = e == null || claimed.contains(e.getKey()) ? null : valueText(e.getValue());
                    if (value != null) {
                        byField.put(field, value);
                        claimed.add(e.getKey());
                        break;
                    }
                }
            }
            // Kept with their JSON types (a number stays a number), blank and null ones dropped as in the CSV.
            ObjectNode unmapped = MAPPER.createObjectNode();
            if (properties.isObject()) {
                properties.properties().forEach(e -> {
                    if (!claimed.contains(e.getKey()) && valueText(e.getValue()) != null) {
                        unmapped.set(e.getKey(), e.getValue());
                    }
                });
            }
            return new Properties(byField, unmapped);
        }

        String text(String field) {
            return byField.get(field);
        }
    }

    private static Map<String, List<String>> withExtras(Map<String, List<String>> base,
                                                        Map<String, List<String>> extras) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        base.forEach((field, names) -> {
            List<String> merged = new ArrayList<>(names);
            merged.addAll(extras.getOrDefault(field, List.of()));
            all.put(field, List.copyOf(merged));
        });
        return Map.copyOf(all);
    }

    private static void checkCancelled() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("import cancelled");
        }
    }
}
