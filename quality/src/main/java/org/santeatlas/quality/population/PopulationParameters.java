package org.santeatlas.quality.population;

import java.util.List;

/**
 * The demographic figures and indicator pairs of the external-consistency and population checks.
 *
 * <p>The WHO Data Quality Review (DQR, 2017), Module 1, domain 3 compares routine coverage with survey
 * coverage (flag beyond ±33 %, {@code QualityParameters.externalConsistency}); domain 4 compares
 * population figures from two sources and expected live births with population × crude birth rate
 * (flag beyond ±10 %, {@link #populationConsistency}). The DQR takes the rates from the country's
 * official projections: the defaults below are placeholders of the Sahel's order of magnitude (UN World
 * Population Prospects 2022: crude birth rate about 45 ‰ in Niger, 41 ‰ in Mali, 35 ‰ in Burkina Faso;
 * infant mortality 50–60 ‰), to be replaced by the national figures.
 *
 * @param crudeBirthRate        live births per person per year (0.04 = 40 ‰)
 * @param infantMortalityRate   deaths before age one per live birth (surviving infants = births × (1 − rate))
 * @param populationConsistency relative gap beyond which two population figures disagree (DQR: 10 %)
 * @param comparisons           which survey indicator compares with which routine data element
 * @param populationCodes       codes of data elements holding a population (empty: names starting
 *                              with "population" or codes starting with "POP")
 * @param expectedBirthsCodes   codes of data elements holding expected births (empty: names with
 *                              "naissances attendues" or "expected births")
 */
public record PopulationParameters(double crudeBirthRate, double infantMortalityRate, double populationConsistency,
                                   List<SurveyComparison> comparisons, List<String> populationCodes,
                                   List<String> expectedBirthsCodes) {

    /** The target population of a coverage indicator. */
    public enum Denominator {
        TOTAL_POPULATION, LIVE_BIRTHS, SURVIVING_INFANTS
    }

    /**
     * A survey indicator (matched by any alias, accents and case aside, e.g. "DTP3", "Penta3") and the
     * routine data element (by code) whose yearly total over the target population gives the same coverage.
     */
    public record SurveyComparison(List<String> aliases, String numeratorCode, Denominator denominator) {
        public SurveyComparison {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * The DQR's tracer indicators with the demo SNIS's codes. ANC coverage takes live births for
     * expected pregnancies (the DQR's "expected pregnancies" is slightly larger).
     */
    public static final PopulationParameters DEFAULTS = new PopulationParameters(0.040, 0.055, 0.10, List.of(
            new SurveyComparison(List.of("ANC1", "CPN1", "SNIS_CPN1"), "SNIS_CPN1", Denominator.LIVE_BIRTHS),
            new SurveyComparison(List.of("ANC4", "CPN4", "SNIS_CPN4"), "SNIS_CPN4", Denominator.LIVE_BIRTHS),
            new SurveyComparison(List.of("DTP1", "Penta1", "SNIS_PEV_PENTA1"), "SNIS_PEV_PENTA1",
                    Denominator.SURVIVING_INFANTS),
            new SurveyComparison(List.of("DTP3", "Penta3", "SNIS_PEV_PENTA3"), "SNIS_PEV_PENTA3",
                    Denominator.SURVIVING_INFANTS),
            new SurveyComparison(List.of("MCV1", "RR1", "Measles", "SNIS_PEV_RR1"), "SNIS_PEV_RR1",
                    Denominator.SURVIVING_INFANTS),
            new SurveyComparison(List.of("BCG", "SNIS_PEV_BCG"), "SNIS_PEV_BCG", Denominator.LIVE_BIRTHS),
            new SurveyComparison(List.of("SBA", "Skilled birth attendance", "Accouchements assistés", "SNIS_ACC_ASSIST"),
                    "SNIS_ACC_ASSIST", Denominator.LIVE_BIRTHS)),
            List.of(), List.of());

    public PopulationParameters {
        comparisons = List.copyOf(comparisons);
        populationCodes = List.copyOf(populationCodes);
        expectedBirthsCodes = List.copyOf(expectedBirthsCodes);
    }

    /** The target population of {@code denominator} out of a total population. */
    public double target(Denominator denominator, double population) {
        return switch (denominator) {
            case TOTAL_POPULATION -> population;
            case LIVE_BIRTHS -> population * crudeBirthRate;
            case SURVIVING_INFANTS -> population * crudeBirthRate * (1 - infantMortalityRate);
        };
    }
}
