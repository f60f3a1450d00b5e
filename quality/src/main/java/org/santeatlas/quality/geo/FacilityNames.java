package org.santeatlas.quality.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.santeatlas.core.text.NameKey;

/**
 * Facility names compared the way a district officer reads them: accents, case and punctuation do not
 * count ({@link NameKey}), nor do the type words that one clerk writes and another leaves out ("CSI",
 * "C.S.I.", "Centre de santé intégré", "Case de santé", "Hôpital de district", "HD"...), nor the
 * particles left in front ("de", "d'", "du"). What remains — usually the place — is compared with the
 * Jaro–Winkler similarity (Winkler 1990; prefix scale 0.1, prefix up to 4 characters), which forgives
 * a dropped or swapped letter ("Dokéba"/"Dokeba", "Tillabéri"/"Tilabery").
 *
 * <p>The type words also give the kind of facility. Two names whose kinds are both known and differ
 * ("CSI Bodo", "Hôpital de district de Bodo") are different facilities whatever the place.
 */
public final class FacilityNames {

    /** The kind of facility a type word says. {@link #UNKNOWN} is compatible with every kind. */
    public enum Kind {
        REGIONAL_HOSPITAL, DISTRICT_HOSPITAL, HOSPITAL, HEALTH_CENTRE, HEALTH_POST, UNKNOWN;

        /** Whether two facilities of these kinds may be the same one. */
        public boolean compatibleWith(Kind other) {
            if (this == UNKNOWN || other == UNKNOWN || this == other) {
                return true;
            }
            // "Hôpital" alone may be a district or a regional hospital.
            return (this == HOSPITAL && other.isHospital()) || (other == HOSPITAL && isHospital());
        }

        boolean isHospital() {
            return this == REGIONAL_HOSPITAL || this == DISTRICT_HOSPITAL || this == HOSPITAL;
        }
    }

    /** A name reduced for comparison: its place words and its kind. */
    public record Parsed(String key, String place, Kind kind) {
    }

    private record TypeWord(String[] tokens, Kind kind) {
    }

    /**
     * Type words of the francophone Sahel's SNIS (Niger: CSI, CS = case de santé; Burkina Faso: CSPS,
     * CMA, CHR; Mali: CSCom, CSRéf), as NameKey tokens, longest first so that "hopital de district"
     * wins over "hopital". "CS" is ambiguous (case de santé in Niger, centre de santé elsewhere).
     */
    private static final List<TypeWord> TYPE_WORDS = types(
            "centre hospitalier regional", Kind.REGIONAL_HOSPITAL,
            "centre hospitalier universitaire", Kind.REGIONAL_HOSPITAL,
            "hopital regional", Kind.REGIONAL_HOSPITAL,
            "chr", Kind.REGIONAL_HOSPITAL,
            "chu", Kind.REGIONAL_HOSPITAL,
            "centre hospitalier de district", Kind.DISTRICT_HOSPITAL,
            "hopital de district", Kind.DISTRICT_HOSPITAL,
            "centre medical avec antenne chirurgicale", Kind.DISTRICT_HOSPITAL,
            "hd", Kind.DISTRICT_HOSPITAL,
            "chd", Kind.DISTRICT_HOSPITAL,
            "cma", Kind.DISTRICT_HOSPITAL,
            "csref", Kind.DISTRICT_HOSPITAL,
            "centre hospitalier", Kind.HOSPITAL,
            "hopital", Kind.HOSPITAL,
            "centre de sante et de promotion sociale", Kind.HEALTH_CENTRE,
            "centre de sante integre", Kind.HEALTH_CENTRE,
            "centre de sante communautaire", Kind.HEALTH_CENTRE,
            "centre de sante", Kind.UNKNOWN,
            "csps", Kind.HEALTH_CENTRE,
            "cscom", Kind.HEALTH_CENTRE,
            "csi", Kind.HEALTH_CENTRE,
            "csr", Kind.HEALTH_CENTRE,
            "case de sante", Kind.HEALTH_POST,
            "poste de sante", Kind.HEALTH_POST,
            "dispensaire", Kind.HEALTH_POST,
            "cs", Kind.UNKNOWN,
            "ps", Kind.HEALTH_POST);

