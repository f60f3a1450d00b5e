package org.santeatlas.importers.dhis2;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;

/**
 * ADX periods ({@code start/duration} in ISO 8601, e.g. {@code 2024-01-01/P1M}) as DHIS2 periods.
 *
 * <p>The IHE ADX profile names a period by its first day and its length; DHIS2 writes its own periods
 * that way in ADX exports (the period type's ISO 8601 duration: {@code P1D} daily, {@code P7D} weekly,
 * {@code P14D} bi-weekly, {@code P1M}, {@code P2M}, {@code P3M}, {@code P6M}, {@code P1Y}). Here the pair
 * must name exactly one DHIS2 period: the first type (in {@link PeriodType} order) whose period holding
 * the start day begins on that day and lasts that long. So {@code 2024-04-01/P3M} is {@code 2024Q2},
 * {@code 2024-04-01/P1Y} is {@code 2024April}, {@code 2024-01-03/P7D} (a Wednesday) is
 * {@code 2024WedW1}; {@code 2024-01-15/P1M} starts mid-month and is refused rather than moved, which
 * DHIS2 would silently do.
 */
final class AdxPeriods {

    private AdxPeriods() {
    }

    /**
     * The DHIS2 period an ADX period names.
     *
     * @throws IllegalArgumentException with the reason, in English, when it names none
     */
    static Period parse(String adx) {
        if (adx == null || adx.isBlank()) {
            throw new IllegalArgumentException("no period");
        }
        String text = adx.strip();
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not a start date and a duration such as 2024-01-01/P1M");
        }
        LocalDate start;
        try {
            start = LocalDate.parse(text.substring(0, slash));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the start '" + text.substring(0, slash)
                    + "' is not a date yyyy-MM-dd");
        }
        java.time.Period duration;
        try {
            duration = java.time.Period.parse(text.substring(slash + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the duration '" + text.substring(slash + 1)
                    + "' is not an ISO 8601 duration such as P1M, P7D or P1Y");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration '" + text.substring(slash + 1) + "' is not positive");
        }
        try {
            LocalDate last = start.plus(duration).minusDays(1);
            for (PeriodType type : PeriodType.values()) {
                Period p = type.periodContaining(start);
                if (p.startDate().equals(start) && p.endDate().equals(last)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("no DHIS2 period runs from " + start + " to " + last);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the year is outside " + Period.MIN_YEAR + "–" + Period.MAX_YEAR);
        }
    }
}
