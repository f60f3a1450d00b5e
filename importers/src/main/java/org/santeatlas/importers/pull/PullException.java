package org.santeatlas.importers.pull;

import java.util.Objects;
import org.santeatlas.core.store.Problem;

/**
 * Why a pull stopped, as a {@link Problem} that the CLI and the UI render in the user's language. Its
 * message never holds a credential: requests carry them in a header, and no header is ever quoted.
 */
public final class PullException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of stop: decides the exit code and whether the next pull resumes. */
    public enum Kind {
        /** A mistake in what the user asked for (address, org unit, data set, dates). */
        USER,
        /** 401/403: the token or the user name and password were refused. */
        AUTH,
        /** The server refused a request (another 4xx) or answered something that is not DHIS2's API. */
        REFUSED,
        /** The network or the server failed on every attempt; the next pull resumes. */
        NETWORK,
        /** The thread was interrupted. */
        CANCELLED,
        /** The workspace could not store what was fetched. */
        STORAGE
    }

    private final Kind kind;
    private final transient Problem problem;

    public PullException(Kind kind, Problem problem) {
        this(kind, problem, null);
    }

    public PullException(Kind kind, Problem problem, Throwable cause) {
        super(problem.format(), cause);
        this.kind = Objects.requireNonNull(kind);
        this.problem = problem;
    }

    public Kind kind() {
        return kind;
    }

    public Problem problem() {
        return problem;
    }
}
