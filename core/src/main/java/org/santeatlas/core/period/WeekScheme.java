package org.santeatlas.core.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * Weekly periods that start on a fixed weekday, numbered within a week-based year.
 *
 * <p>The rule is the one DHIS2 applies through {@code java.time.WeekFields.of(firstDay, 4)}: week 1
 * of year Y is the first week with at least four of its days in Y, which is the week holding
 * January 4th. A week therefore belongs to the year of its fourth day, so a year has 53 weeks when
 * 53 "fourth days" fall in it. With a Monday start this is ISO 8601.
 */
final class WeekScheme implements PeriodScheme {

    private final DayOfWeek firstDay;
    private final String marker;
    private final Pattern pattern;

    /**
     * @param firstDay the weekday each week starts on
     * @param marker the text between year and week number: {@code W}, {@code WedW}, {@code ThuW},
     *     {@code SatW} or {@code SunW}
     */
    WeekScheme(DayOfWeek firstDay, String marker) {
        this.firstDay = firstDay;
        this.marker = marker;
        // DHIS2 accepts one or two digits, so "2024W01" is read as week 1 and written "2024W1".
        this.pattern = Pattern.compile("(\\d{4})" + Pattern.quote(marker) + "(\\d{1,2})");
    }

    @Override
    public Pattern pattern() {
        return pattern;
    }

    @Override
    public Period parse(PeriodType type, String input, int year, Matcher matcher) {
        int week = Integer.parseInt(matcher.group(2));
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new PeriodFormatException(
                    input, Reason.WEEK_OUT_OF_RANGE, type,
                    "week " + week + " must be between 1 and " + weeks + ", the number of "
                            + type.dhis2Name() + " weeks in " + year);
        }
        return build(type, year, week);
    }

    @Override
    public Period containing(PeriodType type, LocalDate date) {
        LocalDate start = startOfWeek(date);
        return build(type, weekYear(start), weekNumber(start));
    }

    @Override
    public Period plus(Period period, long n) {
        return containing(period.type(), period.startDate().plusWeeks(n));
    }

    private Period build(PeriodType type, int year, int week) {
        PeriodScheme.requireSupportedYear(year);
        LocalDate start = firstWeekStart(year).plusWeeks(week - 1L);
        return new Period(type, start, start.plusDays(6), year + marker + week);
    }

    /** The first day of the week holding {@code date}. */
    LocalDate startOfWeek(LocalDate date) {
        int daysSinceStart = Math.floorMod(date.getDayOfWeek().getValue() - firstDay.getValue(), 7);
        return date.minusDays(daysSinceStart);
    }

    /** The first day of week 1 of {@code year}: the start of the week holding January 4th. */
    LocalDate firstWeekStart(int year) {
        return startOfWeek(LocalDate.of(year, 1, 4));
    }

    /** The week-based year of the week starting on {@code weekStart}: the year of its 4th day. */
    int weekYear(LocalDate weekStart) {
        return weekStart.plusDays(3).getYear();
    }

    /** The number, from 1, of the week starting on {@code weekStart} within its week-based year. */
    int weekNumber(LocalDate weekStart) {
        return (int) (ChronoUnit.DAYS.between(firstWeekStart(weekYear(weekStart)), weekStart) / 7) + 1;
    }

    /** 52 or 53. */
    int weeksIn(int year) {
        return (int) (ChronoUnit.DAYS.between(firstWeekStart(year), firstWeekStart(year + 1)) / 7);
    }
}
