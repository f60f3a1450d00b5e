package org.santeatlas.reports.data;

import java.util.Comparator;
import java.util.List;
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
        int best = distance(typed, choice);
        if (choice.length() > typed.length()) {
            for (String word : choice.split(" ")) {
                best = Math.min(best, distance(typed, word));
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
