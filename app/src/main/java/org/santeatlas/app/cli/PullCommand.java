package org.santeatlas.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.santeatlas.core.store.ImportCounts;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.pull.Dhis2Credentials;
import org.santeatlas.importers.pull.OrgUnitScope;
import org.santeatlas.importers.pull.PullException;
import org.santeatlas.importers.pull.PullListener;
import org.santeatlas.importers.pull.PullOptions;
import org.santeatlas.importers.pull.PullRequest;
import org.santeatlas.importers.pull.PullResult;
import org.santeatlas.importers.pull.PullService;
import org.santeatlas.importers.pull.RetryPolicy;
import org.santeatlas.importers.pull.ServerUrl;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code santeatlas pull -w W --url https://… (--token PAT | --user U) --orgunit UID [--children|--descendants]
 * --dataset UID… --start YYYY-MM-DD --end YYYY-MM-DD}: fetches from a live DHIS2 server into a workspace
 * (created if needed). Run again with the same arguments, it resumes an interrupted pull, or fetches only
 * what changed since the last one.
 *
 * <p>Credentials never come from the command line but for {@code --token}, which the help advises against on
 * shared machines: the token may come from {@code SANTEATLAS_DHIS2_TOKEN}, the password of {@code --user}
 * from {@code SANTEATLAS_DHIS2_PASSWORD} or the console (no echo). Nothing prints them.
 */
@Command(name = "pull", description = {"Fetch metadata, data values and complete registrations from a DHIS2 server"
        + " into a workspace. Run again, it resumes an interrupted pull or fetches only what changed.",
    "Credentials: --token PAT (DHIS2 2.37+ personal access token) or the environment variable"
            + " SANTEATLAS_DHIS2_TOKEN (better on a shared machine: a command line is visible to other users);"
            + " or --user NAME, with the password read from the console or from SANTEATLAS_DHIS2_PASSWORD."})
