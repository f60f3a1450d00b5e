package org.santeatlas.testdata;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * A file being written, UTF-8, with its SHA-256 computed on the way (for the manifest). Line ends are
 * always "\n", whatever the platform, so that files are byte-identical everywhere.
 */
final class OutputFile implements AutoCloseable {

    /** What the manifest says about a written file. */
    record Written(String name, String format, long bytes, String sha256) {}

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final Path path;
    private final String format;
    private final MessageDigest digest;
    private final OutputStream out;
    private Written written;

    OutputFile(Path path, String format) throws IOException {
        this.path = path;
        this.format = format;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest);
    }

    /** A JSON generator indenting objects and arrays by two spaces ("key": value). */
    JsonGenerator prettyJson() throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return JSON.createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(printer);
    }

    /**
     * A compact JSON generator that starts a new line for every element of an array: one data value
     * per line, so that a parser's line number points at the faulty record.
     */
    JsonGenerator recordPerLineJson() throws IOException {
        return JSON.createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(new RecordPerLinePrinter());
    }

    Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        out.close();
        written = new Written(path.getFileName().toString(), format, Files.size(path),
                HexFormat.of().formatHex(digest.digest()));
    }

    Written written() {
        if (written == null) {
            throw new IllegalStateException(path + " is still open");
        }
        return written;
    }

    /** Compact JSON, but a line break before each array element and before the closing bracket. */
    private static final class RecordPerLinePrinter implements PrettyPrinter {
        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(':');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            // nothing: entries follow the brace directly
        }
    }
}
