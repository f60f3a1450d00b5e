package org.santeatlas.quality.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;

/**
 * QUALITY_RUN and QUALITY_FINDING: saves a run with its parameters (JSON) and findings in one
 * transaction, marks findings for follow-up, lists the findings marked.
 */
public final class QualityRunStore {

    /** A stored finding: its row id and whether it is marked for follow-up. */
    public record StoredFinding(long id, int runId, boolean followUp, Finding finding) {}

    private static final int BATCH = 2_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Connection connection;

    public QualityRunStore(Connection connection) {
        this.connection = connection;
    }

    /** Saves the run and its findings; all or nothing. Returns the run's id. */
    public int save(OffsetDateTime started, OffsetDateTime finished, List<String> checks, QualityParameters parameters,
                    List<Finding> findings) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int runId;
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO QUALITY_RUN(STARTED, FINISHED,"
                    + " CHECKS, PARAMETERS, FINDING_COUNT) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                run.setObject(1, started);
                run.setObject(2, finished);
                run.setString(3, truncate(String.join(",", checks), 1000));
                run.setString(4, ParametersJson.toJson(parameters));
                run.setInt(5, findings.size());
                run.executeUpdate();
                try (ResultSet keys = run.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getInt(1);
                }
            }
            try (PreparedStatement f = connection.prepareStatement("INSERT INTO QUALITY_FINDING(RUN_ID, CHECK_ID,"
                    + " DIMENSION, SEVERITY, ORG_UNIT_UID, DATA_ELEMENT_UID, CATEGORY_OPTION_COMBO_UID, PERIOD,"
                    + " OBSERVED, EXPECTED, SCORE, METHOD, MESSAGE_KEY, MESSAGE_ARGS, MESSAGE)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Finding x : findings) {
                    f.setInt(1, runId);
                    f.setString(2, truncate(x.check(), 60));
                    f.setString(3, x.dimension().id());
                    f.setString(4, x.severity().id());
                    f.setString(5, x.orgUnit());
                    f.setString(6, x.dataElement());
                    f.setString(7, x.categoryOptionCombo());
                    f.setString(8, x.period());
                    f.setString(9, truncate(x.value(), 200));
                    f.setString(10, truncate(x.expected(), 200));
                    if (Double.isFinite(x.score())) {
                        f.setDouble(11, x.score());
                    } else {
                        f.setNull(11, Types.DOUBLE);
                    }
                    f.setString(12, truncate(x.method(), 200));
                    f.setString(13, x.messageKey());
                    f.setString(14, argsJson(x.messageArgs()));
                    f.setString(15, truncate(x.message(), 2000));
                    f.addBatch();
                    if (++pending == BATCH) {
                        f.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    f.executeBatch();
                }
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

    /** The latest stored run, if any. */
    public OptionalInt latestRun() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(ID) FROM QUALITY_RUN")) {
            rs.next();
            int id = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(id);
        }
    }

    /** Marks (or unmarks) findings for follow-up (DHIS2's {@code followup}); returns how many rows changed. */
    public int markFollowUp(List<Long> findingIds, boolean followUp) throws SQLException {
        int changed = 0;
        try (PreparedStatement st = connection.prepareStatement("UPDATE QUALITY_FINDING SET FOLLOW_UP = ? WHERE ID = ?")) {
            for (long id : findingIds) {
                st.setBoolean(1, followUp);
                st.setLong(2, id);
                changed += st.executeUpdate();
            }
        }
        return changed;
    }

    /** The findings of a run, with their row ids, in insertion order. */
    public List<StoredFinding> findings(int runId) throws SQLException {
        return query("SELECT ID, RUN_ID, FOLLOW_UP, CHECK_ID, DIMENSION, SEVERITY, ORG_UNIT_UID, DATA_ELEMENT_UID,"
                + " CATEGORY_OPTION_COMBO_UID, PERIOD, OBSERVED, EXPECTED, SCORE, METHOD, MESSAGE_KEY, MESSAGE"
                + " FROM QUALITY_FINDING WHERE RUN_ID = " + runId + " ORDER BY ID");
    }

    /** Every finding marked for follow-up, of any run. */
    public List<StoredFinding> followUps() throws SQLException {
        return query("SELECT ID, RUN_ID, FOLLOW_UP, CHECK_ID, DIMENSION, SEVERITY, ORG_UNIT_UID, DATA_ELEMENT_UID,"
                + " CATEGORY_OPTION_COMBO_UID, PERIOD, OBSERVED, EXPECTED, SCORE, METHOD, MESSAGE_KEY, MESSAGE"
                + " FROM QUALITY_FINDING WHERE FOLLOW_UP ORDER BY ID");
    }

    private List<StoredFinding> query(String sql) throws SQLException {
        List<StoredFinding> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Finding f = new Finding(rs.getString(4), dimension(rs.getString(5)), severity(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getDouble(13), rs.getString(14), rs.getString(15), List.of(),
                        rs.getString(16));
                out.add(new StoredFinding(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), f));
            }
        }
        return out;
    }

    private static org.santeatlas.quality.Dimension dimension(String id) {
        for (org.santeatlas.quality.Dimension d : org.santeatlas.quality.Dimension.values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalStateException("Unknown dimension " + id);
    }

    private static org.santeatlas.quality.Severity severity(String id) {
        for (org.santeatlas.quality.Severity s : org.santeatlas.quality.Severity.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalStateException("Unknown severity " + id);
    }

    private static String argsJson(List<Object> args) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (Object a : args) {
                if (a instanceof Number n) {
                    g.writeNumber(n.toString());
                } else {
                    g.writeString(String.valueOf(a));
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
