package org.santeatlas.app.shell;

/**
 * Runs blocking work away from the JavaFX thread. The window uses {@link FxTaskExecutor} (a JavaFX
 * {@code Task} on a worker thread); tests use a synchronous one, so that a view model can be tested
 * without a toolkit or waiting.
 *
 * <p>The listener is called on the thread that owns the view model (the JavaFX thread in the
 * application): exactly one of {@code succeeded}, {@code failed} or {@code cancelled}, after any number of
 * {@code progress} calls.
 */
public interface TaskExecutor {

    /** Starts {@code work}; the returned handle cancels it. */
    <T> Handle execute(Work<T> work, Listener<T> listener);

    /** Blocking work: runs on a worker thread and must not touch the UI. */
    @FunctionalInterface
    interface Work<T> {
        T run(Context context) throws Exception;

        /**
         * Releases a result that arrived after the work was cancelled (e.g. closes a workspace the
         * user no longer waits for). Called on the worker thread.
         */
        default void discard(T result) {
        }
    }

    /** What the work sees of its task: a progress sink with no JavaFX in it, and the cancel flag. */
    interface Context {
        /** Reports a step as a message key, optionally {@code key:argument}; cheap to call often. */
        void progress(String message);

        /**
         * Whether the user cancelled. Work checks it between steps and then stops by throwing {@link
         * java.util.concurrent.CancellationException}; a worker is never interrupted, because an
         * interrupt in the middle of H2 file I/O closes the database file.
         */
        boolean isCancelled();
    }

    /** Receives the outcome on the UI thread. */
    interface Listener<T> {
        default void progress(String message) {
        }

        void succeeded(T result);

        void failed(Throwable error);

        void cancelled();
    }

    /** A started piece of work. */
    interface Handle {
        /** Asks the work to stop; the listener then hears {@code cancelled()} unless it already finished. */
        void cancel();
    }
}
