package org.santeatlas.importers.pull;

import org.santeatlas.core.store.Problem;

/**
 * What a pull reports while it runs, on the pull's own thread (listeners that update a UI throttle and
 * hand over themselves). No JavaFX here.
 */
public interface PullListener {

    PullListener NONE = new PullListener() { };

    /**
     * Progress: chunks finished (done or skipped) of all chunks planned, and bytes received in all. Called
     * often, at most ten times a second while a download runs.
     */
    default void progress(int chunksFinished, int chunksTotal, long bytes) {
    }

    /** Something the user should know that does not stop the pull (e.g. http:// to another machine). */
    default void warning(Problem warning) {
    }

    /** One chunk imported (or skipped, or failed). */
    default void chunk(PullResult.ChunkOutcome outcome) {
    }
}
