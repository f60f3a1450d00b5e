package org.santeatlas.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.geo.DemoWorkspace;
import org.santeatlas.quality.geo.Score;

/** The demo's validation rules against its planted violations. */
class DemoValidationTest {

    @Test
    void everyPlantedViolationIsFound() throws Exception {
        DemoWorkspace demo = DemoWorkspace.get();
        List<Finding> findings = demo.run(new ValidationRuleCheck());
        Set<String> planted = new TreeSet<>();
        demo.truth().get("validationViolations").forEach(n -> planted.add(n.get("validationRule").asText() + " "
                + n.get("orgUnit").asText() + " " + n.get("period").asText() + " " + n.get("leftSide").asText() + " ≤ "
                + n.get("rightSide").asText()));
        Set<String> found = new TreeSet<>();
        for (Finding f : findings) {
            found.add(f.method().substring("DHIS2 validation rule ".length(), "DHIS2 validation rule ".length() + 11)
                    + " " + f.orgUnit() + " " + f.period() + " " + f.value() + " " + f.expected());
        }
        Score s = Score.of("validationViolations", planted, found).print();
        assertThat(findings).extracting(Finding::check).containsOnly(ValidationRuleCheck.VIOLATION);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
    }
}
