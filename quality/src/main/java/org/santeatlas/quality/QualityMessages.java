package org.santeatlas.quality;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The explanations of findings in French and English (bundles
 * {@code org.santeatlas.quality.messages[_fr]}, MessageFormat patterns: arguments are raw numbers, dates
 * and names, formatted here in the reader's locale).
 */
public final class QualityMessages {

    public static final String BUNDLE = "org.santeatlas.quality.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public QualityMessages(Locale locale) {
        this.locale = locale;
        // The base bundle is English; never fall back to the JVM's default locale's bundle.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English, the language of {@link Finding#message()}. */
    public static final QualityMessages ENGLISH = new QualityMessages(Locale.ROOT);

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Parsed patterns by key: parsing costs more than formatting, and a run formats thousands. */
    private final java.util.Map<String, MessageFormat> formats = new java.util.HashMap<>();

    public synchronized String format(String key, List<Object> args) {
        MessageFormat f = formats.get(key);
        if (f == null) {
            f = new MessageFormat(bundle.getString(key), locale == Locale.ROOT ? Locale.ENGLISH : locale);
            formats.put(key, f);
        }
        return f.format(args.toArray());
    }

    /** A finding's explanation in this language, or its English message when the key is unknown. */
    public String message(Finding f) {
        if (f.messageKey() == null) {
            return f.message();
        }
        try {
            return format(f.messageKey(), f.messageArgs());
        } catch (MissingResourceException | IllegalArgumentException e) {
            return f.message();
        }
    }

    public java.util.Set<String> keys() {
        return bundle.keySet();
    }
}