    private static final List<String> PARTICLES = List.of("de", "d", "du", "des", "la", "le", "l");

    private FacilityNames() {
    }

    private static List<TypeWord> types(Object... pairs) {
        List<TypeWord> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new TypeWord(((String) pairs[i]).split(" "), (Kind) pairs[i + 1]));
        }
        out.sort((a, b) -> Integer.compare(b.tokens().length, a.tokens().length));
        return List.copyOf(out);
    }

    /** Parses a name: its key, the place left once type words and particles are removed, its kind. */
    public static Parsed parse(String name) {
        String key = NameKey.of(name);
        List<String> tokens = joinInitials(key.isEmpty() ? List.of() : Arrays.asList(key.split(" ")));
        Kind kind = null;
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            TypeWord hit = null;
            for (TypeWord t : TYPE_WORDS) {
                if (matches(tokens, i, t.tokens())) {
                    hit = t;
                    break;
                }
            }
            if (hit != null) {
                if (kind == null || kind == Kind.UNKNOWN) {
                    kind = hit.kind();
                }
                i += hit.tokens().length;
            } else {
                rest.add(tokens.get(i++));
            }
        }
        while (!rest.isEmpty() && PARTICLES.contains(rest.get(0))) {
            rest.remove(0);
        }
        String place = String.join(" ", rest);
        return new Parsed(String.join(" ", tokens), place.isEmpty() ? String.join(" ", tokens) : place,
                kind == null ? Kind.UNKNOWN : kind);
    }

    private static final List<String> ADMIN_WORDS = List.of("district sanitaire", "district", "ds", "region",
            "aire de sante", "aire sanitaire", "commune", "departement", "province", "cercle");

    /**
     * The place an administrative unit's name names: "District sanitaire de Bodo", "DS Bodo" and "Bodo"
     * all give "bodo"; "Région de Tahoua" gives "tahoua".
     */
    public static String adminPlace(String name) {
        String key = NameKey.of(name);
        for (String w : ADMIN_WORDS) {
            if (key.equals(w)) {
                return key;
            }
            if (key.startsWith(w + " ")) {
                key = key.substring(w.length() + 1);
                break;
            }
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(key.split(" ")));
        while (tokens.size() > 1 && PARTICLES.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }

    /** "c s i kollo" (from "C.S.I. Kollo") → "csi kollo": runs of one-letter tokens are one word. */
    private static List<String> joinInitials(List<String> tokens) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String t : tokens) {
            if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
                run.append(t);
                runLength++;
                continue;
            }
            flush(out, run, runLength);
            run.setLength(0);
            runLength = 0;
            out.add(t);
        }
        flush(out, run, runLength);
        return out;
    }

    private static void flush(List<String> out, StringBuilder run, int runLength) {
        if (runLength > 0) {
            out.add(run.toString());
        }
    }

    private static boolean matches(List<String> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(at + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * How alike two facility names are, 0 to 1: the Jaro–Winkler similarity of their places; 0 when
     * their kinds are known and differ.
     */
    public static double similarity(String a, String b) {
        return similarity(parse(a), parse(b));
    }

    public static double similarity(Parsed a, Parsed b) {
        if (!a.kind().compatibleWith(b.kind())) {
            return 0;
        }
        return jaroWinkler(a.place(), b.place());
    }

    /** Jaro–Winkler similarity (Winkler 1990), 1 for equal strings, 0 for nothing in common. */
    public static double jaroWinkler(String s, String t) {
        if (s.equals(t)) {
            return 1;
        }
        int ls = s.length();
        int lt = t.length();
        if (ls == 0 || lt == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(ls, lt) / 2 - 1);
        boolean[] ms = new boolean[ls];
        boolean[] mt = new boolean[lt];
        int matches = 0;
        for (int i = 0; i < ls; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lt - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!mt[j] && s.charAt(i) == t.charAt(j)) {
                    ms[i] = true;
                    mt[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < ls; i++) {
            if (ms[i]) {
                while (!mt[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / ls + m / lt + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(ls, lt)) && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
