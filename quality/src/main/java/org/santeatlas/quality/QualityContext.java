package org.santeatlas.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * What a check reads: the workspace connection (read only: checks never write data), the run's
 * parameters, and the lookups shared by all checks, each loaded once per run on first use: the
 * {@link WorkspaceMetadata} (org-unit tree, data elements, data sets, periods, the run's range) and the
 * {@link Registrations} (complete data set registrations). Checks also add their pass/total counts to
 * {@link #tallies()}, from which the run builds its scorecard.
 *
 * <p>One thread at a time, like the connection.
 */
public final class QualityContext {

    private final Connection connection;
    private final QualityParameters parameters;
    private final ScoreTallies tallies = new ScoreTallies();
    private WorkspaceMetadata metadata;
    private Registrations registrations;

    public QualityContext(Connection connection, QualityParameters parameters) {
        this.connection = Objects.requireNonNull(connection);
        this.parameters = Objects.requireNonNull(parameters);
    }

    public Connection connection() {
        return connection;
    }

    public QualityParameters parameters() {
        return parameters;
    }

    /** The workspace's metadata and the run's range, read on first use. */
    public WorkspaceMetadata metadata() throws SQLException {
        if (metadata == null) {
            metadata = WorkspaceMetadata.load(connection, parameters.from(), parameters.to());
        }
        return metadata;
    }

    /** The complete data set registrations within the run's range, read on first use. */
    public Registrations registrations() throws SQLException {
        if (registrations == null) {
            registrations = Registrations.load(connection, metadata());
        }
        return registrations;
    }

    /** Pass/total counts per district and dimension: the scorecard's cells. */
    public ScoreTallies tallies() {
        return tallies;
    }
}
