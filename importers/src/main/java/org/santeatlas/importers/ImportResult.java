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
 * @param reports  structured accounts of the import beyond counts (e.g. a {@code BoundaryReport}), empty for
 *                 most formats and for a failed file
 */
public record ImportResult(Path file, ImportFormat format, ImportCounts counts, Optional<Integer> batchId,
                           Optional<Problem> failure, List<Problem> problems, long moreProblems,
                           List<ImportReport> reports) {

    public ImportResult {
        reports = List.copyOf(reports);
    }

    /** A result without structured reports. */
    public ImportResult(Path file, ImportFormat format, ImportCounts counts, Optional<Integer> batchId,
                        Optional<Problem> failure, List<Problem> problems, long moreProblems) {
        this(file, format, counts, batchId, failure, problems, moreProblems, List.of());
    }

    /** The report of the given kind, if the importer gave one. */
    public <T extends ImportReport> Optional<T> report(Class<T> kind) {
        return reports.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public boolean failed() {
        return failure.isPresent();
    }

    public boolean changedNothing() {
        return !failed() && !counts.changedAnything();
    }
}
