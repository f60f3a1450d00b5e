package org.santeatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.santeatlas.reports.dqr.FindingText;

class ReportTextTest {

    private final ReportText fr = new ReportText(Locale.FRENCH);
    private final ReportText en = new ReportText(Locale.ENGLISH);

    @Test
    void frenchNumbersUseANarrowNoBreakSpaceAndADecimalComma() {
        assertThat(fr.format(1234567.891, 1)).isEqualTo("1\u202F234\u202F567,9");
        assertThat(fr.percent(0.8533, 1)).isEqualTo("85,3\u202F%");
        assertThat(en.format(1234567.891, 1)).isEqualTo("1,234,567.9");
        assertThat(en.percent(0.8533, 1)).isEqualTo("85.3%");
        assertThat(fr.percent(Double.NaN, 1)).isEqualTo("–");
        assertThat(fr.date(LocalDate.of(2026, 3, 1))).isEqualTo("1 mars 2026");
        assertThat(en.date(LocalDate.of(2026, 3, 1))).isEqualTo("March 1, 2026");
    }

    @Test
    void engineTextsKeepTheirDigitsAndTakeTheReadersSeparators() {
        assertThat(FindingText.value("4810", fr)).isEqualTo("4\u202F810");
        assertThat(FindingText.value("120–4800", en)).isEqualTo("120–4,800");
        assertThat(FindingText.value("85.3 %", fr)).isEqualTo("85,3\u202F%");
        assertThat(FindingText.value("≥ 90 %", en)).isEqualTo("≥ 90%");
        assertThat(FindingText.value("0.872", fr)).isEqualTo("0,872");
        // coordinates and UIDs are left alone
        assertThat(FindingText.value("15.478298, 8.036484", fr)).isEqualTo("15.478298, 8.036484");
        assertThat(FindingText.value("cvdJvJX1wQt", fr)).isEqualTo("cvdJvJX1wQt");
        assertThat(FindingText.range("168–268")).containsExactly(168, 268);
        assertThat(FindingText.range("≥ 90 %")[0]).isNaN();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryPatternParses() {
        assertThat(fr.keys()).containsExactlyInAnyOrderElementsOf(en.keys());
        for (String k : en.keys()) {
            new MessageFormat(fr.get(k));
            assertThat(en.get(k)).as(k).isNotBlank();
        }
    }
}
