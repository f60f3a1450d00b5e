package org.santeatlas.core.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.period.PeriodFormatException.Reason;

class PeriodParseTest {

    /** Known periods; the week rows include 53-week years and the first weeks that start in December. */
    @ParameterizedTest(name = "{0} is {1} from {2} to {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # iso          | type              | start      | end
            20240315       | DAILY             | 2024-03-15 | 2024-03-15
            20240229       | DAILY             | 2024-02-29 | 2024-02-29
            2024W10        | WEEKLY            | 2024-03-04 | 2024-03-10
            2019W1         | WEEKLY            | 2018-12-31 | 2019-01-06
            2021W1         | WEEKLY            | 2021-01-04 | 2021-01-10
            2009W1         | WEEKLY            | 2008-12-29 | 2009-01-04
            2011W11        | WEEKLY            | 2011-03-14 | 2011-03-20
            2015W53        | WEEKLY            | 2015-12-28 | 2016-01-03
            2020W53        | WEEKLY            | 2020-12-28 | 2021-01-03
            2026W1         | WEEKLY            | 2025-12-29 | 2026-01-04
            2026W53        | WEEKLY            | 2026-12-28 | 2027-01-03
            2023W52        | WEEKLY            | 2023-12-25 | 2023-12-31
            2024WedW1      | WEEKLY_WEDNESDAY  | 2024-01-03 | 2024-01-09
            2017WedW18     | WEEKLY_WEDNESDAY  | 2017-05-03 | 2017-05-09
            2022WedW53     | WEEKLY_WEDNESDAY  | 2022-12-28 | 2023-01-03
            2024ThuW1      | WEEKLY_THURSDAY   | 2024-01-04 | 2024-01-10
            2017ThuW19     | WEEKLY_THURSDAY   | 2017-05-04 | 2017-05-10
            2023ThuW53     | WEEKLY_THURSDAY   | 2023-12-28 | 2024-01-03
            2024SatW1      | WEEKLY_SATURDAY   | 2023-12-30 | 2024-01-05
            2017SatW19     | WEEKLY_SATURDAY   | 2017-05-06 | 2017-05-12
            2024SatW53     | WEEKLY_SATURDAY   | 2024-12-28 | 2025-01-03
            2024SunW1      | WEEKLY_SUNDAY     | 2023-12-31 | 2024-01-06
            2017SunW1      | WEEKLY_SUNDAY     | 2017-01-01 | 2017-01-07
            2017SunW19     | WEEKLY_SUNDAY     | 2017-05-07 | 2017-05-13
            2020SunW53     | WEEKLY_SUNDAY     | 2020-12-27 | 2021-01-02
            2014SunW53     | WEEKLY_SUNDAY     | 2014-12-28 | 2015-01-03
            2024BiW1       | BI_WEEKLY         | 2024-01-01 | 2024-01-14
            2018BiW1       | BI_WEEKLY         | 2018-01-01 | 2018-01-14
            2017BiW26      | BI_WEEKLY         | 2017-12-18 | 2017-12-31
            2020BiW1       | BI_WEEKLY         | 2019-12-30 | 2020-01-12
            2020BiW26      | BI_WEEKLY         | 2020-12-14 | 2020-12-27
            2020BiW27      | BI_WEEKLY         | 2020-12-28 | 2021-01-03
            2021BiW1       | BI_WEEKLY         | 2021-01-04 | 2021-01-17
            2015BiW27      | BI_WEEKLY         | 2015-12-28 | 2016-01-03
            2026BiW27      | BI_WEEKLY         | 2026-12-28 | 2027-01-03
            202403         | MONTHLY           | 2024-03-01 | 2024-03-31
            202402         | MONTHLY           | 2024-02-01 | 2024-02-29
            202302         | MONTHLY           | 2023-02-01 | 2023-02-28
            202312         | MONTHLY           | 2023-12-01 | 2023-12-31
            202401B        | BI_MONTHLY        | 2024-01-01 | 2024-02-29
            202402B        | BI_MONTHLY        | 2024-03-01 | 2024-04-30
            202406B        | BI_MONTHLY        | 2024-11-01 | 2024-12-31
            201002B        | BI_MONTHLY        | 2010-03-01 | 2010-04-30
            2024Q1         | QUARTERLY         | 2024-01-01 | 2024-03-31
            2024Q2         | QUARTERLY         | 2024-04-01 | 2024-06-30
            2024Q4         | QUARTERLY         | 2024-10-01 | 2024-12-31
            2024S1         | SIX_MONTHLY       | 2024-01-01 | 2024-06-30
            2024S2         | SIX_MONTHLY       | 2024-07-01 | 2024-12-31
            2024AprilS1    | SIX_MONTHLY_APRIL | 2024-04-01 | 2024-09-30
            2024AprilS2    | SIX_MONTHLY_APRIL | 2024-10-01 | 2025-03-31
            2024NovS1      | SIX_MONTHLY_NOV   | 2023-11-01 | 2024-04-30
            2024NovS2      | SIX_MONTHLY_NOV   | 2024-05-01 | 2024-10-31
            2024           | YEARLY            | 2024-01-01 | 2024-12-31
            2024April      | FINANCIAL_APRIL   | 2024-04-01 | 2025-03-31
            2024July       | FINANCIAL_JULY    | 2024-07-01 | 2025-06-30
            2024Oct        | FINANCIAL_OCT     | 2024-10-01 | 2025-09-30
            2024Nov        | FINANCIAL_NOV     | 2023-11-01 | 2024-10-31
            """)
    void parseGivesTypeAndInclusiveDates(String iso, PeriodType type, LocalDate start, LocalDate end) {
        Period period = Period.parse(iso);

        assertThat(period.type()).isEqualTo(type);
        assertThat(period.startDate()).isEqualTo(start);
        assertThat(period.endDate()).isEqualTo(end);
        assertThat(period.iso()).isEqualTo(iso);
        assertThat(period).hasToString(iso);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024W01    | 2024W1
            2024SunW09 | 2024SunW9
            2024BiW03  | 2024BiW3
            """)
    void parseAcceptsZeroPaddedWeeksAsDhis2DoesButWritesThemUnpadded(String input, String iso) {
        assertThat(Period.parse(input).iso()).isEqualTo(iso);
        assertThat(Period.parse(input)).isEqualTo(Period.parse(iso));
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # input      | reason
            2024W54      | WEEK_OUT_OF_RANGE
            2023W53      | WEEK_OUT_OF_RANGE
            2024W0       | WEEK_OUT_OF_RANGE
            2024SunW53   | WEEK_OUT_OF_RANGE
            2023SatW53   | WEEK_OUT_OF_RANGE
            2023BiW27    | BI_WEEK_OUT_OF_RANGE
            2024BiW0     | BI_WEEK_OUT_OF_RANGE
            2020BiW28    | BI_WEEK_OUT_OF_RANGE
            202413       | MONTH_OUT_OF_RANGE
            202400       | MONTH_OUT_OF_RANGE
            202407B      | BI_MONTH_OUT_OF_RANGE
            202400B      | BI_MONTH_OUT_OF_RANGE
            2024Q5       | QUARTER_OUT_OF_RANGE
            2024Q0       | QUARTER_OUT_OF_RANGE
            2024S3       | HALF_YEAR_OUT_OF_RANGE
            2024AprilS3  | HALF_YEAR_OUT_OF_RANGE
            2024NovS0    | HALF_YEAR_OUT_OF_RANGE
            20230229     | INVALID_DATE
            20240431     | INVALID_DATE
            20240100     | INVALID_DATE
            20241301     | MONTH_OUT_OF_RANGE
            0999         | YEAR_OUT_OF_RANGE
            0024W1       | YEAR_OUT_OF_RANGE
            garbage      | UNKNOWN_FORMAT
            ''           | EMPTY
            ' 2024'      | UNKNOWN_FORMAT
            '2024 '      | UNKNOWN_FORMAT
            2024w1       | UNKNOWN_FORMAT
            2024-03      | UNKNOWN_FORMAT
            2024-03-15   | UNKNOWN_FORMAT
            2024W100     | UNKNOWN_FORMAT
            2024Q10      | UNKNOWN_FORMAT
            2024Q        | UNKNOWN_FORMAT
            24Q1         | UNKNOWN_FORMAT
            2024April1   | UNKNOWN_FORMAT
            2024Apr      | UNKNOWN_FORMAT
            2024MonW1    | UNKNOWN_FORMAT
            ２０２４       | UNKNOWN_FORMAT
            """)
    void parseRejectsWithReason(String input, Reason reason) {
        PeriodFormatException e = catchThrowableOfType(PeriodFormatException.class, () -> Period.parse(input));

        assertThat(e).as("exception for '%s'", input).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.input()).isEqualTo(input);
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(Period.tryParse(input)).isEmpty();
    }

    @Test
    void rejectionMessageExplainsInEnglishAndNamesTheType() {
        PeriodFormatException e = catchThrowableOfType(PeriodFormatException.class, () -> Period.parse("2023W53"));

        assertThat(e.getMessage()).isEqualTo(
                "Invalid DHIS2 period '2023W53': week 53 must be between 1 and 52, the number of Weekly weeks in 2023");
        assertThat(e.periodType()).contains(PeriodType.WEEKLY);
    }

    @Test
    void unknownFormatHasNoPeriodType() {
        PeriodFormatException e = catchThrowableOfType(PeriodFormatException.class, () -> Period.parse("garbage"));

        assertThat(e.periodType()).isEmpty();
        assertThat(e.getMessage()).startsWith("Invalid DHIS2 period 'garbage': not a DHIS2 ISO period");
    }

    @Test
    void rejectionMessageShortensLongInput() {
        String longInput = "x".repeat(10_000);

        PeriodFormatException e = catchThrowableOfType(PeriodFormatException.class, () -> Period.parse(longInput));

        assertThat(e.getMessage()).hasSizeLessThan(200);
        assertThat(e.input()).isEqualTo(longInput);
    }

    @Test
    void tryParseGivesThePeriodOrEmpty() {
        assertThat(Period.tryParse("2024Q1")).contains(Period.parse("2024Q1"));
        assertThat(Period.tryParse("2024Q5")).isEmpty();
        assertThat(Period.tryParse(null)).isEmpty();
    }

    @Test
    void parseRejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> Period.parse(null));
    }
}
