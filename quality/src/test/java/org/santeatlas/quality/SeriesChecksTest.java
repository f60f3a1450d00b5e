package org.santeatlas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.consistency.ConsistencyOverTimeCheck;
import org.santeatlas.quality.consistency.IndicatorCompletenessCheck;
import org.santeatlas.quality.consistency.InternalConsistencyCheck;
import org.santeatlas.quality.outliers.OutlierCheck;
import org.santeatlas.quality.outliers.OutlierMethod;

/**
 * The series checks on hand-made series (2022–2024, monthly) in two districts with one facility each:
 * every expected figure is worked out in the comments.
 */
class SeriesChecksTest {

    static final double N = Double.NaN;
    /** A malaria-like rainy-season curve, the same every year. */
    static final double[] SEASON = {20, 18, 16, 16, 20, 30, 46, 72, 88, 80, 52, 32};

    @TempDir
    Path dir;
    TinyWorkspace w;

    @BeforeEach
    void build() throws Exception {
        w = new TinyWorkspace(dir);
        TinyWorkspaceAccess.tree(w);
        w.orgUnit("DistrictD02", "District 2", "RegionRRR01", null, null)
                .orgUnit("AreaAAAAA02", "Area 2", "DistrictD02", null, null)
                .orgUnit("FacilityF01", "Facility 1", "AreaAAAAA01", LocalDate.of(2000, 1, 1), null)
                .orgUnit("FacilityF02", "Facility 2", "AreaAAAAA02", LocalDate.of(2000, 1, 1), null)
                .dataElement("PaluTested1", "SNIS_PALU_TEST")
                .dataElement("PaluConfirm", "SNIS_PALU_CONF")
                .dataElement("ZeroSeries1", "ZEROS")
                .dataElement("FlatSeries1", "FLAT");
    }

    @AfterEach
    void close() {
        w.close();
    }

    private List<Finding> run(SeriesCheck check, String from, String to) throws Exception {
        List<Finding> out = new ArrayList<>();
        check.run(w.context(from, to), out::add);
        return out;
    }

    private static double[] years(double[] year, int n, int slipAt, double slipValue) {
        double[] x = new double[12 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = year[i % 12] + (i / 12); // +1 a year: a slight trend
        }
        if (slipAt >= 0) {
            x[slipAt] = slipValue;
        }
        return x;
    }

    @Test
    void aRecurringRainySeasonPeakIsNotAnOutlierForTheSeasonalMethodButAnExtraDigitIs() throws Exception {
        // F1: three identical seasons; F2: the same with September 2023 (index 20) typed 890 instead of 89.
        w.series("PaluTested1", "FacilityF01", "202201", years(SEASON, 3, -1, 0))
                .series("PaluTested1", "FacilityF02", "202201", years(SEASON, 3, 20, 890)).importValues();
        List<Finding> seasonal = run(new OutlierCheck(OutlierMethod.SEASONAL), null, null);
        assertThat(seasonal.stream().filter(f -> f.severity() == Severity.HIGH))
                .extracting(f -> f.orgUnit() + " " + f.period() + " " + f.value())
                .containsExactly("FacilityF02 202309 890");
        Finding f = seasonal.stream().filter(x -> x.severity() == Severity.HIGH).findFirst().orElseThrow();
        assertThat(f.messageKey()).isEqualTo("outlier.high.extraDigit");
        // Usual value: the median of August–October of 2022 and 2024 (72, 88, 80, 74, 90, 82) = 81.
        assertThat(new QualityMessages(Locale.FRENCH).message(f)).startsWith("La valeur 890 de SNIS_PALU_TEST")
                .contains("environ 11 fois la valeur habituelle (81)").endsWith("probablement un chiffre en trop ou"
                        + " une virgule mal placée.");
        // The plain z-score calls F1's own peaks moderate or worse: the reason it is not the default.
        List<Finding> z = run(new OutlierCheck(OutlierMethod.Z_SCORE), null, null);
        assertThat(z).anyMatch(x -> x.orgUnit().equals("FacilityF02") && x.period().equals("202309")
                && x.severity() == Severity.HIGH);
    }

