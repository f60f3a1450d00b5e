package org.santeatlas.importers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.santeatlas.importers.climate.ClimateCsvImporter;
import org.santeatlas.importers.dhis2.AdxImporter;
import org.santeatlas.importers.dhis2.AnalyticsLayout;
import org.santeatlas.importers.dhis2.DataValueSetXmlImporter;
import org.santeatlas.importers.survey.SurveyCsvImporter;

/**
 * Recognises a file's format from its content (as DHIS2 does from a document's root), not its name:
 * for JSON the first known top-level key, for XML the root element, for CSV the header line. A gzipped
 * file is recognised by what it holds.
 */
public final class FormatDetector {

    private static final Set<String> METADATA_KEYS = Set.of("system", "organisationUnits", "organisationUnitLevels",
            "organisationUnitGroups", "organisationUnitGroupSets", "dataElements", "dataSets", "categoryCombos",
            "categoryOptionCombos", "categories", "categoryOptions", "indicators", "indicatorTypes",
            "validationRules", "dataElementGroups", "legendSets", "optionSets", "minMaxDataElements");

    private static final JsonFactory JSON = new JsonFactory();

    private static final Set<String> FHIR_REGISTRY_TYPES = Set.of("Bundle", "Location", "Organization");

    private FormatDetector() {
    }

