package org.santeatlas.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.santeatlas.app.cli.SanteAtlasCommand;
import org.santeatlas.app.shell.DesktopLauncher;
import org.santeatlas.core.workspace.Workspace;

/**
 * Entry point of {@code ./santeatlas} and of the installed launcher: with no argument, the desktop app
 * on the demo workspace; with one workspace file (what the desktop passes when the user opens a
 * {@code .mv.db} file with SantéAtlas), the desktop app on that workspace; either followed by
 * {@code --timing}, which prints the time to the first painted map frame; with a subcommand, the CLI.
 * (Not a JavaFX Application subclass: with JavaFX on the class path the main class must not extend
 * Application.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean timing = args.length > 0 && args[args.length - 1].equals(TIMING_OPTION);
        String[] windowArgs = timing ? java.util.Arrays.copyOf(args, args.length - 1) : args;
        Optional<DesktopLauncher.Target> window = desktopTarget(windowArgs);
        if (window.isPresent()) {
            keepJavaFxCacheInDataHome();
            DesktopLauncher.launch(window.get(), timing);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(SanteAtlasCommand.execute(args, out, err));
    }

    /**
     * What the window opens, when the arguments ask for the window rather than the CLI: nothing (the
     * demo) or a single workspace file. No subcommand or option ends in {@code .mv.db}, so a file
     * cannot be taken for a command.
     */
    static Optional<DesktopLauncher.Target> desktopTarget(String[] args) {
        if (args.length == 0) {
            return Optional.of(new DesktopLauncher.Target.OpenDemo(AppDirectories.demo()));
        }
        if (args.length == 1 && !args[0].startsWith("-") && args[0].endsWith(Workspace.FILE_SUFFIX)) {
            return Optional.of(new DesktopLauncher.Target.OpenWorkspace(Path.of(args[0])));
        }
        return Optional.empty();
    }

    /**
     * JavaFX loads its native libraries from beside its jars (where the installers put them) or else
     * unpacks them from the jar into {@code ~/.openjfx/cache} (the Maven jars that {@code ./santeatlas}
     * runs): that copy goes in the user data folder instead, with everything else SantéAtlas writes.
     * {@code javafx.cachedir} is read by JavaFX's NativeLibLoader; one given on the command line wins.
     */
    static void keepJavaFxCacheInDataHome() {
        if (System.getProperty(JAVAFX_CACHE_PROPERTY) == null) {
            System.setProperty(JAVAFX_CACHE_PROPERTY, AppDirectories.dataHome().resolve("javafx-cache").toString());
        }
    }

    static final String JAVAFX_CACHE_PROPERTY = "javafx.cachedir";

    /** Given last to the window's arguments, prints the time from process start to the first painted map frame. */
    static final String TIMING_OPTION = "--timing";
}
