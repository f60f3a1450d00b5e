package org.santeatlas.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.shell.DesktopLauncher.Target;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceException;
import org.santeatlas.core.workspace.WorkspaceSummary;

/**
 * Opens a workspace (building the demo first when asked) in the background and exposes its summary as
 * formatted, localized strings. Owns the open workspace until {@link #close()}.
 *
 * <p>Call every method on the UI thread (the JavaFX thread in the application); the workspace itself
 * is only touched inside work given to the {@link TaskExecutor}.
 */
public final class WorkspaceSummaryViewModel {

    private static final System.Logger LOG = System.getLogger(WorkspaceSummaryViewModel.class.getName());

    /** Where the view model is in opening its workspace. */
    public enum State {
        IDLE,
        LOADING,
        LOADED,
        FAILED,
        CANCELLED
    }

    /** Builds the demo workspace if it is missing; {@link DemoWorkspaces#ensure} in the application. */
    @FunctionalInterface
    public interface DemoSource {
        Path ensure(Path folder, Consumer<String> progress) throws IOException;
    }

    /** One cell of the counts grid: a stable id (for styling and tests), its label and its value. */
    public record Count(String id, String label, String value) {}

    /** The counts shown, in display order; labels are {@code summary.count.<id>}. */
    private static final List<CountField> COUNT_FIELDS = List.of(
            new CountField("orgUnits", WorkspaceSummary::orgUnits),
            new CountField("orgUnitGroups", WorkspaceSummary::orgUnitGroups),
            new CountField("dataElements", WorkspaceSummary::dataElements),
            new CountField("categoryOptionCombos", WorkspaceSummary::categoryOptionCombos),
            new CountField("dataSets", WorkspaceSummary::dataSets),
            new CountField("indicators", WorkspaceSummary::indicators),
            new CountField("validationRules", WorkspaceSummary::validationRules),
            new CountField("dataValues", WorkspaceSummary::dataValues),
            new CountField("completeRegistrations", WorkspaceSummary::completeRegistrations),
            new CountField("localities", WorkspaceSummary::localities),
            new CountField("registryRecords", WorkspaceSummary::registryRecords),
            new CountField("importBatches", WorkspaceSummary::importBatches));

    /** Progress keys the demo builder reports ({@code DemoWorkspaces}), and the view model's own. */
    static final List<String> PROGRESS_KEYS = List.of("demo.generating", "demo.importing", "open.opening",
            "open.summarizing");

    private Messages messages;
    private final TaskExecutor executor;
    private final DemoSource demoSource;
    private SummaryFormatter format;
    private WorkspaceSummary shown;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper workspaceName = new ReadOnlyStringWrapper(this, "workspaceName", "");
    private final ReadOnlyStringWrapper workspaceFile = new ReadOnlyStringWrapper(this, "workspaceFile", "");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo", false);
    private final ObservableList<Count> counts = FXCollections.observableArrayList();
    private final ObservableList<Count> readOnlyCounts = FXCollections.unmodifiableObservableList(counts);
    private final ReadOnlyStringWrapper periodRange = new ReadOnlyStringWrapper(this, "periodRange", "");
    private final ReadOnlyStringWrapper longitudes = new ReadOnlyStringWrapper(this, "longitudes", "");
    private final ReadOnlyStringWrapper latitudes = new ReadOnlyStringWrapper(this, "latitudes", "");
    private final BooleanBinding loading = Bindings.equal(state, State.LOADING);

    private Target target;
    private TaskExecutor.Handle running;
    private Workspace workspace;
    /** Counts loads, so that the outcome of a superseded load is recognised and ignored. */
    private int generation;

