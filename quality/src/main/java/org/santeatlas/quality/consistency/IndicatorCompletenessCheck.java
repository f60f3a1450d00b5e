package org.santeatlas.quality.consistency;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.santeatlas.quality.Decimals;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Findings;
import org.santeatlas.quality.MonthlySeries;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Registrations;
import org.santeatlas.quality.SeriesCheck;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.WorkspaceMetadata;

/**
 * Completeness of indicator data (WHO Data Quality Review toolkit 2017, Module 1, metric 1c): per data
 * element and district, the share of expected facility-months that hold a value, and the share of values
 * that are zero; flagged below {@code indicatorCompletenessThreshold} (90 %).
 *
 * <p>Expected facility-months of a data element: the months a facility sent a report (a completed
 * registration) for a data set that holds the element, for the facilities that reported the element at
 * least once in the range (a facility that never does probably does not offer the service: a case de santé
 * does no deliveries). A data element in no registered data set is judged on its own values (100 %).
 * A month without a value may be a true zero that DHIS2 did not store (data elements whose zeros are not
 * significant): the message says so.
 *
 * <p>Zero values (same metric 1c, which counts zero values beside missing ones): a district × data element whose
 * share of zero values exceeds {@code indicatorZeroShareThreshold} (10 %) is flagged ({@value #ZEROS}, low
 * severity: a zero may be true) — unless zeros are the norm for that data element in the other districts
 * together (their share above the threshold too: a rare event such as a maternal death is zero most months
 * everywhere). The finding gives the share, the count and the other districts' share.
 *
 * <p>Gaps: months missing inside each series (between its first and last value) are counted too, per
 * data element and district ({@code series-gaps}, informative).
 */
public final class IndicatorCompletenessCheck implements SeriesCheck {

    public static final String ID = "indicator-completeness";
    public static final String GAPS = "series-gaps";
    public static final String ZEROS = "indicator-zero-values";

