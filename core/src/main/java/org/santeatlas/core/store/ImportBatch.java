package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded import: the file, its SHA-256 and format, when it ran and what it did. Only imports
 * that changed the workspace are recorded (a re-import that changes nothing leaves no batch).
 */
public record ImportBatch(int id, String fileName, String sha256, long fileSize, String format, OffsetDateTime started,
                          OffsetDateTime finished, long created, long updated, long unchanged, long deleted,
                          long rejected) {

    public Duration duration() {
        return finished == null ? Duration.ZERO : Duration.between(started, finished);
    }

    /** Every finished batch of the workspace, oldest first. */
    public static List<ImportBatch> list(Connection connection) throws SQLException {
        List<ImportBatch> batches = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, FILE_NAME, FILE_SHA256, FILE_SIZE, FORMAT, STARTED, FINISHED,"
                     + " CREATED_COUNT, UPDATED_COUNT, UNCHANGED_COUNT, DELETED_COUNT, REJECTED_COUNT"
                     + " FROM IMPORT_BATCH WHERE FINISHED IS NOT NULL ORDER BY ID")) {
            while (rs.next()) {
                batches.add(new ImportBatch(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)));
            }
        }
        return batches;
    }
}
