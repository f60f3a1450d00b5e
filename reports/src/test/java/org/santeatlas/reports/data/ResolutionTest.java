package org.santeatlas.reports.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.workspace.WorkspaceSummary;

class ResolutionTest {

    private static final Optional<WorkspaceSummary.PeriodRange> RANGE =
            Optional.of(new WorkspaceSummary.PeriodRange("202301", "202512"));

    @Test
    void periodsAreYearsQuartersOrMonthsInsideTheData() {
        assertThat(ReportPeriod.resolve(null, RANGE).iso()).isEqualTo("2025");
        assertThat(ReportPeriod.resolve("2024Q3", RANGE).type()).isEqualTo(PeriodType.QUARTERLY);
        assertThat(ReportPeriod.resolve("2025-03", RANGE).iso()).isEqualTo("202503");
        assertThat(ReportPeriod.resolve("202503", RANGE).iso()).isEqualTo("202503");
        assertThatThrownBy(() -> ReportPeriod.resolve("2027", RANGE)).isInstanceOfSatisfying(ReportException.class,
                e -> {
                    assertThat(e.key()).isEqualTo("report.unknownPeriod");
                    assertThat(e.choices()).startsWith("2025", "2024", "2023");
                });
        assertThatThrownBy(() -> ReportPeriod.resolve("2022Q4", RANGE)).isInstanceOfSatisfying(ReportException.class,
                e -> assertThat(e.choices()).first().isEqualTo("2023Q1"));
        assertThatThrownBy(() -> ReportPeriod.resolve("soon", RANGE)).isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> ReportPeriod.resolve("2025", Optional.empty()))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.key()).isEqualTo("report.noData"));
    }

    @Test
    void closestChoicesPutTheLikelyMeaningFirst() {
        List<String> districts = List.of("District sanitaire de Belgou", "District sanitaire de Belsé",
                "District sanitaire de Bodo", "District sanitaire de Siza");
        assertThat(Choices.closest("Belgu", districts, 2)).containsExactly("District sanitaire de Belgou",
                "District sanitaire de Belsé");
        assertThat(Choices.closest("siza", districts, 1)).containsExactly("District sanitaire de Siza");
    }
}
