package org.santeatlas.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.importers.locality.LocalityCsvImporter;
import org.santeatlas.importers.registry.RegistryCsvImporter;

/**
 * A saved column mapping ({@code --mapping FILE}): which column of a user's spreadsheet holds which
 * SantéAtlas field, how its coordinates are written, which sheet and header row to read. A small JSON
 * file the import wizard writes and the CLI reads:
 *
 * <pre>{@code
 * {"version": 1,
 *  "columns": {"code": "Code FOSA", "name": "Nom de la formation sanitaire", "type": "Type",
 *              "district": "District sanitaire", "latitude": "Lat", "longitude": "Long"},
 *  "coordinates": "auto",
 *  "sheet": "Feuil1",
 *  "headerRow": 1}
 * }</pre>
 *
 * <p>Column names match the file's header exactly, else by {@link NameKey} (accents, case and punctuation
 * aside). A field the mapping leaves out is found by its usual header names, as without a mapping; a field
 * mapped to {@code null} is not read. {@code coordinates} is {@code decimal}, {@code dms} or {@code auto}
 * (default); {@code sheet} applies to XLSX (default: the first sheet with data); {@code headerRow} is the
 * 1-based row or line of the header (default 1).
 *
 * @param columns     field → header text; a null value leaves the field unread
 * @param coordinates how latitude and longitude are written
 * @param sheet       the XLSX sheet to read
 * @param headerRow   the header's row (1-based)
 */
