package org.santeatlas.importers;

import org.santeatlas.core.store.Problem;

/** A file that cannot be imported at all (malformed, wrong format); the transaction is rolled back. */
public final class ImportFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ImportFailure(Problem problem, Throwable cause) {
        super(problem.format(), cause);
        this.problem = problem;
    }

    public ImportFailure(Problem problem) {
        this(problem, null);
    }

    public Problem problem() {
        return problem;
    }
}
