package org.santeatlas.reports.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.workspace.WorkspaceSummary;

/**
 * The period a report covers: a year ({@code 2025}), a quarter ({@code 2025Q1}) or a month ({@code 2025-03}
 * or DHIS2's {@code 202503}), inside the range of periods that hold data. Without one, the last year with
 * data.
 */
public final class ReportPeriod {

    private ReportPeriod() {
    }

    /**
     * @throws ReportException {@code report.unknownPeriod} with the closest valid periods, or
     *     {@code report.noData} when the workspace holds no data value
     */
    public static Period resolve(String typed, Optional<WorkspaceSummary.PeriodRange> range) {
        if (range.isEmpty()) {
            throw new ReportException("report.noData", typed == null ? "" : typed, List.of());
        }
        YearMonth first = month(range.get().first());
        YearMonth last = month(range.get().last());
        if (typed == null || typed.isBlank()) {
            return Period.parse(Integer.toString(last.getYear()));
        }
        String iso = typed.strip().toUpperCase(Locale.ROOT);
        if (iso.matches("\\d{4}-\\d{2}")) {
            iso = iso.replace("-", "");
        }
        Optional<Period> p = Period.tryParse(iso);
        if (p.isPresent() && (p.get().type() == PeriodType.YEARLY || p.get().type() == PeriodType.QUARTERLY
                || p.get().type() == PeriodType.MONTHLY)
                && !p.get().endDate().isBefore(first.atDay(1)) && !p.get().startDate().isAfter(last.atEndOfMonth())) {
            return p.get();
        }
        throw new ReportException("report.unknownPeriod", typed, closest(p, iso, first, last));
    }

    /** Every year and quarter with data, the nearest to what was typed first. */
    static List<String> closest(Optional<Period> typed, String iso, YearMonth first, YearMonth last) {
        List<Period> valid = new ArrayList<>();
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            valid.add(Period.parse(Integer.toString(y)));
            for (int q = 1; q <= 4; q++) {
                Period quarter = Period.parse(y + "Q" + q);
                if (!quarter.endDate().isBefore(first.atDay(1)) && !quarter.startDate().isAfter(last.atEndOfMonth())) {
                    valid.add(quarter);
                }
            }
        }
        if (typed.isPresent()) {
            LocalDate at = typed.get().startDate();
            PeriodType type = typed.get().type();
            return valid.stream().sorted(Comparator.comparingInt((Period v) -> v.type() == type ? 0 : 1)
                    .thenComparingLong(v -> Math.abs(ChronoUnit.DAYS.between(at, v.startDate()))))
                    .limit(5).map(Period::iso).toList();
        }
        return Choices.closest(iso, valid.stream().map(Period::iso).toList(), 5);
    }

    /** The months of {@code p}, first to last. */
    public static List<YearMonth> months(Period p) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.startDate()); !m.isAfter(YearMonth.from(p.endDate())); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The DHIS2 monthly id of a month: {@code 202503}. */
    public static String monthIso(YearMonth m) {
        return String.format(Locale.ROOT, "%04d%02d", m.getYear(), m.getMonthValue());
    }

    private static YearMonth month(String iso) {
        Period p = Period.parse(iso);
        return YearMonth.from(p.startDate());
    }
}
