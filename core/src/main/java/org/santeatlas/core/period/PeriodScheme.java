package org.santeatlas.core.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar arithmetic behind one {@link PeriodType}: its ISO string pattern, which period
 * holds a date, and how to step through periods. Package-private because {@link PeriodType} and
 * {@link Period} are the API; one instance belongs to one type.
 */
sealed interface PeriodScheme permits DayScheme, WeekScheme, BiWeekScheme, MonthScheme {

    /**
     * The full-match pattern of the ISO string. Group 1 is always the four-digit year, so that
     * {@link Period#parse(String)} checks the year in one place.
     */
    Pattern pattern();

    /**
     * Builds the period named by a string that matched {@link #pattern()}, whose year has been
     * checked already.
     *
     * @throws PeriodFormatException if a number in the string is out of range
     */
    Period parse(PeriodType type, String input, int year, Matcher matcher);

    /** The period of {@code type} that holds {@code date}. */
    Period containing(PeriodType type, LocalDate date);

    /** The period {@code n} steps after {@code period} (before it if {@code n} is negative). */
    Period plus(Period period, long n);

    /**
     * Checks the year written in an ISO string produced from dates, since the format has room for
     * four digits only.
     */
    static int requireSupportedYear(int year) {
        if (year < Period.MIN_YEAR || year > Period.MAX_YEAR) {
            throw new DateTimeException(
                    "Period year " + year + " is outside the supported range "
                            + Period.MIN_YEAR + " to " + Period.MAX_YEAR);
        }
        return year;
    }

    /** Zero-pads a number to two digits, without the locale that {@code String.format} would use. */
    static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
