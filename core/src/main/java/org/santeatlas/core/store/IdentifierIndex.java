package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * In-memory index from DHIS2 identifiers to the surrogate keys of one table. DHIS2 import files name
 * objects by UID by default and by code when exported with {@code idScheme=CODE}: a UID is tried
 * first, then a code. Loaded once per import; small (a national tree has some 10⁴ org units).
 */
public final class IdentifierIndex {

    private final Map<String, Integer> byUid = new HashMap<>();
    private final Map<String, Integer> byCode = new HashMap<>();

    private IdentifierIndex() {
    }

    /** Loads {@code ID, UID, CODE} of a table such as {@code ORG_UNIT}. */
    public static IdentifierIndex load(Connection connection, String table) throws SQLException {
        IdentifierIndex index = new IdentifierIndex();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE FROM " + table)) {
            while (rs.next()) {
                index.put(rs.getInt(1), rs.getString(2), rs.getString(3));
            }
        }
        return index;
    }

    public void put(int id, String uid, String code) {
        byUid.put(uid, id);
        if (code != null && !code.isEmpty()) {
            byCode.putIfAbsent(code, id);
        }
    }

    /** The surrogate key, or -1 when neither a UID nor a code matches. */
    public int resolve(String identifier) {
        if (identifier == null) {
            return -1;
        }
        Integer id = byUid.get(identifier);
        if (id == null) {
            id = byCode.get(identifier);
        }
        return id == null ? -1 : id;
    }

    public int size() {
        return byUid.size();
    }
}
