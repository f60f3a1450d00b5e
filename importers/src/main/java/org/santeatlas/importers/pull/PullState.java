package org.santeatlas.importers.pull;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The pull bookkeeping in the workspace (tables DHIS2_PULL and DHIS2_PULL_CHUNK, migration V4): which
 * pull is under way, which of its chunks are done, and when each chunk was last fetched successfully.
 * Each write commits at once (auto-commit), outside the imports' transactions: a chunk is marked done
 * only after its import committed, so a crash in between costs one chunk fetched again (imports are
 * idempotent), never a chunk marked done that is not in the workspace.
 */
final class PullState {

    private final Connection c;

    PullState(Connection c) {
        this.c = c;
    }

    /** The pull being resumed or begun. */
    record Pull(int id, boolean resumed, Set<String> doneChunkKeys) {
    }

    /** Resumes the last unfinished pull of the same request, or records a new one. */
    Pull begin(PullRequest r) throws SQLException {
        String dataSets = String.join(",", r.dataSets());
        try (PreparedStatement find = c.prepareStatement("SELECT ID FROM DHIS2_PULL WHERE SERVER_URL = ? AND"
                + " ORG_UNIT_UID = ? AND ORG_UNIT_SCOPE = ? AND DATA_SETS = ? AND START_DATE = ? AND END_DATE = ?"
                + " AND STATUS <> 'DONE' ORDER BY ID DESC LIMIT 1")) {
            find.setString(1, r.server().display());
            find.setString(2, r.orgUnit());
            find.setString(3, r.scope().name());
            find.setString(4, dataSets);
            find.setDate(5, Date.valueOf(r.start()));
            find.setDate(6, Date.valueOf(r.end()));
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    int id = rs.getInt(1);
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE DHIS2_PULL SET STATUS = 'RUNNING', FINISHED = NULL, ERROR = NULL WHERE ID = ?")) {
                        update.setInt(1, id);
                        update.executeUpdate();
                    }
                    return new Pull(id, true, doneKeys(id));
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DHIS2_PULL(SERVER_URL, ORG_UNIT_UID,"
                + " ORG_UNIT_SCOPE, DATA_SETS, START_DATE, END_DATE, STATUS, STARTED) VALUES (?, ?, ?, ?, ?, ?,"
                + " 'RUNNING', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, r.server().display());
            insert.setString(2, r.orgUnit());
            insert.setString(3, r.scope().name());
            insert.setString(4, dataSets);
            insert.setDate(5, Date.valueOf(r.start()));
            insert.setDate(6, Date.valueOf(r.end()));
            insert.setObject(7, OffsetDateTime.now());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Pull(keys.getInt(1), false, Set.of());
            }
        }
    }

    private Set<String> doneKeys(int pullId) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT KIND, ORG_UNIT_UID, CHILDREN, DATA_SET_UID,"
                + " PERIOD_START, PERIOD_END FROM DHIS2_PULL_CHUNK WHERE PULL_ID = ? AND STATUS = 'DONE'")) {
            st.setInt(1, pullId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.add(key(new PullResult.Chunk(PullResult.Kind.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getBoolean(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                            rs.getDate(6).toLocalDate())));
                }
            }
        }
        return keys;
    }

    static String key(PullResult.Chunk k) {
        return k.kind() + "|" + k.orgUnit() + "|" + k.children() + "|" + k.dataSet() + "|" + k.start() + "|"
                + k.end();
    }

    void planned(int pullId, int chunks) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE DHIS2_PULL SET CHUNK_COUNT = ? WHERE ID = ?")) {
            st.setInt(1, chunks);
            st.setInt(2, pullId);
            st.executeUpdate();
        }
    }

    /**
     * When the same chunk (same server, kind, org unit, data set and dates) was last fetched in full or
     * incrementally with success, by any pull: the lower bound of the next incremental request.
     */
    Optional<Instant> watermark(String server, PullResult.Chunk k) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT MAX(WATERMARK) FROM DHIS2_PULL_CHUNK WHERE"
                + " SERVER_URL = ? AND KIND = ? AND ORG_UNIT_UID = ? AND CHILDREN = ? AND DATA_SET_UID = ? AND"
                + " PERIOD_START = ? AND PERIOD_END = ? AND STATUS = 'DONE'")) {
            st.setString(1, server);
            st.setString(2, k.kind().name());
            st.setString(3, k.orgUnit());
            st.setBoolean(4, k.children());
            st.setString(5, k.dataSet());
            st.setDate(6, Date.valueOf(k.start()));
            st.setDate(7, Date.valueOf(k.end()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
            }
        }
    }

    /** Marks a chunk as running (a new row, or the row of a failed earlier attempt of this pull); its id. */
    int start(int pullId, String server, PullResult.Chunk k, Optional<LocalDateTime> lastUpdated)
            throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT ID FROM DHIS2_PULL_CHUNK WHERE PULL_ID = ? AND"
                + " KIND = ? AND ORG_UNIT_UID = ? AND CHILDREN = ? AND DATA_SET_UID = ? AND PERIOD_START = ? AND"
                + " PERIOD_END = ?")) {
            find.setInt(1, pullId);
            find.setString(2, k.kind().name());
            find.setString(3, k.orgUnit());
            find.setBoolean(4, k.children());
            find.setString(5, k.dataSet());
            find.setDate(6, Date.valueOf(k.start()));
            find.setDate(7, Date.valueOf(k.end()));
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    int id = rs.getInt(1);
                    try (PreparedStatement update = c.prepareStatement("UPDATE DHIS2_PULL_CHUNK SET STATUS = 'RUNNING',"
                            + " STARTED = ?, FINISHED = NULL, LAST_UPDATED = ?, ERROR = NULL WHERE ID = ?")) {
                        update.setObject(1, OffsetDateTime.now());
                        update.setTimestamp(2, lastUpdated.map(Timestamp::valueOf).orElse(null));
                        update.setInt(3, id);
                        update.executeUpdate();
                    }
                    return id;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DHIS2_PULL_CHUNK(PULL_ID, SERVER_URL, KIND,"
                + " ORG_UNIT_UID, CHILDREN, DATA_SET_UID, PERIOD_START, PERIOD_END, STATUS, STARTED, LAST_UPDATED)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, pullId);
            insert.setString(2, server);
            insert.setString(3, k.kind().name());
            insert.setString(4, k.orgUnit());
            insert.setBoolean(5, k.children());
            insert.setString(6, k.dataSet());
            insert.setDate(7, Date.valueOf(k.start()));
            insert.setDate(8, Date.valueOf(k.end()));
            insert.setObject(9, OffsetDateTime.now());
            insert.setTimestamp(10, lastUpdated.map(Timestamp::valueOf).orElse(null));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    void done(int chunkId, Instant watermark, int attempts, long bytes, Optional<Integer> batchId)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE DHIS2_PULL_CHUNK SET STATUS = 'DONE', FINISHED = ?,"
                + " WATERMARK = ?, ATTEMPTS = ATTEMPTS + ?, BYTES = ?, BATCH_ID = ? WHERE ID = ?")) {
            st.setObject(1, OffsetDateTime.now());
            st.setObject(2, OffsetDateTime.ofInstant(watermark, ZoneOffset.UTC));
            st.setInt(3, attempts);
            st.setLong(4, bytes);
            st.setObject(5, batchId.orElse(null));
            st.setInt(6, chunkId);
            st.executeUpdate();
        }
    }

    void failed(int chunkId, int attempts, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE DHIS2_PULL_CHUNK SET STATUS = 'FAILED', FINISHED = ?,"
                + " ATTEMPTS = ATTEMPTS + ?, ERROR = ? WHERE ID = ?")) {
            st.setObject(1, OffsetDateTime.now());
            st.setInt(2, attempts);
            st.setString(3, clip(error));
            st.setInt(4, chunkId);
            st.executeUpdate();
        }
    }

    void finish(int pullId, boolean complete, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE DHIS2_PULL SET STATUS = ?, FINISHED = ?, ERROR = ? WHERE ID = ?")) {
            st.setString(1, complete ? "DONE" : "STOPPED");
            st.setObject(2, OffsetDateTime.now());
            st.setString(3, error == null ? null : clip(error));
            st.setInt(4, pullId);
            st.executeUpdate();
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
