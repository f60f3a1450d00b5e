package org.santeatlas.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the files of a fictional Sahelian country: DHIS2 exchange formats plus a registry,
 * localities, a ground truth of planted problems and a manifest.
 *
 * <p>Deterministic: the same size and seed give byte-identical files on any machine. Blocking; call
 * it off the UI thread (national size writes about a gigabyte).
 */
public final class DemoGenerator {

    /** The seed the application uses unless told otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** 36 monthly periods: January 2023 to December 2025. */
    static final YearMonth FIRST_PERIOD = YearMonth.of(2023, 1);
    static final int PERIOD_COUNT = 36;

    static final String METADATA = "metadata.json";
    static final String DATA_VALUES_JSON = "dataValueSets.json";
    static final String DATA_VALUES_CSV = "dataValueSets.csv";
    static final String REGISTRATIONS = "completeDataSetRegistrations.json";
    static final String REGISTRY_CSV = "registry.csv";
    static final String REGISTRY_GEOJSON = "registry.geojson";
    static final String LOCALITIES = "localities.csv";
    static final String GROUND_TRUTH = "ground-truth.json";
    static final String MANIFEST = "manifest.json";

    private DemoGenerator() {}

    /**
     * Writes all files into {@code outDir} (created if needed), replacing files of the same names.
     *
     * @return where the files are and what they hold
     */
    public static DemoFiles generate(DemoSize size, long seed, Path outDir) throws IOException {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(outDir, "outDir");
        Files.createDirectories(outDir);
        Country country = build(size, seed);

        List<OutputFile.Written> written = new ArrayList<>();
        Path metadata = outDir.resolve(METADATA);
        written.add(MetadataWriter.write(country, metadata));
        Path valuesJson = outDir.resolve(DATA_VALUES_JSON);
        Path valuesCsv = outDir.resolve(DATA_VALUES_CSV);
        Path registrations = outDir.resolve(REGISTRATIONS);
        DataWriter.Result data = DataWriter.write(country, valuesJson, valuesCsv, registrations);
        written.addAll(data.files());
        Path registryCsv = outDir.resolve(REGISTRY_CSV);
        Path registryGeoJson = outDir.resolve(REGISTRY_GEOJSON);
        written.addAll(RegistryWriter.write(country, registryCsv, registryGeoJson));
        Path localities = outDir.resolve(LOCALITIES);
        written.add(RegistryWriter.writeLocalities(country, localities));
        Path groundTruth = outDir.resolve(GROUND_TRUTH);
        written.add(GroundTruthWriter.write(country, groundTruth));

        DemoCounts counts = new DemoCounts(
                country.orgUnitCount(),
                Catalog.De.values().length,
                country.catalog().categoryOptionComboCount(),
                1,
                data.dataValues(),
                data.registrations(),
                country.localities().size(),
                country.facilities().registry.size(),
                Formats.period(country.periods().get(0)),
                Formats.period(country.periods().get(country.periods().size() - 1)));
        Path manifest = outDir.resolve(MANIFEST);
        ManifestWriter.write(country, counts, written, manifest);
        return new DemoFiles(outDir, metadata, valuesJson, valuesCsv, registrations, registryCsv,
                registryGeoJson, localities, groundTruth, manifest, counts);
    }

    /** Builds the whole country in memory, except the data values (generated while writing). */
    static Country build(DemoSize size, long seed) {
        SizeProfile profile = SizeProfile.of(size);
        // One independent stream per stage: a change in one stage does not shift the others.
        PlaceNames names = new PlaceNames(new SplittableRandom(Reporting.mix(seed, 1, 1)));
        Territory territory = Territory.build(profile, new SplittableRandom(Reporting.mix(seed, 2, 2)), names);
        List<Locality> localities = Localities.build(territory, profile,
                new SplittableRandom(Reporting.mix(seed, 3, 3)), names);
        List<YearMonth> periods = new ArrayList<>();
        for (int i = 0; i < PERIOD_COUNT; i++) {
            periods.add(FIRST_PERIOD.plusMonths(i));
        }
        Facilities facilities = Facilities.build(territory, localities, profile,
                new SplittableRandom(Reporting.mix(seed, 4, 4)), names, periods.get(0).atDay(1),
                periods.get(PERIOD_COUNT - 1).atDay(1));

        Set<String> usedUids = new HashSet<>();
        Catalog catalog = new Catalog(usedUids);
        Uids uids = new Uids(Reporting.mix(seed, 5, 5), usedUids);
        territory.country.uid = uids.next();
        for (AdminUnit region : territory.regions) {
            region.uid = uids.next();
        }
        for (AdminUnit district : territory.districts) {
            district.uid = uids.next();
        }
        for (AdminUnit area : territory.areas) {
            area.uid = uids.next();
        }
        for (Facility f : facilities.all) {
            f.uid = uids.next();
        }
        catalog.createGroups(uids);

        Reporting reporting = new Reporting(facilities.all, periods, profile, seed);
        Activity activity = new Activity(seed, periods.get(0));
        PlantedData planted = new PlantedData(facilities.all, reporting, activity, catalog, profile, seed);
        return new Country(size, seed, profile, territory, localities, facilities, catalog, periods,
                reporting, activity, planted);
    }
}
