package org.santeatlas.quality.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Severity;

class GroundTruthScoreTest {

    private static Finding outlier(String ou, String pe) {
        return new Finding("outlier-seasonal", Dimension.OUTLIERS, Severity.HIGH, ou, "DeConsult01", "HllvX50cXC0", pe,
                "1550", "80–300", 7.0, "seasonal", "outlier.key", List.of(), "message");
    }

    @Test
    void aFindingOnAValuePlantedAsAnotherProblemIsNotAFalseAlarmButAddsNoRecall() throws Exception {
        var truth = new ObjectMapper().readTree("""
                {"outliers": [{"orgUnit": "Fac01", "period": "202401", "dataElement": "DeConsult01",
                               "categoryOptionCombo": "HllvX50cXC0"},
                              {"orgUnit": "Fac02", "period": "202402", "dataElement": "DeConsult01",
                               "categoryOptionCombo": "HllvX50cXC0"}],
                 "validationViolations": [{"orgUnit": "Fac03", "period": "202403", "dataElement": "DeConsult01",
                               "categoryOptionCombo": "HllvX50cXC0"}]}
                """);
        List<Finding> findings = List.of(outlier("Fac01", "202401"), outlier("Fac03", "202403"),
                outlier("Fac04", "202404"));

        GroundTruthScore.Score s = GroundTruthScore.score(truth, findings, List.of(GroundTruthScore.CATEGORIES.get(0)))
                .get(0);

        assertThat(s.category()).isEqualTo("outliers");
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.findings()).isEqualTo(3);
        assertThat(s.matchingFindings()).isEqualTo(2);
        assertThat(s.precision()).isEqualTo(2.0 / 3);
    }
}
