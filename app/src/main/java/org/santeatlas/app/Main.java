package org.santeatlas.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.santeatlas.app.cli.SanteAtlasCommand;
import org.santeatlas.app.shell.DesktopLauncher;

/**
 * Entry point of {@code ./santeatlas}: with no argument (or only {@code --timing}, which prints the time to
 * the first painted map frame), the desktop app on the demo workspace; with
 * a subcommand, the CLI. (Not a JavaFX Application subclass: with JavaFX on the class path the main
 * class must not extend Application.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("--timing"))) {
            DesktopLauncher.launch(new DesktopLauncher.Target.OpenDemo(AppDirectories.demo()), args.length == 1);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(SanteAtlasCommand.execute(args, out, err));
    }
}
