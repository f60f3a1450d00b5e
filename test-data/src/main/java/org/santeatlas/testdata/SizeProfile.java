package org.santeatlas.testdata;

/**
 * The numbers that make a {@link DemoSize}: how many units per level, how many villages, how many
 * problems of each kind to plant.
 *
 * @param regions level-2 units
 * @param districts level-3 units (health districts)
 * @param areas level-4 units (aires de santé), each with one CSI
 * @param minDistrictsPerRegion lower bound when districts are shared among regions
 * @param minAreasPerDistrict lower bound when areas are shared among districts
 * @param urbanAreasPerRegionalCapital extra small areas around each regional capital ("X-Est", …)
 * @param casesPerArea mean number of cases de santé per area
 * @param localities rows of localities.csv
 * @param villageMedianPopulation median of the log-normal village population (clamped to 200–5,000)
 * @param capitalPopulation population of the national capital
 * @param outliersPerKind planted outliers of each {@link PlantedData.OutlierKind}
 * @param violationsPerRule planted violations of each planted validation rule
 * @param swapped facilities with latitude and longitude swapped
 * @param outsideDistrict facilities whose point lies in another district
 * @param missingCoordinates facilities without geometry
 * @param nearDuplicates near-duplicate facility pairs
 * @param registryOnly registry rows absent from the SNIS
 * @param snisOnly SNIS facilities absent from the registry (near duplicates come on top)
 * @param registryWithoutCoordinates registry rows with empty latitude/longitude (on top of some of
 *     the facilities without coordinates)
 * @param openedDuringPeriod facilities opened during the 36 months
 * @param closed facilities closed during the 36 months (still assigned to the data set)
 * @param insecureFacilities facilities with a long streak of missing reports
 */
record SizeProfile(
        int regions,
        int districts,
        int areas,
        int minDistrictsPerRegion,
        int minAreasPerDistrict,
        int urbanAreasPerRegionalCapital,
        double casesPerArea,
        int localities,
        double villageMedianPopulation,
        int capitalPopulation,
        int outliersPerKind,
        int violationsPerRule,
        int swapped,
        int outsideDistrict,
        int missingCoordinates,
        int nearDuplicates,
        int registryOnly,
        int snisOnly,
        int registryWithoutCoordinates,
        int openedDuringPeriod,
        int closed,
        int insecureFacilities) {

    static SizeProfile of(DemoSize size) {
        return switch (size) {
            case DEMO -> new SizeProfile(5, 14, 130, 2, 5, 2, 0.62, 2_400, 650, 650_000,
                    4, 3, 2, 2, 4, 3, 4, 4, 3, 3, 2, 2);
            case NATIONAL -> new SizeProfile(8, 72, 1_600, 4, 8, 3, 2.15, 52_000, 330, 1_300_000,
                    20, 12, 8, 8, 25, 12, 20, 20, 15, 20, 2, 40);
        };
    }
}
