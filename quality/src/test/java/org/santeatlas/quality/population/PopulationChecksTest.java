package org.santeatlas.quality.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.DemoWorkspace;
import org.santeatlas.quality.geo.HandBuiltWorkspace;

/**
 * Surveys and population figures built by hand: the demo country has no survey values and no
 * population data element (its test below only shows that the checks run there quietly).
 */
class PopulationChecksTest {

    @TempDir
    Path dir;

    private HandBuiltWorkspace workspace() throws Exception {
        HandBuiltWorkspace w = new HandBuiltWorkspace(dir).levels();
        w.orgUnit("Country0001", "C", "Pays", null, null);
        w.orgUnit("Region00001", "R1", "Région de Belgou", "Country0001", null);
        w.orgUnit("District001", "D1", "District sanitaire de Bodo", "Region00001", null);
        w.orgUnit("District002", "D2", "District sanitaire de Dawa", "Region00001", null);
        w.orgUnit("District003", "D3", "District sanitaire de Zagou", "Region00001", null);
        w.orgUnit("AreaA100001", "A1", "Aire A1", "District001", null);
        w.orgUnit("AreaA200001", "A2", "Aire A2", "District002", null);
        w.orgUnit("Facilty0001", "F1", "CSI Un", "AreaA100001", null);
        w.orgUnit("Facilty0002", "F2", "CSI Deux", "AreaA100001", null);
        w.orgUnit("Facilty0003", "F3", "CSI Trois", "AreaA200001", null);
        w.orgUnit("Facilty0004", "F4", "CSI Quatre", "District003", null);
        w.sql("INSERT INTO LOCALITY(ID, CODE, NAME, HEALTH_AREA_CODE, DISTRICT_CODE, ORG_UNIT_ID) VALUES"
                + " (1, 'L1', 'Bodo', 'A1', 'D1', " + w.id("AreaA100001") + "),"
                + " (2, 'L2', 'Zagou', 'A1', 'D1', " + w.id("AreaA100001") + "),"
                + " (3, 'L3', 'Dawa', NULL, 'D2', NULL)");
        w.sql("INSERT INTO LOCALITY_POPULATION(LOCALITY_ID, POPULATION_YEAR, POPULATION) VALUES"
                + " (1, 2024, 60000), (1, 2023, 58000), (2, 2024, 40000), (3, 2024, 50000)");
        w.dataElement("DePenta3AAA", "SNIS_PEV_PENTA3", "Penta3");
        for (int m = 1; m <= 12; m++) {
            String pe = String.format("2024%02d", m);
            w.value("DePenta3AAA", "Facilty0001", pe, "100").value("DePenta3AAA", "Facilty0002", pe, "50")
                    .value("DePenta3AAA", "Facilty0003", pe, "140").value("DePenta3AAA", "Facilty0004", pe, "10");
        }
        w.flush();
        return w;
    }

    private static void survey(HandBuiltWorkspace w, String indicator, String ref, int year, double value)
            throws Exception {
        w.sql("INSERT INTO SURVEY_VALUE(INDICATOR, ORG_UNIT_REF, SURVEY_YEAR, SURVEY_VALUE, SOURCE) VALUES ('" + indicator
                + "', '" + ref + "', " + year + ", " + value + ", 'EDS 2024')");
    }

    @Test
    void surveysAreComparedWithRoutineCoverageOverLocalityPopulation() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            // Bodo: 1 800 doses / (100 000 × 4 % × (1 − 5.5 %) = 3 780) = 47.6 % vs 80 %: ratio 0.595.
            survey(w, "DTP3", "District001", 2024, 80);
            // Dawa, locality linked by district code only: 1 680 / 1 890 = 88.9 % vs 85 %: ratio 1.046, fine.
            survey(w, "Penta3", "D2", 2024, 85);
            // The region by its name's place: (1 800 + 1 680 + 120 from Zagou) / 5 670 = 63.5 % vs 40 %: ratio 1.59.
            survey(w, "penta3", "Belgou", 2024, 40);
            // Zagou has no locality: no denominator.
            survey(w, "DTP3", "District sanitaire de Zagou", 2024, 50);
            // Not a known indicator: skipped.
            survey(w, "ITN use", "District001", 2024, 50);
            List<Finding> findings = w.run(new ExternalConsistencyCheck());
            assertThat(findings).extracting(f -> f.check() + " " + f.orgUnit() + " " + f.value() + " " + f.severity())
                    .containsExactlyInAnyOrder(
                            "external-survey District001 47.6 % MEDIUM",
                            "external-no-population District003 null LOW",
                            "external-survey Region00001 63.5 % MEDIUM");
            Finding bodo = findings.stream().filter(f -> f.orgUnit().equals("District001")).findFirst().orElseThrow();
            assertThat(bodo.expected()).isEqualTo("53.6–106.4 % (survey 80.0 % ± 33 %)");
            assertThat(bodo.dataElement()).isEqualTo("DePenta3AAA");
            assertThat(bodo.period()).isEqualTo("2024");
            assertThat(bodo.score()).isCloseTo(1 - 1800 / 3780.0 * 100 / 80, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(bodo.message()).contains("47.6 %", "80 %", "40.5 % less");
        }
    }

    @Test
    void populationFiguresAreComparedWithLocalitiesPerDistrict() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            w.dataElement("DePopTotAAA", "POP_TOTAL", "Population totale");
            w.dataElement("DeBirthsAAA", "NAISS_ATT", "Naissances attendues");
            w.value("DePopTotAAA", "District001", "2024", "130000")   // +30 % against 100 000: high
                    .value("DePopTotAAA", "District002", "2024", "52000")    // +4 %: fine
                    .value("DePopTotAAA", "AreaA100001", "2023", "66000")    // area level: +13.8 % against 58 000
                    .value("DePopTotAAA", "District001", "2022", "90000")    // no locality figure for 2022
                    .value("DeBirthsAAA", "District001", "2024", "4000")     // = 100 000 × 4 %
                    .value("DeBirthsAAA", "District002", "2024", "1500")     // −25 % against 2 000: high
                    .flush();
            List<Finding> findings = w.run(new PopulationConsistencyCheck());
            assertThat(findings).extracting(f -> f.check() + " " + f.orgUnit() + " " + f.period() + " " + f.value() + " "
                    + f.severity()).containsExactly(
                    "population-sources-disagree District001 2023 66000 MEDIUM",
                    "population-sources-disagree District001 2024 130000 HIGH",
                    "population-births-inconsistent District002 2024 1500 HIGH");
            assertThat(findings.get(1).expected()).isEqualTo("90000–110000 (locality populations 100000 ± 10 %)");
        }
    }

    @Test
    void theDemoHasNeitherSurveysNorPopulationElements() throws Exception {
        DemoWorkspace demo = DemoWorkspace.get();
        assertThat(demo.run(new ExternalConsistencyCheck())).isEmpty();
        assertThat(demo.run(new PopulationConsistencyCheck())).isEmpty();
        assertThat(demo.truth().has("surveys")).isFalse();
        assertThat(Severity.values()).isNotEmpty();
    }
}
