package org.santeatlas.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Opening the CSV files that district teams receive: UTF-8 (with or without BOM) or, as spreadsheets
 * on Windows save them, Windows-1252; ',' or ';' or tab separated.
 */
public final class CsvFiles {

    /** Windows' Western European code page, a superset of ISO-8859-1's printable characters. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SNIFF_BYTES = 4 << 20;

    private CsvFiles() {
    }

    /** The user's {@code --charset} when given, else the detected one. */
    public static Charset charset(ImportContext context) throws IOException {
        return context.options().charset().isPresent() ? context.options().charset().get()
                : detectCharset(context.openUnhashed());
    }

    /**
     * UTF-8 when the file starts with its BOM or its first 4 MB are valid UTF-8, else Windows-1252
     * (what Excel writes as "CSV" on a French Windows). A UTF-8 file with an invalid sequence further
     * on still fails, naming the problem.
     */
    public static Charset detectCharset(Path file) throws IOException {
        return detectCharset(Files.newInputStream(file));
    }

    /** {@link #detectCharset(Path)} of a stream's first 4 MB; closes the stream. */
    public static Charset detectCharset(InputStream stream) throws IOException {
        byte[] head;
        try (InputStream in = stream) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length);
        // endOfInput false: a sequence cut by the 4 MB limit is not an error.
        CoderResult result = decoder.decode(bytes, chars, head.length < SNIFF_BYTES);
        return result.isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
    }

    /** The delimiter of a file: the more frequent of ';' and ',' (and tab) on its first line. */
    public static char sniffDelimiter(Path file) throws IOException {
        return sniffDelimiter(file, detectCharset(file));
    }

    public static char sniffDelimiter(Path file, Charset charset) throws IOException {
        return sniffDelimiter(Files.newInputStream(file), charset);
    }

    /** {@link #sniffDelimiter(Path, Charset)} of a stream's first line; closes the stream. */
    public static char sniffDelimiter(InputStream stream, Charset charset) throws IOException {
        String first;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)))) {
            first = r.readLine();
        } catch (CharacterCodingException e) {
            first = null;
        }
        return first == null ? ',' : delimiterOf(first);
    }

    /** The delimiter a header line uses: tab when it outnumbers both, else the more frequent of ';' and ','. */
    static char delimiterOf(String line) {
        long semicolons = line.chars().filter(c -> c == ';').count();
        long commas = line.chars().filter(c -> c == ',').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** A streaming parser, no header handling (callers look at the first record themselves). */
    public static CSVParser open(Path file, char delimiter) throws IOException {
        return open(file, delimiter, detectCharset(file));
    }

    public static CSVParser open(Path file, char delimiter, Charset charset) throws IOException {
        return open(Files.newInputStream(file), delimiter, charset);
    }

    /** A streaming parser over a stream (closed with the parser), no header handling. */
    public static CSVParser open(InputStream stream, char delimiter, Charset charset) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(stream,
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build()
                .parse(reader);
    }
}
