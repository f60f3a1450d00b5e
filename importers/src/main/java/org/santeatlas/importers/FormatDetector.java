package org.santeatlas.importers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.santeatlas.importers.dhis2.AnalyticsLayout;
import org.santeatlas.importers.dhis2.DataValueSetXmlImporter;

/**
 * Recognises a file's format from its content (as DHIS2 does from a document's root), not its name:
 * for JSON the first known top-level key, for XML the root element, for CSV the header line. A gzipped
 * file is recognised by what it holds.
 */
public final class FormatDetector {

    private static final Set<String> METADATA_KEYS = Set.of("system", "organisationUnits", "organisationUnitLevels",
            "organisationUnitGroups", "organisationUnitGroupSets", "dataElements", "dataSets", "categoryCombos",
            "categoryOptionCombos", "categories", "categoryOptions", "indicators", "indicatorTypes",
            "validationRules", "dataElementGroups", "legendSets", "optionSets");

    private static final JsonFactory JSON = new JsonFactory();

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
        byte[] head;
        try (InputStream in = open(file)) {
            head = in.readNBytes(64 * 1024);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        if (trimmed.startsWith("{")) {
            return detectJson(file);
        }
        if (trimmed.startsWith("<")) {
            return detectXml(file);
        }
        int eol = trimmed.indexOf('\n');
        String firstLine = eol < 0 ? trimmed : trimmed.substring(0, eol);
        String header = normalise(firstLine).replace("\"", "");
        if (header.contains("dataelement") && header.contains("period") && header.contains("orgunit")
                || looksLikeHeaderlessDataValues(firstLine)) {
            return Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_CSV);
        }
        List<String> cells = java.util.Arrays.stream(firstLine.replace("\uFEFF", "").split("[,;\t]", -1))
                .map(c -> c.strip().replaceAll("^\"|\"$", "")).toList();
        if (AnalyticsLayout.recognise(cells).isPresent()) {
            return Optional.of(ImportFormat.DHIS2_ANALYTICS_CSV);
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

    private static Optional<ImportFormat> detectJson(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(open(file))) {
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
                if (key.equals("type")) {
                    // GeoJSON (RFC 7946): a facility registry is a FeatureCollection of points.
                    if (p.nextToken() == JsonToken.VALUE_STRING && p.getText().equals("FeatureCollection")) {
                        return Optional.of(ImportFormat.REGISTRY_GEOJSON);
                    }
                    p.skipChildren();
                    continue;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Malformed early on: leave it to the importer chosen by name to report where.
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("datavalue")) {
            return Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
        }
        if (name.contains("registration")) {
            return Optional.of(ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON);
        }
        if (name.contains("metadata")) {
            return Optional.of(ImportFormat.DHIS2_METADATA_JSON);
        }
        if (name.endsWith(".geojson")) {
            return Optional.of(ImportFormat.REGISTRY_GEOJSON);
        }
        return Optional.empty();
    }

    /**
     * XML by its root element's local name (with or without DHIS2's namespace), read with the same
     * DTD-less reader as the importer. Other roots are not recognised yet.
     */
    private static Optional<ImportFormat> detectXml(Path file) throws IOException {
        try (InputStream in = open(file)) {
            XMLStreamReader r = DataValueSetXmlImporter.secureFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String root = r.getLocalName();
                        return root.equals("dataValueSet") || root.equals("dataValueSets")
                                ? Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_XML) : Optional.empty();
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            // Malformed before the root: leave it to the importer chosen by name to report where.
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.contains("datavalue") ? Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_XML) : Optional.empty();
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
