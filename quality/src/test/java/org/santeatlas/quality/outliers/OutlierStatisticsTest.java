package org.santeatlas.quality.outliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics, by hand. */
class OutlierStatisticsTest {

    final double[] work = new double[16];

    @Test
    void meanAndPopulationStandardDeviation() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        double mean = OutlierStatistics.mean(x, 8);
        assertThat(mean).isEqualTo(5.0);
        assertThat(OutlierStatistics.populationSd(x, 8, mean)).isEqualTo(2.0); // the textbook example
    }

    @Test
    void modifiedZScoreOfAnExtraDigit() {
        // median 12; |x - 12| = 2, 0, 1, 1, 0, 88 → sorted 0, 0, 1, 1, 2, 88 → MAD 1
        double[] x = {10, 12, 11, 13, 12, 100};
        double median = OutlierStatistics.median(x, 6, work);
        assertThat(median).isEqualTo(12.0);
        assertThat(OutlierStatistics.mad(x, 6, median, work)).isEqualTo(1.0);
        double scale = OutlierStatistics.robustScale(x, 6, median, work);
        assertThat(OutlierStatistics.score(100, median, scale)).isCloseTo(0.6745 * 88, within(1e-9));
    }

    @Test
    void whenMadIsZeroTheMeanAbsoluteDeviationStandsIn() {
        // median 5, MAD 0 (five of seven values equal 5); mean absolute deviation (15 + 0 + 5) / 7
        double[] x = {5, 5, 5, 5, 5, 20, 0};
        double median = OutlierStatistics.median(x, 7, work);
        assertThat(OutlierStatistics.mad(x, 7, median, work)).isZero();
        double scale = OutlierStatistics.robustScale(x, 7, median, work);
        assertThat(scale).isCloseTo(1.253314 * 20 / 7, within(1e-9));
        assertThat(OutlierStatistics.score(20, median, scale)).isCloseTo(15 / (1.253314 * 20 / 7), within(1e-9));
    }

    @Test
    void aSeriesOfEqualValuesOrAllZerosHasNoScore() {
        double[] zeros = {0, 0, 0, 0, 0, 0};
        double median = OutlierStatistics.median(zeros, 6, work);
        double scale = OutlierStatistics.robustScale(zeros, 6, median, work);
        assertThat(scale).isZero();
        assertThat(OutlierStatistics.score(0, median, scale)).isZero();
        assertThat(OutlierStatistics.populationSd(zeros, 6, 0)).isZero();
    }

    @Test
    void explanationsGuessTheTypingMistake() {
        assertThat(Explanations.cause(1550, 155)).isEqualTo("extraDigit");
        assertThat(Explanations.cause(4545, 45)).isEqualTo("typedTwice");
        assertThat(Explanations.cause(125125, 130)).isEqualTo("typedTwice");
        assertThat(Explanations.cause(15500, 155)).isEqualTo("twoExtraDigits");
        assertThat(Explanations.cause(16, 155)).isEqualTo("missingDigit");
        assertThat(Explanations.cause(300, 155)).isEqualTo("generic");
        assertThat(Explanations.cause(1111, 500)).isEqualTo("generic"); // 11 is not near 500
    }

    @Test
    void theSmallArraySortOrdersAsArraysSortDoesNaNAndNegativeZeroIncluded() {
        java.util.Random random = new java.util.Random(11);
        double[] specials = {Double.NaN, -0.0, 0.0, -1, 1e300, Double.POSITIVE_INFINITY};
        for (int round = 0; round < 20_000; round++) {
            int n = random.nextInt(40);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(8) == 0 ? specials[random.nextInt(specials.length)] : random.nextInt(20);
            }
            double[] expected = a.clone();
            java.util.Arrays.sort(expected);
            OutlierStatistics.sort(a, n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(a[i])).as("round %d index %d", round, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }

    @Test
    void theMedianOfASortedPoolWithValuesTakenOutEqualsTheMedianOfWhatIsLeft() {
        // By hand: pool 1 2 2 3 7 9 without 2 and 9 → 1 2 3 7 → (2 + 3) / 2 = 2.5; without 1 → 2 2 3 7 9 → 3.
        double[] pool = {5, 1, 2, 2, 3, 7, 9};
        assertThat(OutlierStatistics.medianWithout(pool, 1, 6, new double[] {2, 9}, 2)).isEqualTo(2.5);
        assertThat(OutlierStatistics.medianWithout(pool, 1, 6, new double[] {1}, 1)).isEqualTo(3);
        assertThat(OutlierStatistics.medianWithout(pool, 1, 2, new double[] {1, 2}, 2)).isNaN();
        java.util.Random random = new java.util.Random(12);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(30);
            int from = random.nextInt(4);
            double[] a = new double[from + n];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(10);
            }
            int q = Math.min(n - 1, random.nextInt(4));
            double[] left = java.util.Arrays.copyOfRange(a, from, from + n);
            double[] removed = new double[q];
            java.util.List<Double> rest = new java.util.ArrayList<>();
            for (double v : left) {
                rest.add(v);
            }
            for (int i = 0; i < q; i++) {
                removed[i] = rest.remove(random.nextInt(rest.size()));
            }
            java.util.Arrays.sort(removed);
            OutlierStatistics.sortRange(a, from, n);
            double[] kept = rest.stream().mapToDouble(Double::doubleValue).toArray();
            double expected = OutlierStatistics.median(kept, kept.length, new double[kept.length]);
            assertThat(OutlierStatistics.medianWithout(a, from, n, removed, q)).as("round %d", round)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSelectionMedianEqualsTheSortedMiddle() {
        java.util.Random random = new java.util.Random(13);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(200);
            int spread = 1 + random.nextInt(round % 3 == 0 ? 3 : 1000);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(spread) + (round % 5 == 0 ? random.nextDouble() : 0);
            }
            double[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            double expected = (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertThat(OutlierStatistics.median(a, n, new double[n])).as("round %d", round).isEqualTo(expected);
        }
    }
}
