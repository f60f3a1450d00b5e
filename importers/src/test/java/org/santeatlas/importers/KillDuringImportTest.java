package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceSummary;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** An import killed with SIGKILL half-way leaves the workspace exactly as it was. */
class KillDuringImportTest {

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesTheWorkspaceAsItWas() throws Exception {
        DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, 7, dir.resolve("files"));
        Path workspaceFile = dir.resolve("ws.mv.db");
        WorkspaceSummary before;
        try (Workspace ws = Workspace.create(workspaceFile)) {
            ImportResult meta = new ImportService(ws).importFile(files.metadataJson(), Optional.empty(),
                    ImportProgress.NONE);
            assertThat(meta.failed()).isFalse();
            before = ws.summary();
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ImportInChildProcess.class.getName(), workspaceFile.toString(), files.dataValuesJson().toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("IMPORTING"));
            assertThat(line).as("the child reached the middle of the import").startsWith("IMPORTING");
            // SIGKILL on Linux: no shutdown hook, no H2 close, nothing flushed on the way out.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Workspace ws = Workspace.open(workspaceFile, AccessMode.READ_WRITE)) {
            assertThat(ws.summary()).isEqualTo(before);
            assertThat(ws.summary().dataValues()).isZero();
            // And the workspace still takes the import afterwards.
            ImportResult r = new ImportService(ws).importFile(files.dataValuesJson(), Optional.empty(),
                    ImportProgress.NONE);
            assertThat(r.counts().createdCount()).isEqualTo(files.counts().dataValues());
        }
    }
}
