package org.santeatlas.importers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.santeatlas.core.text.NameKey;

/**
 * The org units of a workspace by what spreadsheets call them: a DHIS2 UID, a code or a name. Names
 * match by {@link NameKey} (case, accents and punctuation do not count: "Région de Tahoua" finds
 * "REGION DE TAHOUA"). A UID wins over a code, a code over a name; a name that two org units share is
 * ambiguous and resolves to none, since guessing would file values under the wrong place.
 *
 * <p>Loaded once per import (a national tree is some 10⁴ org units); the import's thread.
 */
public final class OrgUnitLookup {

    /** One org unit: its surrogate key and UID. */
    public record OrgUnit(int id, String uid) {
    }

    /** What {@link #resolve} found. */
    public sealed interface Match {
    }

    public record Found(OrgUnit orgUnit) implements Match {
    }

    public record NotFound() implements Match {
    }

    /** A name that several org units share, e.g. two "CSI Centre" in different districts. */
    public record Ambiguous(int count) implements Match {
    }

    private static final OrgUnit AMBIGUOUS = new OrgUnit(-1, null);

    private final Map<String, OrgUnit> byUid = new HashMap<>();
    private final Map<String, OrgUnit> byCode = new HashMap<>();
    private final Map<String, OrgUnit> byName = new HashMap<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();

    private OrgUnitLookup() {
    }

    public static OrgUnitLookup load(Connection connection) throws SQLException {
        OrgUnitLookup lookup = new OrgUnitLookup();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, SHORT_NAME FROM ORG_UNIT ORDER BY ID")) {
            while (rs.next()) {
                OrgUnit ou = new OrgUnit(rs.getInt(1), rs.getString(2));
                lookup.byUid.put(ou.uid(), ou);
                String code = rs.getString(3);
                if (code != null && !code.isBlank()) {
                    lookup.byCode.putIfAbsent(code.trim(), ou);
                }
                lookup.putName(rs.getString(4), ou);
                String shortName = rs.getString(5);
                if (shortName != null && !NameKey.of(shortName).equals(NameKey.of(rs.getString(4)))) {
                    lookup.putName(shortName, ou);
                }
            }
        }
        return lookup;
    }

    private void putName(String name, OrgUnit ou) {
        String key = NameKey.of(name);
        if (key.isEmpty()) {
            return;
        }
        OrgUnit before = byName.get(key);
        if (before == null) {
            byName.put(key, ou);
            nameCounts.put(key, 1);
        } else if (before.id() != ou.id()) {
            byName.put(key, AMBIGUOUS);
            nameCounts.merge(key, 1, Integer::sum);
        }
    }

    /** By UID, then code (both exact, trimmed), then name. */
    public Match resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return new NotFound();
        }
        String ref = reference.trim();
        OrgUnit ou = byUid.get(ref);
        if (ou == null) {
            ou = byCode.get(ref);
        }
        if (ou != null) {
            return new Found(ou);
        }
        String key = NameKey.of(ref);
        ou = byName.get(key);
        if (ou == null) {
            return new NotFound();
        }
        return ou == AMBIGUOUS ? new Ambiguous(nameCounts.get(key)) : new Found(ou);
    }

    /**
     * Adds an org unit created during the import (a placeholder), so that later rows naming it the same
     * way find it.
     */
    void add(OrgUnit ou, String code, String name) {
        byUid.put(ou.uid(), ou);
        if (code != null && !code.isBlank()) {
            byCode.putIfAbsent(code.trim(), ou);
        }
        putName(name, ou);
    }

    public int size() {
        return byUid.size();
    }
}
