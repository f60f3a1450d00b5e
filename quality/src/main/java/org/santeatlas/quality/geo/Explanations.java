package org.santeatlas.quality.geo;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The English explanation of a finding ({@code Finding.message}) from the bundle
 * {@code org.santeatlas.quality.messages}: the base file is English, {@code _fr} French. Shared by the
 * checks of packages geo, registry, validation and population.
 */
public final class Explanations {

    public static final String BUNDLE = "org.santeatlas.quality.messages";

    private Explanations() {
    }

    /** The bundle for {@code locale}; the base (English) bundle for English or an unknown language. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, String key, List<Object> args) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(args.toArray());
    }

    public static String english(String key, List<Object> args) {
        return format(Locale.ENGLISH, key, args);
    }
}
