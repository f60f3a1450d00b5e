package org.santeatlas.quality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.santeatlas.core.period.Period;

/**
 * The complete data set registrations of the run's range (DHIS2 {@code completeDataSetRegistrations}):
 * which org unit completed which data set for which period, and on which day. A registration that is
 * not {@code completed} does not count, as in DHIS2's reporting-rate analytics.
 */
public final class Registrations {

    /** Registration day (epoch day; {@link #UNDATED} when none), by (data set, org unit, period) key. */
    private final LongIntMap day;
    /** Data sets with at least one registration in the range. */
    private final Set<Integer> registeredDataSets = new HashSet<>();

    private static final int UNDATED = Integer.MIN_VALUE;
    private static final int ABSENT = Integer.MAX_VALUE;

    private Registrations(int expected) {
        day = new LongIntMap(expected);
    }

    static Registrations load(Connection connection, WorkspaceMetadata metadata) throws SQLException {
        Registrations r;
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM COMPLETE_REGISTRATION")) {
                rs.next();
                r = new Registrations((int) Math.min(1 << 28, rs.getLong(1)));
            }
            // Whether each stored period lies in the range, decided once per period rather than per row.
            byte[] inRange = new byte[1024];
            try (ResultSet rs = st.executeQuery("SELECT DATA_SET_ID, ORG_UNIT_ID, PERIOD_ID, REGISTERED"
                    + " FROM COMPLETE_REGISTRATION WHERE COMPLETED")) {
                while (rs.next()) {
                    int pid = rs.getInt(3);
                    if (pid < 0) {
                        continue;
                    }
                    if (pid >= inRange.length) {
                        inRange = java.util.Arrays.copyOf(inRange, Math.max(pid + 1, inRange.length * 2));
                    }
                    if (inRange[pid] == 0) {
                        Period p = metadata.period(pid);
                        inRange[pid] = (byte) (p != null && metadata.inRange(p) ? 1 : 2);
                    }
                    if (inRange[pid] != 1) {
                        continue;
                    }
                    LocalDateTime t = rs.getObject(4, LocalDateTime.class);
                    // No registration date: counted as received, never as late (nothing says it was).
                    int epochDay = t == null ? UNDATED : (int) t.toLocalDate().toEpochDay();
                    r.day.putMin(key(rs.getInt(1), rs.getInt(2), pid), epochDay);
                    r.registeredDataSets.add(rs.getInt(1));
                }
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
        int d = day.get(key(dataSet, orgUnit, periodId), ABSENT);
        return d == ABSENT || d == UNDATED ? null : LocalDate.ofEpochDay(d);
    }

    /** The day it was completed as an epoch day, {@link Integer#MIN_VALUE} when undated or not received. */
    public int registeredDay(int dataSet, int orgUnit, int periodId) {
        int d = day.get(key(dataSet, orgUnit, periodId), ABSENT);
        return d == ABSENT ? Integer.MIN_VALUE : d;
    }

    /** Whether the data set has any registration in the range (else its reporting cannot be judged). */
    public boolean hasAny(int dataSet) {
        return registeredDataSets.contains(dataSet);
    }
}
