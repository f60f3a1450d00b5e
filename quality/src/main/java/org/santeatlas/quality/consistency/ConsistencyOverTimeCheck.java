package org.santeatlas.quality.consistency;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.santeatlas.core.period.MonthIndex;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Findings;
import org.santeatlas.quality.MonthlySeries;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.SeriesCheck;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.WorkspaceMetadata;

/**
 * Consistency over time (WHO Data Quality Review toolkit 2017, Module 1, metric 2c): per district and data
 * element, the current year's total against the mean of up to three preceding years (or, for a data element
 * marked as trending, against the value a least-squares line through those years forecasts), as a ratio;
 * the district's ratio is compared with the country's, and flagged when it differs by more than
 * {@code consistencyOverTime} (±33 %).
 *
 * <p>The current year is the range's last year. When it is incomplete (a range ending in June), every
 * year is summed over the same calendar months, so that like is compared with like. A preceding year
 * counts when the range covers those months of it.
 */
public final class ConsistencyOverTimeCheck implements SeriesCheck {

    public static final String ID = "consistency-over-time";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.CONSISTENCY_OVER_TIME;
    }

    /** The reference of a current-year total: the mean of the earlier years, or a linear forecast. */
    static double reference(double[] earlier, int[] years, int n, int currentYear, boolean trending) {
        if (n == 0) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += years[i];
            my += earlier[i];
        }
        mx /= n;
        my /= n;
        if (!trending || n < 2) {
            return my;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (years[i] - mx) * (earlier[i] - my);
            sxx += (years[i] - mx) * (years[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return my + slope * (currentYear - mx);
    }

    @Override
    public Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException {
        WorkspaceMetadata md = context.metadata();
        QualityParameters p = context.parameters();
        int last = md.lastMonth();
        int currentYear = MonthIndex.toYearMonth(last).getYear();
        int firstOfCurrent = Math.max(md.firstMonth(), MonthIndex.of(java.time.YearMonth.of(currentYear, 1)));
        int calLo = Math.floorMod(firstOfCurrent, 12);
        int calHi = Math.floorMod(last, 12);
        int years = Math.max(0, p.consistencyYears());
        // Earlier years whose window [calLo, calHi] lies inside the range.
        int oldest = currentYear;
        for (int y = currentYear - 1; y >= currentYear - years; y--) {
            int windowStart = MonthIndex.of(java.time.YearMonth.of(y, calLo + 1));
            if (windowStart < md.firstMonth()) {
                break;
            }
            oldest = y;
        }
        final int firstYear = oldest;
        final int yearCount = currentYear - firstYear + 1;
        Set<String> trending = new HashSet<>(p.trendingCodes());
        return new Pass() {
            /** (data element, district) → totals per year, index 0 = firstYear; district 0 = country. */
            final Map<Long, double[]> totals = new HashMap<>();

            @Override
            public void accept(MonthlySeries s) {
                if (yearCount < 2) {
                    return;
                }
                int district = md.ancestorAt(s.orgUnitId(), p.districtLevel());
                if (district <= 0) {
                    return;
                }
                double[] d = totals.computeIfAbsent(((long) s.dataElementId() << 32) | district,
                        k -> new double[yearCount]);
                double[] c = totals.computeIfAbsent((long) s.dataElementId() << 32, k -> new double[yearCount]);
                for (int i = 0; i < s.size(); i++) {
                    int m = s.month(i);
                    int cal = Math.floorMod(m, 12);
                    int y = Math.floorDiv(m, 12) + 1970 - firstYear;
                    if (cal < calLo || cal > calHi || y < 0 || y >= yearCount) {
                        continue;
                    }
                    d[y] += s.value(i);
                    c[y] += s.value(i);
                }
            }

            @Override
            public void finish() {
                if (yearCount < 2) {
                    return;
                }
                int[] ys = new int[yearCount - 1];
                for (int i = 0; i < ys.length; i++) {
                    ys[i] = firstYear + i;
                }
                Map<Long, double[]> sorted = new TreeMap<>(totals);
                for (var e : sorted.entrySet()) {
                    int district = (int) (long) e.getKey();
                    if (district == 0) {
                        continue;
                    }
                    int de = (int) (e.getKey() >>> 32);
                    double[] national = totals.get((long) de << 32);
                    boolean trend = md.dataElementCode(de) != null && trending.contains(md.dataElementCode(de));
                    double ratio = ratio(e.getValue(), ys, trend);
                    double nationalRatio = ratio(national, ys, trend);
                    if (!Double.isFinite(ratio) || !Double.isFinite(nationalRatio) || nationalRatio <= 0) {
                        continue;
                    }
                    double gap = ratio / nationalRatio - 1;
                    boolean flagged = Math.abs(gap) > p.consistencyOverTime();
                    context.tallies().add(district, Dimension.CONSISTENCY_OVER_TIME, flagged ? 0 : 1, 1);
                    if (flagged) {
                        double[] t = e.getValue();
                        findings.accept(Findings.of(ID, Dimension.CONSISTENCY_OVER_TIME,
                                Math.abs(gap) > 2 * p.consistencyOverTime() ? Severity.HIGH : Severity.MEDIUM,
                                md.orgUnitUid(district), md.dataElementUid(de), null, String.valueOf(currentYear),
                                String.format(Locale.ROOT, "%.2f", ratio),
                                String.format(Locale.ROOT, "%.2f–%.2f", nationalRatio * (1 - p.consistencyOverTime()),
                                        nationalRatio * (1 + p.consistencyOverTime())),
                                Math.abs(gap), (trend ? "current year / linear forecast of " : "current year / mean of ")
                                        + ys.length + " earlier year(s), against the national ratio",
                                trend ? "consistency.overTime.trend" : "consistency.overTime",
                                md.orgUnitName(district), md.dataElementName(de), String.valueOf(currentYear),
                                t[yearCount - 1], reference(t, ys, ys.length, currentYear, trend), ratio,
                                nationalRatio, ys.length, p.consistencyOverTime()));
                    }
                }
            }

            private double ratio(double[] t, int[] ys, boolean trend) {
                double ref = reference(t, ys, ys.length, currentYear, trend);
                return ref > 0 ? t[yearCount - 1] / ref : Double.NaN;
            }
        };
    }

}
