package org.santeatlas.map.data;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The tier of a facility type, read from its org unit group's name or code, in French or English. It
 * chooses the symbol's shape; each type keeps its own colour.
 */
public enum FacilityKind {
    HOSPITAL,
    HEALTH_CENTRE,
    HEALTH_POST,
    OTHER;

    /**
     * Classifies a group: hospitals (hôpital, CHR, CHU, CHD, HD, hospital), health centres (centre de santé,
     * CSI, CSPS, CSCom, CMA, health centre/center, clinic), posts (case, poste, dispensaire, health post).
     * The name speaks first: a code such as "CS" means "centre de santé" in one country and "case de santé"
     * in another.
     */
    public static FacilityKind of(String code, String name) {
        FacilityKind byName = fromWords(fold(name));
        if (byName != OTHER) {
            return byName;
        }
        String c = fold(code).replaceAll("^(oug|group|type|ty)[_ -]*", "").replaceAll("^type[_ -]*", "");
        if (c.matches("(chr|chu|chd|hd|hr|hop|hosp).*")) {
            return HOSPITAL;
        }
        if (c.matches("(csi|csps|cscom|cma|csr|hc|clin).*")) {
            return HEALTH_CENTRE;
        }
        if (c.matches("(ps|hp|disp|poste|case).*")) {
            return HEALTH_POST;
        }
        return OTHER;
    }

    private static FacilityKind fromWords(String n) {
        if (n.matches(".*\\b(hopital|hospital|hospitalier|chr|chu|chd)\\b.*")) {
            return HOSPITAL;
        }
        if (n.matches(".*\\b(case de sante|poste de sante|health post|dispensaire|poste)\\b.*")) {
            return HEALTH_POST;
        }
        if (n.matches(".*\\b(centre de sante|centre medical|health cent(re|er)|clinic|clinique|csi|csps|cscom|cma)\\b.*")) {
            return HEALTH_CENTRE;
        }
        return OTHER;
    }

    private static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
