package org.santeatlas.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", v)} without {@link java.util.Formatter}, which parses its pattern on
 * every call: the outlier methods describe ≈ 11 000 findings of a national run this way. Same text: the
 * shortest decimal form of the double ({@link Double#toString}) rounded half up to N places, a minus sign
 * whenever the number is negative (−0.0 and −0.04 give {@code -0.0}, as the formatter writes them).
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code v} with {@code places} decimals, as {@code %.<places>f} in {@link java.util.Locale#ROOT}. */
    public static String fixed(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        String text = new BigDecimal(Double.toString(v)).setScale(places, RoundingMode.HALF_UP).toPlainString();
        boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }
}
