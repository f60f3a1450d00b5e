package org.santeatlas.quality.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import org.santeatlas.quality.QualityParameters;

/**
 * A run's parameters as JSON, one key per {@link QualityParameters} component (its Java name), so that
 * the stored run and {@code santeatlas quality --format json} show every threshold used.
 */
public final class ParametersJson {

    private ParametersJson() {
    }

    public static String toJson(QualityParameters p) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            write(g, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the parameters' fields into the object {@code g} is in. */
    public static void writeFields(JsonGenerator g, QualityParameters p) throws IOException {
        for (RecordComponent c : QualityParameters.class.getRecordComponents()) {
            g.writeFieldName(c.getName());
            writeValue(g, get(c, p));
        }
    }

    public static void write(JsonGenerator g, Object value) throws IOException {
        writeValue(g, value);
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Optional<?> o) {
            writeValue(g, o.orElse(null));
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Record r) {
            g.writeStartObject();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                g.writeFieldName(c.getName());
                writeValue(g, get(c, r));
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    private static Object get(RecordComponent c, Object r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
