package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.santeatlas.core.text.NameKey;

/**
 * In-memory index from DHIS2 identifiers to the surrogate keys of one table. DHIS2 import files name
 * objects by UID by default, by code when exported with {@code idScheme=CODE} and by name with
 * {@code idScheme=NAME}: {@link IdScheme#AUTO} tries a UID first, then a code. Names match whatever their
 * case, accents and punctuation ({@link NameKey}); a name that several objects share resolves to
 * {@link #AMBIGUOUS}. Loaded once per import; small (a national tree has some 10⁴ org units).
 */
public final class IdentifierIndex {

    /** {@link #resolve(String, IdScheme)}: no object has this identifier. */
    public static final int UNKNOWN = -1;
    /** {@link #resolve(String, IdScheme)}: several objects have this name. */
    public static final int AMBIGUOUS = -2;

    private final Map<String, Integer> byUid = new HashMap<>();
    private final Map<String, Integer> byCode = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    private IdentifierIndex() {
    }

    /** Loads {@code ID, UID, CODE} of a table such as {@code ORG_UNIT}. */
    public static IdentifierIndex load(Connection connection, String table) throws SQLException {
        return load(connection, table, false);
    }

    /** Loads {@code ID, UID, CODE} and, when asked, {@code NAME} of a table such as {@code ORG_UNIT}. */
    public static IdentifierIndex load(Connection connection, String table, boolean withNames) throws SQLException {
        IdentifierIndex index = new IdentifierIndex();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE" + (withNames ? ", NAME" : "") + " FROM " + table)) {
            while (rs.next()) {
                index.put(rs.getInt(1), rs.getString(2), rs.getString(3), withNames ? rs.getString(4) : null);
            }
        }
        return index;
    }

    public void put(int id, String uid, String code) {
        put(id, uid, code, null);
    }

    public void put(int id, String uid, String code, String name) {
        byUid.put(uid, id);
        if (code != null && !code.isEmpty()) {
            byCode.putIfAbsent(code, id);
        }
        if (name != null && !name.isBlank()) {
            byName.merge(NameKey.of(name), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
    }

    /** The surrogate key by UID, then code; {@link #UNKNOWN} when neither matches. */
    public int resolve(String identifier) {
        return resolve(identifier, IdScheme.AUTO);
    }

    /**
     * The surrogate key of the object that {@code identifier} names under {@code scheme}: {@link #UNKNOWN}
     * when none, {@link #AMBIGUOUS} when a name fits several (only with {@link IdScheme#NAME}, and only
     * when the index was loaded with names).
     */
    public int resolve(String identifier, IdScheme scheme) {
        if (identifier == null) {
            return UNKNOWN;
        }
        Integer id = switch (scheme) {
            case UID -> byUid.get(identifier);
            case CODE -> byCode.get(identifier);
            case NAME -> byName.get(NameKey.of(identifier));
            case AUTO -> {
                Integer byId = byUid.get(identifier);
                yield byId != null ? byId : byCode.get(identifier);
            }
        };
        return id == null ? UNKNOWN : id;
    }

    public int size() {
        return byUid.size();
    }
}
