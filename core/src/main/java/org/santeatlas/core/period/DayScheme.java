package org.santeatlas.core.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/** Daily periods, {@code yyyyMMdd}: one calendar day each. */
final class DayScheme implements PeriodScheme {

    private static final Pattern PATTERN = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Period parse(PeriodType type, String input, int year, Matcher matcher) {
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        if (month < 1 || month > 12) {
            throw new PeriodFormatException(
                    input, Reason.MONTH_OUT_OF_RANGE, type,
                    "month " + month + " must be between 1 and 12");
        }
        try {
            return containing(type, LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            throw new PeriodFormatException(
                    input, Reason.INVALID_DATE, type, "day " + day + " does not exist in that month");
        }
    }

    @Override
    public Period containing(PeriodType type, LocalDate date) {
        int year = PeriodScheme.requireSupportedYear(date.getYear());
        String iso = year + PeriodScheme.twoDigits(date.getMonthValue())
                + PeriodScheme.twoDigits(date.getDayOfMonth());
        return new Period(type, date, date, iso);
    }

    @Override
    public Period plus(Period period, long n) {
        return containing(period.type(), period.startDate().plusDays(n));
    }
}
