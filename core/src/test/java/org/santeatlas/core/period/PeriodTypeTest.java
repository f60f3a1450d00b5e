package org.santeatlas.core.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PeriodTypeTest {

    @ParameterizedTest(name = "{0} is {1}, written {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # type              | DHIS2 name      | ISO format  | example
            DAILY               | Daily           | yyyyMMdd    | 20040315
            WEEKLY              | Weekly          | yyyyWn      | 2004W10
            WEEKLY_WEDNESDAY    | WeeklyWednesday | yyyyWedWn   | 2015WedW5
            WEEKLY_THURSDAY     | WeeklyThursday  | yyyyThuWn   | 2015ThuW6
            WEEKLY_SATURDAY     | WeeklySaturday  | yyyySatWn   | 2015SatW7
            WEEKLY_SUNDAY       | WeeklySunday    | yyyySunWn   | 2015SunW8
            BI_WEEKLY           | BiWeekly        | yyyyBiWn    | 2015BiW1
            MONTHLY             | Monthly         | yyyyMM      | 200403
            BI_MONTHLY          | BiMonthly       | yyyyMMB     | 200401B
            QUARTERLY           | Quarterly       | yyyyQn      | 2004Q1
            SIX_MONTHLY         | SixMonthly      | yyyySn      | 2004S1
            SIX_MONTHLY_APRIL   | SixMonthlyApril | yyyyAprilSn | 2004AprilS1
            SIX_MONTHLY_NOV     | SixMonthlyNov   | yyyyNovSn   | 2004NovS1
            YEARLY              | Yearly          | yyyy        | 2004
            FINANCIAL_APRIL     | FinancialApril  | yyyyApril   | 2004April
            FINANCIAL_JULY      | FinancialJuly   | yyyyJuly    | 2004July
            FINANCIAL_OCT       | FinancialOct    | yyyyOct     | 2004Oct
            FINANCIAL_NOV       | FinancialNov    | yyyyNov     | 2004Nov
            """)
    void eachTypeHasItsDhis2NameAndFormat(PeriodType type, String dhis2Name, String isoFormat, String example) {
        assertThat(type.dhis2Name()).isEqualTo(dhis2Name);
        assertThat(type.isoFormat()).isEqualTo(isoFormat);
        assertThat(PeriodType.fromDhis2Name(dhis2Name)).isEqualTo(type);
        assertThat(Period.parse(example).type()).isEqualTo(type);
    }

    @Test
    void everyTypeIsCoveredByTheNameTable() {
        assertThat(PeriodType.values()).hasSize(18);
    }

    @Test
    void fromDhis2NameIgnoresCaseAsDhis2Does() {
        assertThat(PeriodType.fromDhis2Name("weeklysunday")).isEqualTo(PeriodType.WEEKLY_SUNDAY);
        assertThat(PeriodType.fromDhis2Name("FINANCIALNOV")).isEqualTo(PeriodType.FINANCIAL_NOV);
    }

    @Test
    void fromDhis2NameRejectsUnknownNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeriodType.fromDhis2Name("Fortnightly"))
                .withMessageContaining("Fortnightly");
        assertThatIllegalArgumentException().isThrownBy(() -> PeriodType.fromDhis2Name("WEEKLY_SUNDAY"));
    }

    @ParameterizedTest(name = "{1} holding {0} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # date     | type              | iso
            2021-01-03 | WEEKLY            | 2020W53
            2018-12-31 | WEEKLY            | 2019W1
            2016-01-03 | WEEKLY            | 2015W53
            2012-12-31 | WEEKLY            | 2013W1
            2012-12-30 | WEEKLY            | 2012W52
            2017-05-03 | WEEKLY_WEDNESDAY  | 2017WedW18
            2017-05-02 | WEEKLY_WEDNESDAY  | 2017WedW17
            2017-05-07 | WEEKLY_THURSDAY   | 2017ThuW19
            2017-05-03 | WEEKLY_THURSDAY   | 2017ThuW18
            2024-01-02 | WEEKLY_THURSDAY   | 2023ThuW53
            2017-05-06 | WEEKLY_SATURDAY   | 2017SatW19
            2017-05-05 | WEEKLY_SATURDAY   | 2017SatW18
            2017-01-01 | WEEKLY_SUNDAY     | 2017SunW1
            2017-01-08 | WEEKLY_SUNDAY     | 2017SunW2
            2017-05-06 | WEEKLY_SUNDAY     | 2017SunW18
            2015-01-01 | WEEKLY_SUNDAY     | 2014SunW53
            2010-01-01 | BI_WEEKLY         | 2009BiW27
            2021-01-03 | BI_WEEKLY         | 2020BiW27
            2021-01-05 | BI_WEEKLY         | 2021BiW1
            2017-12-29 | BI_WEEKLY         | 2017BiW26
            2018-01-08 | BI_WEEKLY         | 2018BiW1
            2024-03-15 | DAILY             | 20240315
            2024-03-15 | MONTHLY           | 202403
            2024-03-15 | BI_MONTHLY        | 202402B
            2024-08-15 | QUARTERLY         | 2024Q3
            2024-06-30 | SIX_MONTHLY       | 2024S1
            2025-02-15 | SIX_MONTHLY_APRIL | 2024AprilS2
            2024-03-31 | SIX_MONTHLY_APRIL | 2023AprilS2
            2024-12-31 | SIX_MONTHLY_NOV   | 2025NovS1
            2024-10-31 | SIX_MONTHLY_NOV   | 2024NovS2
            2024-12-31 | YEARLY            | 2024
            2025-03-31 | FINANCIAL_APRIL   | 2024April
            2024-06-30 | FINANCIAL_JULY    | 2023July
            2024-07-01 | FINANCIAL_JULY    | 2024July
            2024-09-30 | FINANCIAL_OCT     | 2023Oct
            2024-10-31 | FINANCIAL_NOV     | 2024Nov
            2024-11-01 | FINANCIAL_NOV     | 2025Nov
            """)
    void periodContainingFindsThePeriodHoldingTheDate(LocalDate date, PeriodType type, String iso) {
        Period period = type.periodContaining(date);

        assertThat(period.iso()).isEqualTo(iso);
        assertThat(period.contains(date)).isTrue();
    }

    @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # type     | from       | to         | periods
            MONTHLY    | 2024-01-15 | 2024-04-02 | 202401 202402 202403 202404
            MONTHLY    | 2024-02-10 | 2024-02-10 | 202402
            QUARTERLY  | 2023-12-31 | 2024-04-01 | 2023Q4 2024Q1 2024Q2
            WEEKLY     | 2020-12-20 | 2021-01-10 | 2020W51 2020W52 2020W53 2021W1
            BI_WEEKLY  | 2020-12-01 | 2021-01-20 | 2020BiW25 2020BiW26 2020BiW27 2021BiW1 2021BiW2
            DAILY      | 2024-02-28 | 2024-03-01 | 20240228 20240229 20240301
            FINANCIAL_NOV | 2023-10-31 | 2023-11-01 | 2023Nov 2024Nov
            """)
    void periodsBetweenListsEveryPeriodOverlappingTheDays(PeriodType type, LocalDate from, LocalDate to, String isos) {
        List<String> periods = type.periodsBetween(from, to).stream().map(Period::iso).toList();

        assertThat(periods).containsExactly(isos.split(" "));
    }

    @ParameterizedTest
    @EnumSource(PeriodType.class)
    void periodsBetweenRejectsAReversedRange(PeriodType type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> type.periodsBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31)));
    }
}
