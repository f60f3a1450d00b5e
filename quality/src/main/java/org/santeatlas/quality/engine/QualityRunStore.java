package org.santeatlas.quality.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalInt;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;

/**
 * QUALITY_RUN and its findings: saves a run with its parameters (JSON) and findings in one transaction (the
 * findings in binary blocks, QUALITY_FINDING_BLOCK, since migration V11), marks findings for follow-up
 * (QUALITY_FOLLOW_UP), lists a run's findings and the findings marked. Runs saved before V11, one row per finding
 * in QUALITY_FINDING, are read as before.
 */
public final class QualityRunStore {

    /** A stored finding: its row id and whether it is marked for follow-up. */
    public record StoredFinding(long id, int runId, boolean followUp, Finding finding) {}

    /** Findings per stored block: a national run's ≈ 41 000 in 11 rows of a few hundred kB. */
    private static final int BLOCK = 4_096;

    private final Connection connection;

    public QualityRunStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Saves the run and its findings; all or nothing. Returns the run's id. The findings go in blocks of
     * {@value #BLOCK} ({@link FindingBlocks}), numbered from the run's first finding id on.
     */
    public int save(OffsetDateTime started, OffsetDateTime finished, List<String> checks, QualityParameters parameters,
                    List<Finding> findings) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long firstId = nextFindingId();
            int runId;
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO QUALITY_RUN(STARTED, FINISHED,"
                    + " CHECKS, PARAMETERS, FINDING_COUNT, FIRST_FINDING_ID) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                run.setObject(1, started);
                run.setObject(2, finished);
                run.setString(3, truncate(String.join(",", checks), 1000));
                run.setString(4, ParametersJson.toJson(parameters));
                run.setInt(5, findings.size());
                run.setLong(6, firstId);
                run.executeUpdate();
                try (ResultSet keys = run.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getInt(1);
                }
            }
            try (PreparedStatement b = connection.prepareStatement("INSERT INTO QUALITY_FINDING_BLOCK(RUN_ID, SEQ,"
                    + " FINDING_COUNT, DATA) VALUES (?, ?, ?, ?)")) {
                for (int from = 0, seq = 0; from < findings.size(); from += BLOCK, seq++) {
                    List<Finding> part = findings.subList(from, Math.min(findings.size(), from + BLOCK));
                    b.setInt(1, runId);
                    b.setInt(2, seq);
                    b.setInt(3, part.size());
                    b.setBytes(4, FindingBlocks.encode(part));
                    b.addBatch();
                }
                b.executeBatch();
            }
            connection.commit();
            return runId;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** One more than the largest finding id of any stored run, rows (before V11) or blocks. */
    private long nextFindingId() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT GREATEST(COALESCE((SELECT MAX(ID) FROM QUALITY_FINDING), 0),"
                     + " COALESCE((SELECT MAX(FIRST_FINDING_ID + FINDING_COUNT - 1) FROM QUALITY_RUN"
                     + " WHERE FIRST_FINDING_ID IS NOT NULL), 0))")) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** The latest stored run, if any. */
    public OptionalInt latestRun() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(ID) FROM QUALITY_RUN")) {
            rs.next();
            int id = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(id);
        }
    }

    /** Marks (or unmarks) findings for follow-up (DHIS2's {@code followup}); returns how many findings it names. */
    public int markFollowUp(List<Long> findingIds, boolean followUp) throws SQLException {
        int changed = 0;
        try (PreparedStatement row = connection.prepareStatement("UPDATE QUALITY_FINDING SET FOLLOW_UP = ? WHERE ID = ?");
             PreparedStatement run = connection.prepareStatement("SELECT ID, FIRST_FINDING_ID FROM QUALITY_RUN"
                     + " WHERE FIRST_FINDING_ID <= ? AND ? < FIRST_FINDING_ID + FINDING_COUNT");
             PreparedStatement mark = connection.prepareStatement(followUp
                     ? "MERGE INTO QUALITY_FOLLOW_UP(RUN_ID, FINDING_INDEX) KEY(RUN_ID, FINDING_INDEX) VALUES (?, ?)"
                     : "DELETE FROM QUALITY_FOLLOW_UP WHERE RUN_ID = ? AND FINDING_INDEX = ?")) {
            for (long id : findingIds) {
                run.setLong(1, id);
                run.setLong(2, id);
                try (ResultSet rs = run.executeQuery()) {
                    if (rs.next()) {
                        mark.setInt(1, rs.getInt(1));
                        mark.setInt(2, (int) (id - rs.getLong(2)));
                        mark.executeUpdate();
                        changed++;
                        continue;
                    }
                }
                row.setBoolean(1, followUp);
                row.setLong(2, id);
                changed += row.executeUpdate();
            }
        }
        return changed;
    }

    /** The findings of a run, with their ids, in the run's order. */
    public List<StoredFinding> findings(int runId) throws SQLException {
        Long firstId = null;
        try (PreparedStatement st = connection.prepareStatement("SELECT FIRST_FINDING_ID FROM QUALITY_RUN WHERE ID = ?")) {
            st.setInt(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    firstId = rs.wasNull() ? null : v;
                }
            }
        }
        if (firstId == null) {
            return query("SELECT ID, RUN_ID, FOLLOW_UP, CHECK_ID, DIMENSION, SEVERITY, ORG_UNIT_UID, DATA_ELEMENT_UID,"
                    + " CATEGORY_OPTION_COMBO_UID, PERIOD, OBSERVED, EXPECTED, SCORE, METHOD, MESSAGE_KEY, MESSAGE"
                    + " FROM QUALITY_FINDING WHERE RUN_ID = " + runId + " ORDER BY ID");
        }
        return blocks(runId, firstId, null);
    }

    /** Every finding marked for follow-up, of any run, by id. */
    public List<StoredFinding> followUps() throws SQLException {
        List<StoredFinding> out = new ArrayList<>(query("SELECT ID, RUN_ID, FOLLOW_UP, CHECK_ID, DIMENSION, SEVERITY,"
                + " ORG_UNIT_UID, DATA_ELEMENT_UID, CATEGORY_OPTION_COMBO_UID, PERIOD, OBSERVED, EXPECTED, SCORE,"
                + " METHOD, MESSAGE_KEY, MESSAGE FROM QUALITY_FINDING WHERE FOLLOW_UP ORDER BY ID"));
        Map<Integer, Long> runs = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT R.ID, R.FIRST_FINDING_ID FROM QUALITY_RUN R"
                     + " JOIN QUALITY_FOLLOW_UP F ON F.RUN_ID = R.ID ORDER BY R.ID")) {
            while (rs.next()) {
                runs.put(rs.getInt(1), rs.getLong(2));
            }
        }
        for (Map.Entry<Integer, Long> e : runs.entrySet()) {
            out.addAll(blocks(e.getKey(), e.getValue(), Boolean.TRUE));
        }
        out.sort(Comparator.comparingLong(StoredFinding::id));
        return out;
    }

    /** The findings of a run stored in blocks; only those marked for follow-up when {@code onlyMarked}. */
    private List<StoredFinding> blocks(int runId, long firstId, Boolean onlyMarked) throws SQLException {
        Set<Integer> marked = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT FINDING_INDEX FROM QUALITY_FOLLOW_UP"
                + " WHERE RUN_ID = ?")) {
            st.setInt(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    marked.add(rs.getInt(1));
                }
            }
        }
        List<StoredFinding> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT DATA FROM QUALITY_FINDING_BLOCK"
                + " WHERE RUN_ID = ? ORDER BY SEQ")) {
            st.setInt(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                int index = 0;
                while (rs.next()) {
                    for (Finding f : FindingBlocks.decode(rs.getBytes(1))) {
                        boolean m = marked.contains(index);
                        if (onlyMarked == null || m) {
                            out.add(new StoredFinding(firstId + index, runId, m, f));
                        }
                        index++;
                    }
                }
            }
        }
        return out;
    }

    /** Findings stored one per row (runs saved before migration V11). */
    private List<StoredFinding> query(String sql) throws SQLException {
        List<StoredFinding> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Finding f = new Finding(rs.getString(4), FindingBlocks.dimension(rs.getString(5)),
                        FindingBlocks.severity(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getDouble(13), rs.getString(14),
                        rs.getString(15), List.of(), rs.getString(16));
                out.add(new StoredFinding(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), f));
            }
        }
        return out;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
