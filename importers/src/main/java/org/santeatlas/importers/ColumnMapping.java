package org.santeatlas.importers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Which column of a spreadsheet holds which field, found from the header by synonyms in French and
 * English, accent- and case-insensitive ("Aire de santé", "aire_sante", "health area").
 */
public final class ColumnMapping {

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;

    private ColumnMapping(List<String> header) {
        this.header = header;
    }

    /**
     * @param synonyms field name → accepted header spellings, already normalised (lower case, no
     *                 accents, spaces and dashes as '_')
     */
    public static ColumnMapping fromHeader(CSVRecord headerRecord, Map<String, List<String>> synonyms) {
        List<String> header = headerRecord.toList();
        ColumnMapping mapping = new ColumnMapping(header);
        for (int c = 0; c < header.size(); c++) {
            String name = key(header.get(c));
            for (Map.Entry<String, List<String>> field : synonyms.entrySet()) {
                if (!mapping.columns.containsKey(field.getKey()) && field.getValue().contains(name)) {
                    mapping.columns.put(field.getKey(), c);
                }
            }
        }
        return mapping;
    }

    /** Normalised header text: "Aire de santé" → "aire_de_sante". */
    public static String key(String header) {
        return FormatDetector.normalise(header.replace("\uFEFF", "")).replaceAll("[\\s\\-./]+", "_");
    }

    public boolean has(String field) {
        return columns.containsKey(field);
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

    public List<String> header() {
        return header;
    }

    /** The columns no field claimed, to keep as free attributes. */
    public boolean isMapped(int column) {
        return columns.containsValue(column);
    }
}
