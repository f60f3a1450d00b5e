package org.santeatlas.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reports' strings (bundles {@code org.santeatlas.reports.messages[_fr]}, MessageFormat patterns) and
 * their number and date formats. French: decimal comma, narrow no-break space (U+202F) between thousands
 * and before "%" — the French typographic rule, which also keeps a number and its unit on one line.
 */
public final class ReportText {

    public static final String BUNDLE = "org.santeatlas.reports.messages";
    /** Narrow no-break space, the French thousands separator. */
    public static final char NNBSP = '\u202F';

    private final Locale locale;
    private final ResourceBundle bundle;
    private final boolean french;

    public ReportText(Locale locale) {
        this.locale = locale;
        this.french = "fr".equals(locale.getLanguage());
        this.bundle = ResourceBundle.getBundle(BUNDLE, french ? Locale.FRENCH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public boolean french() {
        return french;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), french ? Locale.FRENCH : Locale.ENGLISH).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return bundle.keySet();
    }

    /** A number format of this locale with {@code decimals} fraction digits (fixed). */
    public NumberFormat number(int decimals) {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(french ? Locale.FRENCH : Locale.ENGLISH);
        if (french) {
            s.setGroupingSeparator(NNBSP);
            s.setDecimalSeparator(',');
        } else {
            s.setGroupingSeparator(',');
            s.setDecimalSeparator('.');
        }
        s.setMinusSign('-');
        StringBuilder p = new StringBuilder("#,##0");
        if (decimals > 0) {
            p.append('.').append("0".repeat(decimals));
        }
        DecimalFormat f = new DecimalFormat(p.toString(), s);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return f;
    }

    /** {@code v} with {@code decimals} digits; "–" for NaN. */
    public String format(double v, int decimals) {
        return Double.isFinite(v) ? number(decimals).format(v) : "–";
    }

    /** A share 0–1 as a percentage: "85,3 %" (French, narrow no-break space) or "85.3%"; "–" for NaN. */
    public String percent(double share, int decimals) {
        if (!Double.isFinite(share)) {
            return "–";
        }
        String n = number(decimals).format(100 * share);
        return french ? n + NNBSP + "%" : n + "%";
    }

    /** A date written out in this language: "23 novembre 2026" / "November 23, 2026". */
    public String date(LocalDate d) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(french ? Locale.FRENCH : Locale.ENGLISH));
    }
}
