package org.santeatlas.core.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * Bi-weekly periods, {@code yyyyBiWn}: pairs of ISO weeks of one ISO week-based year, BiW1 being
 * ISO weeks 1 and 2, BiW2 weeks 3 and 4, and so on.
 *
 * <p>A year with 53 ISO weeks has 27 bi-weeks, and its BiW27 is ISO week 53 alone (7 days), so that
 * bi-weeks never overlap and the next year's BiW1 still starts on its ISO week 1. DHIS2 is not
 * consistent here: its parser gives BiW27 fourteen days (week 53 plus the next year's week 1,
 * overlapping that year's BiW1), while for a date in that week 1 it answers BiW1 of the new year.
 */
final class BiWeekScheme implements PeriodScheme {

    private static final Pattern PATTERN = Pattern.compile("(\\d{4})BiW(\\d{1,2})");

    private final WeekScheme isoWeeks = new WeekScheme(DayOfWeek.MONDAY, "W");

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Period parse(PeriodType type, String input, int year, Matcher matcher) {
        int biWeek = Integer.parseInt(matcher.group(2));
        int biWeeks = biWeeksIn(year);
        if (biWeek < 1 || biWeek > biWeeks) {
            throw new PeriodFormatException(
                    input, Reason.BI_WEEK_OUT_OF_RANGE, type,
                    "bi-week " + biWeek + " must be between 1 and " + biWeeks
                            + ", the number of bi-weeks in " + year);
        }
        return build(type, year, biWeek);
    }

    @Override
    public Period containing(PeriodType type, LocalDate date) {
        LocalDate weekStart = isoWeeks.startOfWeek(date);
        return build(type, isoWeeks.weekYear(weekStart), (isoWeeks.weekNumber(weekStart) + 1) / 2);
    }

    @Override
    public Period plus(Period period, long n) {
        LocalDate start = period.startDate();
        int year = isoWeeks.weekYear(start);
        long biWeek = (isoWeeks.weekNumber(start) + 1) / 2;
        long remaining = n;
        // Years have 26 or 27 bi-weeks, so walk year by year; the supported years bound the loop.
        while (remaining > 0) {
            long leftInYear = biWeeksIn(year) - biWeek;
            if (remaining <= leftInYear) {
                biWeek += remaining;
                remaining = 0;
            } else {
                remaining -= leftInYear + 1;
                year = PeriodScheme.requireSupportedYear(year + 1);
                biWeek = 1;
            }
        }
        while (remaining < 0) {
            if (-remaining < biWeek) {
                biWeek += remaining;
                remaining = 0;
            } else {
                remaining += biWeek;
                year = PeriodScheme.requireSupportedYear(year - 1);
                biWeek = biWeeksIn(year);
            }
        }
        return build(period.type(), year, (int) biWeek);
    }

    private Period build(PeriodType type, int year, int biWeek) {
        PeriodScheme.requireSupportedYear(year);
        LocalDate start = isoWeeks.firstWeekStart(year).plusWeeks(2L * (biWeek - 1));
        int lastWeek = 2 * biWeek;
        // BiW27 of a 53-week year holds week 53 only; see the class comment.
        LocalDate end = lastWeek <= isoWeeks.weeksIn(year) ? start.plusDays(13) : start.plusDays(6);
        return new Period(type, start, end, year + "BiW" + biWeek);
    }

    /** 26, or 27 in a year with 53 ISO weeks. */
    int biWeeksIn(int year) {
        return (isoWeeks.weeksIn(year) + 1) / 2;
    }
}
