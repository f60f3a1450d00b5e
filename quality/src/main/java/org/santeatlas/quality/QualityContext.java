package org.santeatlas.quality;

import java.sql.Connection;
import java.util.Objects;

/**
 * What a check reads: the workspace connection (read only: checks never write data) and the run's
 * parameters. Shared lookups (UIDs by id, the org-unit tree, periods) belong here as they are needed,
 * loaded once per run.
 */
public record QualityContext(Connection connection, QualityParameters parameters) {

    public QualityContext {
        Objects.requireNonNull(connection);
        Objects.requireNonNull(parameters);
    }
}
