package org.santeatlas.core.store;

/**
 * DHIS2 stores every value as text. SantéAtlas keeps numbers as doubles and keeps the text only when
 * the number would not give it back exactly: the canonical form of a number is its integer digits
 * ({@code 125}, {@code -3}) for whole numbers up to 10¹⁵; any other text ({@code 2.5}, {@code 007},
 * {@code true}, a date) is stored as written.
 */
public final class NumericValues {

    private static final double MAX_CANONICAL = 1e15;

    private NumericValues() {
    }

    /** The value as a number, or NaN when it is not one (DHIS2 writes a decimal point, never a comma). */
    public static double parse(String value) {
        int len = value.length();
        if (len == 0 || len > 40) {
            return Double.NaN;
        }
        // Fast path for the common case: plain integers.
        boolean digits = true;
        for (int i = value.charAt(0) == '-' ? 1 : 0; i < len; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
        }
        if (digits && len < 16 && !(len == 1 && value.charAt(0) == '-')) {
            return Long.parseLong(value);
        }
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether {@code text} is exactly the canonical form of {@code number}. */
    public static boolean isCanonical(String text, double number) {
        if (Double.isNaN(number)) {
            return false;
        }
        // Without allocating for the usual case: an optional '-' then digits, no leading zero, short.
        int len = text.length();
        int start = len > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (len - start >= 1 && len - start <= 15) {
            for (int i = start; i < len; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return text.equals(canonical(number));
                }
            }
            boolean leadingZero = text.charAt(start) == '0' && len - start > 1;
            boolean negativeZero = start == 1 && len == 2 && text.charAt(1) == '0';
            return !leadingZero && !negativeZero;
        }
        return text.equals(canonical(number));
    }

    /** The canonical text of a number, or null when it has none (NaN, fractions, huge values). */
    public static String canonical(double number) {
        if (Double.isNaN(number) || number != Math.rint(number) || Math.abs(number) >= MAX_CANONICAL) {
            return null;
        }
        return Long.toString((long) number);
    }

    /** The value as the file stated it: the stored text, else the canonical form of the number. */
    public static String text(String storedText, double number) {
        return storedText != null ? storedText : canonical(number);
    }
}
