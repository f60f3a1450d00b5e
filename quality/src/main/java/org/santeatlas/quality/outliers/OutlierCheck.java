package org.santeatlas.quality.outliers;

import java.sql.SQLException;
import java.util.function.Consumer;
import org.santeatlas.quality.Decimals;
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
 * Outliers in each facility × data element × category option combo monthly series, by one
 * {@link OutlierMethod}. Only stored values count (DHIS2 stores no zero for a data element whose zeros are
 * not significant, so a month without a value is a gap, not a zero). Series with fewer than
 * {@code outlierMinValues} values are left out. Per series the work is O(n log n).
 *
 * <p>Each finding gives the value, the range within which it would not have been flagged, the method with
 * its statistics, and an explanation for a non-statistician that guesses the likely typing mistake (a
 * value ten times the usual one: an extra digit; the usual number typed twice).
 */
public final class OutlierCheck implements SeriesCheck {

    private final OutlierMethod method;

    public OutlierCheck(OutlierMethod method) {
        this.method = method;
    }

    public OutlierMethod method() {
        return method;
    }

    @Override
    public String id() {
        return method.checkId();
    }

    @Override
    public Dimension dimension() {
        return Dimension.OUTLIERS;
    }

    @Override
    public Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException {
        OutlierPass pass = new OutlierPass(context.metadata(), context, findings);
        if (method == OutlierMethod.MIN_MAX) {
            pass.bounds = MinMaxBounds.load(context.connection());
        }
        return pass;
    }

    /** A score and the centre and scale it came from, for one value. */
    record Scored(double score, double expected, double low, double high, String statistics) {}

    private final class OutlierPass implements Pass {
        private final WorkspaceMetadata md;
        private final QualityContext context;
        private final QualityParameters p;
        private final Consumer<Finding> findings;
        private double[] x = new double[64];
        private double[] work = new double[64];
        private double[] residual = new double[64];
        private double[] expected = new double[64];
        private int[] at = new int[64];
        /** The values of the month before, the month itself and the month after, sorted. */
        private final double[] ref = new double[3];
        /** The seasonal pools of the 12 residues, one after the other (see {@link #seasonal}). */
        private double[] pool = new double[192];
        private final int[] poolStart = new int[12];
        private final int[] poolLength = new int[12];
        private final int[] poolEnd = new int[12];
        private final int[] residueCount = new int[12];
        private int[] residue = new int[64];
        private final boolean dhis2Modified;
        /** The min-max method's bounds (null for the other methods). */
        MinMaxBounds bounds;

        OutlierPass(WorkspaceMetadata md, QualityContext context, Consumer<Finding> findings) {
            this.md = md;
            this.context = context;
            this.p = context.parameters();
            this.findings = findings;
            this.dhis2Modified = "MOD_Z_SCORE".equalsIgnoreCase(p.dhis2OutlierAlgorithm());
        }

        @Override
        public void accept(MonthlySeries s) {
            int n = s.size();
            if (method == OutlierMethod.MIN_MAX) {
                minMax(s, n);
                return;
            }
            if (n < Math.max(2, p.outlierMinValues())) {
                return;
            }
            if (x.length < n) {
                x = new double[n * 2];
                work = new double[n * 2];
                residual = new double[n * 2];
                expected = new double[n * 2];
                residue = new int[n * 2];
            }
            for (int i = 0; i < n; i++) {
                x[i] = s.value(i);
            }
            int flagged = switch (method) {
                case Z_SCORE -> zScore(s, n, p.zScoreExtreme(), p.zScoreModerate(), false);
                case MODIFIED_Z_SCORE -> modified(s, n, p.modifiedZScoreExtreme(), p.modifiedZScoreModerate(), false);
                case DHIS2 -> dhis2Modified
                        ? modified(s, n, p.dhis2OutlierThreshold(), Double.POSITIVE_INFINITY, true)
                        : zScore(s, n, p.dhis2OutlierThreshold(), Double.POSITIVE_INFINITY, true);
                case SEASONAL -> seasonal(s, n);
                case MIN_MAX -> throw new IllegalStateException("min-max is judged per value, above");
            };
            int district = md.ancestorAt(s.orgUnitId(), p.districtLevel());
            if (district > 0) {
                context.tallies().add(district, Dimension.OUTLIERS, n - flagged, n);
            }
        }

