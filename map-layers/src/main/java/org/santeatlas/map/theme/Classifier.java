package org.santeatlas.map.theme;

import java.util.Arrays;

/**
 * Computes class limits from values (NaN, "no data", ignored) by equal intervals, quantiles, Jenks
 * natural breaks, pretty breaks, standard deviations or logarithmic intervals, for 3 to 9 classes (the range ColorBrewer's palettes cover; fewer when there are fewer
 * distinct values). Plain functions, any thread.
 */
public final class Classifier {

    public static final int MIN_CLASSES = 3;
    public static final int MAX_CLASSES = 9;

    private Classifier() {
    }

    /**
     * Class limits of the finite values. With a single distinct value there is one class; with fewer
     * distinct values than classes asked, one class per distinct value (for quantiles and Jenks).
     *
     * @throws IllegalArgumentException when {@code classes} is outside 3..9 or no value is finite
     */
    public static Classification classify(double[] values, ClassificationMethod method, int classes) {
        if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be within " + MIN_CLASSES + ".." + MAX_CLASSES + ": " + classes);
        }
        double[] x = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (x.length == 0) {
            throw new IllegalArgumentException("no value to classify");
        }
        double min = x[0];
        double max = x[x.length - 1];
        if (min == max) {
            return new Classification(method, new double[] {min, max});
        }
        return switch (method) {
            case EQUAL_INTERVALS -> equalIntervals(min, max, classes);
            case QUANTILES -> quantiles(x, classes);
            case JENKS -> jenks(x, classes);
            case PRETTY -> pretty(min, max, classes);
            case STANDARD_DEVIATION -> standardDeviations(x, classes);
            case LOGARITHMIC -> logarithmic(x, classes);
            case LEGEND_SET -> throw new IllegalArgumentException("a legend set's classes come from the legend set");
        };
    }

    /** Logarithmic classes were asked for values that are not all positive. */
    public static final class NonPositiveValuesException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int count;
        private final double min;

        NonPositiveValuesException(int count, double min) {
            super(count + " value(s) are zero or negative (smallest " + min + "): logarithmic classes need positive values");
            this.count = count;
            this.min = min;
        }

        /** How many of the values are zero or negative. */
        public int count() {
            return count;
        }

        public double min() {
            return min;
        }
    }

    /**
     * Round limits: the step is 1, 2 or 5 × 10ⁿ, the smallest of those giving at most {@code k} classes from
     * ⌊min / step⌋·step to ⌈max / step⌉·step — so the first and last limits may lie beyond the data, and there
     * may be fewer classes than asked (never more). A legend of "0 – 50, 50 – 100" reads at a glance.
     */
    static Classification pretty(double min, double max, int k) {
        double raw = (max - min) / k;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 0;
        int n = 0;
        double lo = 0;
        for (double m : new double[] {1, 2, 5, 10, 20}) {
            step = m * magnitude;
            lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            n = (int) Math.round((hi - lo) / step);
            if (n <= k) {
                break;
            }
        }
        n = Math.max(1, n);
        double[] limits = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            // Rounded to the step's decimals: 0.1 + 0.2 must print as 0.3.
            limits[i] = roundTo(lo + i * step, step);
        }
        return new Classification(ClassificationMethod.PRETTY, limits);
    }

    private static double roundTo(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)) + 1);
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Classes one (population) standard deviation wide: with an odd k the middle class is mean ± ½ sd,
     * with an even k the mean is a limit. Limits beyond the data are dropped, so the outer classes run to the
     * minimum and maximum and there may be fewer classes than asked.
     */
    static Classification standardDeviations(double[] sorted, int k) {
        double mean = Arrays.stream(sorted).average().orElse(0);
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / sorted.length);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double[] limits = new double[k + 1];
        int m = 0;
        limits[m++] = min;
        for (int i = 1; i < k; i++) {
            double b = mean + (i - k / 2.0) * sd;
            if (b > min && b < max) {
                limits[m++] = b;
            }
        }
        limits[m++] = max;
        return new Classification(ClassificationMethod.STANDARD_DEVIATION, Arrays.copyOf(limits, m));
    }

    /**
     * Equal intervals of log₁₀ between the minimum and the maximum.
     *
     * @throws NonPositiveValuesException when a value is zero or negative (log undefined): the caller says so
     */
    static Classification logarithmic(double[] sorted, int k) {
        int nonPositive = 0;
        for (double v : sorted) {
            if (v <= 0) {
                nonPositive++;
            }
        }
        if (nonPositive > 0) {
            throw new NonPositiveValuesException(nonPositive, sorted[0]);
        }
        double lo = Math.log10(sorted[0]);
        double hi = Math.log10(sorted[sorted.length - 1]);
        double[] limits = new double[k + 1];
        limits[0] = sorted[0];
        for (int i = 1; i < k; i++) {
            limits[i] = Math.pow(10, lo + (hi - lo) * i / k);
        }
        limits[k] = sorted[sorted.length - 1];
        return new Classification(ClassificationMethod.LOGARITHMIC, limits);
    }

    static Classification equalIntervals(double min, double max, int k) {
        double[] limits = new double[k + 1];
        for (int i = 0; i < k; i++) {
            limits[i] = min + (max - min) * i / k;
        }
        limits[k] = max;
        return new Classification(ClassificationMethod.EQUAL_INTERVALS, limits);
    }

    /**
     * Lower limit of class i = the sorted value at rank ⌊i·n/k⌋, so that each class starts at a real value
     * and holds ⌊n/k⌋ or ⌈n/k⌉ of them when the values are distinct. Ties never split: limits that repeat
     * are merged.
     */
    static Classification quantiles(double[] sorted, int k) {
        int n = sorted.length;
        double[] limits = new double[k + 1];
        int m = 0;
        for (int i = 0; i < k; i++) {
            double v = sorted[(int) Math.floor((double) i * n / k)];
            if (m == 0 || v > limits[m - 1]) {
                limits[m++] = v;
            }
        }
        limits[m++] = sorted[n - 1];
        return new Classification(ClassificationMethod.QUANTILES, Arrays.copyOf(limits, m));
    }

    /**
     * Fisher's exact optimal partition of sorted values into k contiguous classes minimising the sum of
     * squared deviations from the class means ("Jenks natural breaks"), by dynamic programming over prefix
     * sums: O(k·n²) time, O(k·n) memory — 36 million steps for 2,000 areas and 9 classes. Each class's
     * lower limit is its smallest value.
     */
    static Classification jenks(double[] sorted, int k) {
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        k = Math.min(k, distinct);
        int n = sorted.length;
        double[] s1 = new double[n + 1];
        double[] s2 = new double[n + 1];
        // Centred on the mean: prefix sums of squares keep their precision for large counts.
        double mean = Arrays.stream(sorted).average().orElse(0);
        for (int i = 0; i < n; i++) {
            double d = sorted[i] - mean;
            s1[i + 1] = s1[i] + d;
            s2[i + 1] = s2[i] + d * d;
        }
        // cost[c][j]: least squared deviation of the first j values in c + 1 classes; start[c][j]: where the
        // last of those classes begins.
        double[][] cost = new double[k][n + 1];
        int[][] start = new int[k][n + 1];
        for (int j = 1; j <= n; j++) {
            cost[0][j] = ssd(s1, s2, 0, j);
        }
        for (int c = 1; c < k; c++) {
            for (int j = c + 1; j <= n; j++) {
                double best = Double.POSITIVE_INFINITY;
                int bestStart = c;
                for (int i = c; i < j; i++) {
                    // Classes must not split equal values: start a class only where the value changes.
                    if (sorted[i] == sorted[i - 1]) {
                        continue;
                    }
                    double v = cost[c - 1][i] + ssd(s1, s2, i, j);
                    if (v < best) {
                        best = v;
                        bestStart = i;
                    }
                }
                cost[c][j] = best;
                start[c][j] = bestStart;
            }
        }
        double[] limits = new double[k + 1];
        int end = n;
        for (int c = k - 1; c >= 1; c--) {
            int s = start[c][end];
            limits[c] = sorted[s];
            end = s;
        }
        limits[0] = sorted[0];
        limits[k] = sorted[n - 1];
        return new Classification(ClassificationMethod.JENKS, limits);
    }

    /** Sum of squared deviations of values [from, to) from their mean, from prefix sums. */
    private static double ssd(double[] s1, double[] s2, int from, int to) {
        double sum = s1[to] - s1[from];
        double sumSq = s2[to] - s2[from];
        return Math.max(0, sumSq - sum * sum / (to - from));
    }
}
