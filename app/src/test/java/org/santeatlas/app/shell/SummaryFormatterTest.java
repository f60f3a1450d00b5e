package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.WorkspaceSummary.Extent;
import org.santeatlas.core.workspace.WorkspaceSummary.PeriodRange;

class SummaryFormatterTest {

    private static final char NARROW_NBSP = '\u202f';
    private static final char NBSP = '\u00a0';

    private final SummaryFormatter french = new SummaryFormatter(Messages.forLocale(Locale.FRANCE));
    private final SummaryFormatter english = new SummaryFormatter(Messages.forLocale(Locale.UK));

    @Test
    void frenchCountsSeparateThousandsWithANarrowNoBreakSpace() {
        assertThat(french.count(1_234_567)).isEqualTo("1" + NARROW_NBSP + "234" + NARROW_NBSP + "567");
        assertThat(english.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(french.count(0)).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            202301    | 202512    | janvier 2023 – décembre 2025 | January 2023 – December 2025
            2023W1    | 2024Q4    | janvier 2023 – décembre 2024 | January 2023 – December 2024
            2022W52   | 2023      | décembre 2022 – décembre 2023 | December 2022 – December 2023
            2024BiW1  | 2024BiW2  | janvier 2024                 | January 2024
            """)
    void periodRangesAreShownAsMonthsInTheUserLanguage(String first, String last, String fr, String en) {
        Optional<PeriodRange> range = Optional.of(new PeriodRange(first, last));
        assertThat(french.periodRange(range)).isEqualTo(fr);
        assertThat(english.periodRange(range)).isEqualTo(en);
    }

    @Test
    void missingPeriodsAndExtentSaySoInsteadOfShowingNothing() {
        assertThat(french.periodRange(Optional.empty())).isEqualTo("Aucune valeur de données pour l’instant");
        assertThat(french.longitudes(Optional.empty())).isEqualTo("Aucune géométrie pour l’instant");
        assertThat(french.latitudes(Optional.empty())).isEmpty();
    }

    @Test
    void extentUsesDecimalCommaAndHemisphereLettersInFrench() {
        Optional<Extent> extent = Optional.of(new Extent(-3.25, -1.5, 15.125, 23.0));
        assertThat(french.longitudes(extent))
                .isEqualTo("Longitude" + NBSP + ": de 3,25°" + NBSP + "O à 15,12°" + NBSP + "E");
        assertThat(french.latitudes(extent))
                .isEqualTo("Latitude" + NBSP + ": de 1,50°" + NBSP + "S à 23,00°" + NBSP + "N");
        assertThat(english.longitudes(extent)).isEqualTo("Longitude: 3.25°" + NBSP + "W to 15.12°" + NBSP + "E");
    }
}