    @Test
    void modifiedZScoreUsesTheMeanAbsoluteDeviationWhenMadIsZeroAndNeverDividesByZero() throws Exception {
        // 12 values: ten 5s, one 20, one 6 → median 5, MAD 0, mean absolute deviation 16/12,
        // score of 20 = 15 / (1.253314 · 16/12) = 8.98 → extreme; of 6: 0.60.
        double[] flat = {5, 5, 5, 5, 5, 20, 5, 5, 5, 6, 5, 5};
        double[] zeros = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        w.series("FlatSeries1", "FacilityF01", "202401", flat).series("ZeroSeries1", "FacilityF01", "202401", zeros)
                .importValues();
        List<Finding> m = run(new OutlierCheck(OutlierMethod.MODIFIED_Z_SCORE), "202401", "202412");
        assertThat(m).extracting(f -> f.dataElement() + " " + f.period() + " " + f.severity())
                .containsExactly("FlatSeries1 202406 HIGH");
        assertThat(m.get(0).score()).isCloseTo(15 / (1.253314 * 16 / 12), within(1e-9));
        // DHIS2 leaves out series whose MAD is 0; the all-zero series has no spread for any method.
        List<Finding> dhis2 = new ArrayList<>();
        new OutlierCheck(OutlierMethod.DHIS2).run(new QualityContext(w.c, QualityParameters.DEFAULTS
                .withDhis2OutlierAlgorithm("MOD_Z_SCORE")), dhis2::add);
        assertThat(dhis2).isEmpty();
        // z-score: mean 76/12 = 6.333, population sd √(204.67/12) = 4.1299 → z(20) = 13.667/4.1299 = 3.309 ≥ 3
        List<Finding> z = run(new OutlierCheck(OutlierMethod.Z_SCORE), "202401", "202412");
        assertThat(z).extracting(Finding::period).containsExactly("202406");
        assertThat(z.get(0).score()).isCloseTo(3.3093, within(1e-3));
    }

    @Test
    void consistencyOverTimeComparesEachDistrictsRatioWithTheCountrys() throws Exception {
        // F1 (district 1): 10 a month in 2022 and 2023, 20 in 2024 → ratio 2.0.
        // F2 (district 2): 10 a month throughout → ratio 1.0. Country: 240+120 / mean(240, 240) = 1.5.
        // District 1: 2.0 / 1.5 − 1 = +33.3 % > 33 % → flagged; district 2: 1.0 / 1.5 − 1 = −33.3 % → flagged.
        double[] f1 = new double[36];
        double[] f2 = new double[36];
        for (int i = 0; i < 36; i++) {
            f1[i] = i < 24 ? 10 : 20;
            f2[i] = 10;
        }
        w.series("PaluTested1", "FacilityF01", "202201", f1).series("PaluTested1", "FacilityF02", "202201", f2)
                .importValues();
        List<Finding> c = run(new ConsistencyOverTimeCheck(), null, null);
        assertThat(c).extracting(f -> f.orgUnit() + " " + f.value()).containsExactly("DistrictD01 2.00",
                "DistrictD02 1.00");
        assertThat(c.get(0).expected()).isEqualTo("1.01–2.00"); // 1.5 × (1 ± 0.33), rounded
        assertThat(c.get(0).period()).isEqualTo("2024");
        // Only January–June of 2024: the earlier years are summed over the same months; same ratios.
        assertThat(run(new ConsistencyOverTimeCheck(), "202201", "202406")).hasSize(2);
    }

    @Test
    void aTrendingIndicatorIsComparedWithItsLinearForecast() throws Exception {
        // District 1: 100, 110, 120 a month in 2022–2024: forecast for 2024 = 120 → ratio 1.0.
        // District 2: 100 a month throughout → ratio 1.0. Country: 2024 = 220, forecast = 210 + ... → no flag.
        double[] f1 = new double[36];
        double[] f2 = new double[36];
        for (int i = 0; i < 36; i++) {
            f1[i] = 100 + 10 * (i / 12);
            f2[i] = 100;
        }
        w.series("PaluTested1", "FacilityF01", "202201", f1).series("PaluTested1", "FacilityF02", "202201", f2)
                .importValues();
        List<Finding> plain = run(new ConsistencyOverTimeCheck(), null, null);
        assertThat(plain).isEmpty(); // 1.143 vs national 1.0735: +6.5 %
        List<Finding> trend = new ArrayList<>();
        new ConsistencyOverTimeCheck().run(new QualityContext(w.c, QualityParameters.DEFAULTS
                .withTrendingCodes(List.of("SNIS_PALU_TEST"))), trend::add);
        assertThat(trend).isEmpty();
    }

