package org.santeatlas.app.cli;

import java.io.PrintWriter;
import org.santeatlas.importers.ImportProgress;

/**
 * Import progress on the terminal: one line rewritten in place, at most twice a second, and only
 * when a person is watching (a console); scripts reading the output see none of it.
 */
final class TerminalProgress implements ImportProgress {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final Messages messages;
    private final String file;
    private long last;
    private boolean shown;

    private TerminalProgress(PrintWriter err, Messages messages, String file) {
        this.err = err;
        this.messages = messages;
        this.file = file;
    }

    /** Progress for {@code file}, or none when the output is not a terminal. */
    static ImportProgress forFile(PrintWriter err, Messages messages, String file) {
        return System.console() == null ? ImportProgress.NONE : new TerminalProgress(err, messages, file);
    }

    @Override
    public void update(long bytesRead, long totalBytes, long records) {
        long now = System.nanoTime();
        if (shown && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        shown = true;
        double share = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        err.print("\r" + messages.get("import.progress", file, share, records) + "   ");
        err.flush();
    }

    /** Ends the progress line, if one was shown. */
    void done() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
