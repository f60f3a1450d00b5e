package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.JsonFiles;
import org.santeatlas.importers.RecordPipe;

/**
 * DHIS2 data value sets in JSON ({@code api/dataValueSets.json}): {@code {"dataValues": [ {...} ]}},
 * optionally with set-level {@code dataSet}, {@code period}, {@code orgUnit} and
 * {@code attributeOptionCombo} that apply to values lacking their own (when they precede the array,
 * as DHIS2 writes them). Streamed with Jackson: one value in memory at a time.
 */
public final class DataValueSetJsonImporter extends PipedDataValueImporter<RawDataValue> {

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_DATA_VALUE_SET_JSON;
    }

    /** The parser's records are data values already. */
    @Override
    RawDataValue resolve(ImportContext context, RawDataValue v) {
        return v;
    }

    @Override
    void parse(ImportContext context, RecordPipe.Emitter<RawDataValue> out)
            throws ImportFailure, IOException {
        String setPeriod = null;
        String setOrgUnit = null;
        String setAttributeOptionCombo = null;
        StringPool pool = new StringPool();
        long count = 0;
        try (JsonParser p = JsonFiles.open(context)) {
            p.nextToken();
            JsonFiles.expect(context, p, JsonToken.START_OBJECT, "a JSON object with \"dataValues\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "period" -> setPeriod = JsonFiles.text(p);
                    case "orgUnit" -> setOrgUnit = JsonFiles.text(p);
                    case "attributeOptionCombo" -> setAttributeOptionCombo = JsonFiles.text(p);
                    case "dataValues" -> {
                        JsonFiles.expect(context, p, JsonToken.START_ARRAY, "an array of data values");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            out.emit(readValue(p, pool, setPeriod, setOrgUnit, setAttributeOptionCombo));
                            if (++count % 65_536 == 0) {
                                out.position(p.currentLocation().getByteOffset());
                            }
                        }
                        JsonFiles.expect(context, p, JsonToken.END_ARRAY, "a data value object or ']'");
                    }
                    default -> p.skipChildren();
                }
            }
            JsonFiles.expect(context, p, JsonToken.END_OBJECT, "'}'");
            if (p.nextToken() != null) {
                JsonFiles.expect(context, p, null, "the end of the file");
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
    }

    private static RawDataValue readValue(JsonParser p, StringPool pool, String setPeriod, String setOrgUnit,
                                          String setAoc) throws IOException {
        // Jackson's own parsers track the token's line without allocating a location per value.
        long line = p instanceof ParserBase base ? base.getTokenLineNr() : p.currentTokenLocation().getLineNr();
        String dataElement = null;
        String period = setPeriod;
        String orgUnit = setOrgUnit;
        String coc = null;
        String aoc = setAoc;
        String value = null;
        String storedBy = null;
        String created = null;
        String lastUpdated = null;
        String comment = null;
        boolean followup = false;
        boolean deleted = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "dataElement" -> dataElement = pooled(p, pool);
                case "period" -> period = pooled(p, pool);
                case "orgUnit" -> orgUnit = pooled(p, pool);
                case "categoryOptionCombo" -> coc = pooled(p, pool);
                case "attributeOptionCombo" -> aoc = pooled(p, pool);
                case "value" -> value = JsonFiles.text(p);
                case "storedBy" -> storedBy = pooled(p, pool);
                case "created" -> created = JsonFiles.text(p);
                case "lastUpdated" -> lastUpdated = JsonFiles.text(p);
                case "comment" -> comment = JsonFiles.text(p);
                case "followup", "followUp" -> followup = JsonFiles.bool(p);
                case "deleted" -> deleted = JsonFiles.bool(p);
                default -> p.skipChildren();
            }
        }
        return new RawDataValue(dataElement, period, orgUnit, coc, aoc, value, storedBy, created, lastUpdated,
                comment, followup, deleted, line);
    }

    /** A string field through the pool (no allocation for repeats); other scalars as text. */
    private static String pooled(JsonParser p, StringPool pool) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return pool.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return JsonFiles.text(p);
    }
}
