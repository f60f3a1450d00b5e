package org.santeatlas.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthIndexTest {

    @ParameterizedTest(name = "{0} has index {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1970-01 | 0
            1970-12 | 11
            1971-01 | 12
            1969-12 | -1
            2024-12 | 659
            1900-01 | -840
            """)
    void monthIndexCountsMonthsFromJanuary1970(YearMonth month, int index) {
        assertThat(MonthIndex.of(month)).isEqualTo(index);
        assertThat(MonthIndex.of(month.atDay(1))).isEqualTo(index);
        assertThat(MonthIndex.toYearMonth(index)).isEqualTo(month);
    }

    @ParameterizedTest(name = "{0} is in month {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-02-29 | 649
            1969-12-31 | -1
            """)
    void monthIndexOfADateIsThatOfItsMonth(LocalDate date, int index) {
        assertThat(MonthIndex.of(date)).isEqualTo(index);
    }
}
