package org.santeatlas.app.shell;

import java.util.concurrent.CancellationException;

/**
 * Runs work at once on the calling thread, for view-model tests without a toolkit. {@link
 * #cancelCurrent()} plays the user pressing Cancel while the work runs (the work sees it at its next
 * {@code isCancelled()} check).
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private boolean cancelRequested;

    public void cancelCurrent() {
        cancelRequested = true;
    }

    @Override
    public <T> Handle execute(Work<T> work, Listener<T> listener) {
        cancelRequested = false;
        Context context = new Context() {
            @Override
            public void progress(String message) {
                listener.progress(message);
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }
        };
        T result;
        try {
            result = work.run(context);
        } catch (CancellationException e) {
            listener.cancelled();
            return () -> { };
        } catch (Exception e) {
            listener.failed(e);
            return () -> { };
        }
        if (cancelRequested) {
            work.discard(result);
            listener.cancelled();
        } else {
            listener.succeeded(result);
        }
        return () -> { };
    }
}
