package org.santeatlas.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The generated demo country imported into a workspace, once per test JVM (generation and import take
 * several seconds); tests copy it when they write to it.
 */
public final class DemoWorkspace {

    private static DemoFiles files;
    private static Path workspace;

    private DemoWorkspace() {
    }

    /** The demo's files (ground-truth.json among them). */
    public static synchronized DemoFiles files() {
        build();
        return files;
    }

    /** A fresh copy of the imported workspace file, in {@code dir}. */
    public static synchronized Path copy(Path dir) {
        build();
        try {
            Path target = dir.resolve("demo-" + System.nanoTime() + Workspace.FILE_SUFFIX);
            Files.copy(workspace, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build() {
        if (workspace != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("santeatlas-quality-demo");
            dir.toFile().deleteOnExit();
            files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
            Path file = dir.resolve("demo" + Workspace.FILE_SUFFIX);
            try (Workspace ws = Workspace.create(file)) {
                ImportService service = new ImportService(ws);
                for (Path f : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson(),
                        files.registryCsv(), files.localitiesCsv())) {
                    ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                    if (r.failure().isPresent()) {
                        throw new IllegalStateException(f + ": " + r.failure().get());
                    }
                }
            }
            workspace = file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
