package org.santeatlas.importers.pull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;

/**
 * Splits a date range into the {@code startDate}/{@code endDate} pairs of successive requests.
 *
 * <p>DHIS2's {@code dataValueSets} returns the values of the periods that lie wholly between {@code
 * startDate} and {@code endDate}. Cutting at calendar boundaries would lose every period that straddles a
 * cut (ISO week 2025W1 starts on 2024-12-30, a FinancialJuly year spans two calendar years), so the cuts
 * follow the data set's own periods: the periods wholly within the range are grouped by the calendar
 * {@code chunkMonths}-month block in which they start, and each group asks from its first period's start
 * to its last period's end. The groups tile the range without gap or overlap.
 */
final class PeriodChunks {

    /** One request's dates, inclusive. */
    record Range(LocalDate start, LocalDate end) {
    }

    private PeriodChunks() {
    }

    static List<Range> split(PeriodType type, LocalDate start, LocalDate end, int chunkMonths) {
        List<Range> ranges = new ArrayList<>();
        if (end.isBefore(start)) {
            return ranges;
        }
        Period first = null;
        Period last = null;
        int block = Integer.MIN_VALUE;
        for (Period p : type.periodsBetween(start, end)) {
            if (p.startDate().isBefore(start) || p.endDate().isAfter(end)) {
                continue;
            }
            int b = (p.startDate().getYear() * 12 + p.startDate().getMonthValue() - 1) / chunkMonths;
            if (first != null && b != block) {
                ranges.add(new Range(first.startDate(), last.endDate()));
                first = null;
            }
            if (first == null) {
                first = p;
                block = b;
            }
            last = p;
        }
        if (first != null) {
            ranges.add(new Range(first.startDate(), last.endDate()));
        }
        return ranges;
    }
}
