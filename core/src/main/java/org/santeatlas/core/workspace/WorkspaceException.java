package org.santeatlas.core.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * A workspace could not be created or opened. Carries a {@link Reason} and the file so that the CLI and
 * the UI can say what is wrong in the user's language; {@link #getMessage()} is the English text.
 */
public final class WorkspaceException extends RuntimeException {

    /** Why the workspace is refused; each one has a message key {@code workspace.error.<name>}. */
    public enum Reason {
        NOT_FOUND,
        ALREADY_EXISTS,
        NOT_A_WORKSPACE,
        NEWER_VERSION,
        LOCKED,
        READ_ONLY,
        /** Its schema history differs from this build's migrations (a development build made it). */
        INCOMPATIBLE,
        STORAGE
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient Path file;
    private final List<String> arguments;

    public WorkspaceException(Reason reason, Path file, String message, Throwable cause, String... arguments) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.arguments = List.of(arguments);
    }

    public WorkspaceException(Reason reason, Path file, String message, String... arguments) {
        this(reason, file, message, null, arguments);
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    /** Message key for resource bundles: {@code workspace.error.not_a_workspace} and so on. */
    public String messageKey() {
        return "workspace.error." + reason.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Arguments of the localised message, after the file name. */
    public List<String> arguments() {
        return arguments;
    }
}
