package org.santeatlas.map.coverage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;

/**
 * Which facilities count as covering: every one, or those of some tiers ({@link FacilityKind}) and/or some
 * types (org unit groups). "A facility of a chosen level": e.g. health centres and hospitals, not posts.
 * Immutable.
 */
public record FacilitySelection(Set<FacilityKind> kinds, Set<String> typeUids) {

    /** Every facility. */
    public static final FacilitySelection ALL = new FacilitySelection(Set.of(), Set.of());

    public FacilitySelection {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        typeUids = Set.copyOf(typeUids);
    }

    public static FacilitySelection of(FacilityKind... kinds) {
        return new FacilitySelection(Set.of(kinds), Set.of());
    }

    public boolean isAll() {
        return kinds.isEmpty() && typeUids.isEmpty();
    }

    public boolean test(CoverageInput.Facility f) {
        return isAll() || kinds.contains(f.kind()) || (f.typeUid() != null && typeUids.contains(f.typeUid()));
    }

    /** What {@link #parse} made of a list of words, and the words it did not know. */
    public record Parsed(FacilitySelection selection, List<String> unknown) {}

    /**
     * Reads words naming tiers ({@code hospital}/{@code hopital}, {@code centre}/{@code health-centre}/{@code csi},
     * {@code post}/{@code poste}/{@code case}, {@code other}/{@code autre}) or types (a group's uid, code or
     * name; case and accents ignored). A word that names a type is taken as that type first.
     */
    public static Parsed parse(List<String> words, List<FacilityType> types) {
        Set<FacilityKind> kinds = new HashSet<>();
        Set<String> uids = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String w : words) {
            String k = fold(w);
            if (k.isEmpty()) {
                continue;
            }
            FacilityType type = types.stream().filter(t -> t.groupUid().equals(w.strip()) || fold(t.code()).equals(k)
                    || fold(t.name()).equals(k)).findFirst().orElse(null);
            if (type != null) {
                uids.add(type.groupUid());
                continue;
            }
            FacilityKind kind = switch (k) {
                case "hospital", "hospitals", "hopital", "hopitaux" -> FacilityKind.HOSPITAL;
                case "centre", "centres", "center", "health-centre", "health-center", "centre-de-sante", "csi" ->
                        FacilityKind.HEALTH_CENTRE;
                case "post", "posts", "poste", "postes", "health-post", "case", "cases", "case-de-sante" ->
                        FacilityKind.HEALTH_POST;
                case "other", "others", "autre", "autres" -> FacilityKind.OTHER;
                default -> null;
            };
            if (kind == null) {
                unknown.add(w);
            } else {
                kinds.add(kind);
            }
        }
        return new Parsed(new FacilitySelection(kinds, uids), unknown);
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace(' ', '-').replace('_', '-');
    }
}
