package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CLI run in process, and one demo workspace built by {@code santeatlas demo} for the CLI tests that only
 * read it (coverage, map export, reports): built once per test JVM instead of once per test class. A test that
 * changes a workspace (imports, quality runs stored) must build its own.
 */
final class CliRuns {

    record Run(int code, String out, String err) {}

    private static Path demo;

    private CliRuns() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SanteAtlasCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The shared read-only demo workspace file, built on first use and deleted when the JVM exits. */
    static synchronized Path readOnlyDemo() {
        if (demo == null) {
            try {
                Path dir = Files.createTempDirectory("santeatlas-cli-demo");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Run built = run("demo", "--out", dir.resolve("demo").toString());
                assertThat(built.code()).as(built.err()).isZero();
                List<String> lines = built.out().lines().toList();
                demo = Path.of(lines.get(lines.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing the build for
        }
    }
}
