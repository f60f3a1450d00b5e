package org.santeatlas.map;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The map's words (legends, furniture, print layout) in French or English, from
 * {@code org/santeatlas/map/messages*.properties}; patterns always go through {@link MessageFormat}, so
 * apostrophes are written {@code ''} in the bundles. Immutable; any thread.
 */
public final class MapMessages {

    private final Locale locale;
    private final ResourceBundle bundle;

    public MapMessages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English asked on a French machine must be English (the
        // base bundle), not French.
        this.bundle = ResourceBundle.getBundle("org.santeatlas.map.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return bundle.keySet();
    }

    /** A number for a legend: grouped thousands, at most {@code decimals} decimals, the locale's separators. */
    public String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }
}
