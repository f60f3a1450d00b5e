package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;

/**
 * The DHIS2 importers' name for {@link org.santeatlas.importers.JsonFiles}, which holds the code: kept so
 * that this package's unqualified {@code JsonFiles.x(...)} calls resolve without touching every importer
 * (the data value set importers are being edited elsewhere). To retire: import the root class in the
 * importers of this package and delete this one.
 */
final class JsonFiles {

    static final JsonFactory FACTORY = org.santeatlas.importers.JsonFiles.FACTORY;

    private JsonFiles() {
    }

    static JsonParser open(ImportContext context) throws IOException {
        return org.santeatlas.importers.JsonFiles.open(context);
    }

    static ImportFailure malformed(ImportContext context, JsonProcessingException e) {
        return org.santeatlas.importers.JsonFiles.malformed(context, e);
    }

    static String text(JsonParser p) throws IOException {
        return org.santeatlas.importers.JsonFiles.text(p);
    }

    static boolean bool(JsonParser p) throws IOException {
        return org.santeatlas.importers.JsonFiles.bool(p);
    }

    static void expect(ImportContext context, JsonParser p, JsonToken expected, String what) throws IOException,
            ImportFailure {
        org.santeatlas.importers.JsonFiles.expect(context, p, expected, what);
    }
}
