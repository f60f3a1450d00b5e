package org.santeatlas.app.importing;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.santeatlas.app.shell.BackgroundTasks;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.app.shell.TaskExecutor;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;

/**
 * The import wizard's state: the files chosen (or dropped) with their detected format, the import in the
 * background with records counted and a working Cancel, and the outcome — created, updated, rejected and
 * every problem as {@code file:line: message} in the user's language. UI thread only.
 *
 * <p>Cancel: the importers report progress through {@link ImportProgress}; once the user cancels, the next
 * report throws {@link CancellationException}, which {@link ImportService} answers by rolling the file's
 * transaction back. The worker is never interrupted (an interrupt inside H2's file I/O closes the file).
 * Files finished before the cancel stay imported: each file is its own transaction.
 */
public final class ImportViewModel {

    /** The wizard's pages. */
    public enum Step { CHOOSE, RUNNING, DONE }

    /** A chosen file and its detected format (null: not recognised; "…" while detecting). */
    public record FileEntry(Path file, ImportFormat format, boolean detected) {}

    /** The outcome shown on the last page. */
    public record Outcome(long created, long updated, long rejected, int failedFiles, boolean cancelled,
            List<String> problems) {}

    private final TaskExecutor executor;
    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private final Messages messages;
    private final ResourceBundle problemBundle;
    private final ObservableList<FileEntry> files = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CHOOSE);
    private final ReadOnlyLongWrapper records = new ReadOnlyLongWrapper(this, "records");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private TaskExecutor.Handle handle;
    private Runnable onChanged = () -> { };

    public ImportViewModel(Messages messages, TaskExecutor executor, BackgroundTasks tasks, Supplier<Workspace> workspace) {
        this.messages = Objects.requireNonNull(messages);
        this.executor = Objects.requireNonNull(executor);
        this.tasks = Objects.requireNonNull(tasks);
        this.workspace = Objects.requireNonNull(workspace);
        this.problemBundle = ResourceBundle.getBundle("org.santeatlas.app.cli.messages", messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Runs after an import that changed the workspace (the summary and the map reload). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    /** Adds files (chooser or drop) and detects their format in the background. */
    public void addFiles(List<Path> chosen) {
        List<Path> fresh = new ArrayList<>();
        for (Path p : chosen) {
            if (files.stream().noneMatch(f -> f.file().equals(p))) {
                fresh.add(p);
                files.add(new FileEntry(p, null, false));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        executor.execute(context -> {
            List<FileEntry> out = new ArrayList<>();
            for (Path p : fresh) {
                Optional<ImportFormat> f;
                try {
                    f = FormatDetector.detect(p);
                } catch (java.io.IOException e) {
                    f = Optional.empty();
                }
                out.add(new FileEntry(p, f.orElse(null), true));
            }
            return out;
        }, new TaskExecutor.Listener<List<FileEntry>>() {
            @Override
            public void succeeded(List<FileEntry> result) {
                for (FileEntry e : result) {
                    for (int i = 0; i < files.size(); i++) {
                        if (files.get(i).file().equals(e.file())) {
                            files.set(i, e);
                        }
                    }
                }
            }

            @Override
            public void failed(Throwable error) {
            }

            @Override
            public void cancelled() {
            }
        });
    }

    public void remove(FileEntry e) {
        files.remove(e);
    }

    /** The format's name for the file list. */
    public String formatLabel(FileEntry e) {
        if (!e.detected()) {
            return messages.get("import.detecting");
        }
        return e.format() == null ? messages.get("import.unknownFormat") : e.format().id();
    }

    /** Imports the files, metadata first (as {@code santeatlas import} orders them). */
    public void start() {
        Workspace ws = workspace.get();
        if (ws == null || files.isEmpty() || step.get() == Step.RUNNING) {
            return;
        }
        List<FileEntry> plan = new ArrayList<>(files);
        plan.sort(Comparator.comparingInt(e -> ImportService.importOrder(e.format())));
        step.set(Step.RUNNING);
        records.set(0);
        Object token = tasks.begin(messages.get("import.running"));
        List<ImportResult> done = new ArrayList<>();
        handle = executor.execute(context -> {
            ImportService service = new ImportService(ws);
            long[] last = {0};
            for (FileEntry e : plan) {
                if (context.isCancelled()) {
                    throw new CancellationException();
                }
                context.progress("file|" + e.file().getFileName());
                ImportProgress progress = (bytes, total, n) -> {
                    if (context.isCancelled()) {
                        throw new CancellationException("import cancelled");
                    }
                    long now = System.nanoTime();
                    // The FX thread hears at most ~10 updates a second, however chatty the importer.
                    if (now - last[0] > 100_000_000L) {
                        last[0] = now;
                        context.progress("records|" + n);
                    }
                };
                List<ImportResult> results = service.importPath(e.file(), Optional.empty(), progress);
                synchronized (done) {
                    done.addAll(results);
                }
            }
            return List.copyOf(done);
        }, new TaskExecutor.Listener<List<ImportResult>>() {
            @Override
            public void progress(String message) {
                int bar = message.indexOf('|');
                String kind = message.substring(0, bar);
                String value = message.substring(bar + 1);
                if (kind.equals("records")) {
                    records.set(Long.parseLong(value));
                } else {
                    current.set(value);
                }
            }

            @Override
            public void succeeded(List<ImportResult> results) {
                tasks.end(token);
                finish(results, false);
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                List<ImportResult> partial;
                synchronized (done) {
                    partial = List.copyOf(done);
                }
                Outcome o = summarize(partial, error instanceof CancellationException);
                List<String> problems = new ArrayList<>(o.problems());
                if (!(error instanceof CancellationException)) {
                    problems.add(messages.get("import.unexpected", String.valueOf(error.getMessage())));
                }
                outcome.set(new Outcome(o.created(), o.updated(), o.rejected(), o.failedFiles() + 1, o.cancelled(), problems));
                step.set(Step.DONE);
                changed(partial);
            }

            @Override
            public void cancelled() {
                tasks.end(token);
                List<ImportResult> partial;
                synchronized (done) {
                    partial = List.copyOf(done);
                }
                finish(partial, true);
            }
        });
    }

    /** Stops the import: the file being imported is rolled back. */
    public void cancel() {
        if (handle != null && step.get() == Step.RUNNING) {
            current.set(messages.get("import.cancelling"));
            handle.cancel();
        }
    }

    /** Back to the first page with an empty list (Import more). */
    public void reset() {
        files.clear();
        outcome.set(null);
        records.set(0);
        current.set("");
        step.set(Step.CHOOSE);
    }

    private void finish(List<ImportResult> results, boolean cancelled) {
        handle = null;
        outcome.set(summarize(results, cancelled));
        step.set(Step.DONE);
        changed(results);
    }

    private void changed(List<ImportResult> results) {
        if (results.stream().anyMatch(r -> r.batchId().isPresent())) {
            onChanged.run();
        }
    }

    Outcome summarize(List<ImportResult> results, boolean cancelled) {
        long created = 0;
        long updated = 0;
        long rejected = 0;
        int failed = 0;
        List<String> problems = new ArrayList<>();
        for (ImportResult r : results) {
            if (r.failed()) {
                failed++;
            } else {
                created += r.counts().createdCount();
                updated += r.counts().updatedCount();
            }
            rejected += r.counts().rejectedCount();
            for (Problem p : r.problems()) {
                problems.add(describe(p));
            }
            if (r.moreProblems() > 0) {
                problems.add(messages.get("import.moreProblems", r.moreProblems()));
            }
            r.failure().ifPresent(p -> problems.add(describe(p)));
            if (r.failed()) {
                problems.add(messages.get("import.fileUnchanged", r.file().getFileName()));
            }
        }
        return new Outcome(created, updated, rejected, failed, cancelled, problems);
    }

    /** {@code file:line: message} in the user's language (the CLI's translations of the importers' keys). */
    String describe(Problem p) {
        String text;
        try {
            text = new MessageFormat(problemBundle.getString(p.key()), messages.locale()).format(p.args().toArray());
        } catch (MissingResourceException | IllegalArgumentException e) {
            text = p.message();
        }
        StringBuilder s = new StringBuilder(p.file());
        if (p.line() > 0) {
            s.append(':').append(p.line());
        }
        return s.append(": ").append(text).toString();
    }

    public ObservableList<FileEntry> files() {
        return files;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty recordsProperty() {
        return records.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    Locale locale() {
        return messages.locale();
    }
}
