package org.santeatlas.quality.outliers;

import java.util.Arrays;

/**
 * The statistics of the outlier methods, on plain arrays (no allocation beyond one sorted copy).
 * Sources:
 * <ul>
 * <li>z-score: (x − mean) / standard deviation, the population standard deviation as DHIS2's outlier
 *     detection computes it ({@code stddev_pop}); WHO Data Quality Tool: extreme |z| ≥ 3, moderate ≥ 2;</li>
 * <li>modified z-score (Iglewicz and Hoaglin 1993, used by the WHO Data Quality Tool and DHIS2's
 *     {@code MOD_Z_SCORE}): 0.6745 · (x − median) / MAD, MAD the median absolute deviation from the median;
 *     when MAD = 0 (more than half the values equal) the usual fallback divides by 1.253314 · mean absolute
 *     deviation instead (1.253314 = √(π/2) makes it a standard-deviation estimate for normal data); when
 *     that is 0 too every value equals the median and no score is defined (0).</li>
 * </ul>
 */
public final class OutlierStatistics {

    /** 0.6745: the 0.75 quantile of the standard normal, so that MAD / 0.6745 estimates σ. */
    public static final double MAD_FACTOR = 0.6745;
    /** √(π/2): makes the mean absolute deviation estimate σ for normal data (the MAD = 0 fallback). */
    public static final double MEAN_AD_FACTOR = 1.253314;

    private OutlierStatistics() {
    }

    public static double mean(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Population standard deviation (divides by n, as SQL's {@code stddev_pop}). */
    public static double populationSd(double[] x, int n, double mean) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            s += d * d;
        }
        return n == 0 ? Double.NaN : Math.sqrt(s / n);
    }

    /** Median of the first n values (sorts a copy into {@code work}). */
    public static double median(double[] x, int n, double[] work) {
        if (n == 0) {
            return Double.NaN;
        }
        System.arraycopy(x, 0, work, 0, n);
        sort(work, n);
        return (n & 1) == 1 ? work[n / 2] : (work[n / 2 - 1] + work[n / 2]) / 2;
    }

    /**
     * The median of the sorted values {@code a[from..from+n)} once the sorted values {@code removed[0..q)} are
     * taken out (each a value of the range, taken out once), as {@link #median} of the values left: the
     * middle one, or the mean of the two middle ones. NaN when none is left.
     */
    static double medianWithout(double[] a, int from, int n, double[] removed, int q) {
        int k = n - q;
        if (k <= 0) {
            return Double.NaN;
        }
        int lowRank = (k - 1) / 2;
        int highRank = k / 2;
        double low = Double.NaN;
        int rank = 0;
        int r = 0;
        for (int i = from; i < from + n; i++) {
            double v = a[i];
            if (r < q && Double.compare(v, removed[r]) == 0) {
                r++;
                continue;
            }
            if (rank == lowRank) {
                low = v;
            }
            if (rank == highRank) {
                return lowRank == highRank ? v : (low + v) / 2;
            }
            rank++;
        }
        throw new IllegalArgumentException("removed values not all in the range");
    }

    /** Sorts {@code a[from..from+n)} as {@link #sort} does. */
    static void sortRange(double[] a, int from, int n) {
        if (from == 0) {
            sort(a, n);
            return;
        }
        if (n > 32) {
            Arrays.sort(a, from, from + n);
            return;
        }
        for (int i = from; i < from + n; i++) {
            double v = a[i];
            if (v != v || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                Arrays.sort(a, from, from + n);
                return;
            }
        }
        for (int i = from + 1; i < from + n; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Median absolute deviation from {@code median}. */
    public static double mad(double[] x, int n, double median, double[] work) {
        if (n == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            work[i] = Math.abs(x[i] - median);
        }
        sort(work, n);
        return (n & 1) == 1 ? work[n / 2] : (work[n / 2 - 1] + work[n / 2]) / 2;
    }

    /**
     * Sorts the first n values as {@link Arrays#sort(double[], int, int)} does. The medians of the seasonal
     * method are of a handful of values (the same months of other years), millions of them in a national run:
     * a plain insertion sort does those without the library's set-up; NaN and −0.0, which the library orders
     * specially, and long arrays go to the library.
     */
    static void sort(double[] a, int n) {
        if (n > 32) {
            Arrays.sort(a, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (v != v || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                Arrays.sort(a, 0, n);
                return;
            }
        }
        for (int i = 1; i < n; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Mean absolute deviation from {@code median}. */
    public static double meanAbsoluteDeviation(double[] x, int n, double median) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[i] - median);
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The scale that turns a deviation from the median into a modified z-score: MAD / 0.6745, or
     * 1.253314 · mean absolute deviation when MAD = 0; 0 when every value equals the median.
     */
    public static double robustScale(double[] x, int n, double median, double[] work) {
        double mad = mad(x, n, median, work);
        if (mad > 0) {
            return mad / MAD_FACTOR;
        }
        return MEAN_AD_FACTOR * meanAbsoluteDeviation(x, n, median);
    }

    /** (x − centre) / scale, 0 when the scale is 0 (all values equal: nothing stands out). */
    public static double score(double x, double centre, double scale) {
        return scale > 0 ? (x - centre) / scale : 0;
    }
}