    @Test
    void confirmedAboveTestedInAMonthIsImpossibleAndDistrictRatiosAreComparedWithTheCountry() throws Exception {
        // F1: tested 100, confirmed 50 every month of 2024, but 120 confirmed in March → impossible.
        // F2: tested 100, confirmed 20. 2024 ratios: D1 = (11·50 + 120)/1200 = 0.5583, D2 = 0.2,
        // country = (670 + 240) / 2400 = 0.3792 → both beyond ±10 % (+47 %, −47 %).
        double[] tested = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100};
        double[] conf1 = {50, 50, 120, 50, 50, 50, 50, 50, 50, 50, 50, 50};
        double[] conf2 = {20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
        w.series("PaluTested1", "FacilityF01", "202401", tested).series("PaluConfirm", "FacilityF01", "202401", conf1)
                .series("PaluTested1", "FacilityF02", "202401", tested).series("PaluConfirm", "FacilityF02", "202401", conf2)
                .importValues();
        List<Finding> c = run(new InternalConsistencyCheck(), null, null);
        assertThat(c.stream().filter(f -> f.check().equals(InternalConsistencyCheck.IMPOSSIBLE)))
                .extracting(f -> f.orgUnit() + " " + f.period() + " " + f.value() + " " + f.expected())
                .containsExactly("FacilityF01 202403 120 ≤ 100");
        assertThat(c.stream().filter(f -> f.check().equals(InternalConsistencyCheck.ID)))
                .extracting(f -> f.orgUnit() + " " + f.value())
                .containsExactly("DistrictD01 0.558", "DistrictD02 0.200");
    }

    @Test
    void indicatorCompletenessCountsReportedMonthsWithoutAValueAndGaps() throws Exception {
        // F1 reports January–June 2024 (registrations) but has a value in 4 of those months (gap in March
        // and June) → 4 / 6 = 66.7 %; one gap inside the series (March); one zero among the four values: 25 %,
        // above the 10 % threshold, and no other district to say zeros are the norm for this element.
        w.dataSet("ReportSet01", 15, new String[] {"PaluTested1"}, "FacilityF01").months("202401", "202406");
        for (String m : List.of("202401", "202402", "202403", "202404", "202405", "202406")) {
            w.registration("ReportSet01", "FacilityF01", m, org.santeatlas.core.period.Period.parse(m).endDate()
                    .plusDays(3));
        }
        w.series("PaluTested1", "FacilityF01", "202401", 10, 12, N, 0, 9, N).importValues();
        IndicatorCompletenessCheck check = new IndicatorCompletenessCheck();
        List<Finding> f = run(check, "202401", "202406");
        assertThat(f).extracting(Finding::check).containsExactly(IndicatorCompletenessCheck.ID,
                IndicatorCompletenessCheck.GAPS, IndicatorCompletenessCheck.ZEROS);
        assertThat(f.get(0).orgUnit()).isEqualTo("DistrictD01");
        assertThat(f.get(2).value()).isEqualTo("25.0 %");
        assertThat(f.get(0).value()).isEqualTo("66.7 %");
        IndicatorCompletenessCheck.Row row = check.rows().get(0);
        assertThat(row.completeness()).isEqualTo(4 / 6.0);
        assertThat(row.zeroShare()).isEqualTo(0.25);
        assertThat(row.gaps()).isEqualTo(1);
    }

    @Test
    void aDistrictWithManyMoreZerosThanTheOthersIsFlaggedWithItsShare() throws Exception {
        // PaluConfirm: District 1 (F1) 5, 0, 0, 6 → 2 zeros of 4 = 50 %; District 2 (F2) 1 zero of 10 = 10 %,
        // not above the 10 % threshold. District 1 is flagged: 50 % > 10 %, and the others' 10 % ≤ 10 %.
        // ZeroSeries1: zeros are the norm everywhere (D1 2 of 3, D2 3 of 4): nobody is flagged.
        w.series("PaluConfirm", "FacilityF01", "202401", 5, 0, 0, 6)
                .series("PaluConfirm", "FacilityF02", "202401", 5, 6, 7, 8, 9, 10, 11, 12, 13, 0)
                .series("ZeroSeries1", "FacilityF01", "202401", 0, 0, 1)
                .series("ZeroSeries1", "FacilityF02", "202401", 0, 0, 0, 2).importValues();
        List<Finding> f = run(new IndicatorCompletenessCheck(), null, null);
        assertThat(f).singleElement().satisfies(z -> {
            assertThat(z.check()).isEqualTo(IndicatorCompletenessCheck.ZEROS);
            assertThat(z.orgUnit()).isEqualTo("DistrictD01");
            assertThat(z.dataElement()).isEqualTo("PaluConfirm");
            assertThat(z.value()).isEqualTo("50.0 %");
            assertThat(z.expected()).isEqualTo("≤ 10 %");
            assertThat(z.method()).isEqualTo("zero values / values (other districts: 10.0 %)");
            assertThat(z.message()).isEqualTo("District 1: 50% of the values of SNIS_PALU_CONF are zero (2 of 4),"
                    + " against 10% in the other districts; the threshold is 10%. A zero may have been typed for a"
                    + " blank box or a service not given.");
        });
    }
}
