package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** The generated files read back independently of the generator, as an importer would. */
final class GeneratedFiles {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    /** One entry of dataValueSets.json. */
    record Value(String dataElement, String period, String orgUnit, String categoryOptionCombo,
            String attributeOptionCombo, String value, String storedBy, String created, String lastUpdated,
            String comment, boolean followup) {

        String cell() {
            return dataElement + "|" + period + "|" + orgUnit + "|" + categoryOptionCombo;
        }
    }

    final DemoFiles files;
    final JsonNode metadata;
    final JsonNode manifest;
    final JsonNode groundTruth;
    final JsonNode registrations;
    final JsonNode registryGeoJson;
    final List<Value> values;
    final List<String[]> csvValues;
    final List<String[]> registry;
    final List<String[]> localities;
    /** Organisation units by uid, in file order. */
    final Map<String, JsonNode> orgUnits = new LinkedHashMap<>();

    GeneratedFiles(DemoFiles files) throws IOException {
        this.files = files;
        metadata = MAPPER.readTree(files.metadataJson().toFile());
        manifest = MAPPER.readTree(files.manifestJson().toFile());
        groundTruth = MAPPER.readTree(files.groundTruthJson().toFile());
        registrations = MAPPER.readTree(files.completeRegistrationsJson().toFile());
        registryGeoJson = MAPPER.readTree(files.registryGeoJson().toFile());
        values = readValues(files.dataValuesJson());
        csvValues = readCsv(files.dataValuesCsv(), ',');
        registry = readCsv(files.registryCsv(), ';');
        localities = readCsv(files.localitiesCsv(), ',');
        for (JsonNode ou : metadata.get("organisationUnits")) {
            orgUnits.put(ou.get("id").asText(), ou);
        }
    }

    List<JsonNode> orgUnitsAtLevel(int level) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode ou : orgUnits.values()) {
            if (ou.get("level").asInt() == level) {
                out.add(ou);
            }
        }
        return out;
    }

    JsonNode orgUnitByCode(String code) {
        for (JsonNode ou : orgUnits.values()) {
            if (code.equals(ou.path("code").asText())) {
                return ou;
            }
        }
        throw new AssertionError("No org unit with code " + code);
    }

    /** Streams the data values with Jackson's parser, as an importer of a large file must. */
    private static List<Value> readValues(Path path) throws IOException {
        List<Value> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path); JsonParser p = MAPPER.getFactory().createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            expect(p.nextToken(), JsonToken.FIELD_NAME);
            if (!"dataValues".equals(p.currentName())) {
                throw new AssertionError("First field is " + p.currentName());
            }
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode n = MAPPER.readTree(p);
                out.add(new Value(n.get("dataElement").asText(), n.get("period").asText(), n.get("orgUnit").asText(),
                        n.get("categoryOptionCombo").asText(), n.get("attributeOptionCombo").asText(),
                        n.get("value").asText(), n.get("storedBy").asText(), n.get("created").asText(),
                        n.get("lastUpdated").asText(), n.has("comment") ? n.get("comment").asText() : null,
                        n.get("followup").asBoolean()));
            }
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new AssertionError("Expected " + expected + " but found " + actual);
        }
    }

    /** Rows after the header; RFC 4180 quoting on single lines (no field here spans lines). */
    static List<String[]> readCsv(Path path, char delimiter) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(splitCsv(lines.get(i), delimiter));
        }
        return rows;
    }

    static String header(Path path) throws IOException {
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow();
        }
    }

    static String[] splitCsv(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        fields.add(sb.toString());
        return fields.toArray(new String[0]);
    }

    /** A GeoJSON geometry (Point, Polygon, MultiPolygon) as JTS; null for a missing geometry. */
    static Geometry geometry(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        JsonNode c = g.get("coordinates");
        return switch (g.get("type").asText()) {
            case "Point" -> GF.createPoint(coordinate(c));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[c.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(c.get(i));
                }
                yield GF.createMultiPolygon(parts);
            }
            default -> throw new AssertionError("Unexpected geometry type " + g.get("type"));
        };
    }

    static Coordinate coordinate(JsonNode pair) {
        return new Coordinate(pair.get(0).asDouble(), pair.get(1).asDouble());
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(points.get(i));
        }
        return GF.createLinearRing(cs);
    }
}
