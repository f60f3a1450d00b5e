package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;

/**
 * DHIS2 metadata in XML ({@code api/metadata.xml}, DXF2):
 * <pre>{@code
 * <metadata xmlns="http://dhis2.org/schema/dxf/2.0" date="...">
 *   <organisationUnits>
 *     <organisationUnit id="Rp268JB6Ne4" code="OU_651071" name="Adonkia CHP" shortName="Adonkia CHP"
 *                       created="..." lastUpdated="...">
 *       <level>4</level>
 *       <path>/ImspTQPwCqd/at6UHUQatSo/qtr8GGlm4gg/Rp268JB6Ne4</path>
 *       <openingDate>1970-01-01T00:00:00.000</openingDate>
 *       <parent id="qtr8GGlm4gg"/>
 *       <geometry>...</geometry>
 *     </organisationUnit>
 *   </organisationUnits>
 *   <dataSets><dataSet id=".." name=".."><periodType>Monthly</periodType>
 *     <dataSetElements><dataSetElement><dataElement id=".."/></dataSetElement></dataSetElements>...
 * </metadata>}</pre>
 * DHIS2's XML mapper writes identifiable properties ({@code id}, {@code code}, {@code name},
 * {@code shortName}, {@code created}, {@code lastUpdated}) as attributes and the others as child
 * elements; a reference is an element with an {@code id} attribute, a collection a wrapper element
 * (plural name) around one element per item (singular name). DHIS2 before 2.24 named the root
 * {@code <metaData>}.
 *
 * <p>This is a front end to {@link MetadataJsonImporter}: each object is turned into the JSON tree DHIS2
 * would have written for it ({@link #element}) and stored by the same code, so that both formats fill
 * the tables identically. Streamed: one object in memory at a time.
 *
 * <p>Geometry: DHIS2 (2.32+) gives an org unit a JTS {@code geometry}, which its XML mapper writes as
 * elements ({@code <type>}, then the GeoJSON coordinates as {@code <coordinates>} elements, nested
 * or flattened into one list of numbers), and a {@code geometryAsJson} property holding GeoJSON text;
 * DHIS2 before 2.32 wrote {@code <featureType>} and a {@code <coordinates>} string. All are read:
 * {@code <geometryAsJson>} first, then {@code <geometry>} as GeoJSON text or as elements, then the
 * legacy pair (by the JSON importer).
 */
