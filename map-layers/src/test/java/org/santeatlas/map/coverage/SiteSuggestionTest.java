package org.santeatlas.map.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FacilityKind;

/** Greedy siting on hand-built cases whose best sites are known. */
class SiteSuggestionTest {

    @TempDir
    Path dir;

    @Test
    void firstPickIsTheLargestUncoveredDiscThenTiesGoByCode() throws Exception {
        CoverageInput input;
        try (Workspace ws = Workspace.open(SmallWorld.create(dir), AccessMode.READ_ONLY)) {
            input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
        }
        // Hospitals only: L3 (3000) is covered; L1 (1000) and L2 (2000) are not. L2's disc adds 2000, L1's and
        // L3's add 1000 each (L1 and L3 are 0.03° = 3.3 km apart; L2 is 10 km from both).
        CoverageResult r = CoverageAnalysis.run(input, 5_000, FacilitySelection.of(FacilityKind.HOSPITAL));
        SiteSuggestion.Plan plan = SiteSuggestion.suggest(r, 5, -1);
        assertThat(plan.population()).isEqualTo(6000);
        assertThat(plan.coveredBefore()).isEqualTo(3000);
        assertThat(plan.sites()).extracting(s -> input.localities().get(s.locality()).code()).containsExactly("L2", "L1");
        assertThat(plan.sites()).extracting(SiteSuggestion.Site::gain).containsExactly(2000L, 1000L);
        assertThat(plan.sites()).extracting(SiteSuggestion.Site::cumulativeCovered).containsExactly(5000L, 6000L);
        assertThat(plan.sites().get(1).cumulativePercent()).isCloseTo(100.0, within(1e-12));

        // Restricted to District Un: only L1 counts and only L1 may be chosen.
        SiteSuggestion.Plan d1 = SiteSuggestion.suggest(r, 3, input.unitIndex(SmallWorld.D1));
        assertThat(d1.population()).isEqualTo(1000);
        assertThat(d1.coveredBefore()).isZero();
        assertThat(d1.sites()).extracting(s -> input.localities().get(s.locality()).code()).containsExactly("L1");
        assertThat(SiteSuggestion.suggest(r, 0, -1).sites()).isEmpty();
    }

    @Test
    void aVillageBetweenTwoClustersBeatsTheBiggestVillage() {
        // On the equator, 0.01° = 1.113 km. Cluster west: 4 villages of 1000 around lon 1.00; a big town of
        // 2500 alone at lon 2.00; a village at lon 1.04 sits within 5 km of all four western villages and of
        // itself. The big town's disc adds 2500; the western villages each add ≤ 4 × 1000 + 300 only from a
        // site at 1.02, which reaches lon 0.98..1.06 (4.45 km): every western village and the village at 1.04.
        List<CoverageInput.Unit> units = List.of(new CoverageInput.Unit("PAYS", "Pays", 1, -1));
        List<CoverageInput.Locality> l = new ArrayList<>();
        double[] west = {0.99, 1.00, 1.01, 1.02};
        for (int i = 0; i < west.length; i++) {
            l.add(new CoverageInput.Locality(i, "W" + i, "Ouest " + i, west[i], 0, 1000, 0));
        }
        l.add(new CoverageInput.Locality(10, "X1", "Entre", 1.04, 0, 300, 0));
        l.add(new CoverageInput.Locality(11, "Z1", "Grande ville", 2.00, 0, 2500, 0));
        CoverageInput input = new CoverageInput(units, l, List.of(), List.of(), 1, 1, 1, 0);
        CoverageResult r = CoverageAnalysis.run(input);
        assertThat(r.total().covered()).isZero();
        SiteSuggestion.Plan plan = SiteSuggestion.suggest(r, 3, -1);
        // W1 (lon 1.00) reaches 0.99–1.04 (≤ 4.45 km): 4300, ahead of W0 (0.99: not X1, 4000) and W3 (1.02: 4300,
        // later code). Then the town, 2500. Then nothing is left.
        assertThat(plan.sites()).extracting(s -> l.get(s.locality()).code()).containsExactly("W1", "Z1");
        assertThat(plan.sites()).extracting(SiteSuggestion.Site::gain).containsExactly(4300L, 2500L);
    }
}
