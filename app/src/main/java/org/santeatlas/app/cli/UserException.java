package org.santeatlas.app.cli;

/** A mistake of the user's (bad path, bad file): one line on stderr and exit code 1, no stack trace. */
final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }

    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
