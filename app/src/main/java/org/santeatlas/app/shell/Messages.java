package org.santeatlas.app.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The window's strings ({@code org/santeatlas/app/shell/messages*.properties}): French for a French
 * locale, English otherwise. Patterns go through {@link MessageFormat}, so the bundles write no ASCII
 * apostrophe (French uses the typographic ’, which MessageFormat leaves alone).
 */
public final class Messages {

    static final String BUNDLE = "org.santeatlas.app.shell.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the default locale: with a French default, asking for English would otherwise
        // find messages_fr before the English base bundle.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Strings for {@code requested}. A language other than French or English gets English, and its
     * numbers and months are then English too, so that a sentence does not mix two languages.
     */
    public static Messages forLocale(Locale requested) {
        String language = requested.getLanguage();
        boolean supported = language.equals(Locale.FRENCH.getLanguage()) || language.equals(Locale.ENGLISH.getLanguage());
        return new Messages(supported ? requested : Locale.ENGLISH);
    }

    public static Messages forDefaultLocale() {
        return forLocale(Locale.getDefault());
    }

    /** The locale for numbers, dates and month names shown next to these strings. */
    public Locale locale() {
        return locale;
    }

    /** The string for {@code key}, its {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** Like {@link #get}, or {@code fallback} when the bundle has no such key. */
    public String getOrDefault(String key, String fallback, Object... args) {
        try {
            return get(key, args);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    Set<String> keys() {
        return bundle.keySet();
    }
}
