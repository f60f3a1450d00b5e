package org.santeatlas.app.quality;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.engine.QualityRunStore;

/**
 * A stored run's findings with their message arguments, so that the window can explain each in the
 * user's language. Runs stored in finding blocks (V11 on) come back from {@link QualityRunStore#findings}
 * with their arguments; for runs stored before, one row per finding, {@link QualityRunStore#findings} leaves
 * them out and they are read here from the JSON array in {@code QUALITY_FINDING.MESSAGE_ARGS}, numbers as
 * numbers. Blocking; the worker thread.
 */
public final class StoredFindings {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredFindings() {
    }

    /** The run's findings in stored order, each with its message arguments. */
    public static List<QualityRunStore.StoredFinding> of(Connection c, int runId) throws SQLException {
        List<QualityRunStore.StoredFinding> stored = new QualityRunStore(c).findings(runId);
        java.util.Map<Long, List<Object>> args = new java.util.HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT ID, MESSAGE_ARGS FROM QUALITY_FINDING WHERE RUN_ID = ?")) {
            st.setInt(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    args.put(rs.getLong(1), parse(rs.getString(2)));
                }
            }
        }
        List<QualityRunStore.StoredFinding> out = new ArrayList<>(stored.size());
        for (QualityRunStore.StoredFinding s : stored) {
            Finding f = s.finding();
            Finding full = new Finding(f.check(), f.dimension(), f.severity(), f.orgUnit(), f.dataElement(),
                    f.categoryOptionCombo(), f.period(), f.value(), f.expected(), f.score(), f.method(), f.messageKey(),
                    args.getOrDefault(s.id(), f.messageArgs()), f.message());
            out.add(new QualityRunStore.StoredFinding(s.id(), s.runId(), s.followUp(), full));
        }
        return out;
    }

    /** A JSON array of strings and numbers; anything unreadable gives no arguments. */
    static List<Object> parse(String json) {
        List<Object> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                switch (t) {
                    case VALUE_NUMBER_INT -> out.add(p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> out.add(p.getDoubleValue());
                    case VALUE_NULL -> out.add("");
                    default -> out.add(p.getText());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
