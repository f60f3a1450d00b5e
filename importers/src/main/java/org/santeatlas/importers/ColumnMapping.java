package org.santeatlas.importers;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVRecord;
import org.santeatlas.core.text.NameKey;

/**
 * Which column of a spreadsheet holds which field, found from the header by synonyms in French and
 * English, accent- and case-insensitive ("Aire de santé", "aire_sante", "health area"), or given by the
 * user's {@link MappingFile}.
 *
 * <p>Suggesting from a header goes in two passes: a header equal to a synonym (by {@link NameKey}) claims
 * its field; then a header that starts with a synonym of a field still unclaimed claims it ("Latitude
 * (WGS84)", "Nom de la formation sanitaire", "Code FOSA"), unless the rest of the header names another
 * field ("Code district" is not the facility's code). One-letter and two-letter synonyms ({@code x},
 * {@code id}) only match whole headers. The leftmost column wins.
 */
public final class ColumnMapping {

    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<String> header;

    private ColumnMapping(List<String> header) {
        this.header = List.copyOf(header);
    }

    /**
     * @param synonyms field name → accepted header spellings (compared by {@link NameKey}, so
     *                 {@code "aire_de_sante"} and {@code "Aire de santé"} are the same)
     */
    public static ColumnMapping fromHeader(CSVRecord headerRecord, Map<String, List<String>> synonyms) {
        return suggest(headerRecord.toList(), synonyms);
    }

    /** The mapping suggested for a header (see the class comment). */
    public static ColumnMapping suggest(List<String> header, Map<String, List<String>> synonyms) {
        return suggest(header, synonyms, Map.of());
    }

    /**
     * The mapping suggested for a header around columns already chosen (field → column index); those
     * fields and columns are not suggested again.
     */
    static ColumnMapping suggest(List<String> header, Map<String, List<String>> synonyms, Map<String, Integer> chosen) {
        ColumnMapping mapping = new ColumnMapping(header);
        mapping.columns.putAll(chosen);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        synonyms.forEach((field, names) -> keys.put(field, names.stream().map(NameKey::of).toList()));
        for (int c = 0; c < header.size(); c++) {
            String name = NameKey.of(header.get(c).replace("\uFEFF", ""));
            for (Map.Entry<String, List<String>> field : keys.entrySet()) {
                if (!mapping.columns.containsKey(field.getKey()) && !mapping.isMapped(c)
                        && field.getValue().contains(name)) {
                    mapping.columns.put(field.getKey(), c);
                }
            }
        }
        for (int c = 0; c < header.size(); c++) {
            String name = NameKey.of(header.get(c).replace("\uFEFF", ""));
            for (Map.Entry<String, List<String>> field : keys.entrySet()) {
                if (mapping.columns.containsKey(field.getKey()) || mapping.isMapped(c)) {
                    continue;
                }
                for (String synonym : field.getValue()) {
                    if (synonym.length() >= 3 && name.startsWith(synonym + " ")
                            && !namesAnotherField(name.substring(synonym.length() + 1), field.getKey(), keys)) {
                        mapping.columns.put(field.getKey(), c);
                        break;
                    }
                }
            }
        }
        return mapping;
    }

    private static boolean namesAnotherField(String rest, String field, Map<String, List<String>> keys) {
        for (Map.Entry<String, List<String>> other : keys.entrySet()) {
            if (other.getKey().equals(field)) {
                continue;
            }
            for (String synonym : other.getValue()) {
                if (rest.equals(synonym) || rest.startsWith(synonym + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A mapping of given columns (field → column index in {@code header}). */
    static ColumnMapping of(List<String> header, Map<String, Integer> columns) {
        ColumnMapping mapping = new ColumnMapping(header);
        mapping.columns.putAll(columns);
        return mapping;
    }

    /** Normalised header text: "Aire de santé" → "aire_de_sante". */
    public static String key(String header) {
        return FormatDetector.normalise(header.replace("\uFEFF", "")).replaceAll("[\\s\\-./]+", "_");
    }

    public boolean has(String field) {
        return columns.containsKey(field);
    }

    /** The column index of a field. */
    public OptionalInt column(String field) {
        Integer c = columns.get(field);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** Field → the header text of its column, in the order the fields were mapped. */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((field, c) -> out.put(field, c < header.size() ? header.get(c) : ""));
        return Collections.unmodifiableMap(out);
    }

    /** The cell of a field in a record, trimmed; empty when the column is absent or the cell blank. */
    public Optional<String> get(CSVRecord record, String field) {
        Integer c = columns.get(field);
        if (c == null || c >= record.size()) {
            return Optional.empty();
        }
        String v = record.get(c).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The cell of a field in a row, trimmed; empty when the column is absent or the cell blank. */
    public Optional<String> get(TableRow row, String field) {
        Integer c = columns.get(field);
        if (c == null) {
            return Optional.empty();
        }
        String v = row.cell(c).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public List<String> header() {
        return header;
    }

    /** The columns no field claimed, to keep as free attributes. */
    public boolean isMapped(int column) {
        return columns.containsValue(column);
    }

    @Override
    public String toString() {
        return fields().toString();
    }

    /** Field → column index, for tests and the import wizard. */
    Map<String, Integer> columns() {
        return new HashMap<>(columns);
    }
}
