package org.santeatlas.quality.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.TinyWorkspaceAccess;

/** A run stores its parameters and findings together, or nothing when cancelled; checks are chosen by name. */
class QualityRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunIsStoredWithItsParametersAsJsonAndEveryFinding() throws Exception {
        try (var w = TinyWorkspaceAccess.reportingDistrict(dir)) {
            List<Double> shares = new java.util.ArrayList<>();
            RunResult r = new QualityRun(w.connection(), QualityChecks.defaults(), QualityParameters.DEFAULTS,
                    (stage, share) -> shares.add(share)).execute();
            assertThat(r.runId()).isPresent();
            assertThat(shares).isSorted().last().isEqualTo(1.0);
            try (Statement st = w.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT PARAMETERS, FINDING_COUNT, CHECKS FROM QUALITY_RUN")) {
                rs.next();
                var json = new ObjectMapper().readTree(rs.getString(1));
                assertThat(json.get("timelinessThreshold").asDouble()).isEqualTo(0.75);
                assertThat(json.get("indicatorPairs").get(0).get("numeratorCode").asText()).isEqualTo("SNIS_CPN1");
                assertThat(rs.getInt(2)).isEqualTo(r.findings().size());
                assertThat(rs.getString(3)).startsWith("reporting,");
            }
            List<QualityRunStore.StoredFinding> stored = new QualityRunStore(w.connection()).findings(r.runId().getAsInt());
            assertThat(stored).extracting(s -> s.finding().check()).isEqualTo(r.findings().stream().map(Finding::check).toList());
            assertThat(stored).noneMatch(QualityRunStore.StoredFinding::followUp);
            int marked = new QualityRunStore(w.connection()).markFollowUp(List.of(stored.get(0).id()), true);
            assertThat(marked).isEqualTo(1);
            assertThat(new QualityRunStore(w.connection()).followUps()).hasSize(1);
        }
    }

    @Test
    void anInterruptedRunThrowsAndStoresNothing() throws Exception {
        try (var w = TinyWorkspaceAccess.reportingDistrict(dir)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> new QualityRun(w.connection(), QualityChecks.defaults(),
                        QualityParameters.DEFAULTS, RunProgress.NONE).execute())
                        .isInstanceOf(CancellationException.class);
            } finally {
                Thread.interrupted();
            }
            try (Statement st = w.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM QUALITY_RUN")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void checksAreChosenByIdByFindingIdOrByDimension() {
        assertThat(QualityChecks.select(List.of("missing-report"))).extracting(c -> c.id()).containsExactly("reporting");
        assertThat(QualityChecks.select(List.of("outliers"))).extracting(c -> c.id()).containsExactly(
                "outlier-zscore", "outlier-modified-zscore", "outlier-dhis2", "outlier-seasonal", "outlier-min-max");
        assertThatThrownBy(() -> QualityChecks.select(List.of("outlier-seasonal", "nope")))
                .hasMessage("nope");
        assertThat(QualityChecks.defaults()).extracting(c -> c.id()).contains("outlier-seasonal")
                .doesNotContain("outlier-zscore");
    }

    @Test
    void groundTruthScoringMatchesByTheCategorysKeys() throws Exception {
        var truth = new ObjectMapper().readTree("""
                {"missingReports": [{"orgUnit": "A", "period": "202401"}, {"orgUnit": "B", "period": "202402"}],
                 "outliers": [{"orgUnit": "A", "period": "202403", "dataElement": "D", "categoryOptionCombo": "C"}]}
                """);
        List<Finding> findings = List.of(
                finding("missing-report", Severity.LOW, "A", null, null, "202401"),
                finding("missing-report", Severity.LOW, "C", null, null, "202401"),
                finding("outlier-seasonal", Severity.HIGH, "A", "D", "C", "202403"),
                finding("outlier-seasonal", Severity.MEDIUM, "A", "D", "C", "202404"));
        var scores = GroundTruthScore.score(truth, findings, GroundTruthScore.CATEGORIES);
        var missing = scores.stream().filter(s -> s.category().equals("missingReports")).findFirst().orElseThrow();
        assertThat(missing.planted()).isEqualTo(2);
        assertThat(missing.found()).isEqualTo(1);
        assertThat(missing.recall()).isEqualTo(0.5);
        assertThat(missing.precision()).isEqualTo(0.5);
        var outliers = scores.stream().filter(s -> s.category().equals("outliers")).findFirst().orElseThrow();
        assertThat(outliers.recall()).isEqualTo(1.0);
        assertThat(outliers.precision()).isEqualTo(1.0); // the MEDIUM one is not a claim
        var geo = scores.stream().filter(s -> s.category().equals("swappedCoordinates")).findFirst().orElseThrow();
        assertThat(geo.planted()).isZero();
        assertThat(geo.recall()).isNaN();
    }

    private static Finding finding(String check, Severity s, String ou, String de, String coc, String pe) {
        return new Finding(check, Dimension.OUTLIERS, s, ou, de, coc, pe, "1", null, 0, "", null, List.of(), "");
    }
}
