package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a generated demo's data values as IHE ADX, the way DHIS2 exports them at
 * {@code api/dataValueSets} with {@code Accept: application/adx+xml}: one {@code <group orgUnit period
 * dataSet>} per report, and per value {@code <dataValue dataElement value>} with one attribute per
 * category of the data element's category combo (named by the category, valued by the option), the
 * value's comment as {@code <annotation>}. Periods are ISO 8601 start/duration ({@code 2024-01-01/P1M}).
 *
 * <p>A converter of the files {@link DemoGenerator} wrote ({@code metadata.json} for the identifiers
 * and the category model, {@code dataValueSets.json} for the values, streamed), so that the demo's own
 * files stay as they are. ADX carries no storedBy, created, lastUpdated or followup.
 */
public final class AdxWriter {

    /** How the file names objects: by code (DHIS2's ADX default) or by UID. */
    public enum Ids { CODE, UID }

    private static final JsonFactory JSON = new JsonFactory();
    private static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

    private AdxWriter() {}

    /** The demo's data values as ADX, objects named by code, into {@code out}. */
    public static void write(DemoFiles demo, Path out) throws IOException {
        write(demo.metadataJson(), demo.dataValuesJson(), out, Ids.CODE);
    }

    /** The values of a DHIS2 JSON data value set as ADX, identifiers and categories from the metadata. */
    public static void write(Path metadataJson, Path dataValuesJson, Path out, Ids ids) throws IOException {
        Metadata m = Metadata.read(metadataJson, ids);
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             JsonParser p = JSON.createParser(dataValuesJson.toFile())) {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(os, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("adx");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("exported", "2026-03-31T18:00:00Z");
            expect(p.nextToken(), JsonToken.START_OBJECT);
            String openGroup = null;
            Map<String, String> v = new HashMap<>();
            Map<String, String> periods = new HashMap<>();
            Map<String, List<String[]>> categories = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (!p.currentName().equals("dataValues")) {
                    p.nextToken();
                    p.skipChildren();
                    continue;
                }
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    v.clear();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        v.put(field, p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText());
                    }
                    String de = v.get("dataElement");
                    String dataSet = m.dataSetOf.get(de);
                    String group = v.get("orgUnit") + '|' + v.get("period") + '|' + v.get("attributeOptionCombo")
                            + '|' + dataSet;
                    if (!group.equals(openGroup)) {
                        if (openGroup != null) {
                            x.writeCharacters("\n  ");
                            x.writeEndElement();
                        }
                        openGroup = group;
                        x.writeCharacters("\n  ");
                        x.writeStartElement("group");
                        x.writeAttribute("orgUnit", m.id(v.get("orgUnit")));
                        x.writeAttribute("period", periods.computeIfAbsent(v.get("period"), AdxWriter::period));
                        if (dataSet != null) {
                            x.writeAttribute("dataSet", m.id(dataSet));
                        }
                        writeCategories(x, m, categories, v.get("attributeOptionCombo"));
                    }
                    x.writeCharacters("\n    ");
                    x.writeStartElement("dataValue");
                    x.writeAttribute("dataElement", m.id(de));
                    writeCategories(x, m, categories, v.get("categoryOptionCombo"));
                    String value = v.get("value");
                    String annotation = v.get("comment");
                    if (!m.numeric.getOrDefault(de, true)) {
                        // DHIS2's ADX writer: a text value goes into the annotation, the attribute says 0.
                        annotation = value;
                        value = "0";
                    }
                    x.writeAttribute("value", value == null ? "" : value);
                    if (annotation != null) {
                        x.writeStartElement("annotation");
                        x.writeCharacters(annotation);
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
            }
            if (openGroup != null) {
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * One attribute per category of the option combo's combo; none for the default combo. The attributes of
     * each option combo are worked out once ({@code cache}): the national set writes millions of values.
     */
    private static void writeCategories(XMLStreamWriter x, Metadata m, Map<String, List<String[]>> cache,
                                        String optionCombo) throws XMLStreamException {
        if (optionCombo == null || optionCombo.isEmpty()) {
            return;
        }
        List<String[]> attributes = cache.get(optionCombo);
        if (attributes == null) {
            attributes = categoryAttributes(m, optionCombo);
            cache.put(optionCombo, attributes);
        }
        for (String[] a : attributes) {
            x.writeAttribute(a[0], a[1]);
        }
    }

    /** The {@code category="option"} attributes naming an option combo, as file identifiers. */
    private static List<String[]> categoryAttributes(Metadata m, String optionCombo) {
        List<String[]> attributes = new ArrayList<>();
        Map<String, Object> coc = m.optionCombos.get(optionCombo);
        if (coc == null) {
            throw new IllegalArgumentException("option combo " + optionCombo + " is not in the metadata");
        }
        List<String> categories = m.comboCategories.getOrDefault(ref(coc.get("categoryCombo")), List.of());
        if (categories.size() == 1 && m.isDefault(categories.get(0))) {
            return attributes;
        }
        for (String category : categories) {
            List<String> optionsOfCategory = m.categoryOptions.getOrDefault(category, List.of());
            String option = null;
            for (Object o : list(coc.get("categoryOptions"))) {
                if (optionsOfCategory.contains(ref(o))) {
                    option = ref(o);
                }
            }
            if (option == null) {
                throw new IllegalArgumentException("option combo " + optionCombo + " has no option of " + category);
            }
            attributes.add(new String[] {m.id(category), m.id(option)});
        }
        return attributes;
    }

    /** A DHIS2 ISO period as ADX start/duration; the demo's periods are monthly. */
    static String period(String iso) {
        if (iso.matches("\\d{6}")) {
            return iso.substring(0, 4) + "-" + iso.substring(4, 6) + "-01/P1M";
        }
        if (iso.matches("\\d{8}")) {
            return iso.substring(0, 4) + "-" + iso.substring(4, 6) + "-" + iso.substring(6, 8) + "/P1D";
        }
        if (iso.matches("\\d{4}Q[1-4]")) {
            int month = 3 * (iso.charAt(5) - '1') + 1;
            return iso.substring(0, 4) + (month < 10 ? "-0" : "-") + month + "-01/P3M";
        }
        if (iso.matches("\\d{4}")) {
            return iso + "-01-01/P1Y";
        }
        throw new IllegalArgumentException("period " + iso + " has no ADX form here");
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String ref(Object o) {
        return o instanceof Map<?, ?> map ? (String) map.get("id") : null;
    }

    /** What the conversion needs from metadata.json. */
    private static final class Metadata {
        final Ids ids;
        final Map<String, String> codes = new HashMap<>();
        final Map<String, String> dataSetOf = new HashMap<>();
        final Map<String, Boolean> numeric = new HashMap<>();
        final Map<String, Map<String, Object>> optionCombos = new HashMap<>();
        final Map<String, List<String>> comboCategories = new HashMap<>();
        final Map<String, List<String>> categoryOptions = new HashMap<>();

        Metadata(Ids ids) {
            this.ids = ids;
        }

        String id(String uid) {
            return ids == Ids.UID ? uid : Objects.requireNonNullElse(codes.get(uid), uid);
        }

        boolean isDefault(String category) {
            return "default".equals(codes.get(category));
        }

        @SuppressWarnings("unchecked")
        static Metadata read(Path file, Ids ids) throws IOException {
            Metadata m = new Metadata(ids);
            try (JsonParser p = JSON.createParser(file.toFile())) {
                expect(p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String collection = p.currentName();
                    p.nextToken();
                    Object value = tree(p);
                    for (Object o : list(value)) {
                        Map<String, Object> object = (Map<String, Object>) o;
                        String uid = (String) object.get("id");
                        if (uid != null && object.get("code") != null) {
                            m.codes.put(uid, (String) object.get("code"));
                        }
                        switch (collection) {
                            case "dataElements" -> m.numeric.put(uid,
                                    isNumeric((String) object.get("valueType")));
                            case "dataSets" -> {
                                for (Object dse : list(object.get("dataSetElements"))) {
                                    m.dataSetOf.putIfAbsent(ref(((Map<String, Object>) dse).get("dataElement")), uid);
                                }
                            }
                            case "categoryOptionCombos" -> m.optionCombos.put(uid, object);
                            case "categoryCombos" -> m.comboCategories.put(uid, refs(object.get("categories")));
                            case "categories" -> m.categoryOptions.put(uid, refs(object.get("categoryOptions")));
                            default -> {
                                // only codes are needed from the others
                            }
                        }
                    }
                }
            }
            return m;
        }

        private static List<String> refs(Object o) {
            List<String> ids = new ArrayList<>();
            for (Object item : list(o)) {
                ids.add(ref(item));
            }
            return ids;
        }

        private static boolean isNumeric(String valueType) {
            return valueType == null || valueType.startsWith("INTEGER") || valueType.equals("NUMBER")
                    || valueType.equals("PERCENTAGE") || valueType.equals("UNIT_INTERVAL");
        }

        /** The JSON value at the parser as maps, lists and strings. */
        private static Object tree(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case START_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        map.put(field, tree(p));
                    }
                    yield map;
                }
                case START_ARRAY -> {
                    List<Object> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(tree(p));
                    }
                    yield items;
                }
                case VALUE_NULL -> null;
                default -> p.getText();
            };
        }
    }
}
