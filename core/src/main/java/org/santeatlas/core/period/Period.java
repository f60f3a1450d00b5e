package org.santeatlas.core.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * One DHIS2 fixed period: a {@link PeriodType} and the days it covers, named by its ISO string
 * (e.g. {@code 2024W10}, {@code 202403}, {@code 2024AprilS2}).
 *
 * <p>A period can only be obtained from {@link #parse(String)} or {@link
 * PeriodType#periodContaining(LocalDate)} and their navigation methods, so it is always one that
 * DHIS2 would recognise. Periods of one type tile the calendar: they are consecutive, without gaps
 * or overlaps. Instances are immutable and safe to share between threads.
 *
 * <p>The natural order is by start date, then end date (shorter first), then type; it is
 * consistent with {@link #equals(Object)}.
 */
public final class Period implements Comparable<Period> {

    /** The smallest year an ISO string may carry; earlier four-digit years are typing mistakes. */
    public static final int MIN_YEAR = 1000;

    /** The largest year that fits the four digits of an ISO string. */
    public static final int MAX_YEAR = 9999;

    private final PeriodType type;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final String iso;

    /** Called by the schemes only, which guarantee that the four values agree. */
    Period(PeriodType type, LocalDate startDate, LocalDate endDate, String iso) {
        this.type = type;
        this.startDate = startDate;
        this.endDate = endDate;
        this.iso = iso;
    }

    /**
     * Parses a DHIS2 ISO period string such as {@code 20240315}, {@code 2024W10}, {@code
     * 2024SunW1}, {@code 2024BiW3}, {@code 202403}, {@code 202402B}, {@code 2024Q1}, {@code
     * 2024S2}, {@code 2024AprilS1}, {@code 2024NovS1}, {@code 2024}, {@code 2024April}, {@code
     * 2024July}, {@code 2024Oct} or {@code 2024Nov}. The match is exact: no surrounding spaces, and
     * the letters in the case DHIS2 writes them.
     *
     * @throws PeriodFormatException if the string is not a valid period, with the reason
     * @throws NullPointerException if {@code iso} is null
     */
    public static Period parse(String iso) {
        Objects.requireNonNull(iso, "iso");
        if (iso.isEmpty()) {
            throw new PeriodFormatException(iso, Reason.EMPTY, null, "the string is empty");
        }
        for (PeriodType type : PeriodType.values()) {
            Matcher matcher = type.scheme().pattern().matcher(iso);
            if (matcher.matches()) {
                int year = Integer.parseInt(matcher.group(1));
                if (year < MIN_YEAR) {
                    throw new PeriodFormatException(
                            iso, Reason.YEAR_OUT_OF_RANGE, type,
                            "year " + matcher.group(1) + " must be between " + MIN_YEAR + " and "
                                    + MAX_YEAR);
                }
                return type.scheme().parse(type, iso, year, matcher);
            }
        }
        throw new PeriodFormatException(
                iso, Reason.UNKNOWN_FORMAT, null,
                "not a DHIS2 ISO period such as 20240315, 2024W10, 202403, 2024Q1 or 2024");
    }

    /**
     * Like {@link #parse(String)}, but empty instead of an exception, including for {@code null},
     * for callers that only need to know whether a value is a period.
     */
    public static Optional<Period> tryParse(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(iso));
        } catch (PeriodFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * All periods from {@code first} to {@code last}, both included, in order.
     *
     * @throws IllegalArgumentException if the types differ or {@code last} comes before {@code
     *     first}
     */
    public static List<Period> range(Period first, Period last) {
        if (first.type != last.type) {
            throw new IllegalArgumentException(
                    "Periods of different types: " + first.iso + " is " + first.type.dhis2Name()
                            + ", " + last.iso + " is " + last.type.dhis2Name());
        }
        if (last.startDate.isBefore(first.startDate)) {
            throw new IllegalArgumentException(last.iso + " comes before " + first.iso);
        }
        // Periods of one type tile the calendar, so stepping from first reaches last exactly.
        List<Period> periods = new ArrayList<>();
        Period current = first;
        periods.add(current);
        while (!current.equals(last)) {
            current = current.next();
            periods.add(current);
        }
        return Collections.unmodifiableList(periods);
    }

    /** The ISO string DHIS2 uses for this period, e.g. {@code 2024W10}; canonical, no padding. */
    public String iso() {
        return iso;
    }

    public PeriodType type() {
        return type;
    }

    /** The first day of the period. */
    public LocalDate startDate() {
        return startDate;
    }

    /** The last day of the period, inclusive. */
    public LocalDate endDate() {
        return endDate;
    }

    /**
     * The period of the same type that starts the day after this one ends.
     *
     * @throws java.time.DateTimeException past year {@value #MAX_YEAR}
     */
    public Period next() {
        return plus(1);
    }

    /**
     * The period of the same type that ends the day before this one starts.
     *
     * @throws java.time.DateTimeException before year {@value #MIN_YEAR}
     */
    public Period previous() {
        return plus(-1);
    }

    /**
     * The period {@code n} steps after this one, or before it when {@code n} is negative.
     *
     * @throws java.time.DateTimeException if the result falls outside the supported years
     */
    public Period plus(int n) {
        return n == 0 ? this : type.scheme().plus(this, n);
    }

    /** Whether {@code date} lies between the start and end dates, both inclusive. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /**
     * Whether every day of {@code other} lies in this period, e.g. 202402 in 2024Q1. A period
     * contains itself; the types may differ.
     */
    public boolean contains(Period other) {
        return !other.startDate.isBefore(startDate) && !other.endDate.isAfter(endDate);
    }

    @Override
    public int compareTo(Period other) {
        int byStart = startDate.compareTo(other.startDate);
        if (byStart != 0) {
            return byStart;
        }
        int byEnd = endDate.compareTo(other.endDate);
        return byEnd != 0 ? byEnd : type.compareTo(other.type);
    }

    /** Equal when type and dates are equal, which also makes the ISO strings equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Period other
                && type == other.type
                && startDate.equals(other.startDate)
                && endDate.equals(other.endDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, startDate, endDate);
    }

    /** The ISO string, so that a period prints as DHIS2 writes it. */
    @Override
    public String toString() {
        return iso;
    }
}
