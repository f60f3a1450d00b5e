package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;

/**
 * The national size meets its minimums, checked on the in-memory country (a few seconds) rather than
 * on the gigabyte of files; NationalGenerationIT writes them, by hand.
 */
class NationalSizeTest {

    @Test
    void nationalCountryMeetsTheMinimumsAndItsAreasFormOneCoverage() {
        Country c = DemoGenerator.build(DemoSize.NATIONAL, DemoGenerator.DEFAULT_SEED);

        assertThat(c.territory().regions).hasSizeGreaterThanOrEqualTo(8);
        assertThat(c.territory().districts).hasSizeGreaterThanOrEqualTo(70);
        assertThat(c.territory().areas).hasSizeGreaterThanOrEqualTo(1_500);
        assertThat(c.facilities().all).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(c.localities()).hasSizeGreaterThanOrEqualTo(50_000);
        assertThat(c.territory().country.population).isBetween(15_000_000L, 40_000_000L);
        Geometry[] areas = c.territory().areas.stream().map(a -> a.geometry).toArray(Geometry[]::new);
        assertThat(CoverageValidator.isValid(areas)).isTrue();

        // Exactly what DataWriter writes: non-zero values of offered cells of reported months.
        long values = 0;
        for (int p = 0; p < c.periods().size(); p++) {
            for (Facility f : c.facilities().all) {
                if (c.reporting().status[f.index][p] != Reporting.REPORTED) {
                    continue;
                }
                int[] v = c.activity().values(f, c.periods().get(p));
                for (Catalog.Slot slot : Activity.SLOTS) {
                    if (v[slot.ordinal()] > 0 && Activity.offers(f.type, slot)) {
                        values++;
                    }
                }
            }
        }
        assertThat(values).isGreaterThanOrEqualTo(1_500_000L);
        assertThat(c.planted().outliers).hasSize(3 * c.profile().outliersPerKind());
        assertThat(c.facilities().duplicates).hasSize(c.profile().nearDuplicates());
    }
}
