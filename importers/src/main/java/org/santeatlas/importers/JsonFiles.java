package org.santeatlas.importers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Shared plumbing of the streaming JSON importers (DHIS2, GeoJSON, FHIR): the parser over the import's
 * file, and the failures for a file that stops being JSON, each naming its line and column.
 */
public final class JsonFiles {

    public static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonFiles() {
    }

    /** A parser over the import's file, read through the context so that it is hashed on the way. */
    public static JsonParser open(ImportContext context) throws IOException {
        return FACTORY.createParser(context.open());
    }

    /** A syntax error as a failure naming the line and column, e.g. for a truncated file. */
    public static ImportFailure malformed(ImportContext context, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : at.getLineNr();
        long column = at == null ? 0 : at.getColumnNr();
        String reason = e.getOriginalMessage();
        return new ImportFailure(context.problem(line, column, "import.malformedJson",
                "malformed JSON: " + reason, reason), e);
    }

    /** The file ends inside an object or array (Jackson reports no error there, it just runs out of tokens). */
    public static ImportFailure truncated(ImportContext context, JsonLocation at) {
        return new ImportFailure(context.problem(at.getLineNr(), at.getColumnNr(), "import.malformedJson",
                "malformed JSON: unexpected end of file", "unexpected end of file"));
    }

    /** The scalar at the parser as text (DHIS2 writes numbers and booleans either quoted or bare). */
    public static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    public static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_STRING) {
            return Boolean.parseBoolean(p.getText().trim());
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
        }
        return false;
    }

    public static void expect(ImportContext context, JsonParser p, JsonToken expected, String what)
            throws IOException, ImportFailure {
        JsonToken t = p.currentToken();
        if (t != expected) {
            JsonLocation at = p.currentLocation();
            throw new ImportFailure(context.problem(at.getLineNr(), at.getColumnNr(), "import.unexpectedJson",
                    "expected " + what + " but found " + (t == null ? "end of file" : t.asString()), what));
        }
    }
}
