package org.santeatlas.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that read a workspace and print about it: {@code -w WORKSPACE [--json]}. */
final class ReportOptions {

    @Option(names = {"-w", "--workspace"}, required = true, description = "The workspace file (NAME or NAME.mv.db).")
    Path workspace;

    @Option(names = "--json", description = "Print JSON (keys in camelCase; stable for scripts).")
    boolean json;
}
