package org.santeatlas.testdata;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invented place names that sound like those of the Sahel (Hausa, Zarma, Fulfulde, Tamasheq
 * syllables, French spelling with accents), built from syllable tables. Names are invented, not
 * looked up: any likeness to a real place is chance.
 */
final class PlaceNames {

    private static final String[] FIRST = {
        "A", "Ab", "Ag", "Al", "Am", "Ar", "Ba", "Ban", "Bé", "Bel", "Bir", "Bo", "Bou", "Da", "Dak",
        "Dan", "Di", "Dio", "Do", "Dou", "Fa", "Fil", "Ga", "Gao", "Gou", "Gué", "Gui", "Ha", "I",
        "Il", "In", "Ka", "Kan", "Ké", "Ko", "Kol", "Kou", "La", "Lo", "Ma", "Maï", "Mar", "Mé",
        "Na", "Ni", "Nia", "Ou", "Oua", "Ra", "Sa", "Say", "Sé", "Si", "Sou", "Ta", "Tab", "Tan",
        "Tcha", "Tchi", "Té", "Ti", "Til", "Tou", "Wa", "Ya", "Za", "Zin", "Zou"
    };
    private static final String[] MIDDLE = {
        "ba", "bé", "bo", "da", "dé", "di", "do", "ga", "gué", "gou", "ka", "ké", "ki", "la", "lé",
        "li", "lo", "ma", "mé", "mi", "na", "né", "ni", "ra", "ré", "ri", "ro", "sa", "sé", "so",
        "ta", "té", "ti", "wa", "ya", "za", "zé", "dou", "kou", "lou", "rou", "sou", "tou", "dji",
        "tchi", "ber", "der", "gar", "kar", "lam", "ran", "tan"
    };
    private static final String[] LAST = {
        "a", "ba", "bé", "di", "dji", "do", "dou", "ga", "gal", "gou", "guel", "ka", "kan", "ki",
        "kou", "la", "lam", "lé", "li", "lo", "ma", "mé", "mi", "na", "ndé", "né", "ni", "ra", "ré",
        "ri", "rou", "sa", "say", "sé", "sou", "ta", "tan", "té", "ti", "tou", "wa", "ya", "yé",
        "za", "zé", "zou", "gui", "bane", "dane", "koye", "ndi", "ria", "oua", "rey", "ram", "nam",
        "mèye"
    };
    /** Prefixes of compound names (Dan-Issa, Guidan-Roumdji, Birni-N'Konni). */
    private static final String[] COMPOUND = {"Dan-", "Guidan-", "Birni-", "Maïné-", "Tounga-"};
    /** Prefixes of Tamasheq names, used in the desert north (In-Gall, Tin-Telloust). */
    private static final String[] NORTHERN = {"In-", "Tin-", "Ti-"};

    /** Latitude (degrees north) beyond which Tamasheq-style names appear. */
    private static final double DESERT_LATITUDE = 17.0;

    private final SplittableRandom random;
    private final Set<String> taken = new HashSet<>();

    PlaceNames(SplittableRandom random) {
        this.random = random;
    }

    /** A name not returned before by this generator (compared without accents and case). */
    String unique(double latitude) {
        while (true) {
            String name = name(latitude);
            if (taken.add(key(name))) {
                return name;
            }
        }
    }

    /** A name not in {@code local} (compared without accents and case); adds it there. */
    String uniqueIn(Set<String> local, double latitude) {
        while (true) {
            String name = name(latitude);
            if (local.add(key(name))) {
                return name;
            }
        }
    }

    private String name(double latitude) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            sb.append(pick(FIRST));
            if (random.nextInt(100) < 45) {
                sb.append(pick(MIDDLE));
            }
            sb.append(pick(LAST));
            String core = sb.toString();
            if (!wellFormed(core)) {
                continue;
            }
            int roll = random.nextInt(100);
            if (latitude >= DESERT_LATITUDE && roll < 25) {
                return pick(NORTHERN) + capitalise(core);
            }
            if (roll < 9) {
                return pick(COMPOUND) + capitalise(core);
            }
            return core;
        }
    }

    private static boolean wellFormed(String name) {
        String folded = ascii(name).toLowerCase(Locale.ROOT);
        if (folded.length() < 4 || folded.length() > 11) {
            return false;
        }
        int vowelsInRow = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            vowelsInRow = vowel ? vowelsInRow + 1 : 0;
            if (vowelsInRow > 3) {
                return false;
            }
            if (i > 0 && c == folded.charAt(i - 1) && (vowel || c == 'n' && i == folded.length() - 1)) {
                return false;
            }
        }
        return true;
    }

    private String pick(String[] table) {
        return table[random.nextInt(table.length)];
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.FRENCH) + s.substring(1);
    }

    /** "de Kollo", "d'Ouallam": French elision of "de" before a vowel. */
    static String de(String name) {
        char first = Character.toLowerCase(ascii(name.substring(0, 1)).charAt(0));
        return "aeiou".indexOf(first) >= 0 ? "d'" + name : "de " + name;
    }

    /** Removes accents and diaereses: "Guéchémé" → "Guecheme", "Maïné" → "Maine". */
    static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** Comparison key: no accents, lower case, letters and digits only. */
    static String key(String s) {
        return ascii(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * A two-letter abbreviation for codes (Tahoua → TH), unique within {@code taken}, which it
     * updates: first letter plus a later consonant, then any later letter, then a letter and a digit.
     */
    static String abbreviation(String name, Set<String> taken) {
        String letters = ascii(name).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        char first = letters.charAt(0);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1; i < letters.length(); i++) {
                char c = letters.charAt(i);
                boolean consonant = "AEIOUY".indexOf(c) < 0;
                if ((pass == 1 || consonant) && taken.add("" + first + c)) {
                    return "" + first + c;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            if (taken.add("" + first + c)) {
                return "" + first + c;
            }
        }
        for (int d = 0; d <= 9; d++) {
            if (taken.add("" + first + d)) {
                return "" + first + d;
            }
        }
        throw new IllegalStateException("No abbreviation left for " + name);
    }
}
