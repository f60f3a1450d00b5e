package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.santeatlas.core.period.Period;

/**
 * The workspace's PERIOD table in memory: ISO string to surrogate key, and each key's dates for
 * chronological ordering. Periods are created on first use, inside the caller's transaction.
 */
public final class PeriodIndex {

    private final Connection connection;
    private final Map<String, Integer> byIso = new HashMap<>();
    private final Map<Integer, Period> byId = new HashMap<>();

    private PeriodIndex(Connection connection) {
        this.connection = connection;
    }

    public static PeriodIndex load(Connection connection) throws SQLException {
        PeriodIndex index = new PeriodIndex(connection);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, ISO FROM PERIOD")) {
            while (rs.next()) {
                Period period = Period.parse(rs.getString(2));
                index.byIso.put(period.iso(), rs.getInt(1));
                index.byId.put(rs.getInt(1), period);
            }
        }
        return index;
    }

    /**
     * The key of a period, creating its row when new.
     *
     * @throws org.santeatlas.core.period.PeriodFormatException when {@code iso} is not a DHIS2 period
     */
    public int idOf(String iso) throws SQLException {
        Integer id = byIso.get(iso);
        if (id != null) {
            return id;
        }
        Period period = Period.parse(iso);
        id = byIso.get(period.iso());
        if (id == null) {
            id = insert(period);
            byId.put(id, period);
            byIso.put(period.iso(), id);
        }
        byIso.put(iso, id);
        return id;
    }

    public Period period(int id) {
        return byId.get(id);
    }

    /** Chronological order of two period keys: start date, then end date, then key. */
    public int compare(int a, int b) {
        if (a == b) {
            return 0;
        }
        int c = byId.get(a).compareTo(byId.get(b));
        return c != 0 ? c : Integer.compare(a, b);
    }

    private int insert(Period period) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO PERIOD(ISO, PERIOD_TYPE, START_DATE, END_DATE) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, period.iso());
            insert.setString(2, period.type().dhis2Name());
            insert.setDate(3, Date.valueOf(period.startDate()));
            insert.setDate(4, Date.valueOf(period.endDate()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }
}
