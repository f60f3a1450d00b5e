package org.santeatlas.quality.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.DemoWorkspace;
import org.santeatlas.quality.QualityParameters;

/** Running the plain checks on a second thread changes nothing: same findings in the same order, same scorecard. */
class ParallelRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunOnTwoThreadsEqualsARunOnOne() throws Exception {
        Path ws = DemoWorkspace.copy(dir);
        try (Workspace w = Workspace.open(ws, AccessMode.READ_WRITE)) {
            RunResult one = new QualityRun(w.connection(), QualityChecks.select(List.of("all")),
                    QualityParameters.DEFAULTS, RunProgress.NONE).parallel(false).store(false).execute();
            RunResult two = new QualityRun(w.connection(), QualityChecks.select(List.of("all")),
                    QualityParameters.DEFAULTS, RunProgress.NONE).parallel(true).execute();
            assertThat(two.findings()).isNotEmpty().isEqualTo(one.findings());
            assertThat(two.scorecard()).isEqualTo(one.scorecard());
            List<QualityRunStore.StoredFinding> stored = new QualityRunStore(w.connection())
                    .findings(two.runId().getAsInt());
            assertThat(stored).extracting(s -> s.finding().message())
                    .isEqualTo(two.findings().stream().map(f -> f.message()).toList());
        }
    }
}