    public WorkspaceSummaryViewModel(Messages messages, TaskExecutor executor, DemoSource demoSource) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.demoSource = Objects.requireNonNull(demoSource, "demoSource");
        this.format = new SummaryFormatter(messages);
    }

    /** Opens {@code target}, closing the workspace shown so far. */
    public void load(Target target) {
        this.target = Objects.requireNonNull(target, "target");
        cancel();
        closeWorkspace();
        clearSummary();
        Path file = target instanceof Target.OpenWorkspace w ? Workspace.fileFor(w.file())
                : DemoWorkspaces.workspaceFile(((Target.OpenDemo) target).folder());
        workspaceName.set(nameOf(file));
        workspaceFile.set(file.toString());
        error.set("");
        status.set(messages.get("progress.starting"));
        state.set(State.LOADING);
        running = executor.execute(new OpenWork(target), new OpenListener(++generation));
    }

    /**
     * The open workspace, or null. Touch it only inside work given to the executor (its worker thread
     * owns the connection); on the UI thread, only pass it on.
     */
    public Workspace workspace() {
        return workspace;
    }

    /** What was opened last (a demo folder or a workspace file), or null. */
    public Target target() {
        return target;
    }

    /** Shows the summary in another language, keeping the open workspace. */
    public void relocalize(Messages newMessages) {
        this.messages = Objects.requireNonNull(newMessages, "messages");
        this.format = new SummaryFormatter(newMessages);
        if (shown != null && state.get() == State.LOADED) {
            show(shown);
        }
    }

    /** Reads the summary of the open workspace again (after an import), without reopening it. */
    public void refresh() {
        Workspace open = workspace;
        if (open == null || state.get() != State.LOADED) {
            return;
        }
        executor.execute(context -> open.summary(), new TaskExecutor.Listener<WorkspaceSummary>() {
            @Override
            public void succeeded(WorkspaceSummary summary) {
                if (workspace == open) {
                    show(summary);
                }
            }

            @Override
            public void failed(Throwable failure) {
                LOG.log(Level.WARNING, "Reading the summary failed", failure);
            }

            @Override
            public void cancelled() {
            }
        });
    }

    /** Closes the workspace and shows no workspace (Workspace › Close). */
    public void closeToIdle() {
        close();
        clearSummary();
        workspaceName.set("");
        workspaceFile.set("");
        status.set("");
        state.set(State.IDLE);
    }

    /** Opens the last target again, after a failure or a cancel. */
    public void retry() {
        if (target != null) {
            load(target);
        }
    }

    /** Stops opening; the window then shows that the user cancelled. */
    public void cancel() {
        if (running != null) {
            status.set(messages.get("progress.cancelling"));
            TaskExecutor.Handle handle = running;
            running = null;
            handle.cancel();
        }
    }

    /** Cancels any opening and closes the workspace (on the executor's thread, after running work). */
    public void close() {
        cancel();
        closeWorkspace();
    }

    // ---- properties for the view ---------------------------------------------------------------

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while a workspace is being opened: the Cancel button is enabled only then. */
    public BooleanBinding loadingProperty() {
        return loading;
    }

    /** What the background work is doing, in the user's language. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why opening failed, in the user's language; empty unless {@link State#FAILED}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspaceFileProperty() {
        return workspaceFile.getReadOnlyProperty();
    }

    /** Whether the workspace holds the fictional demo data (the view then shows a banner). */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    public ObservableList<Count> counts() {
        return readOnlyCounts;
    }

    public ReadOnlyStringProperty periodRangeProperty() {
        return periodRange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty longitudesProperty() {
        return longitudes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latitudesProperty() {
        return latitudes.getReadOnlyProperty();
    }

    static List<String> countKeys() {
        return COUNT_FIELDS.stream().map(f -> f.labelKey()).toList();
    }

    // ---- internals -----------------------------------------------------------------------------

    private void show(WorkspaceSummary summary) {
        shown = summary;
        workspaceName.set(summary.name());
        demo.set(summary.demo());
        List<Count> lines = new ArrayList<>(COUNT_FIELDS.size());
        for (CountField field : COUNT_FIELDS) {
            lines.add(new Count(field.id(), messages.get(field.labelKey()),
                    format.count(field.value().applyAsLong(summary))));
        }
        counts.setAll(lines);
        periodRange.set(format.periodRange(summary.periods()));
        longitudes.set(format.longitudes(summary.extent()));
        latitudes.set(format.latitudes(summary.extent()));
    }

    private void clearSummary() {
        shown = null;
        demo.set(false);
        counts.clear();
        periodRange.set("");
        longitudes.set("");
        latitudes.set("");
    }

    private void closeWorkspace() {
        if (workspace != null) {
            Workspace closing = workspace;
            workspace = null;
            closeLater(closing);
        }
    }

    /** Closes on the executor's thread, after the work queued before: the connection is not shared. */
    private void closeLater(Workspace closing) {
        executor.execute(context -> {
            closing.close();
            return null;
        }, new TaskExecutor.Listener<Object>() {
            @Override
            public void succeeded(Object result) {
            }

            @Override
            public void failed(Throwable failure) {
                LOG.log(Level.WARNING, "Closing " + closing.file() + " failed", failure);
            }

            @Override
            public void cancelled() {
            }
        });
    }

    /** {@code key} or {@code key:argument}, as {@link TaskExecutor.Context#progress} reports it. */
    String describeProgress(String message) {
        int colon = message.indexOf(':');
        String key = colon < 0 ? message : message.substring(0, colon);
        Object[] args = colon < 0 ? new Object[0] : new Object[] {message.substring(colon + 1)};
        return messages.getOrDefault(key, messages.get("progress.working"), args);
    }

    /** A sentence for the user; the stack trace goes to the log, never to the window. */
    String describeError(Throwable failure) {
        Throwable e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        if (e instanceof WorkspaceException we) {
            LOG.log(Level.INFO, we.getMessage());
            List<Object> args = new ArrayList<>();
            args.add(we.file() != null ? we.file().toString() : workspaceFile.get());
            args.addAll(we.arguments());
            return messages.getOrDefault(we.messageKey(), messages.get("error.workspace", args.get(0)),
                    args.toArray());
        }
        LOG.log(Level.WARNING, "Opening " + workspaceFile.get() + " failed", e);
        if (e instanceof DemoWorkspaces.DemoBuildException) {
            return messages.get("error.demo_build", String.valueOf(e.getMessage()));
        }
        if (e instanceof IOException) {
            return messages.get("error.io", String.valueOf(e.getMessage()));
        }
        return messages.get("error.unexpected", e.getClass().getSimpleName());
    }

    private static String nameOf(Path workspaceFile) {
        String name = workspaceFile.getFileName().toString();
        return name.endsWith(Workspace.FILE_SUFFIX)
                ? name.substring(0, name.length() - Workspace.FILE_SUFFIX.length()) : name;
    }

    private record CountField(String id, ToLongFunction<WorkspaceSummary> value) {
        String labelKey() {
            return "summary.count." + id;
        }
    }

    /** Receives one load's outcome; ignores it once a newer load has started. */
    private final class OpenListener implements TaskExecutor.Listener<Opened> {
        private final int loadGeneration;

        OpenListener(int loadGeneration) {
            this.loadGeneration = loadGeneration;
        }

        private boolean current() {
            return loadGeneration == generation;
        }

        @Override
        public void progress(String message) {
            if (current() && state.get() == State.LOADING) {
                status.set(describeProgress(message));
            }
        }

        @Override
        public void succeeded(Opened opened) {
            if (!current()) {
                // Finished just as the user asked for something else: nobody shows this workspace.
                closeLater(opened.workspace());
                return;
            }
            running = null;
            workspace = opened.workspace();
            show(opened.summary());
            status.set("");
            state.set(State.LOADED);
        }

        @Override
        public void failed(Throwable failure) {
            if (current()) {
                running = null;
                error.set(describeError(failure));
                status.set("");
                state.set(State.FAILED);
            }
        }

        @Override
        public void cancelled() {
            if (current()) {
                running = null;
                status.set(messages.get("progress.cancelled"));
                state.set(State.CANCELLED);
            }
        }
    }

    /** What the background work hands back: the open workspace and its summary. */
    record Opened(Workspace workspace, WorkspaceSummary summary) {}

    /** Runs on the worker thread: builds the demo if needed, opens the workspace, reads its summary. */
    private final class OpenWork implements TaskExecutor.Work<Opened> {
        private final Target target;

        OpenWork(Target target) {
            this.target = target;
        }

        @Override
        public Opened run(TaskExecutor.Context context) throws Exception {
            Workspace opened = null;
            Path file;
            if (target instanceof Target.OpenDemo d) {
                file = DemoWorkspaces.workspaceFile(d.folder());
                if (Files.exists(file)) {
                    // The demo is usually there already: open it at once rather than have the builder open it
                    // once to check it and this open it again (each open costs about a second on a laptop).
                    context.progress("open.opening:" + file.getFileName());
                    try {
                        opened = Workspace.open(file, AccessMode.READ_WRITE);
                    } catch (WorkspaceException e) {
                        if (e.reason() == WorkspaceException.Reason.LOCKED) {
                            throw e;
                        }
                    }
                }
                if (opened == null) {
                    file = ensureDemo(d.folder(), context);
                }
            } else {
                file = ((Target.OpenWorkspace) target).file();
            }
            checkCancelled(context);
            if (opened == null) {
                context.progress("open.opening:" + file.getFileName());
                opened = Workspace.open(file, AccessMode.READ_WRITE);
            }
            try {
                checkCancelled(context);
                context.progress("open.summarizing");
                return new Opened(opened, opened.summary());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }

        @Override
        public void discard(Opened result) {
            result.workspace().close();
        }

        /**
         * Builds the demo when missing. A build that is cancelled or fails is deleted: {@code ensure}
         * would otherwise find the half-imported file next time and open it as if it were complete.
         */
        private Path ensureDemo(Path folder, TaskExecutor.Context context) throws IOException {
            Path file = DemoWorkspaces.workspaceFile(folder);
            boolean existed = Files.exists(file);
            try {
                return demoSource.ensure(folder, message -> {
                    // The builder reports between steps: the place to stop it cleanly.
                    checkCancelled(context);
                    context.progress(message);
                });
            } catch (IOException | RuntimeException e) {
                if (!existed) {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.resolveSibling(DemoWorkspaces.WORKSPACE_NAME + ".trace.db"));
                }
                throw e;
            }
        }

        private static void checkCancelled(TaskExecutor.Context context) {
            if (context.isCancelled()) {
                throw new CancellationException();
            }
        }
    }
}