    /**
     * The format of a plain or gzipped file (gzipped: of its content); empty for a zip archive, whose
     * entries are detected one by one once unpacked, and for a damaged gzip, which the import reports.
     */
    public static Optional<ImportFormat> detect(Path file) throws IOException {
        return switch (Compression.of(file)) {
            case NONE -> detectContent(file);
            case ZIP -> Optional.empty();
            case GZIP -> {
                try {
                    yield detectContent(file);
                } catch (EOFException | ZipException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** The file's bytes, gunzipped when it is gzipped. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (Compression.of(file) != Compression.GZIP) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static Optional<ImportFormat> detectContent(Path file) throws IOException {
        if (SheetTable.isXlsx(file)) {
            return detectXlsx(file);
        }
        return detectStream(() -> open(file), fileName(file));
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * The format of plain bytes that are not on disk as a file (a zip entry read in place), from the
     * content as for a file, and the name where a file's name would count. Empty for a workbook or any
     * other zip inside: those are unpacked and detected as files.
     */
    static Optional<ImportFormat> detect(HashingInput.Opener plain, String name) throws IOException {
        byte[] magic;
        try (InputStream in = plain.open()) {
            magic = in.readNBytes(4);
        }
        if (magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K'
                || magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Optional.empty();
        }
        return detectStream(plain, name);
    }

    private static Optional<ImportFormat> detectStream(HashingInput.Opener source, String fileName)
            throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(64 * 1024);
        }
        Optional<ImportFormat> shapefile = detectShapefile(head);
        if (shapefile != null) {
            return shapefile;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        if (trimmed.startsWith("{")) {
            return detectJson(source, fileName);
        }
        if (trimmed.startsWith("<")) {
            return detectXml(source, fileName);
        }
        int eol = trimmed.indexOf('\n');
        String firstLine = eol < 0 ? trimmed : trimmed.substring(0, eol);
        String header = normalise(firstLine).replace("\"", "");
        if (header.contains("dataelement") && header.contains("period") && header.contains("orgunit")
                || looksLikeHeaderlessDataValues(firstLine)) {
            return Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_CSV);
        }
        List<String> cells = headerCells(firstLine.replace("\uFEFF", ""));
        if (AnalyticsLayout.recognise(cells).isPresent()) {
            return Optional.of(ImportFormat.DHIS2_ANALYTICS_CSV);
        }
        if (SurveyCsvImporter.looksLikeHeader(cells)) {
            return Optional.of(ImportFormat.SURVEY_CSV);
        }
        if (ClimateCsvImporter.looksLikeHeader(cells)) {
            return Optional.of(ImportFormat.CLIMATE_CSV);
        }
        if (header.contains("population")) {
            return Optional.of(ImportFormat.LOCALITIES_CSV);
        }
        if ((header.contains("nom") || header.contains("name")) && header.contains("type")) {
            return Optional.of(ImportFormat.REGISTRY_CSV);
        }
        return spreadsheetOf(cells, ImportFormat.REGISTRY_CSV, ImportFormat.LOCALITIES_CSV);
    }

    /**
     * An XLSX workbook by the header of its first sheet with data: a Data Visualizer download, a
     * localities list or a facility registry. The header may sit below a few title rows.
     */
    private static Optional<ImportFormat> detectXlsx(Path file) throws IOException {
        List<TableRow> rows;
        try {
            rows = SheetTable.firstRows(file, Optional.empty(), 10);
        } catch (ImportFailure e) {
            // Unreadable: an XLSX importer chosen by the user reports why.
            return Optional.empty();
        }
        for (TableRow row : rows) {
            if (AnalyticsLayout.recognise(row.cells()).isPresent()) {
                return Optional.of(ImportFormat.DHIS2_ANALYTICS_XLSX);
            }
            Optional<ImportFormat> sheet = spreadsheetOf(row.cells(), ImportFormat.REGISTRY_XLSX,
                    ImportFormat.LOCALITIES_XLSX);
            if (sheet.isPresent()) {
                return sheet;
            }
        }
        return Optional.empty();
    }

    /**
     * A registry or a localities list by the fields its header maps to: localities have code, name and
     * population; a registry has code and name and at least one of type, region, district, health area
     * or coordinates.
     */
    private static Optional<ImportFormat> spreadsheetOf(List<String> header, ImportFormat registry,
                                                        ImportFormat localities) {
        ColumnMapping l = ColumnMapping.suggest(header, MappingFile.fieldsOf(localities));
        if (l.has("code") && l.has("name") && l.has("population")) {
            return Optional.of(localities);
        }
        ColumnMapping r = ColumnMapping.suggest(header, MappingFile.fieldsOf(registry));
        if (r.has("code") && r.has("name") && (r.has("type") || r.has("region") || r.has("district")
                || r.has("healthArea") || r.has("latitude") && r.has("longitude"))) {
            return Optional.of(registry);
        }
        return Optional.empty();
    }

    private static Optional<ImportFormat> detectJson(HashingInput.Opener source, String fileName)
            throws IOException {
        String firstGeometry = null;
        try (JsonParser p = JSON.createParser(source.open())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (key.equals("headers") || key.equals("rows") || key.equals("metaData")) {
                    // DHIS2 analytics (a Grid): headers, metaData, rows, height, width.
                    return Optional.of(ImportFormat.DHIS2_ANALYTICS_JSON);
                }
                if (key.equals("dataValues")) {
                    return Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
                }
                if (key.equals("completeDataSetRegistrations")) {
                    return Optional.of(ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON);
                }
                if (METADATA_KEYS.contains(key)) {
                    return Optional.of(ImportFormat.DHIS2_METADATA_JSON);
                }
                if (key.equals("resourceType")) {
                    // FHIR (mCSD): a Bundle, or NDJSON whose first line is a Location or an Organization.
                    if (p.nextToken() == JsonToken.VALUE_STRING && FHIR_REGISTRY_TYPES.contains(p.getText())) {
                        return Optional.of(ImportFormat.REGISTRY_FHIR);
                    }
                    p.skipChildren();
                    continue;
                }
                if (key.equals("type")) {
                    // GeoJSON (RFC 7946): a facility registry is a FeatureCollection of points, boundaries
                    // one of polygons.
                    if (p.nextToken() == JsonToken.VALUE_STRING && p.getText().equals("FeatureCollection")) {
                        return Optional.of(featureCollection(p, firstGeometry));
                    }
                    p.skipChildren();
                    continue;
                }
                if (key.equals("features") && p.nextToken() == JsonToken.START_ARRAY) {
                    // Features before the type (members are unordered): a geometry found inside says enough,
                    // and leaves the parser inside that feature.
                    firstGeometry = firstGeometryType(p);
                    if (!firstGeometry.isEmpty()) {
                        return Optional.of(POLYGONAL.contains(firstGeometry) ? ImportFormat.BOUNDARIES_GEOJSON
                                : ImportFormat.REGISTRY_GEOJSON);
                    }
                    continue;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Malformed early on: leave it to the importer chosen by name to report where.
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.contains("datavalue")) {
            return Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
        }
        if (name.contains("registration")) {
            return Optional.of(ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON);
        }
        if (name.contains("metadata")) {
            return Optional.of(ImportFormat.DHIS2_METADATA_JSON);
        }
        if (name.endsWith(".geojson") && firstGeometry != null && POLYGONAL.contains(firstGeometry)) {
            return Optional.of(ImportFormat.BOUNDARIES_GEOJSON);
        }
        if (name.endsWith(".geojson")) {
            return Optional.of(ImportFormat.REGISTRY_GEOJSON);
        }
        return Optional.empty();
    }

    /**
     * After {@code "type": "FeatureCollection"}: boundaries when the first feature with a geometry has a
     * polygonal one, else a registry (points, or no geometry at all). Reads up to that feature only.
     *
     * @param seen the first geometry type when the features came before the type, else null
     */
    private static ImportFormat featureCollection(JsonParser p, String seen) throws IOException {
        String type = seen;
        while (type == null && p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.currentName().equals("features") && p.nextToken() == JsonToken.START_ARRAY) {
                type = firstGeometryType(p);
                break;
            }
            p.nextToken();
            p.skipChildren();
        }
        return type != null && POLYGONAL.contains(type) ? ImportFormat.BOUNDARIES_GEOJSON
                : ImportFormat.REGISTRY_GEOJSON;
    }

    private static final Set<String> POLYGONAL = Set.of("Polygon", "MultiPolygon");

    /**
     * The parser at a features array's start: the type of the first non-null geometry, "" when there is
     * none; skips whole features, never reads more than one geometry's members.
     */
    private static String firstGeometryType(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                if (member.equals("geometry") && value == JsonToken.START_OBJECT) {
                    String type = geometryType(p);
                    if (type != null) {
                        return type;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return "";
    }

    /** The parser inside a geometry object: its type (a collection: its first member's), to its end. */
    private static String geometryType(JsonParser p) throws IOException {
        String type = null;
        String member = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (key.equals("type") && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else if (key.equals("geometries") && value == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT && member == null) {
                        member = geometryType(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return "GeometryCollection".equals(type) ? member : type;
    }

    /**
     * An ESRI Shapefile's main file ({@code .shp}; ESRI Shapefile Technical Description, 1998): file code
     * 9994 big-endian at byte 0, version 1000 little-endian at byte 28, shape type at byte 32. Points
     * are a facility registry, polygons boundaries; null when the bytes are no shapefile, empty for a
     * shapefile of lines (not imported).
     */
    private static Optional<ImportFormat> detectShapefile(byte[] head) {
        if (head.length < 100) {
            return null;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
        if (b.order(java.nio.ByteOrder.BIG_ENDIAN).getInt(0) != 9994
                || b.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(28) != 1000) {
            return null;
        }
        return switch (b.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(32)) {
            case 1, 11, 21, 8, 18, 28 -> Optional.of(ImportFormat.REGISTRY_SHAPEFILE);
            case 5, 15, 25 -> Optional.of(ImportFormat.BOUNDARIES_SHAPEFILE);
            default -> Optional.empty();
        };
    }

    /**
     * XML by its root element's local name (with or without DHIS2's namespace; ADX with its own), read
     * with the same DTD-less reader as the importers. Other roots are not recognised.
     */
    private static Optional<ImportFormat> detectXml(HashingInput.Opener source, String fileName)
            throws IOException {
        try (InputStream in = source.open()) {
            XMLStreamReader r = DataValueSetXmlImporter.secureFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        return switch (r.getLocalName()) {
                            case "dataValueSet", "dataValueSets" -> Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_XML);
                            // IHE ADX, in its namespace (as DHIS2 requires) or, written by hand, in none.
                            case "adx" -> r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty()
                                    || AdxImporter.NAMESPACE.equals(r.getNamespaceURI())
                                    ? Optional.of(ImportFormat.DHIS2_ADX) : Optional.empty();
                            // api/metadata.xml; DHIS2 before 2.24 wrote <metaData>.
                            case "metadata", "metaData" -> Optional.of(ImportFormat.DHIS2_METADATA_XML);
                            default -> Optional.empty();
                        };
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            // Malformed before the root: leave it to the importer chosen by name to report where.
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.contains("datavalue") ? Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_XML) : Optional.empty();
    }

    /** The cells of a header line, split on its most frequent of ';', ',' and tab, without quotes. */
    private static List<String> headerCells(String line) {
        long semicolons = line.chars().filter(c -> c == ';').count();
        long commas = line.chars().filter(c -> c == ',').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        String delimiter = tabs > commas && tabs > semicolons ? "\t" : semicolons > commas ? ";" : ",";
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(delimiter, -1)) {
            cells.add(cell.trim().replace("\"", ""));
        }
        return cells;
    }

    /** DHIS2's CSV without a header: data element and org unit UIDs in the first and third cells. */
    private static boolean looksLikeHeaderlessDataValues(String line) {
        String[] cells = line.replace("\"", "").split("[,;]", -1);
        return cells.length >= 6 && UID.matcher(cells[0].trim()).matches() && UID.matcher(cells[2].trim()).matches()
                && cells[1].trim().matches("\\d{4}.*");
    }

    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");

    /** Lower case, no accents, for header matching ("Région" → "region"). */
    static String normalise(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim();
    }
}
