package org.santeatlas.app.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.santeatlas.app.AppDirectories;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.settings.AppSettings;
import org.santeatlas.app.shell.DesktopLauncher.Target;

/**
 * The JavaFX application: one main window opened on the target named by the parameters ({@code
 * --workspace=FILE}, {@code --demo=FOLDER}, default: the demo in the user's data folder). Start it
 * through {@link DesktopLauncher}, not as a main class. With {@code --timing=true} it prints the time
 * from the process's start to the first painted map frame.
 */
public final class SanteAtlasApplication extends Application {

    /** How long closing waits for the worker: a demo import stops at its next step, then is deleted. */
    private static final long SHUTDOWN_SECONDS = 15;

    private FxTaskExecutor executor;
    private WorkspaceSummaryViewModel summary;
    private ShellViewModel shell;
    private ShellView view;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        mark("JavaFX started");
        Target target = Target.fromParameters(getParameters().getNamed());
        boolean timing = Boolean.parseBoolean(getParameters().getNamed().getOrDefault(DesktopLauncher.TIMING_PARAMETER, "false"));
        AppSettings settings = AppSettings.load(AppDirectories.dataHome());
        Messages messages = Messages.forLocale(settings.locale());
        CrashHandler crash = new CrashHandler(AppDirectories.dataHome(), () -> shell == null ? messages : shell.messages());
        crash.install();
        executor = new FxTaskExecutor();
        summary = new WorkspaceSummaryViewModel(messages, executor, DemoWorkspaces::ensure);
        shell = new ShellViewModel(messages, summary, ShellViewModel.applicationVersion(), executor, settings);
        // Open the workspace first: the worker reads it while this thread builds the window.
        summary.load(target);
        view = new ShellView(shell, messages, Platform::exit);
        view.show(stage);
        if (timing) {
            mark("window shown");
            summary.stateProperty().addListener((o, a, st) -> mark("workspace " + st.name().toLowerCase(Locale.ROOT)));
            shell.map().setOnLoaded(() -> mark("map data read"));
            view.mapView().onFirstFrame(now -> {
                mark("first map frame");
                printTiming();
            });
        }
        shell.languageProperty().addListener((o, a, locale) -> rebuild(locale));
    }

    /** A new view on the same view models, in another language: the state stays. */
    private void rebuild(Locale locale) {
        ShellView old = view;
        view = new ShellView(shell, shell.messages(), Platform::exit);
        stage.getScene().setRoot(view.root());
        old.dispose();
    }

    private final StringBuilder marks = new StringBuilder();

    /** Notes a step of the start with its time since the process started (--timing). */
    private void mark(String step) {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        marks.append(String.format(Locale.ROOT, "  %6.2f s  %s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, step));
    }

    private void printTiming() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(null);
        if (started != null) {
            long ms = Duration.between(started, Instant.now()).toMillis();
            System.out.printf(Locale.ROOT, "santeatlas: first map frame painted %.2f s after the process started%n%s",
                    ms / 1000.0, marks);
            System.out.flush();
        }
    }

    /** The window's state (tests). */
    ShellViewModel shell() {
        return shell;
    }

    /** The current view (tests; a language switch replaces it). */
    ShellView view() {
        return view;
    }

    /** Called on the JavaFX thread once the last window has closed. */
    @Override
    public void stop() {
        if (summary != null) {
            summary.close();
        }
        if (view != null) {
            view.dispose();
        }
        if (executor != null) {
            // Let the workspace close properly (H2 writes its final state on close).
            executor.shutdown(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        }
    }
}
