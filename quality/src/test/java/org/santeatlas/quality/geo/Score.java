package org.santeatlas.quality.geo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Recall and precision of findings (as keys) against planted problems (as keys). */
public record Score(String category, int planted, int found, int truePositives) {

    public static Score of(String category, Set<String> planted, Set<String> found) {
        Set<String> hit = new HashSet<>(found);
        hit.retainAll(planted);
        return new Score(category, planted.size(), found.size(), hit.size());
    }

    public double recall() {
        return planted == 0 ? 1 : (double) truePositives / planted;
    }

    public double precision() {
        return found == 0 ? 1 : (double) truePositives / found;
    }

    /** Printed so that the figures show in the build log. */
    public Score print() {
        System.out.printf(Locale.ROOT, "%-28s planted %4d  found %4d  recall %6.1f %%  precision %6.1f %%%n", category,
                planted, found, 100 * recall(), 100 * precision());
        return this;
    }
}
