package org.santeatlas.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check reads: the workspace connection (read only: checks never write data), the run's
 * parameters, and the lookups shared by all checks, each loaded once per run on first use: the
 * {@link WorkspaceMetadata} (org-unit tree, data elements, data sets, periods, the run's range), the
 * {@link Registrations} (complete data set registrations) and any other {@link #shared} lookup (the
 * org-unit tree with geometries). Checks also add their pass/total counts to {@link #tallies()}, from
 * which the run builds its scorecard.
 *
 * <p>A run may run checks on two threads: each thread then has its own context ({@link #forThread()}),
 * with its own tallies, sharing the lookups (loaded under a lock, read-only once loaded) and the
 * connection (H2's JDBC connection serialises statements).
 */
public final class QualityContext {

    /** Reads a lookup from the workspace (see {@link #shared}). */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Connection connection) throws SQLException;
    }

    /** The lookups of a run, shared by the contexts of its threads. */
    private static final class Lookups {
        WorkspaceMetadata metadata;
        Registrations registrations;
        final Map<Class<?>, Object> shared = new HashMap<>();
    }

    private final Connection connection;
    private final QualityParameters parameters;
    private final Lookups lookups;
    private final ScoreTallies tallies = new ScoreTallies();

    public QualityContext(Connection connection, QualityParameters parameters) {
        this(connection, parameters, new Lookups());
    }

    private QualityContext(Connection connection, QualityParameters parameters, Lookups lookups) {
        this.connection = Objects.requireNonNull(connection);
        this.parameters = Objects.requireNonNull(parameters);
        this.lookups = lookups;
    }

    /** A context for checks running on another thread: the same lookups, its own (empty) tallies. */
    public QualityContext forThread() {
        return new QualityContext(connection, parameters, lookups);
    }

    public Connection connection() {
        return connection;
    }

    public QualityParameters parameters() {
        return parameters;
    }

    /** The workspace's metadata and the run's range, read on first use. */
    public WorkspaceMetadata metadata() throws SQLException {
        synchronized (lookups) {
            if (lookups.metadata == null) {
                lookups.metadata = WorkspaceMetadata.load(connection, parameters.from(), parameters.to());
            }
            return lookups.metadata;
        }
    }

    /** The complete data set registrations within the run's range, read on first use. */
    public Registrations registrations() throws SQLException {
        synchronized (lookups) {
            if (lookups.registrations == null) {
                lookups.registrations = Registrations.load(connection, metadata());
            }
            return lookups.registrations;
        }
    }

    /**
     * A lookup of type {@code type} that several checks use (the org-unit tree with its geometries...),
     * read with {@code loader} on first use and then shared by every check of the run. It must not change
     * once loaded.
     */
    public <T> T shared(Class<T> type, Loader<T> loader) throws SQLException {
        synchronized (lookups) {
            Object x = lookups.shared.get(type);
            if (x == null) {
                x = Objects.requireNonNull(loader.load(connection));
                lookups.shared.put(type, x);
            }
            return type.cast(x);
        }
    }

    /** Pass/total counts per district and dimension: the scorecard's cells. This thread's checks only. */
    public ScoreTallies tallies() {
        return tallies;
    }
}
