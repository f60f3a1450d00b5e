package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads and writes rows of {@code DATA_VALUE_SERIES}; batches writes. Package-private. */
final class SeriesTable implements AutoCloseable {

    private static final int BATCH = 500;

    private final Connection connection;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private int pendingInserts;
    private int pendingUpdates;
    private int longestSeries;

    SeriesTable(Connection connection) throws SQLException {
        this.connection = connection;
        String key = " WHERE DATA_ELEMENT_ID = ? AND ORG_UNIT_ID = ? AND CATEGORY_OPTION_COMBO_ID = ?"
                + " AND ATTRIBUTE_OPTION_COMBO_ID = ?";
        this.select = connection.prepareStatement("SELECT DATA FROM DATA_VALUE_SERIES" + key);
        this.insert = connection.prepareStatement("INSERT INTO DATA_VALUE_SERIES(SLOT_COUNT, VALUE_COUNT,"
                + " FIRST_PERIOD_ID, LAST_PERIOD_ID, DATA, DATA_ELEMENT_ID, ORG_UNIT_ID, CATEGORY_OPTION_COMBO_ID,"
                + " ATTRIBUTE_OPTION_COMBO_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.update = connection.prepareStatement("UPDATE DATA_VALUE_SERIES SET SLOT_COUNT = ?, VALUE_COUNT = ?,"
                + " FIRST_PERIOD_ID = ?, LAST_PERIOD_ID = ?, DATA = ?" + key);
    }

    /** Whether the table holds no series at all (then no series needs reading back). */
    boolean isEmpty() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE_SERIES")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** The stored series into {@code into} (cleared first); false when the table has none for the key. */
    boolean load(int de, int ou, int coc, int aoc, Series into) throws SQLException {
        into.clear();
        select.setInt(1, de);
        select.setInt(2, ou);
        select.setInt(3, coc);
        select.setInt(4, aoc);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            SeriesCodec.decode(rs.getBytes(1), into);
            return true;
        }
    }

    void write(int de, int ou, int coc, int aoc, Series s, boolean exists) throws SQLException {
        int m = s.size;
        int alive = 0;
        Integer firstAlive = null;
        Integer lastAlive = null;
        for (int j = 0; j < m; j++) {
            if (s.alive(j)) {
                alive++;
                if (firstAlive == null) {
                    firstAlive = s.pe[j];
                }
                lastAlive = s.pe[j];
            }
        }
        PreparedStatement st = exists ? update : insert;
        st.setInt(1, m);
        st.setInt(2, alive);
        st.setObject(3, firstAlive);
        st.setObject(4, lastAlive);
        st.setBytes(5, SeriesCodec.encode(s));
        st.setInt(6, de);
        st.setInt(7, ou);
        st.setInt(8, coc);
        st.setInt(9, aoc);
        st.addBatch();
        longestSeries = Math.max(longestSeries, m);
        if (exists) {
            pendingUpdates++;
        } else {
            pendingInserts++;
        }
        if (pendingInserts + pendingUpdates >= BATCH) {
            flush();
        }
    }

    /** Executes pending writes and keeps {@code SERIES_SLOT} as long as the longest series. */
    void finish() throws SQLException {
        flush();
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO SERIES_SLOT(SLOT) SELECT X FROM SYSTEM_RANGE("
                    + "(SELECT COALESCE(MAX(SLOT), 0) + 1 FROM SERIES_SLOT), " + longestSeries + ")");
        }
    }

    private void flush() throws SQLException {
        if (pendingInserts > 0) {
            insert.executeBatch();
            pendingInserts = 0;
        }
        if (pendingUpdates > 0) {
            update.executeBatch();
            pendingUpdates = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        select.close();
        insert.close();
        update.close();
    }
}
