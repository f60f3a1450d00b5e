package org.santeatlas.core.workspace;

import java.util.Optional;

/**
 * Counts of each entity in a workspace, the range of periods that hold data values, and the extent of
 * all org-unit geometries. Field names are the JSON keys of {@code santeatlas summary --json}: scripts
 * depend on them.
 */
public record WorkspaceSummary(
        String name,
        int schemaVersion,
        boolean demo,
        long orgUnits,
        long orgUnitGroups,
        long dataElements,
        long categoryOptionCombos,
        long dataSets,
        long indicators,
        long validationRules,
        long dataValues,
        long completeRegistrations,
        long localities,
        long registryRecords,
        long importBatches,
        Optional<PeriodRange> periods,
        Optional<Extent> extent) {

    /** The first and last period (ISO strings, chronological) that hold at least one data value. */
    public record PeriodRange(String first, String last) {}

    /** Bounding box of the org-unit geometries in WGS 84 degrees. */
    public record Extent(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {}
}
