package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.CsvFiles;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.RecordPipe;

/**
 * DHIS2 data value sets in CSV, in DHIS2's column order: dataelement, period, orgunit,
 * categoryoptioncombo, attributeoptioncombo, value, storedby, lastupdated, comment, followup[, deleted].
 * With or without a header line (a header may reorder the columns), ',' or ';' separated.
 */
public final class DataValueSetCsvImporter extends PipedDataValueImporter<Object> {

    private static final String[] COLUMNS = {"dataelement", "period", "orgunit", "categoryoptioncombo",
        "attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup", "deleted", "created"};

    /** A line with too few columns, as the parser thread saw it; reported on the import's thread. */
    private record TooFewColumns(long line, int size) {
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_DATA_VALUE_SET_CSV;
    }

    @Override
    RawDataValue resolve(ImportContext context, Object record) {
        if (record instanceof TooFewColumns t) {
            context.counts().rejected();
            context.report(t.line(), 0, "import.csvTooFewColumns", "expected at least 6 columns, found "
                    + t.size(), String.valueOf(t.size()));
            return null;
        }
        return (RawDataValue) record;
    }

    /**
     * Parses on the pipe's thread, so that the CSV parse overlaps the store (the slower of the two); the
     * charset and delimiter come from a look at the head of the file first.
     */
    @Override
    void parse(ImportContext context, RecordPipe.Emitter<Object> out) throws ImportFailure, IOException {
        java.nio.charset.Charset charset = CsvFiles.charset(context);
        char delimiter = CsvFiles.sniffDelimiter(context.openUnhashed(), charset);
        long records = 0;
        try (CSVParser parser = CsvFiles.open(context.open(), delimiter, charset)) {
            Iterator<CSVRecord> it = parser.iterator();
            int[] index = defaultIndex();
            boolean first = true;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                if (first) {
                    first = false;
                    int[] header = headerIndex(r);
                    if (header[0] >= 0 && header[2] >= 0) {
                        // A header line (any column order); without one, DHIS2's order applies.
                        index = header;
                        continue;
                    }
                }
                long line = r.getRecordNumber() == 0 ? 0 : parser.getCurrentLineNumber();
                if (r.size() < 6) {
                    out.emit(new TooFewColumns(line, r.size()));
                    continue;
                }
                out.emit(new RawDataValue(cell(r, index[0]), cell(r, index[1]),
                        cell(r, index[2]), cell(r, index[3]), cell(r, index[4]),
                        cell(r, index[5]), cell(r, index[6]), cell(r, index[11]), cell(r, index[7]),
                        cell(r, index[8]), "true".equalsIgnoreCase(cell(r, index[9])),
                        "true".equalsIgnoreCase(cell(r, index[10])), line));
                if (++records % 65_536 == 0) {
                    out.position(r.getCharacterPosition());
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportFailure(context.problem(0, 0, "import.notUtf8", "the file is not UTF-8 text"), e);
            }
            throw new ImportFailure(context.problem(0, 0, "import.malformedCsv",
                    "malformed CSV: " + e.getCause().getMessage(), e.getCause().getMessage()), e);
        }
    }

    private static int[] defaultIndex() {
        int[] index = new int[COLUMNS.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i < 11 ? i : -1;
        }
        return index;
    }

    private static int[] headerIndex(CSVRecord header) {
        int[] index = new int[COLUMNS.length];
        java.util.Arrays.fill(index, -1);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "").replace("\uFEFF", "");
            name = switch (name) {
                // Older DHIS2 versions and its documentation write the short forms.
                case "de", "dataelementid" -> "dataelement";
                case "pe" -> "period";
                case "ou", "orgunitid" -> "orgunit";
                case "catoptcombo", "categoryoptioncomboid", "coc" -> "categoryoptioncombo";
                case "attroptcombo", "attributeoptioncomboid", "aoc" -> "attributeoptioncombo";
                case "lastupd" -> "lastupdated";
                case "flwup" -> "followup";
                default -> name;
            };
            for (int k = 0; k < COLUMNS.length; k++) {
                if (COLUMNS[k].equals(name)) {
                    index[k] = c;
                }
            }
        }
        return index;
    }

    private static String cell(CSVRecord r, int index) {
        return index < 0 || index >= r.size() ? null : r.get(index);
    }
}
