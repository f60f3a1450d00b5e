package org.santeatlas.importers;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.Consumer;
import org.santeatlas.core.store.DataValueWriter;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;

/**
 * What an importer gets: the file, the workspace connection inside the import's transaction, the batch
 * that its rows are stamped with, a sink for problems, progress reporting (bytes read) and the user's
 * import options. An importer reports an invalid record through {@link #report} and counts it with
 * {@code counts().rejected()}; whether the file is then refused or imported without it is the
 * {@link ImportService}'s decision ({@link ImportOptions#skipInvalid()}), not the importer's.
 */
public record ImportContext(Path file, String displayName, Connection connection, int batchId,
                            Consumer<Problem> problems, ImportProgress progress, ImportCounts counts,
                            HashingInput input, ImportOptions options, Consumer<ImportReport> reports) {

    /** A context whose structured reports are dropped. */
    public ImportContext(Path file, String displayName, Connection connection, int batchId,
                         Consumer<Problem> problems, ImportProgress progress, ImportCounts counts,
                         HashingInput input, ImportOptions options) {
        this(file, displayName, connection, batchId, problems, progress, counts, input, options, r -> { });
    }

    /** The file's bytes; reading them through here also computes the batch's SHA-256. */
    public java.io.InputStream open() throws java.io.IOException {
        return input.open();
    }

    /**
     * The file's plain bytes again, not hashed: for a look at its head (charset, delimiter) before the
     * read through {@link #open()}. A gzipped file or zip entry is decompressed on the fly.
     */
    public java.io.InputStream openUnhashed() throws java.io.IOException {
        return input.openUnhashed();
    }

    /** Size of the plain bytes for progress: exact, or an estimate when they are decompressed on the fly. */
    public long plainSize() {
        return input.plainSize();
    }

    /** Work for a thread that waits on a parser: it hashes what has been read so far. */
    public Runnable idleWork() {
        return input::hashPending;
    }

    /**
     * How a DHIS2 data value file's references resolve, from the user's options: id schemes, placeholders
     * for unknown references, and the period type check of raw DHIS2 data.
     */
    public DataValueWriter.Options dataValueOptions() {
        return new DataValueWriter.Options(options.idSchemes(), options.createMissing(), true);
    }

    public Problem problem(long line, long column, String key, String message, String... args) {
        return Problem.of(displayName, line, column, key, message, args);
    }

    public void report(long line, long column, String key, String message, String... args) {
        problems.accept(problem(line, column, key, message, args));
    }
}
