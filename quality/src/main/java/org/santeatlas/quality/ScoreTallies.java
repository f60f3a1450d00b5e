package org.santeatlas.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pass/total counts per district (org unit id) and dimension, added by the checks as they run: e.g.
 * reports received / expected, values not flagged / values looked at. The scorecard divides them.
 */
public final class ScoreTallies {

    /** Counts of one cell. */
    public static final class Tally {
        private long passed;
        private long total;

        public long passed() {
            return passed;
        }

        public long total() {
            return total;
        }

        /** passed / total, NaN when nothing was looked at. */
        public double share() {
            return total == 0 ? Double.NaN : (double) passed / total;
        }
    }

    private final Map<Integer, Map<Dimension, Tally>> cells = new LinkedHashMap<>();

    /** Adds {@code passed} of {@code total} units or values of {@code district} in {@code dimension}. */
    public void add(int district, Dimension dimension, long passed, long total) {
        Tally t = cells.computeIfAbsent(district, d -> new LinkedHashMap<>())
                .computeIfAbsent(dimension, d -> new Tally());
        t.passed += passed;
        t.total += total;
    }

    /** Adds every count of {@code other}, in its order. */
    public void addAll(ScoreTallies other) {
        for (Map.Entry<Integer, Map<Dimension, Tally>> d : other.cells.entrySet()) {
            for (Map.Entry<Dimension, Tally> t : d.getValue().entrySet()) {
                add(d.getKey(), t.getKey(), t.getValue().passed, t.getValue().total);
            }
        }
    }

    /** District id → dimension → counts. */
    public Map<Integer, Map<Dimension, Tally>> cells() {
        return cells;
    }
}
