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
 * <p>The lookups are loaded under a lock, so that checks running on two threads share one copy; the
 * connection and the tallies are for the run's own thread.
 */
public final class QualityContext {

    private final Connection connection;
    private final QualityParameters parameters;
    private final ScoreTallies tallies = new ScoreTallies();
    private WorkspaceMetadata metadata;
    private Registrations registrations;
    private final java.util.Map<Class<?>, Object> shared = new java.util.HashMap<>();

    /** Reads a lookup from the workspace (see {@link #shared}). */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Connection connection) throws SQLException;
    }

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
    public synchronized WorkspaceMetadata metadata() throws SQLException {
        if (metadata == null) {
            metadata = WorkspaceMetadata.load(connection, parameters.from(), parameters.to());
        }
        return metadata;
    }

    /** The complete data set registrations within the run's range, read on first use. */
    public synchronized Registrations registrations() throws SQLException {
        if (registrations == null) {
            registrations = Registrations.load(connection, metadata());
        }
        return registrations;
    }

    /**
     * A lookup of type {@code type} that several checks use (the org-unit tree with its geometries...),
     * read with {@code loader} on first use and then shared by every check of the run.
     */
    public synchronized <T> T shared(Class<T> type, Loader<T> loader) throws SQLException {
        Object x = shared.get(type);
        if (x == null) {
            x = java.util.Objects.requireNonNull(loader.load(connection));
            shared.put(type, x);
        }
        return type.cast(x);
    }

    /** Pass/total counts per district and dimension: the scorecard's cells. */
    public ScoreTallies tallies() {
        return tallies;
    }
}
