package org.santeatlas.quality.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.quality.Finding;

/** The geographic checks on the demo country against its ground truth. */
class DemoGeographyTest {

    static DemoWorkspace demo;
    static List<Finding> location;
    static List<Finding> duplicates;
    static List<Finding> coverage;

    @BeforeAll
    static void run() throws Exception {
        demo = DemoWorkspace.get();
        location = demo.run(new FacilityLocationCheck());
        duplicates = demo.run(new NearDuplicateCheck());
        coverage = demo.run(new AreaCoverageCheck());
    }

    private static Set<String> planted(String category) {
        Set<String> out = new TreeSet<>();
        demo.truth().get(category).forEach(n -> out.add(n.get("orgUnit").asText()));
        return out;
    }

    private static Set<String> found(String check) {
        Set<String> out = new TreeSet<>();
        location.stream().filter(f -> f.check().equals(check)).forEach(f -> out.add(f.orgUnit()));
        return out;
    }

    @Test
    void everyPlantedLocationProblemIsFoundWithFewFalseAlarms() {
        List<Score> scores = List.of(
                Score.of("swappedCoordinates", planted("swappedCoordinates"), found(FacilityLocationCheck.SWAPPED)).print(),
                Score.of("outsideDistrict", planted("outsideDistrict"), found(FacilityLocationCheck.OUTSIDE_DISTRICT)).print(),
                Score.of("missingCoordinates", planted("missingCoordinates"), found(FacilityLocationCheck.MISSING)).print());
        for (Score s : scores) {
            assertThat(s.recall()).as(s.category()).isEqualTo(1.0);
            assertThat(s.precision()).as(s.category()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void nearDuplicatePairsAreAllFound() {
        Set<String> planted = new TreeSet<>();
        for (JsonNode n : demo.truth().get("nearDuplicates")) {
            planted.add(pair(n.get("orgUnit").asText(), n.get("duplicateOf").asText()));
        }
        Set<String> found = new TreeSet<>();
        Set<String> sameMember = new HashSet<>();
        for (Finding f : duplicates) {
            found.add(pair(f.orgUnit(), f.expected()));
            sameMember.add(f.orgUnit());
        }
        Score s = Score.of("nearDuplicates", planted, found).print();
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
        // The finding sits on the second entry, as the ground truth names it, for every planted pair.
        assertThat(sameMember).containsAll(planted("nearDuplicates"));
    }

    @Test
    void geographicPrecisionOverAllFacilityFindings() {
        Set<String> anyPlanted = new HashSet<>();
        for (String c : List.of("swappedCoordinates", "outsideDistrict", "missingCoordinates", "nearDuplicates")) {
            anyPlanted.addAll(planted(c));
        }
        List<Finding> all = new ArrayList<>(location);
        all.addAll(duplicates);
        long right = all.stream().filter(f -> anyPlanted.contains(f.orgUnit())).count();
        Score s = new Score("geography (all)", anyPlanted.size(), all.size(), (int) right).print();
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(s.recall()).isEqualTo(1.0);
        // The demo's health areas tile their districts exactly.
        assertThat(coverage).isEmpty();
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
