package org.santeatlas.importers.geo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.SQLException;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.JsonFiles;

/**
 * Streams a GeoJSON FeatureCollection (RFC 7946 §3.3), handing its {@code features} entries over one at a
 * time so that memory does not grow with the file; what the boundary and the registry GeoJSON importers
 * share. A file that is not a FeatureCollection, is cut short or is not JSON fails naming its line.
 *
 * <p>The import's thread.
 */
public final class GeoJsonFeatures {

    /** What an importer does with the collection's members. */
    public interface Handler {

        /**
         * A member of the collection other than {@code type} and {@code features} (a pre-RFC {@code crs},
         * {@code bbox}, {@code name}…), the parser on its value, which the handler reads or skips whole.
         */
        default void member(String name, JsonParser p) throws ImportFailure, IOException, SQLException {
            p.skipChildren();
        }

        /**
         * A {@code features} entry that is a JSON object, the parser on its start, which the handler reads
         * through its end.
         *
         * @param number the entry's place in the array (1-based, whatever the entries before it were)
         * @param line   the line the entry starts on
         */
        void feature(JsonParser p, int number, long line) throws ImportFailure, IOException, SQLException;

        /** A {@code features} entry that is not an object (a number, an array…), already skipped. */
        void notAnObject(int number, long line) throws ImportFailure, IOException, SQLException;
    }

    private GeoJsonFeatures() {
    }

    /** Reads the whole collection from the parser, which the caller closes. */
    public static void read(ImportContext context, JsonParser p, Handler handler)
            throws ImportFailure, IOException, SQLException {
        boolean sawFeatures = false;
        int number = 0;
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notFeatureCollection(context, p.currentTokenLocation());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("type")) {
                    if (value != JsonToken.VALUE_STRING || !p.getText().equals("FeatureCollection")) {
                        throw notFeatureCollection(context, p.currentTokenLocation());
                    }
                    continue;
                }
                if (!key.equals("features") || value != JsonToken.START_ARRAY) {
                    handler.member(key, p);
                    continue;
                }
                sawFeatures = true;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw JsonFiles.truncated(context, p.currentLocation());
                    }
                    long line = p.currentTokenLocation().getLineNr();
                    number++;
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        handler.notAnObject(number, line);
                        continue;
                    }
                    handler.feature(p, number, line);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw JsonFiles.truncated(context, p.currentLocation());
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(context, e);
        }
        if (!sawFeatures) {
            throw notFeatureCollection(context, null);
        }
    }

    /** @param at where the file stops being one, null when it simply has no features array */
    private static ImportFailure notFeatureCollection(ImportContext context, JsonLocation at) {
        return new ImportFailure(context.problem(at == null ? 1 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "import.geojsonNotFeatureCollection",
                "not a GeoJSON FeatureCollection (a JSON object with \"type\": \"FeatureCollection\" and"
                        + " a \"features\" array)"));
    }
}
