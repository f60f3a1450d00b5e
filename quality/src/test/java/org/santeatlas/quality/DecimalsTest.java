package org.santeatlas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void writesWhatTheFormatterWrites() {
        // By hand: half up on the shortest decimal form; the sign stays on a negative number rounded to zero.
        assertThat(Decimals.fixed(0.25, 1)).isEqualTo("0.3");
        assertThat(Decimals.fixed(-0.04, 1)).isEqualTo("-0.0");
        assertThat(Decimals.fixed(-0.0, 1)).isEqualTo("-0.0");
        assertThat(Decimals.fixed(12345.0, 2)).isEqualTo("12345.00");
        double[] specials = {0.05, 0.15, 0.25, 1.45, 2.675, -2.675, 1e-7, -1e-7, 1e17, 123456789.95, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.0, -0.0};
        for (double v : specials) {
            for (int places = 1; places <= 2; places++) {
                assertThat(Decimals.fixed(v, places)).as("%s", v)
                        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
            }
        }
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextGaussian() * 10;
                case 1 -> Math.rint(random.nextDouble() * 20000) / 100 - 50;
                case 2 -> Math.log((random.nextInt(500) + 1.0) / (random.nextInt(500) + 1.0)) / random.nextDouble();
                default -> random.nextInt(100000) / 20.0;
            };
            int places = 1 + (i & 1);
            assertThat(Decimals.fixed(v, places)).as("%s", v)
                    .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
        }
    }
}
