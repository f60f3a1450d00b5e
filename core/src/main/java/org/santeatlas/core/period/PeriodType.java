package org.santeatlas.core.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Objects;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * The DHIS2 fixed period types, with the ISO string format DHIS2 uses for each.
 *
 * <p>Definitions follow the DHIS2 Web API documentation ("Date and period format") and, where the
 * documentation is silent, the behaviour of DHIS2 core's period types on the ISO 8601 calendar.
 * Dates are proleptic Gregorian {@link LocalDate}s; end dates are inclusive. Years written in an
 * ISO string are limited to {@value Period#MIN_YEAR} to {@value Period#MAX_YEAR}.
 *
 * <p>Instances are immutable and safe to use from any thread.
 */
public enum PeriodType {

    /** {@code yyyyMMdd}, e.g. 20240315: one day. */
    DAILY("Daily", "yyyyMMdd", new DayScheme()),

    /**
     * {@code yyyyWn}, e.g. 2024W10: an ISO 8601 week, Monday to Sunday. Week 1 is the week holding
     * the year's first Thursday (equivalently January 4th), so 2019W1 starts on 2018-12-31 and
     * 2021W1 on 2021-01-04; years such as 2015, 2020 and 2026 have a week 53. The week number is
     * read with one or two digits (2024W01) and written without padding.
     */
    WEEKLY("Weekly", "yyyyWn", new WeekScheme(DayOfWeek.MONDAY, "W")),

    /**
     * {@code yyyyWedWn}, e.g. 2024WedW1 = 2024-01-03 to 2024-01-09: a week from Wednesday to
     * Tuesday. As for every weekly type, week 1 is the first week with at least four days in the
     * year (the week holding January 4th), and a year has 52 or 53 such weeks.
     */
    WEEKLY_WEDNESDAY("WeeklyWednesday", "yyyyWedWn", new WeekScheme(DayOfWeek.WEDNESDAY, "WedW")),

    /**
     * {@code yyyyThuWn}, e.g. 2024ThuW1 = 2024-01-04 to 2024-01-10: a week from Thursday to
     * Wednesday, numbered like {@link #WEEKLY_WEDNESDAY}.
     */
    WEEKLY_THURSDAY("WeeklyThursday", "yyyyThuWn", new WeekScheme(DayOfWeek.THURSDAY, "ThuW")),

    /**
     * {@code yyyySatWn}, e.g. 2024SatW1 = 2023-12-30 to 2024-01-05: a week from Saturday to Friday,
     * numbered like {@link #WEEKLY_WEDNESDAY}.
     */
    WEEKLY_SATURDAY("WeeklySaturday", "yyyySatWn", new WeekScheme(DayOfWeek.SATURDAY, "SatW")),

    /**
     * {@code yyyySunWn}, e.g. 2024SunW1 = 2023-12-31 to 2024-01-06: a week from Sunday to Saturday
     * (the epidemiological week used by many surveillance systems), numbered like {@link
     * #WEEKLY_WEDNESDAY}.
     */
    WEEKLY_SUNDAY("WeeklySunday", "yyyySunWn", new WeekScheme(DayOfWeek.SUNDAY, "SunW")),

    /**
     * {@code yyyyBiWn}, e.g. 2024BiW1 = ISO weeks 1 and 2 of 2024: two consecutive ISO weeks, BiWn
     * being ISO weeks 2n-1 and 2n. A year with 53 ISO weeks has 27 bi-weeks; its BiW27 is ISO week
     * 53 alone, so that bi-weeks never overlap (DHIS2's parser would give it 14 days, overlapping
     * the next year's BiW1).
     */
    BI_WEEKLY("BiWeekly", "yyyyBiWn", new BiWeekScheme()),

    /** {@code yyyyMM}, e.g. 202403: one calendar month. */
    MONTHLY("Monthly", "yyyyMM",
            MonthScheme.numbered(1, Month.JANUARY, 0, "", true, "", Reason.MONTH_OUT_OF_RANGE)),

    /**
     * {@code yyyyMMB}, e.g. 202401B = January and February: two calendar months. The two digits
     * number the bi-month (01 to 06), not its first month: 202402B is March and April, 202406B is
     * November and December.
     */
    BI_MONTHLY("BiMonthly", "yyyyMMB",
            MonthScheme.numbered(2, Month.JANUARY, 0, "", true, "B", Reason.BI_MONTH_OUT_OF_RANGE)),

    /** {@code yyyyQn}, e.g. 2024Q1 = January to March: calendar quarters 1 to 4. */
    QUARTERLY("Quarterly", "yyyyQn",
            MonthScheme.numbered(3, Month.JANUARY, 0, "Q", false, "", Reason.QUARTER_OUT_OF_RANGE)),

    /** {@code yyyySn}, e.g. 2024S1 = January to June, 2024S2 = July to December. */
    SIX_MONTHLY("SixMonthly", "yyyySn",
            MonthScheme.numbered(6, Month.JANUARY, 0, "S", false, "", Reason.HALF_YEAR_OUT_OF_RANGE)),

    /**
     * {@code yyyyAprilSn}: half-years of an April-to-March year named by the year it starts in.
     * 2024AprilS1 = April to September 2024, 2024AprilS2 = October 2024 to March 2025.
     */
    SIX_MONTHLY_APRIL("SixMonthlyApril", "yyyyAprilSn",
            MonthScheme.numbered(6, Month.APRIL, 0, "AprilS", false, "", Reason.HALF_YEAR_OUT_OF_RANGE)),

    /**
     * {@code yyyyNovSn}: half-years of a November-to-October year named by the year it ends in.
     * 2024NovS1 = November 2023 to April 2024, 2024NovS2 = May to October 2024.
     */
    SIX_MONTHLY_NOV("SixMonthlyNov", "yyyyNovSn",
            MonthScheme.numbered(6, Month.NOVEMBER, 1, "NovS", false, "", Reason.HALF_YEAR_OUT_OF_RANGE)),

    /** {@code yyyy}, e.g. 2024: one calendar year. */
    YEARLY("Yearly", "yyyy", MonthScheme.yearly(Month.JANUARY, 0, "")),

    /** {@code yyyyApril}: the financial year starting in April; 2024April = April 2024 to March 2025. */
    FINANCIAL_APRIL("FinancialApril", "yyyyApril", MonthScheme.yearly(Month.APRIL, 0, "April")),

    /** {@code yyyyJuly}: the financial year starting in July; 2024July = July 2024 to June 2025. */
    FINANCIAL_JULY("FinancialJuly", "yyyyJuly", MonthScheme.yearly(Month.JULY, 0, "July")),

    /**
     * {@code yyyyOct}: the financial year starting in October; 2024Oct = October 2024 to September
     * 2025.
     */
    FINANCIAL_OCT("FinancialOct", "yyyyOct", MonthScheme.yearly(Month.OCTOBER, 0, "Oct")),

    /**
     * {@code yyyyNov}: the financial year starting in November, named, unlike the other financial
     * years, by the year it <em>ends</em> in: 2024Nov = November 2023 to October 2024. This is what
     * DHIS2 core both parses and writes.
     */
    FINANCIAL_NOV("FinancialNov", "yyyyNov", MonthScheme.yearly(Month.NOVEMBER, 1, "Nov"));

    private final String dhis2Name;
    private final String isoFormat;
    private final PeriodScheme scheme;

    PeriodType(String dhis2Name, String isoFormat, PeriodScheme scheme) {
        this.dhis2Name = dhis2Name;
        this.isoFormat = isoFormat;
        this.scheme = scheme;
    }

    /**
     * The type with that DHIS2 name ({@code periodType} in DHIS2 metadata, e.g. {@code
     * "WeeklySunday"}), ignoring case as DHIS2 does.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static PeriodType fromDhis2Name(String name) {
        Objects.requireNonNull(name, "name");
        for (PeriodType type : values()) {
            if (type.dhis2Name.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown DHIS2 period type: " + name);
    }

    /** The name DHIS2 uses for this type, e.g. {@code "SixMonthlyApril"}. */
    public String dhis2Name() {
        return dhis2Name;
    }

    /** The ISO format as DHIS2 documents it, e.g. {@code "yyyyWn"}, for help texts. */
    public String isoFormat() {
        return isoFormat;
    }

    /**
     * The period of this type that holds {@code date}.
     *
     * @throws java.time.DateTimeException if that period's ISO year would fall outside {@value
     *     Period#MIN_YEAR} to {@value Period#MAX_YEAR}
     */
    public Period periodContaining(LocalDate date) {
        return scheme.containing(this, Objects.requireNonNull(date, "date"));
    }

    /**
     * The consecutive periods of this type that overlap the days {@code from} to {@code to}, both
     * inclusive: the first holds {@code from} and the last holds {@code to}, so the first and last
     * may extend beyond the range.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<Period> periodsBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        return Period.range(periodContaining(from), periodContaining(to));
    }

    PeriodScheme scheme() {
        return scheme;
    }
}