public final class MetadataXmlImporter implements Importer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_METADATA_XML;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        MetadataJsonImporter.Run run = new MetadataJsonImporter.Run(context);
        XmlFiles.read(context, "a <metadata> element", r -> readDocument(context, r, run));
        run.finish();
    }

    /** The reader is on the root's start tag; leaves it on the root's end tag. */
    private static void readDocument(ImportContext context, XMLStreamReader r, MetadataJsonImporter.Run run)
            throws XMLStreamException, ImportFailure, SQLException {
        String root = r.getLocalName();
        if (!root.equals("metadata") && !root.equals("metaData")) {
            DataValueSetXmlImporter.unexpected(context, r, "<metadata>", root);
        }
        while (XmlFiles.nextTag(context, r) == XMLStreamConstants.START_ELEMENT) {
            String collection = r.getLocalName();
            if (!MetadataJsonImporter.Run.handles(collection)) {
                DataValueSetXmlImporter.skipElement(r);
                continue;
            }
            while (XmlFiles.nextTag(context, r) == XMLStreamConstants.START_ELEMENT) {
                // The end of the start tag: the line of the object's last attribute.
                long line = r.getLocation().getLineNumber();
                JsonNode node = element(context, r);
                ObjectNode object = node instanceof ObjectNode o ? o : NODES.objectNode();
                if (collection.equals("organisationUnits")) {
                    normaliseGeometry(context, object, line);
                }
                run.object(collection, object, line);
            }
        }
    }

    /**
     * The element the reader is on (start tag) as DHIS2's JSON would have it; leaves the reader on its end
     * tag. Attributes become text fields; a child element with only text a text field; an element with
     * attributes or differently named children an object (a child name that repeats becomes an array);
     * a wrapper of same-named children (a collection) an array; an empty element null.
     */
    static JsonNode element(ImportContext context, XMLStreamReader r) throws XMLStreamException, ImportFailure {
        String name = r.getLocalName();
        ObjectNode attributes = NODES.objectNode();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (!XmlFiles.isForeign(r, i)) {
                attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
        }
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<JsonNode> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                names.add(r.getLocalName());
                children.add(element(context, r));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (children.isEmpty()) {
                    text.append(r.getText());
                }
            } else {
                XmlFiles.refuseDoctype(context, r, event);
            }
        }
        if (children.isEmpty()) {
            if (!attributes.isEmpty()) {
                return attributes;
            }
            return text.toString().isBlank() ? NullNode.getInstance() : new TextNode(text.toString());
        }
        if (attributes.isEmpty() && isCollection(name, names)) {
            ArrayNode array = NODES.arrayNode(children.size());
            children.forEach(array::add);
            return array;
        }
        // Children by name, in order; a name that repeats (no wrapper around them) is an array.
        java.util.Map<String, List<JsonNode>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            byName.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(children.get(i));
        }
        ObjectNode object = attributes;
        byName.forEach((field, values) -> {
            if (values.size() == 1) {
                object.set(field, values.get(0));
            } else {
                ArrayNode array = NODES.arrayNode(values.size());
                values.forEach(array::add);
                object.set(field, array);
            }
        });
        return object;
    }

    /**
     * A wrapper of a collection: all children share one name, the singular of the wrapper's
     * ({@code categoryOptions}/{@code categoryOption}, {@code categories}/{@code category},
     * {@code children}/{@code child}), or the wrapper's own name (DHIS2's {@code translations}); or the
     * children are several and all alike.
     */
    static boolean isCollection(String wrapper, List<String> names) {
        String item = names.get(0);
        for (String n : names) {
            if (!n.equals(item)) {
                return false;
            }
        }
        return names.size() > 1 || wrapper.equals(item) || wrapper.equals(item + "s") || wrapper.equals(item + "es")
                || item.endsWith("y") && wrapper.equals(item.substring(0, item.length() - 1) + "ies")
                || wrapper.equals("children") && item.equals("child");
    }

    /**
     * Turns the org unit's geometry, in whichever XML form, into the GeoJSON object the JSON importer
     * reads; one it cannot read is reported (as the JSON importer does) and dropped, the org unit kept.
     * The legacy {@code featureType} + {@code coordinates} pair is left to the JSON importer.
     */
    private static void normaliseGeometry(ImportContext context, ObjectNode unit, long line) {
        JsonNode g = unit.get("geometry");
        JsonNode asJson = unit.get("geometryAsJson");
        JsonNode geometry = null;
        String error = null;
        // geometryAsJson first: it is exact, where the elements may have lost the nesting of the arrays.
        for (JsonNode candidate : new JsonNode[] {asJson, g}) {
            if (candidate == null || candidate.isNull() || geometry != null) {
                continue;
            }
            try {
                geometry = geoJson(candidate);
                error = null;
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        unit.remove("geometryAsJson");
        if (geometry != null) {
            unit.set("geometry", geometry);
        } else {
            unit.remove("geometry");
            if (error != null) {
                String uid = unit.path("id").asText("?");
                context.report(line, 0, "import.invalidGeometry", "org unit " + uid + ": unreadable geometry ("
                        + error + "); kept without it", uid, error);
            }
        }
    }

    /** GeoJSON text, or a GeoJSON object written as elements, as a GeoJSON object. */
    private static JsonNode geoJson(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText().strip();
            try {
                JsonNode parsed = MAPPER.readTree(text);
                if (parsed == null || !parsed.isObject()) {
                    throw new IllegalArgumentException("not a GeoJSON object");
                }
                return parsed;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not GeoJSON: " + e.getOriginalMessage());
            }
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("no GeoJSON type");
        }
        ObjectNode object = ((ObjectNode) node).deepCopy();
        JsonNode coordinates = object.get("coordinates");
        if (coordinates == null) {
            throw new IllegalArgumentException("no coordinates");
        }
        JsonNode numbers = numbers(coordinates);
        object.set("coordinates", isFlat(numbers) ? nest(object.path("type").asText(), numbers) : numbers);
        return object;
    }

    private static boolean isFlat(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            return false;
        }
        for (JsonNode c : coordinates) {
            if (!c.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Coordinates whose arrays were flattened into one list of numbers (repeated {@code <coordinates>}
     * elements, which is how an XML mapper writes nested arrays without wrappers), nested again: x, y pairs;
     * a polygon's rings end where they close (the first ring the shell, the others holes); each closed
     * ring of a multipolygon is taken as a polygon of its own, as holes cannot be told from parts.
     */
    private static JsonNode nest(String type, JsonNode flat) {
        if (flat.size() % 2 != 0) {
            throw new IllegalArgumentException("an odd number of coordinates");
        }
        if (type.equals("Point")) {
            return flat;
        }
        List<ArrayNode> positions = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            positions.add(NODES.arrayNode(2).add(flat.get(i)).add(flat.get(i + 1)));
        }
        if (type.equals("LineString") || type.equals("MultiPoint")) {
            ArrayNode line = NODES.arrayNode();
            positions.forEach(line::add);
            return line;
        }
        List<ArrayNode> rings = new ArrayList<>();
        ArrayNode ring = null;
        for (ArrayNode p : positions) {
            if (ring == null) {
                ring = NODES.arrayNode();
                ring.add(p);
            } else {
                ring.add(p);
                if (p.equals(ring.get(0)) && ring.size() >= 4) {
                    rings.add(ring);
                    ring = null;
                }
            }
        }
        if (ring != null) {
            throw new IllegalArgumentException("a ring that does not close");
        }
        ArrayNode out = NODES.arrayNode();
        switch (type) {
            case "Polygon" -> rings.forEach(out::add);
            case "MultiPolygon" -> rings.forEach(r -> out.add(NODES.arrayNode().add(r)));
            default -> throw new IllegalArgumentException("flattened coordinates of a " + type);
        }
        return out;
    }

    /** Coordinates as elements (texts, nested arrays of texts) or as JSON text, as numbers. */
    private static JsonNode numbers(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            for (JsonNode item : node) {
                out.add(numbers(item));
            }
            return out;
        }
        String text = node.asText().strip();
        if (text.startsWith("[")) {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("unreadable coordinates: " + e.getOriginalMessage());
            }
        }
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a coordinate");
        }
    }
}
