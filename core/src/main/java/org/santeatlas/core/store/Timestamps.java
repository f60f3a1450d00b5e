package org.santeatlas.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads the timestamps DHIS2 writes in its exports. Versions differ: {@code 2021-01-11T13:53:01.441}
 * (2.36+, server time without zone), {@code 2016-03-02T12:32:10.000+0000} (older), ISO 8601 with
 * {@code Z} or {@code +01:00}, and a bare date. Times without a zone are taken as UTC.
 */
public final class Timestamps {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** Epoch milliseconds (UTC) of a DHIS2 timestamp; throws {@link DateTimeParseException} if unreadable. */
    public static long parseMillis(String text) {
        String s = text.trim();
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        var parsed = WITH_OFFSET.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** DHIS2's current export form, {@code 2021-01-11T13:53:01.441}, in UTC. */
    public static String format(long epochMillis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }
}
