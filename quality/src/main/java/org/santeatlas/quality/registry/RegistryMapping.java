package org.santeatlas.quality.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry ↔ SNIS mapping table (REGISTRY_MAPPING, migration V7): the user's decisions, which
 * later reconciliations reuse, and the proposals of the last one. Checks only read it
 * ({@link #load}); the application writes it when the user confirms or overrides a pair, and after a
 * quality run ({@link #saveProposals}) so that the user has proposals to confirm.
 */
public final class RegistryMapping {

    public enum Decision {
        /** Found by the last automatic reconciliation; replaced at every run. */
        PROPOSED,
        /** The user accepted the pair: kept, and used before any automatic matching. */
        CONFIRMED,
        /** The user chose the org unit, or said that none exists (org unit null): wins over automatic matching. */
        OVERRIDDEN
    }

    /** A row: the registry record (source, code), the org unit's UID (null: none), how it was decided. */
    public record Entry(String source, String registryCode, String orgUnitUid, Decision decision, String method,
                        Double score, Double distanceMetres, String decidedBy) {

        public boolean isUserDecision() {
            return decision != Decision.PROPOSED;
        }
    }

    /** (source, code) → entry. */
    public static Map<String, Entry> load(Connection connection) throws SQLException {
        Map<String, Entry> out = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT SOURCE, REGISTRY_CODE, ORG_UNIT_UID, DECISION, METHOD, SCORE,"
                     + " DISTANCE_METRES, DECIDED_BY FROM REGISTRY_MAPPING")) {
            while (rs.next()) {
                double score = rs.getDouble(6);
                Double s = rs.wasNull() ? null : score;
                double distance = rs.getDouble(7);
                Double d = rs.wasNull() ? null : distance;
                Entry e = new Entry(rs.getString(1), rs.getString(2), rs.getString(3), Decision.valueOf(rs.getString(4)),
                        rs.getString(5), s, d, rs.getString(8));
                out.put(key(e.source(), e.registryCode()), e);
            }
        }
        return out;
    }

    static String key(String source, String code) {
        return source + '\u0000' + code;
    }

    /** The user accepts that registry record (source, code) is org unit {@code orgUnitUid}. */
    public static void confirm(Connection connection, String source, String code, String orgUnitUid, String user)
            throws SQLException {
        upsert(connection, new Entry(source, code, orgUnitUid, Decision.CONFIRMED, "USER", null, null, user));
    }

    /** The user says that registry record (source, code) is org unit {@code orgUnitUid}, or none (null). */
    public static void override(Connection connection, String source, String code, String orgUnitUid, String user)
            throws SQLException {
        upsert(connection, new Entry(source, code, orgUnitUid, Decision.OVERRIDDEN, "USER", null, null, user));
    }

    /** Forgets the decision on a record: the next reconciliation matches it automatically again. */
    public static void forget(Connection connection, String source, String code) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM REGISTRY_MAPPING WHERE SOURCE = ? AND REGISTRY_CODE = ?")) {
            ps.setString(1, source);
            ps.setString(2, code);
            ps.executeUpdate();
        }
    }

    /**
     * Replaces the proposals by the automatic matches of {@code result}; user decisions are untouched.
     * Runs in the caller's transaction.
     */
    public static void saveProposals(Connection connection, Reconciliation result) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM REGISTRY_MAPPING WHERE DECISION = 'PROPOSED'");
        }
        for (Reconciliation.Match m : result.matched()) {
            if (m.method() == Reconciliation.Method.CODE || m.method() == Reconciliation.Method.NAME_DISTANCE) {
                upsert(connection, new Entry(m.record().source(), m.record().code(), m.orgUnit().uid(),
                        Decision.PROPOSED, m.method().name(), m.similarity(),
                        Double.isNaN(m.distanceMetres()) ? null : m.distanceMetres(), null));
            }
        }
    }

    private static void upsert(Connection connection, Entry e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO REGISTRY_MAPPING(SOURCE, REGISTRY_CODE,"
                + " ORG_UNIT_UID, DECISION, METHOD, SCORE, DISTANCE_METRES, DECIDED_BY, UPDATED)"
                + " KEY(SOURCE, REGISTRY_CODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.source());
            ps.setString(2, e.registryCode());
            ps.setString(3, e.orgUnitUid());
            ps.setString(4, e.decision().name());
            ps.setString(5, e.method());
            setDouble(ps, 6, e.score());
            setDouble(ps, 7, e.distanceMetres());
            ps.setString(8, e.decidedBy());
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private RegistryMapping() {
    }
}