        @Override
        public void finish() {
            // every finding is reported series by series
        }

        /** Returns how many values were flagged HIGH. */
        private int zScore(MonthlySeries s, int n, double extreme, double moderate, boolean dhis2) {
            double mean = OutlierStatistics.mean(x, n);
            double sd = OutlierStatistics.populationSd(x, n, mean);
            if (!(sd > 0)) {
                return 0;
            }
            int high = 0;
            for (int i = 0; i < n; i++) {
                double z = (x[i] - mean) / sd;
                Severity sev = grade(Math.abs(z), extreme, moderate);
                if (sev != null) {
                    double band = dhis2 ? extreme : moderate;
                    high += sev == Severity.HIGH ? 1 : 0;
                    report(s, i, sev, Math.abs(z), mean, Math.max(0, mean - band * sd), mean + band * sd,
                            (dhis2 ? "DHIS2 z-score " : "z-score ") + Decimals.fixed(z, 1) + " (mean "
                                    + Decimals.fixed(mean, 1) + ", sd " + Decimals.fixed(sd, 1)
                                    + (dhis2 ? ", threshold " + extreme : "") + ")");
                }
            }
            return high;
        }

        private int modified(MonthlySeries s, int n, double extreme, double moderate, boolean dhis2) {
            double median = OutlierStatistics.median(x, n, work);
            double mad = OutlierStatistics.mad(x, n, median, work);
            double scale;
            if (mad > 0) {
                scale = mad / OutlierStatistics.MAD_FACTOR;
            } else if (dhis2) {
                return 0; // DHIS2 leaves out series whose MAD is 0
            } else {
                scale = OutlierStatistics.MEAN_AD_FACTOR * OutlierStatistics.meanAbsoluteDeviation(x, n, median);
            }
            if (!(scale > 0)) {
                return 0;
            }
            int high = 0;
            for (int i = 0; i < n; i++) {
                double m = (x[i] - median) / scale;
                Severity sev = grade(Math.abs(m), extreme, moderate);
                if (sev != null) {
                    double band = dhis2 ? extreme : moderate;
                    high += sev == Severity.HIGH ? 1 : 0;
                    report(s, i, sev, Math.abs(m), median, Math.max(0, median - band * scale), median + band * scale,
                            (dhis2 ? "DHIS2 modified z-score " : "modified z-score ") + Decimals.fixed(m, 1)
                                    + " (median " + Decimals.fixed(median, 1) + ", "
                                    + (mad > 0 ? "MAD " : "mean absolute deviation ")
                                    + Decimals.fixed(mad > 0 ? mad : scale / OutlierStatistics.MEAN_AD_FACTOR, 2)
                                    + (dhis2 ? ", threshold " + extreme : "") + ")");
                }
            }
            return high;
        }

