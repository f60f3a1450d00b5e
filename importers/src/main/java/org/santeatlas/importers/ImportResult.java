package org.santeatlas.importers;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;

/**
 * The outcome of importing one file.
 *
 * @param batchId  the import batch recorded, empty when nothing changed or the import failed
 * @param failure  why the whole file was refused (the workspace is unchanged), if it was
 * @param problems record-level problems (rejected records), at most {@link ImportService#MAX_PROBLEMS}
 * @param moreProblems how many problems were not kept beyond that limit
 */
public record ImportResult(Path file, ImportFormat format, ImportCounts counts, Optional<Integer> batchId,
                           Optional<Problem> failure, List<Problem> problems, long moreProblems) {

    public boolean failed() {
        return failure.isPresent();
    }

    public boolean changedNothing() {
        return !failed() && !counts.changedAnything();
    }
}
