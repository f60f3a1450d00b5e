package org.santeatlas.reports.dqr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.reports.ReportText;

/**
 * A finding's value and expected text ({@code 4810}, {@code 120–480}, {@code 85.3 %}, {@code ≥ 90 %}, written by
 * the engine in the root locale) in the reader's number format: every number keeps the digits the engine
 * wrote (same decimals), only the separators change (French: {@code 4 810}, {@code 85,3 %}).
 */
public final class FindingText {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private FindingText() {
    }

    public static String value(String engineText, ReportText t) {
        if (engineText == null) {
            return "";
        }
        // coordinates ("15.478298, 8.036484") and UIDs stay as they are
        if (engineText.matches("-?\\d+\\.\\d{4,}.*") || engineText.matches(".*[A-Za-z].*\\d.*[A-Za-z].*")
                || engineText.matches("[A-Za-z0-9]{11}")) {
            return engineText;
        }
        Matcher m = NUMBER.matcher(engineText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String n = m.group();
            int decimals = n.indexOf('.') < 0 ? 0 : n.length() - n.indexOf('.') - 1;
            m.appendReplacement(out, Matcher.quoteReplacement(t.format(Double.parseDouble(n), decimals)));
        }
        m.appendTail(out);
        String s = out.toString();
        return t.french() ? s.replace(" %", ReportText.NNBSP + "%") : s.replace(" %", "%");
    }

    /** The first number of an engine text, NaN when none. */
    public static double number(String engineText) {
        if (engineText == null) {
            return Double.NaN;
        }
        Matcher m = NUMBER.matcher(engineText);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    /** {low, high} of an engine range "120–480"; NaNs when it is not a range. */
    public static double[] range(String engineText) {
        if (engineText != null) {
            Matcher m = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*[–-]\\s*(-?\\d+(?:\\.\\d+)?)").matcher(engineText);
            if (m.find()) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
