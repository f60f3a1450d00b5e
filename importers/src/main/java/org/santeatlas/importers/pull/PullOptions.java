package org.santeatlas.importers.pull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.importers.ImportOptions;

/**
 * How to pull.
 *
 * @param retry          retries of each request
 * @param chunkMonths    months of periods per data request (12: a year; 3: a quarter); each request is one
 *                       transaction, so a lost connection costs at most one chunk
 * @param safetyMargin   subtracted from the previous pull's start time when asking for values updated
 *                       since: covers values saved while that request ran and small clock differences
 * @param pageSize       org units per page of {@code /api/organisationUnits}
 * @param connectTimeout time to open a connection
 * @param readTimeout    the longest silence while waiting for or reading an answer (DHIS2 may think a while
 *                       before the first byte of a large export)
 * @param tempRoot       where the private temporary folder goes; empty: the system's temporary folder
 * @param importOptions  how downloaded files are imported (the defaults of a file import)
 */
public record PullOptions(RetryPolicy retry, int chunkMonths, Duration safetyMargin, int pageSize,
                          Duration connectTimeout, Duration readTimeout, Optional<Path> tempRoot,
                          ImportOptions importOptions) {

    public static final PullOptions DEFAULTS = new PullOptions(RetryPolicy.DEFAULT, 12, Duration.ofMinutes(10), 500,
            Duration.ofSeconds(30), Duration.ofMinutes(5), Optional.empty(), ImportOptions.DEFAULTS);

    public PullOptions {
        Objects.requireNonNull(retry);
        Objects.requireNonNull(safetyMargin);
        Objects.requireNonNull(tempRoot);
        Objects.requireNonNull(importOptions);
        if (chunkMonths < 1 || 12 % chunkMonths != 0) {
            throw new IllegalArgumentException("chunkMonths must divide 12: 1, 2, 3, 4, 6 or 12");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }

    public PullOptions withRetry(RetryPolicy r) {
        return new PullOptions(r, chunkMonths, safetyMargin, pageSize, connectTimeout, readTimeout, tempRoot,
                importOptions);
    }

    public PullOptions withChunkMonths(int m) {
        return new PullOptions(retry, m, safetyMargin, pageSize, connectTimeout, readTimeout, tempRoot, importOptions);
    }

    public PullOptions withPageSize(int p) {
        return new PullOptions(retry, chunkMonths, safetyMargin, p, connectTimeout, readTimeout, tempRoot,
                importOptions);
    }

    public PullOptions withTimeouts(Duration connect, Duration read) {
        return new PullOptions(retry, chunkMonths, safetyMargin, pageSize, connect, read, tempRoot, importOptions);
    }

    public PullOptions withTempRoot(Path p) {
        return new PullOptions(retry, chunkMonths, safetyMargin, pageSize, connectTimeout, readTimeout,
                Optional.ofNullable(p), importOptions);
    }
}
