package org.santeatlas.app.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.santeatlas.core.store.Problem;

/** The CLI's strings, French or English by the user's locale ({@code cli/messages*.properties}). */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.santeatlas.app.cli.messages", locale);
    }

    static Messages forDefaultLocale() {
        return new Messages(Locale.getDefault());
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        // Always through MessageFormat, so that apostrophes are written '' in every entry.
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A problem in the user's language when its key is known, else its English text. */
    String problem(Problem p) {
        String text;
        try {
            text = get(p.key(), p.args().toArray());
        } catch (MissingResourceException e) {
            text = p.message();
        }
        StringBuilder s = new StringBuilder(p.file());
        if (p.line() > 0) {
            s.append(':').append(p.line());
            if (p.column() > 0) {
                s.append(':').append(p.column());
            }
        }
        return s.append(": ").append(text).toString();
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    List<String> keys() {
        return List.copyOf(bundle.keySet());
    }
}
