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
        return middle(work, n);
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
        return middle(work, n);
    }

    /**
     * The median of {@code a[0..n)}, n ≥ 1, reordering them: the value a sort would put in the middle (the
     * mean of the two middle ones for even n). Short arrays, and those holding NaN or −0.0, are sorted;
     * longer ones go through a selection (Hoare's quickselect, O(n) on average) that finds the same values
     * without ordering the rest — a national run takes four medians of every series.
     */
    static double middle(double[] a, int n) {
        if (n <= 32 || hasSpecial(a, n)) {
            sort(a, n);
            return (n & 1) == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
        }
        int hi = n / 2;
        double h = select(a, n, hi);
        if ((n & 1) == 1) {
            return h;
        }
        double l = a[0];
        for (int i = 1; i < hi; i++) {
            if (a[i] > l) {
                l = a[i];
            }
        }
        return (l + h) / 2;
    }

    private static boolean hasSpecial(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (v != v || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                return true;
            }
        }
        return false;
    }

    /** Puts the k-th smallest of {@code a[0..n)} at {@code a[k]}, the smaller ones before, the others after. */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
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
