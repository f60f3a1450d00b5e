package org.santeatlas.testdata;

import java.time.YearMonth;
import java.util.List;

/** Everything generated for one (size, seed), ready to be written. */
record Country(
        DemoSize size,
        long seed,
        SizeProfile profile,
        Territory territory,
        List<Locality> localities,
        Facilities facilities,
        Catalog catalog,
        List<YearMonth> periods,
        Reporting reporting,
        Activity activity,
        PlantedData planted) {

    /** Organisation units of every level, as written to metadata.json. */
    int orgUnitCount() {
        return 1 + territory.regions.size() + territory.districts.size() + territory.areas.size()
                + facilities.all.size();
    }
}
