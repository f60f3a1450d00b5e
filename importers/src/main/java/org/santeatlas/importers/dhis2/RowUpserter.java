package org.santeatlas.importers.dhis2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Insert-or-update of one metadata table keyed by DHIS2 UID, telling whether the row was created,
 * changed or already identical (so that a re-import can say it changed nothing).
 */
final class RowUpserter implements AutoCloseable {

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** The result of one upsert: the row's surrogate key and what happened. */
    record Row(int id, Outcome outcome) {}

    private final String[] columns;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final int batchId;

    RowUpserter(Connection c, String table, int batchId, String... columns) throws SQLException {
        this.columns = columns;
        this.batchId = batchId;
        String list = String.join(", ", columns);
        this.select = c.prepareStatement("SELECT ID, " + list + " FROM " + table + " WHERE UID = ?");
        this.insert = c.prepareStatement("INSERT INTO " + table + "(" + list + ", BATCH_ID, UID) VALUES ("
                + "?, ".repeat(columns.length) + "?, ?)", Statement.RETURN_GENERATED_KEYS);
        this.update = c.prepareStatement("UPDATE " + table + " SET " + String.join(" = ?, ", columns)
                + " = ?, BATCH_ID = ? WHERE ID = ?");
    }

    Row upsert(String uid, Object... values) throws SQLException {
        select.setString(1, uid);
        int id;
        try (ResultSet rs = select.executeQuery()) {
            if (rs.next()) {
                id = rs.getInt(1);
                boolean same = true;
                for (int i = 0; i < columns.length && same; i++) {
                    same = equal(rs.getObject(i + 2), values[i]);
                }
                if (same) {
                    return new Row(id, Outcome.UNCHANGED);
                }
            } else {
                id = -1;
            }
        }
        PreparedStatement st = id < 0 ? insert : update;
        for (int i = 0; i < values.length; i++) {
            st.setObject(i + 1, values[i]);
        }
        st.setInt(values.length + 1, batchId);
        if (id < 0) {
            st.setString(values.length + 2, uid);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new Row(keys.getInt(1), Outcome.CREATED);
            }
        }
        st.setInt(values.length + 2, id);
        st.executeUpdate();
        return new Row(id, Outcome.UPDATED);
    }

    private static boolean equal(Object stored, Object value) {
        if (stored instanceof Geometry g && value instanceof Geometry h) {
            return g.getSRID() == h.getSRID() && g.equalsExact(h);
        }
        if (stored instanceof Number a && value instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return Objects.equals(stored, value);
    }

    @Override
    public void close() throws SQLException {
        select.close();
        insert.close();
        update.close();
    }

    /** A map from UID to surrogate key for one table, for resolving references. */
    static Map<String, Integer> ids(Connection c, String table) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UID, ID FROM " + table)) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ids;
    }
}
