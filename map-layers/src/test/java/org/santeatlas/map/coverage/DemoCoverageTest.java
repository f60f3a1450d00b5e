package org.santeatlas.map.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.DemoWorkspaceAccess;
import org.santeatlas.map.data.FacilityKind;

/** The coverage analysis of the generated demo country: figures that must agree with one another. */
class DemoCoverageTest {

    static Workspace ws;
    static CoverageInput input;

    @BeforeAll
    static void open() throws Exception {
        ws = Workspace.open(DemoWorkspaceAccess.file(), AccessMode.READ_ONLY);
        input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void everyLocalityBelongsToAnAreaAndSumsAddUp() {
        CoverageResult r = CoverageAnalysis.run(input);
        assertThat(input.localities()).hasSize(2400);
        assertThat(input.facilities().size()).isGreaterThan(200);
        assertThat(r.unassignedPopulation()).isZero();
        for (int level : new int[] {input.areaLevel(), input.districtLevel(), input.regionLevel()}) {
            List<CoverageResult.Stats> units = r.atLevel(level);
            assertThat(units.stream().mapToLong(CoverageResult.Stats::population).sum()).as("level %d", level)
                    .isEqualTo(r.total().population());
            assertThat(units.stream().mapToLong(CoverageResult.Stats::covered).sum()).isEqualTo(r.total().covered());
            assertThat(units.stream().mapToInt(CoverageResult.Stats::facilities).sum()).isEqualTo(r.total().facilities());
            assertThat(units).allSatisfy(s -> assertThat(s.covered()).isBetween(0L, s.population()));
        }
        assertThat(r.total().coveragePercent()).isBetween(1.0, 100.0);
        // Each district's figures are the sum of its areas'.
        for (int d = 0; d < input.units().size(); d++) {
            if (input.units().get(d).level() == input.districtLevel()) {
                List<CoverageResult.Stats> areas = r.atLevelWithin(input.areaLevel(), d);
                assertThat(areas.stream().mapToLong(CoverageResult.Stats::population).sum())
                        .isEqualTo(r.unit(d).population());
            }
        }
    }

    @Test
    void theIndexedSearchFindsWhatComparingEveryPairFinds() {
        CoverageResult r = CoverageAnalysis.run(input, 5_000,
                FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
        for (int i = 0; i < input.localities().size(); i++) {
            CoverageInput.Locality l = input.localities().get(i);
            double best = Double.POSITIVE_INFINITY;
            for (int f = 0; f < input.facilities().size(); f++) {
                if (r.isSelected(f)) {
                    CoverageInput.Facility x = input.facilities().get(f);
                    best = Math.min(best, Geodesic.distance(l.lon(), l.lat(), x.lon(), x.lat()));
                }
            }
            assertThat(r.nearestDistance(i)).as(l.code()).isEqualTo(best);
        }
        // Fewer facilities cover fewer people.
        assertThat(r.total().covered()).isLessThanOrEqualTo(CoverageAnalysis.run(input).total().covered());
    }

    @Test
    void everyDistrictHasItsHospitalWithinTheDistrict() {
        CoverageResult r = CoverageAnalysis.run(input);
        int withHospital = 0;
        for (int f = 0; f < input.facilities().size(); f++) {
            if (r.districtHospital(f) >= 0) {
                withHospital++;
                int h = r.districtHospital(f);
                assertThat(input.facilities().get(h).kind()).isEqualTo(FacilityKind.HOSPITAL);
                assertThat(input.ancestorAt(input.facilities().get(h).unit(), input.districtLevel()))
                        .isEqualTo(input.ancestorAt(input.facilities().get(f).unit(), input.districtLevel()));
                // District hospitals (HD, 14 of them) are chosen over the regional ones (CHR, 5).
                assertThat(input.facilities().get(h).name()).doesNotStartWith("Centre Hospitalier");
            }
        }
        assertThat(withHospital).isGreaterThan(input.facilities().size() * 9 / 10);
    }

    @Test
    void greedyGainsDoNotGrowAndMatchARerunWithTheNewSites() {
        CoverageResult r = CoverageAnalysis.run(input, 5_000,
                FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
        SiteSuggestion.Plan plan = SiteSuggestion.suggest(r, 8, -1);
        assertThat(plan.sites()).hasSize(8);
        for (int i = 1; i < plan.sites().size(); i++) {
            assertThat(plan.sites().get(i).gain()).isLessThanOrEqualTo(plan.sites().get(i - 1).gain());
        }
        // Build the sites as health centres: the analysis then covers exactly the cumulative figure.
        List<CoverageInput.Facility> facilities = new ArrayList<>(input.facilities());
        for (SiteSuggestion.Site s : plan.sites()) {
            CoverageInput.Locality l = input.localities().get(s.locality());
            facilities.add(new CoverageInput.Facility(-1, "NEW" + s.locality(), null, l.name(), l.lon(), l.lat(), null,
                    FacilityKind.HEALTH_CENTRE, l.unit()));
        }
        CoverageInput after = new CoverageInput(input.units(), input.localities(), facilities, input.types(),
                input.areaLevel(), input.districtLevel(), input.regionLevel(), input.localitiesWithoutPoint());
        CoverageResult rerun = CoverageAnalysis.run(after, 5_000,
                FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
        SiteSuggestion.Site last = plan.sites().get(plan.sites().size() - 1);
        assertThat(rerun.total().covered()).isEqualTo(last.cumulativeCovered());
        assertThat(rerun.total().coveragePercent()).isCloseTo(last.cumulativePercent(), within(1e-9));

        // One district: candidates and people of that district only.
        int district = r.atLevel(input.districtLevel()).stream().map(s -> input.unitIndex(s.uid())).findFirst().orElseThrow();
        SiteSuggestion.Plan local = SiteSuggestion.suggest(r, 3, district);
        assertThat(local.population()).isEqualTo(r.unit(district).population());
        assertThat(local.coveredBefore()).isEqualTo(r.unit(district).covered());
        assertThat(local.sites()).allSatisfy(s -> assertThat(r.isWithin(input.localities().get(s.locality()).unit(),
                district)).isTrue());
    }
}
