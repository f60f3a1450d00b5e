package org.santeatlas.importers.pull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;

/**
 * How a pull went.
 *
 * @param pullId        the DHIS2_PULL row (0 when the pull stopped before it was recorded)
 * @param resumed       whether it went on with an earlier pull that had not finished
 * @param chunksTotal   chunks planned
 * @param chunksDone    chunks fetched and imported in this run
 * @param chunksSkipped chunks already done by the earlier, unfinished pull
 * @param counts        what the imports did, all chunks together
 * @param bytes         bytes received
 * @param outcomes      one per chunk handled in this run, in order
 * @param failure       why the pull stopped, if it did (the next pull resumes)
 */
public record PullResult(int pullId, boolean resumed, int chunksTotal, int chunksDone, int chunksSkipped,
                         ImportCounts counts, long bytes, List<ChunkOutcome> outcomes,
                         Optional<PullException> failure) {

    public boolean complete() {
        return failure.isEmpty();
    }

    /** What happened to one chunk. */
    public record ChunkOutcome(Chunk chunk, Status status, ImportCounts counts, Optional<Integer> batchId,
                               Optional<String> lastUpdated, long bytes, List<Problem> problems,
                               long moreProblems, Optional<Problem> failure) {
        public ChunkOutcome {
            problems = List.copyOf(problems);
        }
    }

    /** The chunk's fate in this run. */
    public enum Status {
        DONE, SKIPPED, FAILED
    }

    /**
     * One request: what it asks for. {@code children} is DHIS2's {@code children=true} (the org unit's
     * whole subtree).
     */
    public record Chunk(Kind kind, String orgUnit, boolean children, String dataSet, LocalDate start,
                        LocalDate end) {

        /** e.g. {@code data values ROkEdiO4Qvq abc123 (+ subtree) 2024-01-01..2024-12-31}. */
        public String describe() {
            return switch (kind) {
                case METADATA -> "metadata";
                case DATA_VALUES, COMPLETE_REGISTRATIONS -> (kind == Kind.DATA_VALUES ? "dataValueSets"
                        : "completeDataSetRegistrations") + " dataSet=" + dataSet + " orgUnit=" + orgUnit
                        + (children ? " children=true" : "") + " " + start + ".." + end;
            };
        }
    }

    /** What a chunk fetches. */
    public enum Kind {
        METADATA, DATA_VALUES, COMPLETE_REGISTRATIONS
    }
}
