package org.santeatlas.testdata;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * DHIS2 identifiers: 11 characters from [A-Za-z0-9], the first a letter (DHIS2 {@code CodeGenerator}
 * rules). Drawn from a seeded stream and checked against a shared set so that two generators never
 * hand out the same identifier.
 */
final class Uids {

    /** DHIS2's fixed identifiers of the default category model (the same in every instance). */
    static final String DEFAULT_CATEGORY_OPTION_COMBO = "HllvX50cXC0";
    static final String DEFAULT_CATEGORY_COMBO = "bjDvmb4bfuf";
    static final String DEFAULT_CATEGORY = "GLevLNI9wkl";
    static final String DEFAULT_CATEGORY_OPTION = "xYerKDKCefk";

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    static final int LENGTH = 11;

    private final SplittableRandom random;
    private final Set<String> used;

    /** @param used identifiers already taken; this generator adds to it */
    Uids(long seed, Set<String> used) {
        this.random = new SplittableRandom(seed);
        this.used = used;
        used.add(DEFAULT_CATEGORY_OPTION_COMBO);
        used.add(DEFAULT_CATEGORY_COMBO);
        used.add(DEFAULT_CATEGORY);
        used.add(DEFAULT_CATEGORY_OPTION);
    }

    String next() {
        while (true) {
            char[] chars = new char[LENGTH];
            chars[0] = LETTERS.charAt(random.nextInt(LETTERS.length()));
            for (int i = 1; i < LENGTH; i++) {
                chars[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
            }
            String uid = new String(chars);
            if (used.add(uid)) {
                return uid;
            }
        }
    }

    static boolean isValid(String uid) {
        return uid != null && uid.matches("[A-Za-z][A-Za-z0-9]{10}");
    }
}
