package org.santeatlas.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where SantéAtlas keeps the user's data: the platform's per-user data folder, never the installation
 * folder. {@code SANTEATLAS_HOME} (or the system property {@code santeatlas.home}) overrides it, for
 * tests and portable use.
 */
public final class AppDirectories {

    private AppDirectories() {
    }

    public static Path dataHome() {
        String override = System.getProperty("santeatlas.home", System.getenv("SANTEATLAS_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Local")).resolve("SanteAtlas");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("SanteAtlas");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("santeatlas");
    }

    /** Workspaces the user creates without naming a folder. */
    public static Path workspaces() {
        return dataHome().resolve("workspaces");
    }

    /** The built-in demo: its generated files and its workspace. */
    public static Path demo() {
        return dataHome().resolve("demo");
    }
}
