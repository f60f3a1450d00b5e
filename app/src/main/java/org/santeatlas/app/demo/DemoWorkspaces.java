package org.santeatlas.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceException;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The fictional demo workspace: generated SNIS-style files imported through the same importers a user
 * runs. Blocking; call from a background thread.
 */
public final class DemoWorkspaces {

    /** The workspace's name inside its folder. */
    public static final String WORKSPACE_NAME = "demo";

    private DemoWorkspaces() {
    }

    /** What building the demo produced. */
    public record Build(Path workspace, DemoFiles files, List<ImportResult> imports) {}

    public static Path workspaceFile(Path dir) {
        return Workspace.fileFor(dir.resolve(WORKSPACE_NAME));
    }

    /**
     * The demo workspace in {@code dir}, built first if it does not exist yet, and rebuilt when the one
     * there cannot be opened by this build (made by another version, damaged): it is generated data, and
     * a trainer's one click must open a demo. A demo open in another program is left alone.
     */
    public static Path ensure(Path dir, Consumer<String> progress) throws IOException {
        Path file = workspaceFile(dir);
        if (Files.exists(file)) {
            try (Workspace existing = Workspace.open(file, AccessMode.READ_WRITE)) {
                return file;
            } catch (WorkspaceException e) {
                if (e.reason() == WorkspaceException.Reason.LOCKED) {
                    throw e;
                }
            }
        }
        return build(dir, DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, progress).workspace();
    }

    /**
     * Generates the files into {@code dir} and builds a new workspace from them (an existing demo
     * workspace there is replaced: it is generated data).
     *
     * @throws DemoBuildException when an import fails (it would be a bug in the generator or importers)
     */
    public static Build build(Path dir, DemoSize size, long seed, Consumer<String> progress) throws IOException {
        progress.accept("demo.generating");
        DemoFiles files = DemoGenerator.generate(size, seed, dir);
        Path file = workspaceFile(dir);
        // Built under another name and moved into place when complete, so that a build killed half-way
        // never leaves a demo.mv.db that ensure() would take for a finished one.
        Path building = Workspace.fileFor(dir.resolve(".building-" + WORKSPACE_NAME));
        Files.deleteIfExists(building);
        List<ImportResult> results = new ArrayList<>();
        try (Workspace workspace = Workspace.create(building)) {
            workspace.markDemo(true);
            ImportService service = new ImportService(workspace);
            List<Object[]> steps = List.of(
                    new Object[] {files.metadataJson(), ImportFormat.DHIS2_METADATA_JSON},
                    new Object[] {files.dataValuesJson(), ImportFormat.DHIS2_DATA_VALUE_SET_JSON},
                    new Object[] {files.completeRegistrationsJson(), ImportFormat.DHIS2_COMPLETE_REGISTRATIONS_JSON},
                    new Object[] {files.registryCsv(), ImportFormat.REGISTRY_CSV},
                    new Object[] {files.localitiesCsv(), ImportFormat.LOCALITIES_CSV});
            for (Object[] step : steps) {
                Path input = (Path) step[0];
                progress.accept("demo.importing:" + input.getFileName());
                ImportResult result = service.importFile(input, Optional.of((ImportFormat) step[1]),
                        ImportProgress.NONE);
                if (result.failed()) {
                    throw new DemoBuildException(result.failure().orElseThrow().format());
                }
                results.add(result);
            }
        } catch (RuntimeException e) {
            Files.deleteIfExists(building);
            throw e;
        }
        Files.move(building, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Build(file, files, results);
    }

    /** The generated demo could not be imported: a defect, not a user error. */
    public static final class DemoBuildException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public DemoBuildException(String message) {
            super(message);
        }
    }
}
