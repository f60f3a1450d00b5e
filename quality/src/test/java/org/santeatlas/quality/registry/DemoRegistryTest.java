package org.santeatlas.quality.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.geo.DemoWorkspace;
import org.santeatlas.quality.geo.Score;

/** The registry reconciliation on the demo country against its ground truth. */
class DemoRegistryTest {

    static DemoWorkspace demo;
    static List<Finding> findings;

    @BeforeAll
    static void run() throws Exception {
        demo = DemoWorkspace.get();
        findings = demo.run(new RegistryCheck());
    }

    private static Set<String> planted(String category, String field) {
        Set<String> out = new TreeSet<>();
        demo.truth().get(category).forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static Set<String> found(String check, boolean byOrgUnit) {
        Set<String> out = new TreeSet<>();
        findings.stream().filter(f -> f.check().equals(check)).forEach(f -> out.add(byOrgUnit ? f.orgUnit() : f.value()));
        return out;
    }

    @Test
    void everyPlantedRegistryDiscrepancyIsFound() {
        List<Score> scores = List.of(
                Score.of("registryOnly", planted("registryOnly", "code"), found(RegistryCheck.REGISTRY_ONLY, false)).print(),
                Score.of("snisOnly", planted("snisOnly", "orgUnit"), found(RegistryCheck.SNIS_ONLY, true)).print(),
                Score.of("registryMissingCoordinates", planted("registryMissingCoordinates", "code"),
                        found(RegistryCheck.MISSING_COORDINATES, false)).print());
        for (Score s : scores) {
            assertThat(s.recall()).as(s.category()).isEqualTo(1.0);
            assertThat(s.precision()).as(s.category()).isGreaterThanOrEqualTo(0.9);
        }
        assertThat(found(RegistryCheck.AMBIGUOUS, false)).isEmpty();
    }

    @Test
    void pointsThatDifferFromTheRegistryAreThePlantedMisplacedOnes() {
        // The demo's registry holds the true points: swapped and misplaced facilities differ from it.
        Set<String> misplaced = new HashSet<>(planted("swappedCoordinates", "orgUnit"));
        misplaced.addAll(planted("outsideDistrict", "orgUnit"));
        Score s = Score.of("registry coordinates differ", misplaced, found(RegistryCheck.COORDINATES_DIFFER, true)).print();
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
    }
}
