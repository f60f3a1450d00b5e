package org.santeatlas.core.store;

import java.util.Locale;

/**
 * How an import file names metadata objects, as DHIS2's {@code idScheme}, {@code dataElementIdScheme},
 * {@code orgUnitIdScheme} and {@code categoryOptionComboIdScheme} parameters say it.
 * {@link #AUTO} (SantéAtlas's default) tries the UID, then the code.
 */
public enum IdScheme {
    AUTO, UID, CODE, NAME;

    /** {@code uid}, {@code CODE}, {@code Name}…; DHIS2 spells them in capitals. */
    public static IdScheme parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (IdScheme s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown id scheme '" + text + "' (expected UID, CODE or NAME)");
    }
}
