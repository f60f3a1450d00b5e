package org.santeatlas.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name reduced for matching what people type and what other systems spell: case, accents, punctuation
 * and repeated spaces do not count. {@code "CSI Tillabéri-Commune"} and {@code "csi tillaberi commune"}
 * give the same key; so do {@code "Œuvre"} and {@code "oeuvre"}.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                switch (c) {
                    case 'œ', 'Œ' -> out.append("oe");
                    case 'æ', 'Æ' -> out.append("ae");
                    case 'ß' -> out.append("ss");
                    default -> out.append(Character.toLowerCase(c));
                }
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
