package org.santeatlas.quality.consistency;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Internal consistency between related data elements (WHO Data Quality Review toolkit 2017, Module 1,
 * metric 2d), for each configured {@link IndicatorPair} A / B:
 * <ul>
 * <li>{@code internal-consistency}: each district's ratio A / B over the range's last year against the
 *     country's, flagged when it differs by more than {@code internalConsistency} (±10 %);</li>
 * <li>{@code impossible-relation}: a facility where A &gt; B in a month (malaria confirmed &gt; tested) or
 *     over a calendar year (Penta3 &gt; Penta1), for pairs marked {@code atMost}.</li>
 * </ul>
 * Values are summed over category option combos.
 */
public final class InternalConsistencyCheck implements SeriesCheck {

    public static final String ID = "internal-consistency";
    public static final String IMPOSSIBLE = "impossible-relation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.INTERNAL_CONSISTENCY;
    }

    @Override
    public List<String> findingChecks() {
        return List.of(ID, IMPOSSIBLE);
    }

    @Override
    public Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException {
        WorkspaceMetadata md = context.metadata();
        QualityParameters p = context.parameters();
        List<IndicatorPair> pairs = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (IndicatorPair pair : p.indicatorPairs()) {
            var a = md.dataElementByCode(pair.numeratorCode());
            var b = md.dataElementByCode(pair.denominatorCode());
            if (a.isPresent() && b.isPresent()) {
                pairs.add(pair);
                ids.add(new int[] {a.get(), b.get()});
            }
        }
        int first = md.firstMonth();
        int span = md.lastMonth() - first + 1;
        int currentYear = MonthIndex.toYearMonth(md.lastMonth()).getYear();
        return new Pass() {
            /** (pair, org unit) → A's monthly totals then B's, 2 × span. */
            final Map<Long, double[]> sums = new HashMap<>();

            @Override
            public void accept(MonthlySeries s) {
                for (int k = 0; k < pairs.size(); k++) {
                    int[] ab = ids.get(k);
                    int side = s.dataElementId() == ab[0] ? 0 : s.dataElementId() == ab[1] ? 1 : -1;
                    if (side < 0) {
                        continue;
                    }
                    double[] v = sums.computeIfAbsent(((long) k << 32) | s.orgUnitId(), x -> new double[2 * span]);
                    for (int i = 0; i < s.size(); i++) {
                        v[side * span + s.month(i) - first] += s.value(i);
                    }
                }
            }

            @Override
            public void finish() {
                Map<Long, double[]> sorted = new TreeMap<>(sums);
                for (int k = 0; k < pairs.size(); k++) {
                    IndicatorPair pair = pairs.get(k);
                    int[] ab = ids.get(k);
                    // district (0 = country) → {A, B} over the current year
                    Map<Integer, double[]> districts = new TreeMap<>();
                    for (var e : sorted.entrySet()) {
                        if ((int) (e.getKey() >>> 32) != k) {
                            continue;
                        }
                        int ou = (int) (long) e.getKey();
                        double[] v = e.getValue();
                        int district = md.ancestorAt(ou, p.districtLevel());
                        double[] d = districts.computeIfAbsent(district, x -> new double[2]);
                        double[] c = districts.computeIfAbsent(0, x -> new double[2]);
                        for (int r = 0; r < span; r++) {
                            if (MonthIndex.toYearMonth(first + r).getYear() == currentYear) {
                                d[0] += v[r];
                                d[1] += v[span + r];
                                c[0] += v[r];
                                c[1] += v[span + r];
                            }
                        }
                        if (pair.atMost()) {
                            impossible(pair, ab, ou, v);
                        }
                    }
                    if (pair.compareRatio()) {
                        ratios(pair, ab, districts);
                    }
                }
            }

            private void impossible(IndicatorPair pair, int[] ab, int ou, double[] v) {
                if (pair.window() == IndicatorPair.Window.MONTH) {
                    for (int r = 0; r < span; r++) {
                        if (v[r] > v[span + r]) {
                            report(pair, ab, ou, WorkspaceMetadata.monthIso(first + r), v[r], v[span + r]);
                        }
                    }
                } else {
                    int r = 0;
                    while (r < span) {
                        int year = MonthIndex.toYearMonth(first + r).getYear();
                        double a = 0;
                        double b = 0;
                        for (; r < span && MonthIndex.toYearMonth(first + r).getYear() == year; r++) {
                            a += v[r];
                            b += v[span + r];
                        }
                        if (a > b) {
                            report(pair, ab, ou, String.valueOf(year), a, b);
                        }
                    }
                }
            }

            private void report(IndicatorPair pair, int[] ab, int ou, String period, double a, double b) {
                findings.accept(Findings.of(IMPOSSIBLE, Dimension.INTERNAL_CONSISTENCY, Severity.HIGH,
                        md.orgUnitUid(ou), md.dataElementUid(ab[0]), null, period, number(a), "≤ " + number(b),
                        a - b, pair.name() + ": A ≤ B", "consistency.impossible", md.orgUnitName(ou),
                        md.dataElementName(ab[0]), a, md.dataElementName(ab[1]), b, period));
            }

            private void ratios(IndicatorPair pair, int[] ab, Map<Integer, double[]> districts) {
                double[] c = districts.get(0);
                if (c == null || c[1] <= 0 || c[0] <= 0) {
                    return;
                }
                double national = c[0] / c[1];
                for (var e : districts.entrySet()) {
                    int district = e.getKey();
                    double[] d = e.getValue();
                    if (district == 0 || d[1] <= 0) {
                        continue;
                    }
                    double ratio = d[0] / d[1];
                    double gap = ratio / national - 1;
                    boolean flagged = Math.abs(gap) > p.internalConsistency();
                    context.tallies().add(district, Dimension.INTERNAL_CONSISTENCY, flagged ? 0 : 1, 1);
                    if (flagged) {
                        findings.accept(Findings.of(ID, Dimension.INTERNAL_CONSISTENCY,
                                Math.abs(gap) > 3 * p.internalConsistency() ? Severity.HIGH : Severity.MEDIUM,
                                md.orgUnitUid(district), md.dataElementUid(ab[0]), null, String.valueOf(currentYear),
                                String.format(Locale.ROOT, "%.3f", ratio),
                                String.format(Locale.ROOT, "%.3f–%.3f", national * (1 - p.internalConsistency()),
                                        national * (1 + p.internalConsistency())),
                                Math.abs(gap), pair.name() + " district ratio against the national ratio",
                                "consistency.ratio", md.orgUnitName(district), pair.name(), String.valueOf(currentYear),
                                ratio, national, gap, p.internalConsistency()));
                    }
                }
            }
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