        /**
         * Expected value of month i: the median of the other years' values of the same calendar month and its
         * two neighbours; then the modified z-score of ln((x + 1) / (expected + 1)) over the series. Log-ratios
         * make a tenfold error the same size in a small and a large facility; +1 keeps small counts finite.
         */
        private int seasonal(MonthlySeries s, int n) {
            int firstMonth = s.month(0);
            int lastMonth = s.month(n - 1);
            int span = lastMonth - firstMonth + 1;
            if (at.length < span) {
                at = new int[Math.max(span, at.length * 2)];
            }
            java.util.Arrays.fill(at, 0, span, -1);
            for (int i = 0; i < n; i++) {
                at[s.month(i) - firstMonth] = i;
            }
            // The reference values of month mi are those of the months mi + 12y + d, y ≠ 0, d ∈ {−1, 0, 1}: every
            // month whose offset from the first one is ≡ mi − 1, mi or mi + 1 (mod 12), except mi − 1, mi, mi + 1
            // themselves. So each of the 12 residues c has one pool, the values at residues c − 1, c, c + 1,
            // sorted once; the median of month mi's references is read off its pool with mi − 1, mi, mi + 1
            // skipped, instead of sorting a fresh copy for every value (same multiset, same median).
            if (pool.length < 3 * n) {
                pool = new double[3 * n];
            }
            java.util.Arrays.fill(residueCount, 0);
            for (int i = 0; i < n; i++) {
                int r = (s.month(i) - firstMonth) % 12;
                residue[i] = r;
                residueCount[r]++;
            }
            int filled = 0;
            for (int c = 0; c < 12; c++) {
                poolStart[c] = filled;
                poolLength[c] = residueCount[(c + 11) % 12] + residueCount[c] + residueCount[(c + 1) % 12];
                poolEnd[c] = filled;
                filled += poolLength[c];
            }
            for (int i = 0; i < n; i++) {
                // value i belongs to the pools of its residue and of the two next to it, in series order
                int r = residue[i];
                pool[poolEnd[(r + 11) % 12]++] = x[i];
                pool[poolEnd[r]++] = x[i];
                pool[poolEnd[(r + 1) % 12]++] = x[i];
            }
            for (int c = 0; c < 12; c++) {
                OutlierStatistics.sortRange(pool, poolStart[c], poolLength[c]);
            }
            int seasonalPoints = 0;
            for (int i = 0; i < n; i++) {
                int mi = s.month(i) - firstMonth;
                int q = 0;
                for (int d = -1; d <= 1; d++) {
                    int m = mi + d;
                    if (m >= 0 && m < span && at[m] >= 0) {
                        ref[q++] = x[at[m]];
                    }
                }
                OutlierStatistics.sort(ref, q);
                int c = mi % 12;
                int k = poolLength[c] - q;
                if (k >= 2) {
                    seasonalPoints++;
                    expected[i] = OutlierStatistics.medianWithout(pool, poolStart[c], poolLength[c], ref, q);
                } else {
                    expected[i] = Double.NaN;
                }
            }
            if (seasonalPoints < n / 2) {
                // Less than two years of data: no seasonal reference; the plain series median stands in.
                double median = OutlierStatistics.median(x, n, work);
                for (int i = 0; i < n; i++) {
                    expected[i] = median;
                }
            } else {
                double median = OutlierStatistics.median(x, n, work);
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(expected[i])) {
                        expected[i] = median;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                residual[i] = Math.log((x[i] + 1) / (expected[i] + 1));
            }
            double centre = OutlierStatistics.median(residual, n, work);
            double scale = OutlierStatistics.robustScale(residual, n, centre, work);
            if (!(scale > 0)) {
                return 0;
            }
            int high = 0;
            double band = p.seasonalModerate() * scale;
            for (int i = 0; i < n; i++) {
                double m = (residual[i] - centre) / scale;
                Severity sev = grade(Math.abs(m), p.seasonalExtreme(), p.seasonalModerate());
                if (sev == Severity.HIGH && !material(x[i], expected[i])) {
                    sev = Severity.MEDIUM;
                }
                if (sev != null) {
                    high += sev == Severity.HIGH ? 1 : 0;
                    double e = expected[i];
                    double low = Math.max(0, (e + 1) * Math.exp(centre - band) - 1);
                    double up = (e + 1) * Math.exp(centre + band) - 1;
                    report(s, i, sev, Math.abs(m), e, low, up, "seasonal modified z-score " + Decimals.fixed(m, 1)
                            + " (same months of other years: median " + Decimals.fixed(e, 1) + ")");
                }
            }
            return high;
        }

