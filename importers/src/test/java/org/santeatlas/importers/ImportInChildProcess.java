package org.santeatlas.importers;

import java.nio.file.Path;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;

/**
 * Run as a separate JVM by {@link KillDuringImportTest}: imports a file and, at the first progress
 * report, says so on stdout and slows down, so that the parent kills it in the middle of the import.
 */
public final class ImportInChildProcess {

    private ImportInChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace workspace = Workspace.open(Path.of(args[0]),
                org.santeatlas.core.workspace.AccessMode.READ_WRITE)) {
            new ImportService(workspace).importFile(Path.of(args[1]), Optional.empty(),
                    (bytes, total, records) -> {
                        System.out.println("IMPORTING " + records);
                        System.out.flush();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
        System.out.println("FINISHED");
    }
}
