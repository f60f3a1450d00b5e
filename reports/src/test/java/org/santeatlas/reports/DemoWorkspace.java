package org.santeatlas.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The generated demo country (every file, as the app's demo) imported into a workspace marked as the demo, once per test JVM (generation
 * and import take several seconds). Tests open it read-only.
 */
public final class DemoWorkspace {

    private static Path workspace;

    private DemoWorkspace() {
    }

    public static synchronized Path file() {
        if (workspace != null) {
            return workspace;
        }
        try {
            Path dir = Files.createTempDirectory("santeatlas-reports-demo");
            dir.toFile().deleteOnExit();
            DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
            Path file = dir.resolve("demo" + Workspace.FILE_SUFFIX);
            try (Workspace ws = Workspace.create(file)) {
                ws.markDemo(true);
                ImportService service = new ImportService(ws);
                // the app's demo: every file, so the report has registrations and a registry to reconcile
                List<Object[]> steps = List.of(
                        new Object[] {files.metadataJson(), ImportFormat.DHIS2_METADATA_JSON},
                        new Object[] {files.dataValuesJson(), ImportFormat.DHIS2_DATA_VALUE_SET_JSON},
                        new Object[] {files.completeRegistrationsJson(), ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON},
                        new Object[] {files.registryCsv(), ImportFormat.REGISTRY_CSV},
                        new Object[] {files.localitiesCsv(), ImportFormat.LOCALITIES_CSV});
                for (Object[] step : steps) {
                    Path f = (Path) step[0];
                    ImportResult r = service.importFile(f, Optional.of((ImportFormat) step[1]), ImportProgress.NONE);
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
