package org.santeatlas.testdata;

/**
 * What an importer will find in the generated files; the same numbers are written to {@code
 * manifest.json}.
 *
 * @param orgUnits all organisation units in metadata.json, every level
 * @param dataElements data elements in metadata.json
 * @param categoryOptionCombos category option combos in metadata.json, the default one included
 * @param dataSets data sets in metadata.json
 * @param dataValues entries in dataValueSets.json (and rows in dataValueSets.csv)
 * @param completeRegistrations entries in completeDataSetRegistrations.json
 * @param localities rows in localities.csv
 * @param registryRecords rows in registry.csv (features in registry.geojson)
 * @param firstPeriod first monthly period, ISO format (yyyyMM)
 * @param lastPeriod last monthly period, ISO format (yyyyMM)
 */
public record DemoCounts(
        int orgUnits,
        int dataElements,
        int categoryOptionCombos,
        int dataSets,
        long dataValues,
        int completeRegistrations,
        int localities,
        int registryRecords,
        String firstPeriod,
        String lastPeriod) {}
