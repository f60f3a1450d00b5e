package org.santeatlas.quality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.santeatlas.core.period.Period;

/**
 * The complete data set registrations of the run's range (DHIS2 {@code completeDataSetRegistrations}):
 * which org unit completed which data set for which period, and on which day. A registration that is
 * not {@code completed} does not count, as in DHIS2's reporting-rate analytics.
 */
public final class Registrations {

    /** Registration day (epoch day), by (data set, org unit, period) key. */
    private final Map<Long, Integer> day = new HashMap<>();
    /** Data sets with at least one registration in the range. */
    private final Set<Integer> registeredDataSets = new HashSet<>();

    private Registrations() {
    }

    static Registrations load(Connection connection, WorkspaceMetadata metadata) throws SQLException {
        Registrations r = new Registrations();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_SET_ID, ORG_UNIT_ID, PERIOD_ID, REGISTERED"
                     + " FROM COMPLETE_REGISTRATION WHERE COMPLETED")) {
            while (rs.next()) {
                Period p = metadata.period(rs.getInt(3));
                if (p == null || !metadata.inRange(p)) {
                    continue;
                }
                Timestamp t = rs.getTimestamp(4);
                // No registration date: counted as received, never as late (nothing says it was).
                int epochDay = t == null ? Integer.MIN_VALUE : (int) t.toLocalDateTime().toLocalDate().toEpochDay();
                r.day.merge(key(rs.getInt(1), rs.getInt(2), rs.getInt(3)), epochDay, Math::min);
                r.registeredDataSets.add(rs.getInt(1));
            }
        }
        return r;
    }

    private static long key(int dataSet, int orgUnit, int period) {
        return ((long) dataSet << 44) ^ ((long) orgUnit << 22) ^ period;
    }

    /** Whether the org unit completed the data set for the period. */
    public boolean received(int dataSet, int orgUnit, int periodId) {
        return day.containsKey(key(dataSet, orgUnit, periodId));
    }

    /** The day it was completed; null when not received or undated. */
    public LocalDate registered(int dataSet, int orgUnit, int periodId) {
        Integer d = day.get(key(dataSet, orgUnit, periodId));
        return d == null || d == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(d);
    }

    /** Whether the data set has any registration in the range (else its reporting cannot be judged). */
    public boolean hasAny(int dataSet) {
        return registeredDataSets.contains(dataSet);
    }
}
