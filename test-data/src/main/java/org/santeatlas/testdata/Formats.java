package org.santeatlas.testdata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Text forms of dates, periods and CSV fields, in the layouts DHIS2 exports. */
final class Formats {

    private Formats() {}

    /** ISO monthly period: 202401. */
    static String period(YearMonth ym) {
        int y = ym.getYear();
        int m = ym.getMonthValue();
        return y + (m < 10 ? "0" : "") + m;
    }

    /**
     * Data value created/lastUpdated as DHIS2 exports them (DateUtils.getLongGmtDateString,
     * pattern yyyy-MM-dd'T'HH:mm:ss.SSSZ in UTC): 2024-02-09T10:15:32.000+0000.
     */
    static String timestamp(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(28);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append(".000+0000");
        return sb.toString();
    }

    /** Organisation unit openingDate/closedDate as in a metadata export: 1990-01-01T00:00:00.000. */
    static String metadataDate(LocalDate date) {
        return date + "T00:00:00.000";
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** RFC 4180 field: quoted only when it holds the delimiter, a quote or a line break. */
    static String csv(String field, char delimiter) {
        if (field == null) {
            return "";
        }
        boolean quote = field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
