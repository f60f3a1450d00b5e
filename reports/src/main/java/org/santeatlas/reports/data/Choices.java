package org.santeatlas.reports.data;

import java.util.Comparator;
import java.util.List;
import org.santeatlas.core.text.EditDistance;
import org.santeatlas.core.text.NameKey;

/**
 * The valid choices closest to what a user typed, for "unknown district" and "unknown period" messages:
 * by edit distance between the names' {@link NameKey}s, a choice that contains the typed text first.
 */
public final class Choices {

    private Choices() {
    }

    /** The {@code n} choices closest to {@code typed}. */
    public static List<String> closest(String typed, List<String> choices, int n) {
        String key = NameKey.of(typed);
        return choices.stream()
                .sorted(Comparator.comparingInt((String c) -> score(key, NameKey.of(c))).thenComparing(c -> c))
                .limit(n).toList();
    }

    private static int score(String typed, String choice) {
        if (!typed.isEmpty() && choice.contains(typed)) {
            return -1000 + choice.length() - typed.length();
        }
        // compare with the choice's best-matching window too, so "belgu" is near "district sanitaire de belgou"
        int best = EditDistance.levenshtein(typed, choice);
        if (choice.length() > typed.length()) {
            for (String word : choice.split(" ")) {
                best = Math.min(best, EditDistance.levenshtein(typed, word));
            }
        }
        return best;
    }
}