    /** The metric of one data element in one district. */
    public record Row(int dataElementId, int districtId, long expected, long present, long values, long zeros,
                      long series, long gaps) {
        public double completeness() {
            return expected == 0 ? Double.NaN : (double) present / expected;
        }

        public double zeroShare() {
            return values == 0 ? Double.NaN : (double) zeros / values;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.INDICATOR_COMPLETENESS;
    }

    @Override
    public List<String> findingChecks() {
        return List.of(ID, GAPS, ZEROS);
    }

    /** The metric table of the last run, by data element then district. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The months (relative to the first) a facility reported a data set for, cached by (data set, org unit). */
    private static BitSet reportedMonths(Registrations reg, int ds, int ou, int span, int[] periodOfMonth,
                                         Map<Long, BitSet> cache) {
        return cache.computeIfAbsent(((long) ds << 32) | ou, k -> {
            BitSet b = new BitSet(span);
            for (int r = 0; r < span; r++) {
                if (periodOfMonth[r] >= 0 && reg.received(ds, ou, periodOfMonth[r])) {
                    b.set(r);
                }
            }
            return b;
        });
    }

    @Override
    public Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException {
        rows.clear();
        return new Pass() {
            final WorkspaceMetadata md = context.metadata();
            final QualityParameters p = context.parameters();
            final int first = md.firstMonth();
            /** (data element, org unit) → months with a value, relative to the first month. */
            final Map<Long, BitSet> months = new HashMap<>();
            /** (data element, district) → {values, zeros, series, gaps}. */
            final Map<Long, long[]> counts = new HashMap<>();

            @Override
            public void accept(MonthlySeries s) {
                long key = ((long) s.dataElementId() << 32) | s.orgUnitId();
                BitSet b = months.computeIfAbsent(key, k -> new BitSet());
                int zeros = 0;
                for (int i = 0; i < s.size(); i++) {
                    b.set(s.month(i) - first);
                    zeros += s.value(i) == 0 ? 1 : 0;
                }
                int district = md.ancestorAt(s.orgUnitId(), p.districtLevel());
                long[] c = counts.computeIfAbsent(((long) s.dataElementId() << 32) | district, k -> new long[4]);
                c[0] += s.size();
                c[1] += zeros;
                c[2]++;
                c[3] += s.month(s.size() - 1) - s.month(0) + 1 - s.size();
            }

            @Override
            public void finish() throws SQLException {
                Registrations reg = context.registrations();
                int span = md.lastMonth() - first + 1;
                int[] periodOfMonth = new int[span];
                for (int r = 0; r < span; r++) {
                    periodOfMonth[r] = md.periodId(WorkspaceMetadata.monthIso(first + r)).orElse(-1);
                }
                Map<Integer, List<Integer>> dataSetsOf = new HashMap<>();
                for (WorkspaceMetadata.DataSet ds : md.dataSets()) {
                    if (ds.periodType() != org.santeatlas.core.period.PeriodType.MONTHLY || !reg.hasAny(ds.id())) {
                        continue;
                    }
                    for (int de : ds.dataElements()) {
                        dataSetsOf.computeIfAbsent(de, k -> new ArrayList<>()).add(ds.id());
                    }
                }
                // data element → {values, zeros} over every district, to compare a district with the others
                Map<Integer, long[]> country = new HashMap<>();
                for (var e : counts.entrySet()) {
                    long[] t = country.computeIfAbsent((int) (e.getKey() >>> 32), k -> new long[2]);
                    t[0] += e.getValue()[0];
                    t[1] += e.getValue()[1];
                }
                // (data element, district) → {expected, present}
                Map<Long, long[]> cells = new TreeMap<>();
                // (data set, org unit) → months it was reported for, relative to the first month; computed once
                // per facility and data set, not once per data element.
                Map<Long, BitSet> monthsReported = new HashMap<>();
                BitSet reported = new BitSet(span);
                for (var e : months.entrySet()) {
                    int de = (int) (e.getKey() >>> 32);
                    int ou = (int) (long) e.getKey();
                    BitSet have = e.getValue();
                    List<Integer> sets = dataSetsOf.get(de);
                    long expected = 0;
                    long present = 0;
                    if (sets == null) {
                        expected = have.cardinality();
                        present = expected;
                    } else {
                        // Months reported for any data set holding the element: expected; of those, with a value.
                        reported.clear();
                        for (int ds : sets) {
                            reported.or(reportedMonths(reg, ds, ou, span, periodOfMonth, monthsReported));
                        }
                        expected = reported.cardinality();
                        reported.and(have);
                        present = reported.cardinality();
                    }
                    int district = md.ancestorAt(ou, p.districtLevel());
                    long[] c = cells.computeIfAbsent(((long) de << 32) | district, k -> new long[2]);
                    c[0] += expected;
                    c[1] += present;
                }
                for (var e : cells.entrySet()) {
                    int de = (int) (e.getKey() >>> 32);
                    int district = (int) (long) e.getKey();
                    long[] c = e.getValue();
                    long[] v = counts.getOrDefault(e.getKey(), new long[4]);
                    Row row = new Row(de, district, c[0], c[1], v[0], v[1], v[2], v[3]);
                    rows.add(row);
                    if (district <= 0 || c[0] == 0) {
                        continue;
                    }
                    context.tallies().add(district, Dimension.INDICATOR_COMPLETENESS, c[1], c[0]);
                    String deName = md.dataElementName(de);
                    String name = md.orgUnitName(district);
                    double share = row.completeness();
                    if (share < p.indicatorCompletenessThreshold()) {
                        findings.accept(Findings.of(ID, Dimension.INDICATOR_COMPLETENESS,
                                share < p.indicatorCompletenessThreshold() - 0.2 ? Severity.HIGH : Severity.MEDIUM,
                                md.orgUnitUid(district), md.dataElementUid(de), null, null,
                                String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share),
                                String.format(java.util.Locale.ROOT, "≥ %.0f %%", 100 * p.indicatorCompletenessThreshold()),
                                p.indicatorCompletenessThreshold() - share, "facility-months with a value / reported",
                                "indicator.completeness", name, deName, share, c[1], c[0],
                                Double.isNaN(row.zeroShare()) ? 0.0 : row.zeroShare(),
                                p.indicatorCompletenessThreshold()));
                    }
                    if (row.gaps() > 0) {
                        findings.accept(Findings.of(GAPS, Dimension.INDICATOR_COMPLETENESS, Severity.LOW,
                                md.orgUnitUid(district), md.dataElementUid(de), null, null,
                                Long.toString(row.gaps()), "0", row.gaps(), "missing months inside series",
                                "indicator.gaps", name, deName, row.gaps(), row.series()));
                    }
                    double zeroShare = row.zeroShare();
                    if (zeroShare > p.indicatorZeroShareThreshold()) {
                        long[] all = country.get(de);
                        long otherValues = all[0] - row.values();
                        double others = otherValues == 0 ? 0 : (double) (all[1] - row.zeros()) / otherValues;
                        if (others <= p.indicatorZeroShareThreshold()) {
                            findings.accept(Findings.of(ZEROS, Dimension.INDICATOR_COMPLETENESS, Severity.LOW,
                                    md.orgUnitUid(district), md.dataElementUid(de), null, null,
                                    Decimals.fixed(100 * zeroShare, 1) + " %",
                                    "≤ " + Decimals.fixed(100 * p.indicatorZeroShareThreshold(), 0) + " %",
                                    zeroShare - p.indicatorZeroShareThreshold(),
                                    "zero values / values (other districts: " + Decimals.fixed(100 * others, 1) + " %)",
                                    "indicator.zeroValues", name, deName, zeroShare, row.zeros(), row.values(),
                                    others, p.indicatorZeroShareThreshold()));
                        }
                    }
                }
            }
        };
    }
}