public record MappingFile(Map<String, String> columns, Coordinates.Notation coordinates, Optional<String> sheet,
                          int headerRow) {

    /** The file format version this class writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MappingFile {
        Objects.requireNonNull(coordinates);
        Objects.requireNonNull(sheet);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        if (headerRow < 1) {
            throw new IllegalArgumentException("headerRow is 1-based: " + headerRow);
        }
    }

    /** No mapping: every field found by its header names, decimal or DMS coordinates, first sheet, row 1. */
    public static final MappingFile NONE = new MappingFile(Map.of(), Coordinates.Notation.AUTO, Optional.empty(), 1);

    /** The fields a spreadsheet format reads, with their usual header names; empty for other formats. */
    public static Map<String, List<String>> fieldsOf(ImportFormat format) {
        return switch (format.id()) {
            case "registry-csv", "registry-xlsx" -> RegistryCsvImporter.SYNONYMS;
            case "localities-csv", "localities-xlsx" -> LocalityCsvImporter.SYNONYMS;
            default -> Map.of();
        };
    }

    /** The mapping suggested for a header, as the import wizard shows it before the user corrects it. */
    public static MappingFile suggest(List<String> header, ImportFormat format) {
        return new MappingFile(ColumnMapping.suggest(header, fieldsOf(format)).fields(), Coordinates.Notation.AUTO,
                Optional.empty(), 1);
    }

    /**
     * The mapping suggested for a file (CSV or XLSX, told by its content) of a spreadsheet format: the
     * header is the first non-empty row of the first sheet with data.
     */
    public static MappingFile suggest(Path file, ImportFormat format) throws ImportFailure, IOException {
        List<String> header;
        Optional<String> sheet = Optional.empty();
        if (SheetTable.isXlsx(file)) {
            List<TableRow> rows = SheetTable.firstRows(file, Optional.empty(), 1);
            header = rows.isEmpty() ? List.of() : rows.get(0).cells();
        } else {
            header = csvHeader(file);
        }
        MappingFile suggested = suggest(header, format);
        return new MappingFile(suggested.columns(), suggested.coordinates(), sheet, 1);
    }

    /** Reads a mapping file; an unreadable or invalid one fails naming the mapping file. */
    public static MappingFile load(Path file) throws ImportFailure {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            throw new ImportFailure(Problem.of(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0,
                    "import.mappingInvalid", "not a column mapping: " + why, why), e);
        } catch (IOException e) {
            throw new ImportFailure(Problem.of(name, 0, 0, "import.unreadable", "cannot read the file: "
                    + e.getMessage(), String.valueOf(e.getMessage())), e);
        }
        if (root == null || !root.isObject() || !root.path("columns").isObject()) {
            throw invalid(name, "expected a JSON object with a \"columns\" object");
        }
        int version = root.path("version").asInt(VERSION);
        if (version != VERSION) {
            throw invalid(name, "version " + version + " is not supported (this SantéAtlas reads version " + VERSION
                    + ")");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("columns").properties()) {
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isTextual()) {
                throw invalid(name, "the column of \"" + e.getKey() + "\" must be a header text or null");
            }
            columns.put(e.getKey(), v.isNull() ? null : v.asText());
        }
        Coordinates.Notation notation;
        try {
            notation = Coordinates.Notation.fromId(root.path("coordinates").asText("auto"));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "\"coordinates\" must be decimal, dms or auto");
        }
        JsonNode sheet = root.path("sheet");
        int headerRow = root.path("headerRow").asInt(1);
        if (headerRow < 1) {
            throw invalid(name, "\"headerRow\" must be 1 or more");
        }
        return new MappingFile(columns, notation, sheet.isTextual() && !sheet.asText().isBlank()
                ? Optional.of(sheet.asText()) : Optional.empty(), headerRow);
    }

    /** Writes this mapping as JSON (UTF-8), replacing the file. */
    public void save(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n");
    }

    /** {@link #save} returning the file, for chaining. */
    public Path saveTo(Path file) throws IOException {
        save(file);
        return file;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode cols = root.putObject("columns");
        columns.forEach((field, header) -> {
            if (header == null) {
                cols.putNull(field);
            } else {
                cols.put(field, header);
            }
        });
        root.put("coordinates", coordinates.id());
        sheet.ifPresent(s -> root.put("sheet", s));
        root.put("headerRow", headerRow);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /**
     * What is wrong with this mapping for a file's header: a field the format does not read, or a column
     * the header lacks. Empty when it applies.
     */
    public List<Problem> check(List<String> header, Map<String, List<String>> fields, String displayName,
                               long headerLine) {
        List<Problem> problems = new ArrayList<>();
        String available = String.join(", ", header);
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (!fields.containsKey(e.getKey())) {
                problems.add(Problem.of(displayName, headerLine, 0, "import.mappingUnknownField", "the mapping names"
                        + " field '" + e.getKey() + "', which this format does not read (it reads: "
                        + String.join(", ", fields.keySet()) + ")", e.getKey(), String.join(", ", fields.keySet())));
            } else if (e.getValue() != null && columnOf(header, e.getValue()) < 0) {
                problems.add(Problem.of(displayName, headerLine, 0, "import.mappingMissingColumn", "the mapping reads "
                        + e.getKey() + " from column '" + e.getValue() + "', which the file lacks (its columns: "
                        + available + ")", e.getKey(), e.getValue(), available));
            }
        }
        return problems;
    }

    /**
     * The column mapping for a header: the mapped fields from their named columns, the others suggested.
     *
     * @throws ImportFailure the first problem {@link #check} finds
     */
    public ColumnMapping apply(List<String> header, Map<String, List<String>> fields, String displayName,
                               long headerLine) throws ImportFailure {
        List<Problem> problems = check(header, fields, displayName, headerLine);
        if (!problems.isEmpty()) {
            throw new ImportFailure(problems.get(0));
        }
        Map<String, Integer> chosen = new LinkedHashMap<>();
        Map<String, List<String>> rest = new LinkedHashMap<>(fields);
        columns.forEach((field, column) -> {
            rest.remove(field);
            if (column != null) {
                chosen.put(field, columnOf(header, column));
            }
        });
        if (chosen.isEmpty() && columns.isEmpty()) {
            return ColumnMapping.suggest(header, fields);
        }
        return ColumnMapping.suggest(header, rest, chosen);
    }

    private static ImportFailure invalid(String name, String why) {
        return new ImportFailure(Problem.of(name, 0, 0, "import.mappingInvalid", "not a column mapping: " + why, why));
    }

    /** The first record of a CSV file (charset and delimiter detected), empty when there is none. */
    static List<String> csvHeader(Path file) throws IOException {
        java.nio.charset.Charset charset = CsvFiles.detectCharset(file);
        try (org.apache.commons.csv.CSVParser parser = CsvFiles.open(file, CsvFiles.sniffDelimiter(file, charset),
                charset)) {
            var it = parser.iterator();
            return it.hasNext() ? it.next().toList().stream().map(h -> h.replace("\uFEFF", "").strip()).toList()
                    : List.of();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The column of a header text: exact first, then by {@link NameKey}; -1 when absent. */
    static int columnOf(List<String> header, String name) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equals(name.strip())) {
                return c;
            }
        }
        String key = NameKey.of(name);
        for (int c = 0; c < header.size(); c++) {
            if (NameKey.of(header.get(c)).equals(key)) {
                return c;
            }
        }
        return -1;
    }
}
