package org.santeatlas.core.text;

/**
 * Levenshtein distance between two strings: the fewest single-character insertions, deletions and
 * substitutions turning one into the other. Used to list the valid names closest to a mistyped one
 * (districts, periods); compare {@link NameKey}s so that accents and case do not count.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** The Levenshtein distance between {@code a} and {@code b}, in characters (UTF-16 units). */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
