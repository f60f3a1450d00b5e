package org.santeatlas.core.store;

import java.util.List;

/**
 * Something wrong in an input file, kept as a value so that the CLI and the UI can render it in the
 * user's language: {@code file:line:column: message}. Line and column are 1-based; 0 when unknown.
 *
 * @param key     resource-bundle key of the message, e.g. {@code import.unknownOrgUnit}
 * @param args    the message's arguments
 * @param message the message in English, for logs and for callers without bundles
 */
public record Problem(String file, long line, long column, String key, List<String> args, String message) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String file, long line, long column, String key, String message, String... args) {
        return new Problem(file, line, column, key, List.of(args), message);
    }

    /** {@code file:line:column: message}, the form editors and terminals know. */
    public String format() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(message).toString();
    }
}
