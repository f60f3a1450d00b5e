package org.santeatlas.app.cli;

import java.io.PrintWriter;
import java.util.MissingResourceException;
import org.santeatlas.core.workspace.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code santeatlas}: the command line. Subcommand names, options and JSON keys are a public interface
 * that scripts rely on; keep them stable.
 */
@Command(name = "santeatlas", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = SanteAtlasCommand.Version.class,
        subcommands = {DemoCommand.class, ImportCommand.class, PullCommand.class, SummaryCommand.class,
            BatchesCommand.class, QualityCommand.class, MapCommand.class, CoverageCommand.class, SiteCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class},
        description = "SantéAtlas: SNIS/DHIS2 data, maps, data quality and reports, offline.")
public final class SanteAtlasCommand implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.forDefaultLocale().get("cli.missingCommand"));
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 user error, 2 internal error. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        SanteAtlasCommand root = new SanteAtlasCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        Messages messages = Messages.forDefaultLocale();
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("santeatlas: " + ex.getMessage());
            err.println(messages.get("cli.seeHelp"));
            err.flush();
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = root.debug;
            if (ex instanceof UserException) {
                err.println("santeatlas: " + ex.getMessage());
            } else if (ex instanceof WorkspaceException we) {
                err.println("santeatlas: " + workspaceMessage(messages, we));
            } else {
                err.println("santeatlas: " + messages.get("cli.internalError", String.valueOf(ex)));
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return 2;
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String workspaceMessage(Messages messages, WorkspaceException e) {
        Object[] args = new Object[1 + e.arguments().size()];
        args[0] = e.file() == null ? "" : e.file().toString();
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        try {
            return messages.get(e.messageKey(), args);
        } catch (MissingResourceException missing) {
            return e.getMessage();
        }
    }

    /** The version from the jar manifest (set by Maven), "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"SantéAtlas " + version()};
        }

        public static String version() {
            return org.santeatlas.app.AppVersion.current();
        }
    }
}