        /**
         * Each value against the DHIS2 min-max bounds of its org unit, data element and option combo: below the
         * minimum or above the maximum is flagged, high severity when the bounds were set by hand, medium when
         * DHIS2 generated them (statistical bounds are a guess, hand-set ones a programme's rule). Every value
         * of a series with bounds counts in the outlier tallies; series without bounds are not judged. Score:
         * the distance beyond the bound in widths of the range (at least 1).
         */
        private void minMax(MonthlySeries s, int n) {
            MinMaxBounds.Bound b = bounds.of(s.orgUnitId(), s.dataElementId(), s.categoryOptionComboId());
            if (b == null || n == 0) {
                return;
            }
            int flagged = 0;
            double width = Math.max(1, b.max() - b.min());
            for (int i = 0; i < n; i++) {
                double v = s.value(i);
                boolean above = v > b.max();
                if (!above && !(v < b.min())) {
                    continue;
                }
                flagged++;
                String period = WorkspaceMetadata.monthIso(s.month(i));
                String de = md.dataElementName(s.dataElementId());
                String coc = md.categoryOptionComboName(s.categoryOptionComboId());
                String what = coc == null || "default".equals(coc) ? de : de + " (" + coc + ")";
                double score = (above ? v - b.max() : b.min() - v) / width;
                findings.accept(Findings.of(method.checkId(), Dimension.OUTLIERS,
                        b.generated() ? Severity.MEDIUM : Severity.HIGH, md.orgUnitUid(s.orgUnitId()),
                        md.dataElementUid(s.dataElementId()), md.categoryOptionComboUid(s.categoryOptionComboId()),
                        period, number(v), number(b.min()) + "–" + number(b.max()), score, method.label(),
                        above ? "outlier.minMax.high" : "outlier.minMax.low", v, what,
                        md.orgUnitName(s.orgUnitId()), period, b.min(), b.max(), b.generated() ? 1 : 0));
            }
            int district = md.ancestorAt(s.orgUnitId(), p.districtLevel());
            if (district > 0) {
                context.tallies().add(district, Dimension.OUTLIERS, n - flagged, n);
            }
        }

        /**
         * Whether a value far from the expected one in the robust score is also far in size: at least
         * {@code outlierHighRatio} times above or below it, and beyond {@code seasonalExtreme} Poisson standard
         * deviations (√expected, at least 1), the chance spread of a count.
         */
        private boolean material(double v, double e) {
            double fold = Math.max((v + 1) / (e + 1), (e + 1) / (v + 1));
            double poisson = Math.abs(v - e) / Math.sqrt(Math.max(1, e));
            return fold >= p.outlierHighRatio() && poisson >= p.seasonalExtreme();
        }

        private Severity grade(double score, double extreme, double moderate) {
            return score >= extreme ? Severity.HIGH : score >= moderate ? Severity.MEDIUM : null;
        }

        private void report(MonthlySeries s, int i, Severity severity, double score, double typical, double low,
                            double high, String statistics) {
            double v = x[i];
            String period = WorkspaceMetadata.monthIso(s.month(i));
            String key;
            Object[] args;
            String de = md.dataElementName(s.dataElementId());
            String coc = md.categoryOptionComboName(s.categoryOptionComboId());
            String what = coc == null || "default".equals(coc) ? de : de + " (" + coc + ")";
            String facility = md.orgUnitName(s.orgUnitId());
            double ratio = typical > 0 ? v / typical : Double.POSITIVE_INFINITY;
            String cause = Explanations.cause(v, typical);
            if (v >= typical) {
                key = "outlier.high." + cause;
                args = new Object[] {v, round(typical), ratio, what, facility, period, round(low), round(high)};
            } else {
                key = "outlier.low." + cause;
                args = new Object[] {v, round(typical), typical > 0 ? v / typical : 0.0, what, facility, period,
                    round(low), round(high)};
            }
            if (!Double.isFinite(ratio)) {
                args[2] = 0.0;
                key = "outlier.high.noTypical";
            }
            findings.accept(Findings.of(method.checkId(), Dimension.OUTLIERS, severity,
                    md.orgUnitUid(s.orgUnitId()), md.dataElementUid(s.dataElementId()),
                    md.categoryOptionComboUid(s.categoryOptionComboId()), period, number(v),
                    number(round(low)) + "–" + number(round(high)), score, statistics, key, args));
        }
    }

    static double round(double v) {
        return v >= 10 ? Math.rint(v) : Math.rint(v * 10) / 10;
    }

    /** A count as DHIS2 writes it: no decimals when whole. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Decimals.fixed(v, 1);
    }
}
