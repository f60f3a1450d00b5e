package org.santeatlas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.engine.GroundTruthScore;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.RunProgress;
import org.santeatlas.quality.engine.RunResult;

/**
 * Every check on the demo country, scored against its ground truth; prints recall and precision per
 * category and per outlier method (the figures behind the choice of the seasonal method as the default).
 */
class DemoRecallTest {

    @TempDir
    static Path dir;
    static RunResult result;
    static List<GroundTruthScore.Score> scores;

    @BeforeAll
    static void run() throws Exception {
        Path ws = DemoWorkspace.copy(dir);
        try (Workspace w = Workspace.open(ws, AccessMode.READ_WRITE)) {
            result = new QualityRun(w.connection(), QualityChecks.select(List.of("all")), QualityParameters.DEFAULTS,
                    RunProgress.NONE).execute();
        }
        scores = GroundTruthScore.score(DemoWorkspace.files().groundTruthJson(), result.findings());
        for (GroundTruthScore.Score s : scores) {
            System.out.printf(Locale.ROOT, "%-28s planted %5d found %5d findings %6d matching %6d recall %.3f precision %.3f%n",
                    s.category(), s.planted(), s.found(), s.findings(), s.matchingFindings(), s.recall(), s.precision());
        }
        for (String m : List.of("outlier-zscore", "outlier-modified-zscore", "outlier-dhis2", "outlier-seasonal")) {
            for (Severity sev : List.of(Severity.HIGH, Severity.MEDIUM)) {
                var c = new GroundTruthScore.Category("outliers", List.of(m), sev,
                        List.of("orgUnit", "period", "dataElement", "categoryOptionCombo"));
                var s = GroundTruthScore.score(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(DemoWorkspace.files().groundTruthJson().toFile()), result.findings(), List.of(c)).get(0);
                System.out.printf(Locale.ROOT, "%-26s >=%-6s planted %d found %d findings %d recall %.3f precision %.3f%n",
                        m, sev, s.planted(), s.found(), s.findings(), s.recall(), s.precision());
            }
        }
    }

    @Test
    void recallIsCompleteForTheReportingAndOutlierCategories() {
        for (GroundTruthScore.Score s : scores) {
            if (List.of("missingReports", "lateReports", "interruptedReporting", "outliers", "openedDuringPeriod",
                    "closedFacilities").contains(s.category())) {
                assertThat(s.recall()).as(s.category()).isEqualTo(1.0);
            }
            if (List.of("outliers", "missingReports", "lateReports", "openedDuringPeriod", "closedFacilities")
                    .contains(s.category())) {
                assertThat(s.precision()).as(s.category()).isGreaterThanOrEqualTo(0.9);
            }
        }
    }

    @Test
    void theRunIsStoredAndScoredPerDistrict() {
        assertThat(result.runId()).isPresent();
        assertThat(result.scorecard().districts()).hasSize(14);
        assertThat(result.scorecard().country().score(Dimension.COMPLETENESS)).isBetween(0.9, 1.0);
        assertThat(result.scorecard().country().score(Dimension.OUTLIERS)).isGreaterThan(0.99);
    }
}
