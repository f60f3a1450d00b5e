package org.santeatlas.map;

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
 * The generated demo country imported into a workspace marked as the demo, once per test JVM (generation
 * and import take several seconds). Tests open it read-only.
 */
final class DemoWorkspace {

    private static Path workspace;

    private DemoWorkspace() {
    }

    static synchronized Path file() {
        if (workspace != null) {
            return workspace;
        }
        try {
            Path dir = Files.createTempDirectory("santeatlas-map-demo");
            dir.toFile().deleteOnExit();
            DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
            Path file = dir.resolve("demo" + Workspace.FILE_SUFFIX);
            try (Workspace ws = Workspace.create(file)) {
                ws.markDemo(true);
                ImportService service = new ImportService(ws);
                for (Path f : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson(),
                        files.localitiesCsv())) {
                    ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                    if (r.failure().isPresent()) {
                        throw new IllegalStateException(f + ": " + r.failure().get());
                    }
                }
            }
            workspace = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
