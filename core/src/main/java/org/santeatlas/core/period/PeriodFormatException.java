package org.santeatlas.core.period;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@link Period#parse(String)} when a string is not a valid DHIS2 ISO period.
 *
 * <p>The English message is for logs and developers. A user interface translates the {@link
 * #reason()} instead, and may show the {@link #input()} and the {@link #periodType()} that the
 * string looked like, so this exception never has to cross into the UI as text.
 */
public final class PeriodFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a string was rejected; stable codes for translation. */
    public enum Reason {
        /** The string is empty. */
        EMPTY,
        /** The string matches none of the DHIS2 ISO period formats. */
        UNKNOWN_FORMAT,
        /** The year is before {@link Period#MIN_YEAR} (the format allows 0000 to 9999). */
        YEAR_OUT_OF_RANGE,
        /** The month of a daily or monthly period is not 01 to 12. */
        MONTH_OUT_OF_RANGE,
        /** The bi-month of a bi-monthly period ({@code yyyyMMB}) is not 01 to 06. */
        BI_MONTH_OUT_OF_RANGE,
        /** The quarter is not 1 to 4. */
        QUARTER_OUT_OF_RANGE,
        /** The half-year of a six-monthly period is not 1 or 2. */
        HALF_YEAR_OUT_OF_RANGE,
        /** The week is 0 or beyond the last week (52 or 53) of that week-based year. */
        WEEK_OUT_OF_RANGE,
        /** The bi-week is 0 or beyond the last bi-week (26 or 27) of that ISO week-based year. */
        BI_WEEK_OUT_OF_RANGE,
        /** A daily period names a day that does not exist, such as 20230229. */
        INVALID_DATE
    }

    /** Longest part of the input quoted in the message, so that garbage cannot flood a log. */
    private static final int MAX_QUOTED_LENGTH = 40;

    private final String input;
    private final Reason reason;
    private final PeriodType periodType;

    PeriodFormatException(String input, Reason reason, PeriodType periodType, String detail) {
        super(message(input, detail));
        this.input = Objects.requireNonNull(input, "input");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.periodType = periodType;
    }

    private static String message(String input, String detail) {
        String quoted = input.length() <= MAX_QUOTED_LENGTH ? input : input.substring(0, MAX_QUOTED_LENGTH) + "...";
        return "Invalid DHIS2 period '" + quoted + "': " + detail;
    }

    /** The rejected string, exactly as given. */
    public String input() {
        return input;
    }

    /** The reason code. */
    public Reason reason() {
        return reason;
    }

    /**
     * The period type whose format the string matched before a number in it was found out of
     * range; empty for {@link Reason#EMPTY} and {@link Reason#UNKNOWN_FORMAT}.
     */
    public Optional<PeriodType> periodType() {
        return Optional.ofNullable(periodType);
    }
}
