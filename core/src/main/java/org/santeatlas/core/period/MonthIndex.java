package org.santeatlas.core.period;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Months counted from January 1970 (index 0), the month counterpart of {@link
 * LocalDate#toEpochDay()}: one {@code int} per month, consecutive months differ by one, so month
 * columns can be stored and compared compactly and month arithmetic is integer arithmetic.
 */
public final class MonthIndex {

    private static final int EPOCH_YEAR = 1970;

    private MonthIndex() {
    }

    /** The index of a month: 0 for 1970-01, 659 for 2024-12, -1 for 1969-12. */
    public static int of(YearMonth month) {
        return (month.getYear() - EPOCH_YEAR) * 12 + month.getMonthValue() - 1;
    }

    /** The index of the month that holds {@code date}. */
    public static int of(LocalDate date) {
        return (date.getYear() - EPOCH_YEAR) * 12 + date.getMonthValue() - 1;
    }

    /** The month with that index; the inverse of {@link #of(YearMonth)}. */
    public static YearMonth toYearMonth(int index) {
        return YearMonth.of(EPOCH_YEAR + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
