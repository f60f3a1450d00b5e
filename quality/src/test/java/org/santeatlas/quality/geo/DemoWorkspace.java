package org.santeatlas.quality.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The generated demo country imported once per test JVM through the real importers (metadata, data
 * values, registrations, registry, localities), with its ground truth. Deleted when the JVM exits.
 */
public final class DemoWorkspace {

    private static DemoWorkspace instance;

    private final Path dir;
    private final Path workspaceFile;
    private final JsonNode truth;

    private DemoWorkspace() throws IOException {
        dir = Files.createTempDirectory("santeatlas-quality-demo");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        workspaceFile = dir.resolve("demo.mv.db");
        try (Workspace ws = Workspace.create(workspaceFile)) {
            ImportService service = new ImportService(ws);
            for (Path file : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson(),
                    files.registryCsv(), files.localitiesCsv())) {
                ImportResult r = service.importFile(file, Optional.empty(), ImportProgress.NONE);
                if (r.failure().isPresent() || !r.problems().isEmpty()) {
                    throw new IllegalStateException("demo import failed: " + file + " " + r.failure() + r.problems());
                }
            }
        }
        truth = new ObjectMapper().readTree(files.groundTruthJson().toFile());
    }

    public static synchronized DemoWorkspace get() throws IOException {
        if (instance == null) {
            instance = new DemoWorkspace();
        }
        return instance;
    }

    public JsonNode truth() {
        return truth;
    }

    /** Opens the workspace read-write (a test may write the registry mapping); close it after use. */
    public Workspace open() {
        return Workspace.open(workspaceFile, AccessMode.READ_WRITE);
    }

    public List<Finding> run(QualityCheck check) throws SQLException {
        try (Workspace ws = open()) {
            List<Finding> findings = new ArrayList<>();
            check.run(new QualityContext(ws.connection(), QualityParameters.DEFAULTS), findings::add);
            return findings;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
