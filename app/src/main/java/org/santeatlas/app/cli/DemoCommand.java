package org.santeatlas.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.santeatlas.app.AppDirectories;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas demo [--size demo|national] [--seed N] [--out DIR]}: generates the fictional
 * country's files into DIR and builds a workspace there through the importers. The last line of the
 * output is the workspace path.
 */
@Command(name = "demo", description = "Generate the fictional demo country and build a workspace from it.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "demo", description = "demo (≈100k values) or national (benchmark size).")
    String size;

    @Option(names = "--seed", defaultValue = "" + DemoGenerator.DEFAULT_SEED, description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Folder for the files and the workspace (default: the user's demo folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Messages m = Messages.forDefaultLocale();
        DemoSize demoSize;
        try {
            demoSize = DemoSize.fromName(size);
        } catch (IllegalArgumentException e) {
            throw new UserException(m.get("demo.unknownSize", size));
        }
        Path dir = (out == null ? AppDirectories.demo() : out).toAbsolutePath();
        PrintWriter w = spec.commandLine().getOut();
        DemoWorkspaces.Build build = DemoWorkspaces.build(dir, demoSize, seed, step -> {
            int colon = step.indexOf(':');
            w.println(colon < 0 ? m.get(step) : m.get(step.substring(0, colon), step.substring(colon + 1)));
            w.flush();
        });
        for (ImportResult r : build.imports()) {
            var c = r.counts();
            w.println(m.get("import.result", r.file().getFileName(), r.format().id(), c.createdCount(),
                    c.updatedCount(), c.unchangedCount(), c.deletedCount(), c.rejectedCount()));
        }
        w.println(build.workspace());
        w.flush();
        return 0;
    }
}
