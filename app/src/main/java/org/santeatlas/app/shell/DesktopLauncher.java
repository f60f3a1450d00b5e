package org.santeatlas.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import org.santeatlas.app.AppDirectories;

/**
 * Starts the desktop window. A plain class on purpose: with JavaFX on the class path, a main class
 * that extends {@link Application} fails with "JavaFX runtime components are missing", so {@code Main}
 * calls {@link #launch(Target)} and the target travels to {@link SanteAtlasApplication} as named
 * application parameters ({@code --workspace=FILE} or {@code --demo=FOLDER}).
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** What the window opens first. */
    public sealed interface Target {

        /** An existing workspace file ({@code x} and {@code x.mv.db} name the same one). */
        record OpenWorkspace(Path file) implements Target {
            public OpenWorkspace {
                Objects.requireNonNull(file, "file");
            }
        }

        /** The fictional demo kept in {@code folder}, built there first if it is missing. */
        record OpenDemo(Path folder) implements Target {
            public OpenDemo {
                Objects.requireNonNull(folder, "folder");
            }
        }

        static Target workspace(Path file) {
            return new OpenWorkspace(file);
        }

        static Target demo(Path folder) {
            return new OpenDemo(folder);
        }

        /** The demo in the user's data folder ({@link AppDirectories#demo()}). */
        static Target defaultDemo() {
            return new OpenDemo(AppDirectories.demo());
        }

        /** The application parameters that carry this target. */
        default List<String> toArguments() {
            if (this instanceof OpenWorkspace w) {
                return List.of("--" + WORKSPACE_PARAMETER + "=" + w.file().toAbsolutePath());
            }
            return List.of("--" + DEMO_PARAMETER + "=" + ((OpenDemo) this).folder().toAbsolutePath());
        }

        /**
         * The target named by application parameters ({@code Application.getParameters().getNamed()});
         * without one, the default demo.
         */
        static Target fromParameters(Map<String, String> named) {
            String workspace = named.get(WORKSPACE_PARAMETER);
            if (workspace != null && !workspace.isBlank()) {
                return new OpenWorkspace(Path.of(workspace));
            }
            String demo = named.get(DEMO_PARAMETER);
            if (demo != null && !demo.isBlank()) {
                return new OpenDemo(Path.of(demo));
            }
            return defaultDemo();
        }
    }

    static final String WORKSPACE_PARAMETER = "workspace";
    static final String DEMO_PARAMETER = "demo";
    static final String TIMING_PARAMETER = "timing";

    /**
     * Opens the window on {@code target} and returns when the user has closed it. Call once per JVM
     * (JavaFX allows one launch), from any thread but the JavaFX one.
     */
    public static void launch(Target target) {
        launch(target, false);
    }

    /** Like {@link #launch(Target)}; with {@code timing}, prints the time to the first painted map frame. */
    public static void launch(Target target, boolean timing) {
        Objects.requireNonNull(target, "target");
        java.util.List<String> args = new java.util.ArrayList<>(target.toArguments());
        if (timing) {
            args.add("--" + TIMING_PARAMETER + "=true");
        }
        Application.launch(SanteAtlasApplication.class, args.toArray(String[]::new));
    }
}
