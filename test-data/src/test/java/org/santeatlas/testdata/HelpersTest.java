package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void uidsHaveDhis2ShapeAndNeverRepeat() {
        Set<String> used = new HashSet<>();
        Uids uids = new Uids(1, used);
        Uids other = new Uids(1, used);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String a = uids.next();
            String b = other.next();
            assertThat(Uids.isValid(a)).isTrue();
            assertThat(seen.add(a)).isTrue();
            assertThat(seen.add(b)).isTrue();
        }
        assertThat(used).contains(Uids.DEFAULT_CATEGORY_OPTION_COMBO);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            Kollo,     de Kollo
            Ouallam,   d'Ouallam
            Abala,     d'Abala
            Élbéji,    d'Élbéji
            In-Gall,   d'In-Gall
            Tahoua,    de Tahoua
            """)
    void frenchElisionOfDe(String place, String expected) {
        assertThat(PlaceNames.de(place)).isEqualTo(expected);
    }

    @Test
    void namesAreUniqueAndSoundSahelian() {
        PlaceNames names = new PlaceNames(new SplittableRandom(3));
        Set<String> keys = new HashSet<>();
        boolean accent = false;
        for (int i = 0; i < 2_000; i++) {
            String n = names.unique(13);
            assertThat(keys.add(PlaceNames.key(n))).isTrue();
            assertThat(n).matches("[A-ZÉ][\\p{L}'-]+");
            accent |= !PlaceNames.ascii(n).equals(n);
        }
        assertThat(accent).isTrue();
    }

    @Test
    void abbreviationsAreUniqueAmongSiblings() {
        Set<String> taken = new HashSet<>();
        assertThat(PlaceNames.abbreviation("Tahoua", taken)).isEqualTo("TH");
        assertThat(PlaceNames.abbreviation("Tahoua-Nord", taken)).isEqualTo("TN");
        // Consonants used up: the next letter, whatever it is.
        assertThat(PlaceNames.abbreviation("Tahoua", taken)).isEqualTo("TA");
    }

    @Test
    void allocationGivesTheMinimumAndSharesTheRestByWeight() {
        // 14 left after the minimums: 3.5 and 10.5; the tied remainder goes to the first.
        int[] shares = Territory.allocate(20, new double[] {1, 3, 0}, 2);
        assertThat(shares).containsExactly(6, 12, 2);
        assertThatThrownBy(() -> Territory.allocate(3, new double[] {1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsFollowDhis2Layouts() {
        assertThat(Formats.period(YearMonth.of(2024, 3))).isEqualTo("202403");
        assertThat(Formats.timestamp(1_707_473_732L)).isEqualTo("2024-02-09T10:15:32.000+0000");
        assertThat(Formats.metadataDate(java.time.LocalDate.of(1990, 1, 1))).isEqualTo("1990-01-01T00:00:00.000");
        assertThat(Formats.csv("a;b", ';')).isEqualTo("\"a;b\"");
        assertThat(Formats.csv("say \"hi\"", ',')).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Geo.format(13.5)).isEqualTo("13.500000");
        assertThat(Geo.formatFixed(-1505, 2)).isEqualTo("-15.05");
        assertThat(Geo.format(Geo.round(0.0000004))).isEqualTo("0.000000");
    }

    @Test
    void nearDuplicateNamesDifferOnlyInPunctuationAccentsOrCase() {
        assertThat(Facilities.variant("CSI Tahoua-Est")).isEqualTo("CSI Tahoua Est");
        assertThat(Facilities.variant("Case de santé de Guéchémé")).isEqualTo("Case de sante de Guecheme");
        assertThat(Facilities.variant("CSI Kollo")).isEqualTo("C.S.I. Kollo");
    }

    @Test
    void samplingDistributionsStayInRange() {
        SplittableRandom r = new SplittableRandom(9);
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            int k = Activity.poisson(r, 4.0);
            assertThat(k).isNotNegative();
            sum += k;
            assertThat(Activity.binomial(r, 80, 0.3)).isBetween(0, 80);
        }
        assertThat(sum / 10_000.0).isBetween(3.8, 4.2);
        assertThat(Activity.poisson(r, 0)).isZero();
        assertThat(Activity.binomial(r, 0, 0.5)).isZero();
    }
}
