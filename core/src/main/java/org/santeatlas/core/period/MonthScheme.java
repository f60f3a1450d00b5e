package org.santeatlas.core.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * Periods made of whole months: monthly, bi-monthly, quarterly, the six-monthly types, yearly and
 * the financial years.
 *
 * <p>Each type divides a twelve-month <em>cycle</em> into equal parts of 1, 2, 3, 6 or 12 months.
 * The cycle starts in a fixed month (January for calendar types, April for {@code yyyyAprilSn} and
 * {@code yyyyApril}, and so on). The year written in the ISO string is the year the cycle starts
 * in, except for the November types, where DHIS2 writes the year the cycle ends in: 2024Nov is
 * November 2023 to October 2024.
 */
final class MonthScheme implements PeriodScheme {

    private final int length;
    private final Month cycleStart;
    private final int labelYearOffset;
    private final String prefix;
    private final boolean twoDigitNumber;
    private final String suffix;
    private final Reason outOfRange;
    private final Pattern pattern;

    private MonthScheme(int length, Month cycleStart, int labelYearOffset, String prefix,
            boolean twoDigitNumber, String suffix, Reason outOfRange) {
        this.length = length;
        this.cycleStart = cycleStart;
        this.labelYearOffset = labelYearOffset;
        this.prefix = prefix;
        this.twoDigitNumber = twoDigitNumber;
        this.suffix = suffix;
        this.outOfRange = outOfRange;
        String number = !isNumbered() ? "" : twoDigitNumber ? "(\\d{2})" : "(\\d)";
        this.pattern = Pattern.compile("(\\d{4})" + quote(prefix) + number + quote(suffix));
    }

    /**
     * A type with several periods per cycle, written year, prefix, number, suffix.
     *
     * @param length months per period: 1, 2, 3 or 6
     * @param cycleStart the month in which period 1 starts
     * @param labelYearOffset the written year minus the year period 1 starts in
     * @param twoDigitNumber whether the number is zero-padded ({@code 202401}, {@code 202401B})
     * @param outOfRange the reason given when the number is 0 or too large
     */
    static MonthScheme numbered(int length, Month cycleStart, int labelYearOffset, String prefix,
            boolean twoDigitNumber, String suffix, Reason outOfRange) {
        if (length < 1 || length >= 12 || 12 % length != 0) {
            throw new IllegalArgumentException("length must divide 12: " + length);
        }
        return new MonthScheme(length, cycleStart, labelYearOffset, prefix, twoDigitNumber, suffix,
                outOfRange);
    }

    /** A twelve-month type, written year then suffix ({@code 2024}, {@code 2024April}). */
    static MonthScheme yearly(Month cycleStart, int labelYearOffset, String suffix) {
        return new MonthScheme(12, cycleStart, labelYearOffset, "", false, suffix, null);
    }

    private static String quote(String literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }

    private boolean isNumbered() {
        return length < 12;
    }

    private int periodsPerCycle() {
        return 12 / length;
    }

    @Override
    public Pattern pattern() {
        return pattern;
    }

    @Override
    public Period parse(PeriodType type, String input, int year, Matcher matcher) {
        int number = 1;
        if (isNumbered()) {
            number = Integer.parseInt(matcher.group(2));
            if (number < 1 || number > periodsPerCycle()) {
                throw new PeriodFormatException(
                        input, outOfRange, type,
                        "the number " + number + " after the year must be between 1 and "
                                + periodsPerCycle() + " for " + type.dhis2Name() + " periods");
            }
        }
        int cycleStartIndex = MonthIndex.of(YearMonth.of(year - labelYearOffset, cycleStart));
        return build(type, cycleStartIndex + (number - 1) * length);
    }

    @Override
    public Period containing(PeriodType type, LocalDate date) {
        int monthIndex = MonthIndex.of(date);
        // Every period of this type starts on a month congruent to the cycle start modulo its
        // length, because the length divides twelve.
        int offset = Math.floorMod(monthIndex - (cycleStart.getValue() - 1), length);
        return build(type, monthIndex - offset);
    }

    @Override
    public Period plus(Period period, long n) {
        long startIndex = MonthIndex.of(period.startDate()) + n * length;
        if (startIndex < Integer.MIN_VALUE || startIndex > Integer.MAX_VALUE) {
            throw new DateTimeException("Period outside the supported years");
        }
        return build(period.type(), (int) startIndex);
    }

    private Period build(PeriodType type, int startIndex) {
        int cycleOffset = Math.floorMod(startIndex - (cycleStart.getValue() - 1), 12);
        YearMonth cycleFirstMonth = MonthIndex.toYearMonth(startIndex - cycleOffset);
        int year = PeriodScheme.requireSupportedYear(cycleFirstMonth.getYear() + labelYearOffset);
        int number = cycleOffset / length + 1;

        StringBuilder iso = new StringBuilder(12).append(year).append(prefix);
        if (isNumbered()) {
            iso.append(twoDigitNumber ? PeriodScheme.twoDigits(number) : Integer.toString(number));
        }
        iso.append(suffix);

        LocalDate start = MonthIndex.toYearMonth(startIndex).atDay(1);
        LocalDate end = MonthIndex.toYearMonth(startIndex + length - 1).atEndOfMonth();
        return new Period(type, start, end, iso.toString());
    }
}
