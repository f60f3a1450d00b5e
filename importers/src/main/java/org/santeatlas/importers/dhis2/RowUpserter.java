package org.santeatlas.importers.dhis2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final java.util.Set<String> keptWhenAbsent;
    /** For tables that hold placeholders (rows a data import made for unknown references): finders. */
    private final boolean placeholders;
    private final PreparedStatement placeholderByCode;
    private final PreparedStatement placeholderByName;
    private final PreparedStatement adopt;
    private final int codeColumn;
    private final int nameColumn;

    /**
     * @param keptWhenAbsent columns that an object without the field leaves as stored (the importer
     *                       derives them, e.g. an org unit's path and level when a file omits them)
     */
    RowUpserter(Connection c, String table, int batchId, java.util.Set<String> keptWhenAbsent, String... columns)
            throws SQLException {
        this.columns = columns;
        this.batchId = batchId;
        this.keptWhenAbsent = keptWhenAbsent;
        String list = String.join(", ", columns);
        this.placeholders = hasPlaceholderColumn(c, table);
        this.select = c.prepareStatement("SELECT ID, " + list + (placeholders ? ", PLACEHOLDER" : "") + " FROM " + table
                + " WHERE UID = ?");
        this.codeColumn = java.util.Arrays.asList(columns).indexOf("CODE");
        this.nameColumn = java.util.Arrays.asList(columns).indexOf("NAME");
        this.placeholderByCode = placeholders ? c.prepareStatement("SELECT ID FROM " + table
                + " WHERE PLACEHOLDER AND CODE = ? ORDER BY ID LIMIT 1") : null;
        this.placeholderByName = placeholders ? c.prepareStatement("SELECT ID FROM " + table
                + " WHERE PLACEHOLDER AND CODE IS NULL AND NAME = ? ORDER BY ID LIMIT 1") : null;
        this.insert = c.prepareStatement("INSERT INTO " + table + "(" + list + ", BATCH_ID, UID) VALUES ("
                + "?, ".repeat(columns.length) + "?, ?)", Statement.RETURN_GENERATED_KEYS);
        StringBuilder set = new StringBuilder();
        for (String column : columns) {
            set.append(column).append(keptWhenAbsent.contains(column) ? " = COALESCE(?, " + column + "), " : " = ?, ");
        }
        this.update = c.prepareStatement("UPDATE " + table + " SET " + set + "BATCH_ID = ?"
                + (placeholders ? ", PLACEHOLDER = FALSE" : "") + " WHERE ID = ?");
        this.adopt = placeholders ? c.prepareStatement("UPDATE " + table + " SET " + set
                + "BATCH_ID = ?, UID = ?, PLACEHOLDER = FALSE WHERE ID = ?") : null;
    }

    private static boolean hasPlaceholderColumn(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = 'PLACEHOLDER'")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /**
     * The placeholder a data import made for this object before its metadata came, found by the code
     * (or, for one named by name only, the name) that the data file used; -1 when none.
     */
    private int placeholderFor(Object[] values) throws SQLException {
        if (!placeholders) {
            return -1;
        }
        Object code = codeColumn >= 0 ? values[codeColumn] : null;
        PreparedStatement find = code != null ? placeholderByCode : nameColumn >= 0 && values[nameColumn] != null
                ? placeholderByName : null;
        if (find == null) {
            return -1;
        }
        find.setObject(1, code != null ? code : values[nameColumn]);
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    Row upsert(String uid, Object... values) throws SQLException {
        select.setString(1, uid);
        int id;
        try (ResultSet rs = select.executeQuery()) {
            if (rs.next()) {
                id = rs.getInt(1);
                boolean same = !placeholders || !rs.getBoolean(columns.length + 2);
                for (int i = 0; i < columns.length && same; i++) {
                    same = values[i] == null && keptWhenAbsent.contains(columns[i]) || equal(rs.getObject(i + 2), values[i]);
                }
                if (same) {
                    return new Row(id, Outcome.UNCHANGED);
                }
            } else {
                id = -1;
            }
        }
        if (id < 0) {
            int placeholder = placeholderFor(values);
            if (placeholder >= 0) {
                // The placeholder becomes the real object: values stored under it keep their reference.
                for (int i = 0; i < values.length; i++) {
                    adopt.setObject(i + 1, values[i]);
                }
                adopt.setInt(values.length + 1, batchId);
                adopt.setString(values.length + 2, uid);
                adopt.setInt(values.length + 3, placeholder);
                adopt.executeUpdate();
                return new Row(placeholder, Outcome.UPDATED);
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
        if (placeholders) {
            placeholderByCode.close();
            placeholderByName.close();
            adopt.close();
        }
    }
}
