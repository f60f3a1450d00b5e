package org.santeatlas.app.shell;

import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.shell.DesktopLauncher.Target;

/**
 * The JavaFX application: one main window opened on the target named by the parameters ({@code
 * --workspace=FILE}, {@code --demo=FOLDER}, default: the demo in the user's data folder). Start it
 * through {@link DesktopLauncher}, not as a main class.
 */
public final class SanteAtlasApplication extends Application {

    /** How long closing waits for the worker: a demo import stops at its next step, then is deleted. */
    private static final long SHUTDOWN_SECONDS = 15;

    private FxTaskExecutor executor;
    private WorkspaceSummaryViewModel summary;

    @Override
    public void start(Stage stage) {
        Target target = Target.fromParameters(getParameters().getNamed());
        Messages messages = Messages.forDefaultLocale();
        executor = new FxTaskExecutor();
        summary = new WorkspaceSummaryViewModel(messages, executor, DemoWorkspaces::ensure);
        ShellViewModel shell = new ShellViewModel(messages, summary, ShellViewModel.applicationVersion());
        new ShellView(shell, messages, Platform::exit).show(stage);
        summary.load(target);
    }

    /** Called on the JavaFX thread once the last window has closed. */
    @Override
    public void stop() {
        if (summary != null) {
            summary.close();
        }
        if (executor != null) {
            // Let the workspace close properly (H2 writes its final state on close).
            executor.shutdown(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        }
    }
}
