package org.santeatlas.reports.data;

import java.util.List;
import org.santeatlas.core.text.NameKey;

/** Finds the district a user names, by UID, code, exact name, or a name that contains the typed words. */
public final class Districts {

    private Districts() {
    }

    /**
     * @throws ReportException {@code report.unknownDistrict} with the closest district names, or
     *     {@code report.noDistricts} when the level holds no org unit
     */
    public static OrgUnitTree.Unit resolve(OrgUnitTree tree, int level, String typed) {
        List<OrgUnitTree.Unit> districts = tree.atLevel(level);
        if (districts.isEmpty()) {
            throw new ReportException("report.noDistricts", typed, List.of());
        }
        String t = typed == null ? "" : typed.strip();
        String key = NameKey.of(t);
        for (OrgUnitTree.Unit d : districts) {
            if (d.uid().equals(t) || (d.code() != null && d.code().equalsIgnoreCase(t))
                    || NameKey.of(d.name()).equals(key)) {
                return d;
            }
        }
        // "Belgou" for "District sanitaire de Belgou": accepted when exactly one district's name ends so
        List<OrgUnitTree.Unit> partial = districts.stream()
                .filter(d -> !key.isEmpty() && (NameKey.of(d.name()).endsWith(" " + key))).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        throw new ReportException("report.unknownDistrict", t,
                Choices.closest(t, districts.stream().map(OrgUnitTree.Unit::name).toList(), 5));
    }
}
