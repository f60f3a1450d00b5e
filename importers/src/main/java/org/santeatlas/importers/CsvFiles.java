package org.santeatlas.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Opening the CSV files that district teams receive: UTF-8 (with or without BOM), ',' or ';'. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** The delimiter of a file: the more frequent of ';' and ',' (and tab) on its first line. */
    public static char sniffDelimiter(Path file) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (CharacterCodingException e) {
            first = null;
        }
        if (first == null) {
            return ',';
        }
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** A streaming parser, no header handling (callers look at the first record themselves). */
    public static CSVParser open(Path file, char delimiter) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
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
