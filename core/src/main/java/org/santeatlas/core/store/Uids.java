package org.santeatlas.core.store;

import java.security.SecureRandom;

/** DHIS2 UIDs: 11 characters, a letter then letters or digits. */
public final class Uids {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = "0123456789" + LETTERS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uids() {
    }

    public static boolean isUid(String s) {
        if (s == null || s.length() != 11 || LETTERS.indexOf(s.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < 11; i++) {
            if (ALPHANUMERIC.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A new random UID, as DHIS2's {@code CodeGenerator} makes them. */
    public static String generate() {
        char[] c = new char[11];
        c[0] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
        for (int i = 1; i < 11; i++) {
            c[i] = ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
        }
        return new String(c);
    }
}
