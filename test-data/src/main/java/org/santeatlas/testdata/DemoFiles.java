package org.santeatlas.testdata;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files written by {@link DemoGenerator#generate}, all inside {@code dir}.
 *
 * @param dir the output directory
 * @param metadataJson DHIS2 metadata export ({@code metadata.json})
 * @param dataValuesJson DHIS2 data value set, JSON ({@code dataValueSets.json})
 * @param dataValuesCsv the same values in DHIS2's CSV layout ({@code dataValueSets.csv})
 * @param completeRegistrationsJson complete data set registrations ({@code
 *     completeDataSetRegistrations.json})
 * @param registryCsv master facility list, French headers, ';'-separated ({@code registry.csv})
 * @param registryGeoJson the same registry as a GeoJSON FeatureCollection ({@code registry.geojson})
 * @param localitiesCsv localities with population ({@code localities.csv})
 * @param groundTruthJson every planted problem ({@code ground-truth.json})
 * @param manifestJson counts, sizes and checksums ({@code manifest.json})
 * @param counts what the files contain
 */
public record DemoFiles(
        Path dir,
        Path metadataJson,
        Path dataValuesJson,
        Path dataValuesCsv,
        Path completeRegistrationsJson,
        Path registryCsv,
        Path registryGeoJson,
        Path localitiesCsv,
        Path groundTruthJson,
        Path manifestJson,
        DemoCounts counts) {

    public DemoFiles {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(counts, "counts");
    }
}
