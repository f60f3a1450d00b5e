package org.santeatlas.importers.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Period names as DHIS2 downloads write them (English, French) and as people write quarters. */
class PeriodNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            202401                            | 202401
            2024Q1                            | 2024Q1
            January 2024                      | 202401
            Janvier 2024                      | 202401
            janvier 2024                      | 202401
            Jan 2024                          | 202401
            janv. 2024                        | 202401
            Février 2024                      | 202402
            août 2023                         | 202308
            December 2023                     | 202312
            Décembre 2023                     | 202312
            Sept 2024                         | 202409
            January - March 2024              | 2024Q1
            octobre - décembre 2024           | 2024Q4
            January - February 2024           | 202401B
            July - December 2024              | 2024S2
            January - December 2024           | 2024
            July 2023 - June 2024             | 2023July
            April 2023 - March 2024           | 2023April
            Q1 2024                           | 2024Q1
            T3 2024                           | 2024Q3
            2024 T2                           | 2024Q2
            Trimestre 4 2023                  | 2023Q4
            1er trimestre 2024                | 2024Q1
            S1 2024                           | 2024S1
            2e semestre 2024                  | 2024S2
            2024                              | 2024
            Week 5 2024-01-29 - 2024-02-04    | 2024W5
            Semaine 12 2024-03-18 - 2024-03-24 | 2024W12
            W1 2024                           | 2024W1
            """)
    void namesBecomeIsoPeriods(String name, String iso) {
        assertThat(PeriodNames.toIso(name)).contains(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Last 12 months", "Janvier", "Q5 2024", "February - April 2024", "13 2024", "hier",
        "January 2024 extra"})
    void otherTextIsNotAPeriod(String text) {
        assertThat(PeriodNames.toIso(text)).isEmpty();
    }
}
