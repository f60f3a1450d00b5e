package org.santeatlas.app.shell;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;

/**
 * Runs work as JavaFX {@link Task}s on one worker thread. One thread, because a workspace holds a
 * single JDBC connection that one thread at a time may use: queuing all workspace work on the same
 * thread keeps it serial without locks. Progress goes through {@code Task.updateMessage}, which
 * coalesces updates (at most one is pending on the FX thread; newer ones replace it), so a chatty
 * importer cannot flood the FX thread.
 *
 * <p>{@link #execute} and handles must be used on the JavaFX thread.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "santeatlas-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> Handle execute(Work<T> work, Listener<T> listener) {
        // Settled once: either the work delivers its result or the user cancelled first, never both,
        // so that a workspace opened just after a cancel is closed instead of leaking.
        AtomicBoolean settled = new AtomicBoolean();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                T result = work.run(new Context() {
                    @Override
                    public void progress(String message) {
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        // While the work runs, only a cancel can have settled the task.
                        return settled.get();
                    }
                });
                if (!settled.compareAndSet(false, true)) {
                    work.discard(result);
                    throw new CancellationException();
                }
                return result;
            }
        };
        task.messageProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                listener.progress(message);
            }
        });
        task.setOnSucceeded(e -> listener.succeeded(task.getValue()));
        task.setOnFailed(e -> listener.failed(task.getException()));
        task.setOnCancelled(e -> listener.cancelled());
        worker.execute(task);
        return () -> {
            if (settled.compareAndSet(false, true)) {
                task.cancel(false);
            }
        };
    }

    /**
     * Lets queued work (such as closing the workspace) finish, waiting at most {@code timeout}; work
     * still running then is abandoned with the JVM (the thread is a daemon).
     */
    public void shutdown(long timeout, TimeUnit unit) {
        worker.shutdown();
        try {
            worker.awaitTermination(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(10, TimeUnit.SECONDS);
    }
}
