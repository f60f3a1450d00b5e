package org.santeatlas.map.theme;

import java.util.Arrays;

/**
 * Class limits: class i holds the values x with {@code lower(i) <= x < lower(i + 1)}; the last class also
 * holds the maximum. {@code limits} has one more entry than there are classes: the lower limit of each
 * class, then the maximum.
 */
public record Classification(ClassificationMethod method, double[] limits) {

    public Classification {
        if (limits.length < 2) {
            throw new IllegalArgumentException("a classification needs at least one class");
        }
        limits = limits.clone();
    }

    public int classCount() {
        return limits.length - 1;
    }

    public double lower(int i) {
        return limits[i];
    }

    /** The upper limit of class i (the next class's lower limit; the maximum for the last). */
    public double upper(int i) {
        return limits[i + 1];
    }

    @Override
    public double[] limits() {
        return limits.clone();
    }

    /** The class of a value, or -1 for NaN (no data); values outside the limits go to the nearest class. */
    public int classOf(double value) {
        if (Double.isNaN(value)) {
            return -1;
        }
        int n = classCount();
        for (int i = n - 1; i > 0; i--) {
            if (value >= limits[i]) {
                return i;
            }
        }
        return 0;
    }

    /** How many of the values fall in each class (NaN not counted). */
    public int[] counts(double[] values) {
        int[] counts = new int[classCount()];
        for (double v : values) {
            int c = classOf(v);
            if (c >= 0) {
                counts[c]++;
            }
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Classification c && c.method == method && Arrays.equals(c.limits, limits);
    }

    @Override
    public int hashCode() {
        return method.hashCode() * 31 + Arrays.hashCode(limits);
    }

    @Override
    public String toString() {
        return "Classification[" + method + " " + Arrays.toString(limits) + "]";
    }
}
