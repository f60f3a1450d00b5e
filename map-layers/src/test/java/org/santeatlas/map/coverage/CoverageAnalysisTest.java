package org.santeatlas.map.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FacilityKind;

/** The coverage analysis on {@link SmallWorld}, every figure computed by hand. */
class CoverageAnalysisTest {

    /** Metres per degree of longitude on the equator: a·π/180. */
    static final double DEG = 6_378_137.0 * Math.PI / 180;

    @TempDir
    static Path dir;
    static CoverageInput input;

    @BeforeAll
    static void load() throws Exception {
        Path file = SmallWorld.create(dir);
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
        }
    }

    static int locality(String code) {
        for (int i = 0; i < input.localities().size(); i++) {
            if (input.localities().get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    static int facility(String uid) {
        for (int i = 0; i < input.facilities().size(); i++) {
            if (input.facilities().get(i).uid().equals(uid)) {
                return i;
            }
        }
        throw new AssertionError(uid);
    }

    @Test
    void loaderReadsLevelsLinksPolygonsAndLatestPopulation() {
        assertThat(input.areaLevel()).isEqualTo(4);
        assertThat(input.districtLevel()).isEqualTo(3);
        assertThat(input.regionLevel()).isEqualTo(2);
        assertThat(input.localities()).extracting(CoverageInput.Locality::code).containsExactly("L1", "L2", "L3");
        assertThat(input.localitiesWithoutPoint()).isEqualTo(1);
        assertThat(input.localities()).extracting(CoverageInput.Locality::population).containsExactly(1000L, 2000L, 3000L);
        // L1 by its stored link, L2 and L3 by the polygon that contains them.
        assertThat(input.localities()).extracting(l -> input.units().get(l.unit()).uid())
                .containsExactly(SmallWorld.A1, SmallWorld.A2, SmallWorld.A2);
        // The closed CSI is left out; types and tiers as the map derives them.
        assertThat(input.facilities()).extracting(CoverageInput.Facility::name)
                .containsExactlyInAnyOrder("CSI Alpha", "HD Beta", "Case de santé Gamma");
        assertThat(input.facilities().get(facility("FOSA0000002")).kind()).isEqualTo(FacilityKind.HOSPITAL);
        assertThat(input.facilities().get(facility("FOSA0000003")).kind()).isEqualTo(FacilityKind.HEALTH_POST);
    }

    @Test
    void populationOfTheLatestYearNotAfterTheOneAsked() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("petit" + Workspace.FILE_SUFFIX), AccessMode.READ_ONLY)) {
            CoverageRepository repo = new CoverageRepository(ws.connection());
            assertThat(repo.load(OptionalInt.of(2023)).localities()).extracting(CoverageInput.Locality::population)
                    .containsExactly(900L, 0L, 0L);
            assertThat(repo.load(OptionalInt.of(2030)).localities()).extracting(CoverageInput.Locality::population)
                    .containsExactly(1000L, 2000L, 3000L);
            assertThat(repo.load(OptionalInt.of(2022)).localities()).extracting(CoverageInput.Locality::population)
                    .containsOnly(0L);
        }
    }

    @Test
    void nearestFacilityAndDistanceOfEveryLocality() {
        CoverageResult r = CoverageAnalysis.run(input);
        assertThat(r.nearestFacility(locality("L1"))).isEqualTo(facility("FOSA0000001"));
        assertThat(r.nearestDistance(locality("L1"))).isCloseTo(0.03 * DEG, within(1e-6));
        assertThat(r.nearestFacility(locality("L2"))).isEqualTo(facility("FOSA0000003"));
        assertThat(r.nearestDistance(locality("L2"))).isCloseTo(0.01 * DEG, within(1e-6));
        assertThat(r.nearestFacility(locality("L3"))).isEqualTo(facility("FOSA0000002"));
        assertThat(r.nearestDistance(locality("L3"))).isCloseTo(0.04 * DEG, within(1e-6));
        assertThat(r.total().population()).isEqualTo(6000);
        assertThat(r.total().covered()).isEqualTo(6000);
        assertThat(r.total().facilities()).isEqualTo(3);
    }

    @Test
    void onlyTheChosenTiersCover() {
        // Health centres and hospitals, not posts: L2 is 6 × 0.01° from HD Beta (the closed CSI on it does not count).
        CoverageResult r = CoverageAnalysis.run(input, 5_000,
                FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
        assertThat(r.nearestFacility(locality("L2"))).isEqualTo(facility("FOSA0000002"));
        assertThat(r.nearestDistance(locality("L2"))).isCloseTo(0.06 * DEG, within(1e-6));
        assertThat(r.isCovered(locality("L2"))).isFalse();
        assertThat(r.total().covered()).isEqualTo(4000);
        assertThat(r.total().coveragePercent()).isCloseTo(400.0 / 6, within(1e-9));
        assertThat(r.total().facilities()).isEqualTo(2);

        // Hospitals only: L1 is 7 × 0.01° from HD Beta, found beyond the first search box.
        CoverageResult h = CoverageAnalysis.run(input, 5_000, FacilitySelection.of(FacilityKind.HOSPITAL));
        assertThat(h.nearestDistance(locality("L1"))).isCloseTo(0.07 * DEG, within(1e-6));
        assertThat(h.total().covered()).isEqualTo(3000);
    }

    @Test
    void aLocalityExactlyAtTheRadiusIsCovered() {
        int l1 = locality("L1");
        double d = CoverageAnalysis.run(input).nearestDistance(l1);
        assertThat(CoverageAnalysis.run(input, d, FacilitySelection.ALL).isCovered(l1)).isTrue();
        assertThat(CoverageAnalysis.run(input, Math.nextDown(d), FacilitySelection.ALL).isCovered(l1)).isFalse();
        // 0.03° on the equator is 3,339.58 m.
        assertThat(CoverageAnalysis.run(input, 3_339.6, FacilitySelection.ALL).isCovered(l1)).isTrue();
        assertThat(CoverageAnalysis.run(input, 3_339.5, FacilitySelection.ALL).isCovered(l1)).isFalse();
    }

    @Test
    void figuresPerAreaDistrictRegionAndCountry() {
        CoverageResult r = CoverageAnalysis.run(input, 5_000,
                FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
        CoverageResult.Stats d1 = r.unit(input.unitIndex(SmallWorld.D1));
        assertThat(d1.population()).isEqualTo(1000);
        assertThat(d1.covered()).isEqualTo(1000);
        assertThat(d1.facilities()).isEqualTo(1);
        assertThat(d1.facilitiesPer10000()).isCloseTo(10.0, within(1e-12));
        CoverageResult.Stats a2 = r.unit(input.unitIndex(SmallWorld.A2));
        assertThat(a2.population()).isEqualTo(5000);
        assertThat(a2.covered()).isEqualTo(3000);
        assertThat(a2.coveragePercent()).isCloseTo(60.0, within(1e-12));
        assertThat(a2.facilities()).as("the post is not selected").isEqualTo(1);
        assertThat(a2.facilitiesPer10000()).isCloseTo(2.0, within(1e-12));
        // An empty district: nobody, nothing, no percentage.
        CoverageResult.Stats d3 = r.unit(input.unitIndex(SmallWorld.D3));
        assertThat(d3.population()).isZero();
        assertThat(d3.facilities()).isZero();
        assertThat(d3.coveragePercent()).isNaN();
        assertThat(d3.facilitiesPer10000()).isNaN();
        CoverageResult.Stats country = r.unit(input.unitIndex(SmallWorld.COUNTRY));
        assertThat(country.population()).isEqualTo(r.total().population()).isEqualTo(6000);
        assertThat(country.covered()).isEqualTo(r.total().covered());
        assertThat(r.atLevel(3)).extracting(CoverageResult.Stats::name)
                .containsExactly("District Deux", "District Trois", "District Un");
        assertThat(r.atLevelWithin(4, input.unitIndex(SmallWorld.D2))).extracting(CoverageResult.Stats::uid)
                .containsExactly(SmallWorld.A2);
    }

    @Test
    void distanceToTheDistrictHospitalNoneWithoutOne() {
        CoverageResult r = CoverageAnalysis.run(input);
        int beta = facility("FOSA0000002");
        assertThat(r.districtHospital(facility("FOSA0000003"))).isEqualTo(beta);
        assertThat(r.hospitalDistance(facility("FOSA0000003")).getAsDouble()).isCloseTo(0.05 * DEG, within(1e-6));
        assertThat(r.hospitalDistance(beta).getAsDouble()).isZero();
        // District Un has no hospital.
        assertThat(r.districtHospital(facility("FOSA0000001"))).isEqualTo(-1);
        assertThat(r.hospitalDistance(facility("FOSA0000001"))).isEmpty();
    }

    @Test
    void unitsAreFoundByNameOrUidAndMisspellingsGetTheClosestNames() {
        CoverageResult r = CoverageAnalysis.run(input);
        assertThat(r.findUnit("district deux", 3)).contains(input.unitIndex(SmallWorld.D2));
        assertThat(r.findUnit(SmallWorld.D3, 3)).contains(input.unitIndex(SmallWorld.D3));
        assertThat(r.findUnit("Disrict Deu", 3)).isEmpty();
        // The proper name alone, when one district ends with it.
        assertThat(r.findUnit("trois", 3)).contains(input.unitIndex(SmallWorld.D3));
        assertThat(r.closestNames("Troi", 3, 1)).containsExactly("District Trois");
        assertThat(r.closestNames("Disrict Deu", 3, 2)).containsExactly("District Deux", "District Un");
    }

    @Test
    void facilityTypesAreParsedFromTiersAndTypeNames() {
        FacilitySelection.Parsed p = FacilitySelection.parse(List.of("hôpital", "CSI1", "Case de santé", "clinique?"),
                input.types());
        assertThat(p.selection().kinds()).containsExactly(FacilityKind.HOSPITAL);
        assertThat(p.selection().typeUids()).containsExactlyInAnyOrder("GRUP0000002", "GRUP0000003");
        assertThat(p.unknown()).containsExactly("clinique?");
    }

    @Test
    void noSelectedFacilityMeansNobodyCovered() {
        CoverageResult r = CoverageAnalysis.run(input, 5_000, FacilitySelection.of(FacilityKind.OTHER));
        assertThat(r.total().covered()).isZero();
        assertThat(r.nearestFacility(0)).isEqualTo(-1);
        assertThat(r.nearestDistance(0)).isNaN();
        assertThat(r.isCovered(0)).isFalse();
    }
}
