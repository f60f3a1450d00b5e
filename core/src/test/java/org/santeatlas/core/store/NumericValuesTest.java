package org.santeatlas.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericValuesTest {

    /** A value's text is kept only when the number would not give it back exactly. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            104        | 104.0   | true
            0          | 0.0     | true
            -3         | -3.0    | true
            007        | 7.0     | false
            -0         | 0.0     | false
            2.5        | 2.5     | false
            1e3        | 1000.0  | false
            125125     | 125125  | true
            999999999999999 | 999999999999999 | true
            true       | NaN     | false
            ''         | NaN     | false
            """)
    void parsesAndKnowsWhichTextsItCanGiveBack(String text, double number, boolean canonical) {
        double parsed = NumericValues.parse(text);
        assertThat(Double.valueOf(parsed)).isEqualTo(Double.valueOf(number));
        assertThat(NumericValues.isCanonical(text, parsed)).isEqualTo(canonical);
        assertThat(NumericValues.text(canonical ? null : text, parsed)).isEqualTo(text);
    }
}