final class PullCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "SANTEATLAS_DHIS2_TOKEN";
    static final String PASSWORD_VARIABLE = "SANTEATLAS_DHIS2_PASSWORD";

    /** The environment; tests replace it. */
    static Function<String, String> environment = System::getenv;
    /** Reads a password without echo; null when there is no console. Tests replace it. */
    static Function<String, char[]> console = prompt -> {
        Console c = System.console();
        return c == null ? null : c.readPassword("%s", prompt);
    };
    /** How the pull retries; tests shorten the waits. */
    static RetryPolicy retry = RetryPolicy.DEFAULT;

    @Option(names = {"-w", "--workspace"}, required = true,
            description = "The workspace file (NAME or NAME.mv.db); created if it does not exist.")
    Path workspace;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The DHIS2 server's address, e.g. https://snis.sante.example/dhis (https:// advised).")
    String url;

    @Option(names = "--token", paramLabel = "PAT", description = "A DHIS2 personal access token (DHIS2 2.37+)."
            + " On a shared machine prefer the environment variable " + TOKEN_VARIABLE + ".")
    String token;

    @Option(names = "--user", paramLabel = "USER", description = "A DHIS2 user name; the password is read from the"
            + " console (not shown) or from the environment variable " + PASSWORD_VARIABLE + ".")
    String user;

    @Option(names = "--orgunit", required = true, paramLabel = "UID", description = "The org unit to pull.")
    String orgUnit;

    @ArgGroup(exclusive = true)
    Scope scope;

    /** {@code --children} or {@code --descendants}. */
    static final class Scope {
        @Option(names = "--children", description = "Also its children.")
        boolean children;

        @Option(names = "--descendants", description = "Also its whole subtree.")
        boolean descendants;
    }

    @Option(names = "--dataset", required = true, arity = "1..*", paramLabel = "UID",
            description = "The data set(s) whose values and complete registrations to pull.")
    List<String> dataSets;

    @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD",
            description = "First day: periods starting before it are left out.")
    LocalDate start;

    @Option(names = "--end", required = true, paramLabel = "YYYY-MM-DD",
            description = "Last day: periods ending after it are left out.")
    LocalDate end;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Messages m = Messages.forDefaultLocale();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dhis2Credentials credentials = null;
        try {
            ServerUrl server = ServerUrl.parse(url);
            credentials = credentials(m);
            OrgUnitScope s = scope == null ? OrgUnitScope.SELF
                    : scope.descendants ? OrgUnitScope.DESCENDANTS : scope.children ? OrgUnitScope.CHILDREN
                    : OrgUnitScope.SELF;
            PullRequest request = new PullRequest(server, credentials, orgUnit, s, dataSets, start, end);
            PullResult result;
            Path file = Workspace.fileFor(workspace);
            boolean existed = Files.exists(file);
            try (Workspace ws = Workspace.openOrCreate(workspace)) {
                Listener listener = new Listener(m, out, err);
                try {
                    result = new PullService(ws, PullOptions.DEFAULTS.withRetry(retry)).pull(request, listener);
                } catch (PullException e) {
                    if (!existed) {
                        // Refused before anything was fetched (credentials, org unit): leave no empty workspace.
                        ws.close();
                        Files.deleteIfExists(file);
                    }
                    throw e;
                } finally {
                    listener.line.clear();
                }
                report(result, m, out, err);
                out.println(ws.file());
            }
            out.flush();
            err.flush();
            if (result.failure().isPresent()) {
                return result.failure().get().kind() == PullException.Kind.STORAGE ? 2 : 1;
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PullException e) {
            err.println("santeatlas: " + m.problem(e.problem()));
            err.flush();
            return e.kind() == PullException.Kind.STORAGE ? 2 : 1;
        } finally {
            if (credentials != null) {
                credentials.clear();
            }
        }
    }

    private Dhis2Credentials credentials(Messages m) {
        if (token != null && user != null) {
            throw new UserException(m.get("pull.tokenAndUser"));
        }
        if (user != null) {
            if (user.isBlank()) {
                throw new UserException(m.get("pull.noCredentials", TOKEN_VARIABLE));
            }
            String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
            char[] password = fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment.toCharArray()
                    : console.apply(m.get("pull.passwordPrompt", user));
            if (password == null || password.length == 0) {
                throw new UserException(m.get("pull.noPassword", PASSWORD_VARIABLE));
            }
            try {
                return Dhis2Credentials.userPassword(user, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        String pat = token != null ? token : environment.apply(TOKEN_VARIABLE);
        if (pat == null || pat.isBlank()) {
            throw new UserException(m.get("pull.noCredentials", TOKEN_VARIABLE));
        }
        return Dhis2Credentials.token(pat);
    }

    private static void report(PullResult r, Messages m, PrintWriter out, PrintWriter err) {
        ImportCounts c = r.counts();
        out.println(m.get("pull.summary", r.chunksDone(), r.chunksSkipped(), size(m, r.bytes()),
                c.createdCount(), c.updatedCount(), c.unchangedCount(), c.deletedCount(), c.rejectedCount()));
        if (r.failure().isPresent()) {
            PullException f = r.failure().get();
            err.println("santeatlas: " + m.problem(f.problem()));
            err.println(m.get(f.kind() == PullException.Kind.CANCELLED ? "pull.cancelledKept" : "pull.stopped"));
        }
    }

    /** {@code 12 kB} or {@code 3.4 MB} (decimal units, as network tools count). */
    static String size(Messages m, long bytes) {
        return bytes < 1_000_000 ? m.get("pull.size.kB", Math.ceil(bytes / 1000.0))
                : m.get("pull.size.MB", bytes / 1_000_000.0);
    }

    /** Prints each chunk's outcome and warnings as they come; progress on the terminal only. */
    private static final class Listener implements PullListener {
        final Messages m;
        final PrintWriter out;
        final PrintWriter err;
        final ProgressLine line;

        Listener(Messages m, PrintWriter out, PrintWriter err) {
            this.m = m;
            this.out = out;
            this.err = err;
            this.line = new ProgressLine(err, m, System.console() != null);
        }

        @Override
        public void progress(int finished, int total, long bytes) {
            line.update(finished, total, bytes);
        }

        @Override
        public void warning(Problem warning) {
            line.clear();
            err.println("santeatlas: " + m.get("pull.warning", m.problem(warning)));
            err.flush();
        }

        @Override
        public void chunk(PullResult.ChunkOutcome o) {
            if (o.status() == PullResult.Status.SKIPPED) {
                return;
            }
            line.clear();
            for (Problem p : o.problems()) {
                err.println(m.problem(p));
            }
            if (o.moreProblems() > 0) {
                err.println(m.get("import.moreProblems", o.moreProblems()));
            }
            if (o.status() == PullResult.Status.FAILED) {
                err.println(m.problem(o.failure().orElseThrow()));
                err.println(m.get("pull.chunkFailed", o.chunk().describe()));
            } else if (o.counts().changedAnything() || o.counts().rejectedCount() > 0) {
                ImportCounts c = o.counts();
                out.println(m.get("pull.chunk", o.chunk().describe(), c.createdCount(), c.updatedCount(),
                        c.unchangedCount(), c.deletedCount(), c.rejectedCount()));
            }
            out.flush();
            err.flush();
        }
    }

    /** One line rewritten in place on the terminal, at most twice a second (as the import's). */
    private static final class ProgressLine {
        private static final long INTERVAL_NANOS = 500_000_000L;
        private final PrintWriter err;
        private final Messages m;
        private final boolean enabled;
        private long last;
        private boolean shown;

        ProgressLine(PrintWriter err, Messages m, boolean enabled) {
            this.err = err;
            this.m = m;
            this.enabled = enabled;
        }

        void update(int finished, int total, long bytes) {
            long now = System.nanoTime();
            if (!enabled || shown && now - last < INTERVAL_NANOS) {
                return;
            }
            last = now;
            shown = true;
            // Until the metadata is in, the number of requests is not known yet.
            err.print("\r" + (total == 0 ? m.get("pull.progressMetadata", size(m, bytes))
                    : m.get("pull.progress", finished, total, size(m, bytes))) + "   ");
            err.flush();
        }

        void clear() {
            if (shown) {
                err.print("\r" + " ".repeat(79) + "\r");
                err.flush();
                shown = false;
            }
        }
    }
}
