package org.santeatlas.core.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodNavigationTest {

    @ParameterizedTest(name = "{0} is followed by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # period    | next
            20241231    | 20250101
            20240228    | 20240229
            2020W52     | 2020W53
            2020W53     | 2021W1
            2023W52     | 2024W1
            2015W53     | 2016W1
            2023ThuW53  | 2024ThuW1
            2015SunW52  | 2016SunW1
            2014SunW53  | 2015SunW1
            2019BiW26   | 2020BiW1
            2020BiW26   | 2020BiW27
            2020BiW27   | 2021BiW1
            202412      | 202501
            202406B     | 202501B
            2024Q4      | 2025Q1
            2024S2      | 2025S1
            2024AprilS1 | 2024AprilS2
            2024AprilS2 | 2025AprilS1
            2024NovS1   | 2024NovS2
            2024NovS2   | 2025NovS1
            2024        | 2025
            2024April   | 2025April
            2024Nov     | 2025Nov
            """)
    void nextAndPreviousStepOnePeriod(String iso, String nextIso) {
        Period period = Period.parse(iso);
        Period next = Period.parse(nextIso);

        assertThat(period.next()).isEqualTo(next);
        assertThat(next.previous()).isEqualTo(period);
        assertThat(next.startDate()).isEqualTo(period.endDate().plusDays(1));
    }

    @ParameterizedTest(name = "{0} plus {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # period  | n   | result
            2024      | 0   | 2024
            2024W1    | 52  | 2025W1
            2020W1    | 53  | 2021W1
            2021W1    | -1  | 2020W53
            202401    | -1  | 202312
            202401    | 25  | 202602
            2024Q1    | -5  | 2022Q4
            2020BiW1  | 27  | 2021BiW1
            2021BiW1  | -1  | 2020BiW27
            2021BiW1  | -28 | 2019BiW26
            2019BiW26 | 28  | 2021BiW1
            2010BiW1  | 261 | 2020BiW1
            2020BiW1  | -261| 2010BiW1
            2024NovS1 | 3   | 2025NovS2
            20240101  | 366 | 20250101
            """)
    void plusStepsSeveralPeriods(String iso, int n, String expected) {
        assertThat(Period.parse(iso).plus(n).iso()).isEqualTo(expected);
    }

    @Test
    void rangeListsConsecutivePeriodsInclusive() {
        List<Period> quarters = Period.range(Period.parse("2023Q4"), Period.parse("2024Q3"));

        assertThat(quarters).extracting(Period::iso).containsExactly("2023Q4", "2024Q1", "2024Q2", "2024Q3");
        assertThat(Period.range(Period.parse("2024W5"), Period.parse("2024W5")))
                .containsExactly(Period.parse("2024W5"));
    }

    @Test
    void rangeRejectsMixedTypesAndReversedBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.range(Period.parse("202401"), Period.parse("2024Q4")))
                .withMessageContaining("different types");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.range(Period.parse("2024Q4"), Period.parse("2024Q1")));
    }

    @Test
    void periodsSortByStartThenEndThenType() {
        List<Period> sorted = Stream.of(
                        "2024", "2024S1", "2024Q1", "202401B", "202401", "2024BiW1", "2024W1", "20240101",
                        "2023W52", "2024AprilS1", "2024April")
                .map(Period::parse)
                .toList();
        List<Period> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);

        assertThat(shuffled).extracting(Period::iso).containsExactly(
                "2023W52", "20240101", "2024W1", "2024BiW1", "202401", "202401B", "2024Q1", "2024S1", "2024",
                "2024AprilS1", "2024April");
    }

    @Test
    void periodsWithTheSameDatesSortByType() {
        Period week = Period.parse("2020W53");
        Period biWeek = Period.parse("2020BiW27");

        assertThat(week.startDate()).isEqualTo(biWeek.startDate());
        assertThat(week.endDate()).isEqualTo(biWeek.endDate());
        assertThat(week).isLessThan(biWeek).isNotEqualTo(biWeek);
    }

    @Test
    void containsChecksDaysInclusively() {
        Period week = Period.parse("2024W1");

        assertThat(week.contains(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(week.contains(LocalDate.of(2024, 1, 7))).isTrue();
        assertThat(week.contains(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(week.contains(LocalDate.of(2024, 1, 8))).isFalse();
    }

    @Test
    void containsChecksWholePeriods() {
        Period quarter = Period.parse("2024Q1");

        assertThat(quarter.contains(Period.parse("202402"))).isTrue();
        assertThat(quarter.contains(quarter)).isTrue();
        assertThat(quarter.contains(Period.parse("2024W9"))).isTrue();
        assertThat(quarter.contains(Period.parse("2024W14"))).as("2024W14 ends in April").isFalse();
        assertThat(Period.parse("202402").contains(quarter)).isFalse();
        assertThat(Period.parse("2024Nov").contains(Period.parse("2024NovS1"))).isTrue();
    }

    @Test
    void equalPeriodsHaveEqualHashCodes() {
        assertThat(Period.parse("2024W01")).isEqualTo(Period.parse("2024W1"))
                .hasSameHashCodeAs(Period.parse("2024W1"));
        assertThat(PeriodType.MONTHLY.periodContaining(LocalDate.of(2024, 3, 9))).isEqualTo(Period.parse("202403"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "99991231", "9999Q4", "9999Nov", "9999BiW26", "9999W52"})
    void nextFailsPastTheLastSupportedYear(String iso) {
        assertThatThrownBy(() -> Period.parse(iso).next()).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "10000101", "1000Q1", "1000Nov", "1000NovS1", "1000BiW1", "1000W1"})
    void previousFailsBeforeTheFirstSupportedYear(String iso) {
        assertThatThrownBy(() -> Period.parse(iso).previous()).isInstanceOf(DateTimeException.class);
    }

    @Test
    void plusFailsFarOutsideTheSupportedYears() {
        assertThatThrownBy(() -> Period.parse("2024BiW1").plus(Integer.MAX_VALUE)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Period.parse("202401").plus(Integer.MIN_VALUE)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Period.parse("20240101").plus(Integer.MAX_VALUE)).isInstanceOf(DateTimeException.class);
    }
}
