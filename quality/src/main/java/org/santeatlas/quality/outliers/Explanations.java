package org.santeatlas.quality.outliers;

/**
 * Guesses which typing mistake makes a value stand out, for the explanation a district officer reads:
 * a value about ten (or a hundred) times the usual one is likely an extra digit or a misplaced decimal
 * mark; the usual number typed twice (45 → 4545) shows as a value whose two halves are equal and close to
 * the usual value; a tenth of it, a lost digit.
 */
final class Explanations {

    private Explanations() {
    }

    /** One of {@code extraDigit}, {@code twoExtraDigits}, {@code typedTwice}, {@code missingDigit}, {@code generic}. */
    static String cause(double value, double typical) {
        if (!(typical > 0) || value != Math.rint(value)) {
            return "generic";
        }
        if (value >= typical) {
            if (typedTwice((long) value, typical)) {
                return "typedTwice";
            }
            double ratio = value / typical;
            if (ratio >= 7 && ratio <= 14) {
                return "extraDigit";
            }
            if (ratio >= 70 && ratio <= 140) {
                return "twoExtraDigits";
            }
            return "generic";
        }
        double ratio = value / typical;
        return ratio >= 1 / 14.0 && ratio <= 1 / 7.0 ? "missingDigit" : "generic";
    }

    /** "4545" for a usual 45: the decimal digits are one number written twice, close to the usual value. */
    static boolean typedTwice(long value, double typical) {
        String s = Long.toString(value);
        if (s.length() < 2 || (s.length() & 1) == 1) {
            return false;
        }
        String half = s.substring(0, s.length() / 2);
        if (!half.equals(s.substring(s.length() / 2)) || half.startsWith("0")) {
            return false;
        }
        double h = Long.parseLong(half);
        return h >= typical / 2.5 && h <= typical * 2.5;
    }
}
