package org.santeatlas.app.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * The last resort for an error nothing else caught: the details (time, thread, stack trace) are appended
 * to {@code santeatlas.log} in the user data folder, and the user reads a short message saying what
 * happened and where the details are — never a stack trace. The window stays open.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {

    public static final String LOG_FILE = "santeatlas.log";

    private final Path logFile;
    private final Supplier<Messages> messages;
    private boolean showing;

    public CrashHandler(Path folder, Supplier<Messages> messages) {
        this.logFile = Objects.requireNonNull(folder).resolve(LOG_FILE);
        this.messages = Objects.requireNonNull(messages);
    }

    /** Handles uncaught errors of every thread, the JavaFX thread included. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        boolean written = write(thread, error);
        Runnable show = () -> show(error, written);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            try {
                Platform.runLater(show);
            } catch (IllegalStateException toolkitGone) {
                System.err.println(messages.get().get("crash.text", String.valueOf(error), logFile));
            }
        }
    }

    /** Appends the details to the log; false when even that failed. */
    boolean write(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String entry = OffsetDateTime.now() + " uncaught in thread " + thread.getName() + "\n" + trace + "\n";
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void show(Throwable error, boolean written) {
        if (showing) {
            return; // one message at a time: a failing repaint must not open a window per frame
        }
        showing = true;
        Messages m = messages.get();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(m.get("crash.title"));
        alert.setHeaderText(m.get("crash.title"));
        String what = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        TextArea text = new TextArea(written ? m.get("crash.text", what, logFile) : m.get("crash.noLog", what));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("crash-dialog");
        alert.setOnHidden(e -> showing = false);
        alert.show();
    }
}
