package org.santeatlas.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.santeatlas.core.period.PeriodFormatException.Reason;

/**
 * Invariants of every period type, checked exhaustively over 1900 to 2100 (every day, every
 * period, every valid ISO string), plus seeded random samples where exhaustion is too large.
 *
 * <p>These are the property tests of the period model, written as plain JUnit 5 rather than with
 * jqwik: from version 1.10 jqwik carries an "Anti-AI Usage Clause" asking that AI coding agents not
 * use it, and this class was written by one. The date domain is small enough to enumerate, which
 * also makes every check deterministic.
 *
 * <p>Week expectations use {@link WeekFields#of(DayOfWeek, int)} with four minimal days as an
 * independent oracle; DHIS2 core computes its weekly ISO strings the same way.
 */
class PeriodInvariantsTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    /** Fixed so that a failure reproduces; change it locally to explore other samples. */
    private static final long SEED = 20_241_123L;
    private static final int SAMPLES = 2_000;

    private static final Map<PeriodType, DayOfWeek> WEEK_STARTS = Map.of(
            PeriodType.WEEKLY, DayOfWeek.MONDAY,
            PeriodType.WEEKLY_WEDNESDAY, DayOfWeek.WEDNESDAY,
            PeriodType.WEEKLY_THURSDAY, DayOfWeek.THURSDAY,
            PeriodType.WEEKLY_SATURDAY, DayOfWeek.SATURDAY,
            PeriodType.WEEKLY_SUNDAY, DayOfWeek.SUNDAY);

    private static final Map<PeriodType, String> WEEK_MARKERS = Map.of(
            PeriodType.WEEKLY, "W",
            PeriodType.WEEKLY_WEDNESDAY, "WedW",
            PeriodType.WEEKLY_THURSDAY, "ThuW",
            PeriodType.WEEKLY_SATURDAY, "SatW",
            PeriodType.WEEKLY_SUNDAY, "SunW");

    private static final Set<PeriodType> MONTH_BASED = EnumSet.range(PeriodType.MONTHLY, PeriodType.FINANCIAL_NOV);

    /** Collects the first few failures so that one run shows a pattern rather than one case. */
    private static final class Violations {
        private static final int MAX_REPORTED = 20;
        private final List<String> messages = new ArrayList<>();

        void check(boolean ok, Supplier<String> message) {
            if (!ok && messages.size() < MAX_REPORTED) {
                messages.add(message.get());
            }
        }

        void assertNone() {
            assertThat(messages).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void consecutivePeriodsTileTheCalendarAndRoundTripThroughTheirIsoStrings(PeriodType type) {
        Violations violations = new Violations();
        Period last = type.periodContaining(LAST_DAY);

        for (Period p = type.periodContaining(FIRST_DAY); !p.equals(last); p = p.next()) {
            Period period = p;
            Period next = period.next();
            Period parsed = Period.parse(period.iso());

            violations.check(parsed.equals(period) && parsed.iso().equals(period.iso()),
                    () -> period.iso() + " parses back as " + parsed.iso() + " " + parsed.startDate());
            violations.check(!period.startDate().isAfter(period.endDate()),
                    () -> period.iso() + " ends before it starts");
            violations.check(next.startDate().equals(period.endDate().plusDays(1)),
                    () -> period.iso() + " ends " + period.endDate() + " but " + next.iso() + " starts "
                            + next.startDate());
            violations.check(next.previous().equals(period),
                    () -> next.iso() + " has previous " + next.previous().iso() + ", not " + period.iso());
            violations.check(period.compareTo(next) < 0 && next.compareTo(period) > 0,
                    () -> period.iso() + " does not sort before " + next.iso());
            violations.check(next.type() == type, () -> next.iso() + " changed type");
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void periodContainingEveryDayHoldsThatDay(PeriodType type) {
        Violations violations = new Violations();
        Period current = type.periodContaining(FIRST_DAY);

        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            if (day.isAfter(current.endDate())) {
                current = current.next();
            }
            LocalDate date = day;
            Period expected = current;
            Period actual = type.periodContaining(date);
            violations.check(actual.equals(expected) && actual.contains(date),
                    () -> date + " gives " + actual.iso() + ", expected " + expected.iso());
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void everyValidIsoStringRoundTrips(PeriodType type) {
        Violations violations = new Violations();

        for (String iso : validIsoStrings(type)) {
            Period period = Period.parse(iso);
            violations.check(period.iso().equals(iso) && period.type() == type,
                    () -> iso + " is written back as " + period.iso() + " of type " + period.type());
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(names = {"WEEKLY", "WEEKLY_WEDNESDAY", "WEEKLY_THURSDAY", "WEEKLY_SATURDAY", "WEEKLY_SUNDAY"})
    void weeksAgreeWithJavaTimeWeekFields(PeriodType type) {
        Violations violations = new Violations();
        WeekFields weeks = WeekFields.of(WEEK_STARTS.get(type), 4);

        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            LocalDate date = day;
            String expectedIso = date.get(weeks.weekBasedYear()) + WEEK_MARKERS.get(type)
                    + date.get(weeks.weekOfWeekBasedYear());
            LocalDate expectedStart = date.with(weeks.dayOfWeek(), 1);
            Period period = type.periodContaining(date);
            violations.check(period.iso().equals(expectedIso)
                            && period.startDate().equals(expectedStart)
                            && period.endDate().equals(expectedStart.plusDays(6)),
                    () -> date + " gives " + period.iso() + " from " + period.startDate() + ", expected "
                            + expectedIso + " from " + expectedStart);
        }
        for (int year = 1900; year <= 2100; year++) {
            String tooFar = year + WEEK_MARKERS.get(type) + (weeksIn(year, WEEK_STARTS.get(type)) + 1);
            violations.check(rejectionReason(tooFar) == Reason.WEEK_OUT_OF_RANGE,
                    () -> tooFar + " is not rejected as WEEK_OUT_OF_RANGE");
        }
        violations.assertNone();
    }

    @Test
    void biWeeksArePairsOfIsoWeeks() {
        Violations violations = new Violations();

        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            LocalDate date = day;
            int isoYear = date.get(WeekFields.ISO.weekBasedYear());
            int isoWeek = date.get(WeekFields.ISO.weekOfWeekBasedYear());
            Period biWeek = PeriodType.BI_WEEKLY.periodContaining(date);
            Period week = PeriodType.WEEKLY.periodContaining(date);
            // BiW27 of a 53-week year is ISO week 53 alone, so that bi-weeks never overlap.
            long expectedDays = isoWeek == 53 ? 7 : 14;

            violations.check(biWeek.iso().equals(isoYear + "BiW" + (isoWeek + 1) / 2)
                            && biWeek.contains(week)
                            && biWeek.startDate().get(WeekFields.ISO.weekOfWeekBasedYear()) % 2 == 1
                            && biWeek.endDate().toEpochDay() - biWeek.startDate().toEpochDay() + 1 == expectedDays,
                    () -> date + " (ISO " + isoYear + "W" + isoWeek + ") gives " + biWeek.iso() + " "
                            + biWeek.startDate() + " to " + biWeek.endDate());
        }
        for (int year = 1900; year <= 2100; year++) {
            String tooFar = year + "BiW" + ((weeksIn(year, DayOfWeek.MONDAY) + 1) / 2 + 1);
            violations.check(rejectionReason(tooFar) == Reason.BI_WEEK_OUT_OF_RANGE,
                    () -> tooFar + " is not rejected as BI_WEEK_OUT_OF_RANGE");
        }
        violations.assertNone();
    }

    @Test
    void everyMonthLiesInsideItsQuarterItsYearAndEveryLongerMonthBasedPeriod() {
        Violations violations = new Violations();

        for (YearMonth ym = YearMonth.from(FIRST_DAY); !ym.isAfter(YearMonth.from(LAST_DAY)); ym = ym.plusMonths(1)) {
            Period month = PeriodType.MONTHLY.periodContaining(ym.atDay(1));
            for (PeriodType type : MONTH_BASED) {
                Period holder = type.periodContaining(month.startDate());
                violations.check(holder.contains(month) && holder.startDate().getDayOfMonth() == 1
                                && holder.endDate().equals(YearMonth.from(holder.endDate()).atEndOfMonth()),
                        () -> type + " " + holder.iso() + " does not hold " + month.iso() + " in whole months");
            }
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void plusAgreesWithRepeatedSteps(PeriodType type) {
        Violations violations = new Violations();
        Random random = new Random(SEED + type.ordinal());

        for (int i = 0; i < SAMPLES; i++) {
            Period start = type.periodContaining(randomDay(random));
            int n = random.nextInt(121) - 60;
            Period stepped = start;
            for (int step = 0; step < Math.abs(n); step++) {
                stepped = n > 0 ? stepped.next() : stepped.previous();
            }
            Period expected = stepped;
            Period actual = start.plus(n);
            violations.check(actual.equals(expected),
                    () -> start.iso() + " plus " + n + " gives " + actual.iso() + ", expected " + expected.iso());
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void periodsBetweenCoverTheDaysWithoutGaps(PeriodType type) {
        Violations violations = new Violations();
        Random random = new Random(SEED - type.ordinal());

        for (int i = 0; i < SAMPLES; i++) {
            LocalDate from = randomDay(random);
            LocalDate to = from.plusDays(random.nextInt(800));
            List<Period> periods = type.periodsBetween(from, to);

            violations.check(periods.get(0).contains(from) && periods.get(periods.size() - 1).contains(to),
                    () -> type + " from " + from + " to " + to + " gives " + periods.get(0).iso() + " to "
                            + periods.get(periods.size() - 1).iso());
            for (int k = 1; k < periods.size(); k++) {
                Period before = periods.get(k - 1);
                Period after = periods.get(k);
                violations.check(after.startDate().equals(before.endDate().plusDays(1)),
                        () -> "gap or overlap between " + before.iso() + " and " + after.iso());
            }
        }
        violations.assertNone();
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void orderIsConsistentWithEqualsAndStartDates(PeriodType type) {
        Violations violations = new Violations();
        Random random = new Random(SEED * 31 + type.ordinal());

        for (int i = 0; i < SAMPLES; i++) {
            Period a = type.periodContaining(randomDay(random));
            // Every fourth pair is the same period, so that equality is exercised too.
            Period b = i % 4 == 0 ? Period.parse(a.iso()) : type.periodContaining(randomDay(random));
            violations.check(Integer.signum(a.compareTo(b)) == Integer.signum(a.startDate().compareTo(b.startDate()))
                            && (a.compareTo(b) == 0) == a.equals(b)
                            && (!a.equals(b) || a.hashCode() == b.hashCode()),
                    () -> a.iso() + " and " + b.iso() + " compare inconsistently");
        }
        violations.assertNone();
    }

    @Test
    void monthIndexCountsConsecutiveMonths() {
        Violations violations = new Violations();
        int expected = MonthIndex.of(YearMonth.from(FIRST_DAY));

        for (YearMonth ym = YearMonth.from(FIRST_DAY); !ym.isAfter(YearMonth.from(LAST_DAY)); ym = ym.plusMonths(1)) {
            YearMonth month = ym;
            int index = MonthIndex.of(month);
            int wanted = expected++;
            violations.check(index == wanted && MonthIndex.toYearMonth(index).equals(month)
                            && MonthIndex.of(month.atEndOfMonth()) == index,
                    () -> month + " has index " + index + ", expected " + wanted);
        }
        violations.assertNone();
    }

    /** Every ISO string of the type from 1900 to 2100, assembled here from its parts. */
    private static List<String> validIsoStrings(PeriodType type) {
        List<String> isos = new ArrayList<>();
        for (int year = 1900; year <= 2100; year++) {
            switch (type) {
                case DAILY -> {
                    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                        isos.add(String.format(Locale.ROOT, "%04d%02d%02d", year, d.getMonthValue(), d.getDayOfMonth()));
                    }
                }
                case WEEKLY, WEEKLY_WEDNESDAY, WEEKLY_THURSDAY, WEEKLY_SATURDAY, WEEKLY_SUNDAY -> {
                    for (int w = 1; w <= weeksIn(year, WEEK_STARTS.get(type)); w++) {
                        isos.add(year + WEEK_MARKERS.get(type) + w);
                    }
                }
                case BI_WEEKLY -> {
                    for (int n = 1; n <= (weeksIn(year, DayOfWeek.MONDAY) + 1) / 2; n++) {
                        isos.add(year + "BiW" + n);
                    }
                }
                case MONTHLY -> addNumbered(isos, year, 12, "", "%02d");
                case BI_MONTHLY -> addNumbered(isos, year, 6, "", "%02dB");
                case QUARTERLY -> addNumbered(isos, year, 4, "Q", "%d");
                case SIX_MONTHLY -> addNumbered(isos, year, 2, "S", "%d");
                case SIX_MONTHLY_APRIL -> addNumbered(isos, year, 2, "AprilS", "%d");
                case SIX_MONTHLY_NOV -> addNumbered(isos, year, 2, "NovS", "%d");
                case YEARLY -> isos.add(Integer.toString(year));
                case FINANCIAL_APRIL -> isos.add(year + "April");
                case FINANCIAL_JULY -> isos.add(year + "July");
                case FINANCIAL_OCT -> isos.add(year + "Oct");
                case FINANCIAL_NOV -> isos.add(year + "Nov");
                default -> throw new AssertionError("no ISO strings for " + type);
            }
        }
        return isos;
    }

    private static void addNumbered(List<String> isos, int year, int count, String prefix, String numberFormat) {
        for (int n = 1; n <= count; n++) {
            isos.add(year + prefix + String.format(Locale.ROOT, numberFormat, n));
        }
    }

    /** Weeks in the week-based year per java.time; mid-year always lies inside that year. */
    private static int weeksIn(int year, DayOfWeek firstDay) {
        return (int) LocalDate.of(year, 7, 1).range(WeekFields.of(firstDay, 4).weekOfWeekBasedYear()).getMaximum();
    }

    private static LocalDate randomDay(Random random) {
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        // One draw in four lands within a week of New Year, where week numbering is subtle.
        if (random.nextInt(4) == 0) {
            return LocalDate.of(1901 + random.nextInt(199), 1, 1).plusDays(random.nextInt(15) - 7);
        }
        return FIRST_DAY.plusDays((long) (random.nextDouble() * span));
    }

    private static Reason rejectionReason(String iso) {
        try {
            Period.parse(iso);
            return null;
        } catch (PeriodFormatException e) {
            return e.reason();
        }
    }
}
