package org.santeatlas.importers.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.importers.ColumnMapping;

/**
 * Which properties of a boundary feature name and code it, in the spellings of the files district teams
 * get: HDX COD-AB ({@code ADM2_FR}, {@code ADM2_PCODE}, with the parents' {@code ADM1_FR}…),
 * geoBoundaries ({@code shapeName}, {@code shapeISO}), GADM ({@code NAME_2}, {@code GID_2}), DHIS2 GeoJSON
 * exports ({@code name}, {@code code}, the feature's {@code id} being the UID) and French shapefiles
 * ({@code NOM}, {@code CODE}, {@code NOM_DS}). Property names compare as {@link ColumnMapping#key}.
 * Where a file carries several levels' columns, the deepest is the feature's own ({@code ADM2_FR} before
 * {@code ADM1_FR}).
 */
final class BoundaryProperties {

    private static final List<String> CODES = List.of("code", "pcode", "#adm_pcode", "#gid", "code_ds",
            "code_district", "code_dist", "ds_code", "district_c", "code_region", "code_reg", "uid", "org_unit",
            "orgunit", "ou", "dhis2_id", "dhis2_uid", "shapeiso", "iso_code", "id");

    private static final List<String> NAMES = List.of("name", "nom", "shapename", "#adm_name", "#name_",
            "#admin_name", "nom_ds", "nom_district", "nom_dist", "district", "district_s", "libelle", "label",
            "nom_region", "nom_reg", "region", "province", "departement", "commune", "nom_commune", "cercle");

    /** Numbered column families: "#adm_pcode" stands for adm0_pcode … adm5_pcode, the deepest first. */
    private static final Map<String, Pattern> FAMILIES = Map.of(
            "#adm_pcode", Pattern.compile("adm(\\d)_pcode"),
            "#gid", Pattern.compile("gid_(\\d)"),
            "#adm_name", Pattern.compile("adm(\\d)_(?:fr|en|name|pt|ref)"),
            "#name_", Pattern.compile("name_(\\d)"),
            "#admin_name", Pattern.compile("admin(\\d)_?name(?:_fr|_en)?"));

    private BoundaryProperties() {
    }

    /**
     * The matching keys of feature {@code number}.
     *
     * @param featureId the GeoJSON Feature's {@code id}, a last-resort code; null when absent
     */
    static BoundaryMatcher.Keys keys(int number, JsonNode properties, String featureId) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (properties != null && properties.isObject()) {
            properties.properties().forEach(e -> {
                JsonNode v = e.getValue();
                String text = v == null || v.isNull() || !v.isValueNode() ? null : v.asText().trim();
                if (text != null && !text.isEmpty()) {
                    byKey.putIfAbsent(ColumnMapping.key(e.getKey()), text);
                }
            });
        }
        int[] depth = {-1};
        List<String> codes = values(byKey, CODES, depth);
        if (featureId != null && !featureId.isBlank() && !codes.contains(featureId.trim())) {
            codes.add(featureId.trim());
        }
        List<String> names = values(byKey, NAMES, depth);
        int hint = depth[0] >= 0 ? depth[0] + 1 : 0;
        Matcher shapeType = ADM.matcher(byKey.getOrDefault("shapetype", ""));
        if (shapeType.matches()) {
            hint = Integer.parseInt(shapeType.group(1)) + 1;
        }
        // The other values may name the parent (ADM1_FR beside ADM2_FR): used to tell namesakes apart.
        Set<String> context = new LinkedHashSet<>();
        String own = names.isEmpty() ? null : NameKey.of(names.get(0));
        for (String v : byKey.values()) {
            String k = NameKey.of(v);
            if (!k.equals(own) && !k.isEmpty()) {
                context.add(k);
                context.add(BoundaryMatcher.strip(k));
            }
        }
        String label = !names.isEmpty() ? names.get(0) : !codes.isEmpty() ? codes.get(0) : "";
        return new BoundaryMatcher.Keys(number, label, List.copyOf(codes), List.copyOf(names), Set.copyOf(context),
                hint);
    }

    /** geoBoundaries' {@code shapeType}: "ADM2". */
    private static final Pattern ADM = Pattern.compile("(?i)adm(\\d)");

    /**
     * The values of the listed properties present, in list order; of a numbered family, the deepest
     * level's, whose number goes into {@code depth[0]} (admin level: 0 the country) when none is there yet.
     */
    private static List<String> values(Map<String, String> byKey, List<String> wanted, int[] depth) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            Pattern family = FAMILIES.get(w);
            if (family == null) {
                addOnce(out, byKey.get(w));
                continue;
            }
            String best = null;
            int deepest = -1;
            for (Map.Entry<String, String> e : byKey.entrySet()) {
                Matcher m = family.matcher(e.getKey());
                if (m.matches() && Integer.parseInt(m.group(1)) > deepest) {
                    deepest = Integer.parseInt(m.group(1));
                    best = e.getValue();
                }
            }
            if (best != null && depth[0] < 0) {
                depth[0] = deepest;
            }
            addOnce(out, best);
        }
        return out;
    }

    private static void addOnce(List<String> out, String v) {
        if (v != null && !out.contains(v)) {
            out.add(v);
        }
    }
}
