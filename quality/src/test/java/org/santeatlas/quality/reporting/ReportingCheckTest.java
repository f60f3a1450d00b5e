package org.santeatlas.quality.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.TinyWorkspaceAccess;

/**
 * Completeness and timeliness on a hand-made district of four assigned facilities over January–June 2024
 * (data set timely within 15 days), counted by hand:
 * <pre>
 *   F1 open all along     6 expected, 6 received, 6 on time
 *   F2 open all along     6 expected, 3 received (March 5 days late), 2 on time; nothing from April on
 *   F3 opened 2024-03-01  4 expected (March–June), 2 received, 2 on time
 *   F4 closed 2024-04-30  4 expected (January–April), 4 received, 4 on time
 *   F5 open, in no data set
 *   total                20 expected, 15 received (75 %), 14 on time (93.3 % of received)
 * </pre>
 */
class ReportingCheckTest {

    @TempDir
    Path dir;
    TinyWorkspaceAccess.Built w;
    List<Finding> findings = new ArrayList<>();
    QualityContext context;

    @BeforeEach
    void build() throws Exception {
        w = TinyWorkspaceAccess.reportingDistrict(dir);
        context = w.context("202401", "202406");
        new ReportingCheck().run(context, findings::add);
    }

    @AfterEach
    void close() {
        w.close();
    }

    private List<Finding> of(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void everyMissingReportIsAFacilityFindingAndNothingIsExpectedOutsideOpeningDates() {
        assertThat(of(ReportingCheck.MISSING)).extracting(f -> f.orgUnit() + " " + f.period()).containsExactly(
                "FacilityF02 202404", "FacilityF02 202405", "FacilityF02 202406",
                "FacilityF03 202405", "FacilityF03 202406");
    }

    @Test
    void aReportRegisteredAfterTheTimelyDaysIsLateByTheDaysPastTheDeadline() {
        List<Finding> late = of(ReportingCheck.LATE);
        assertThat(late).hasSize(1);
        assertThat(late.get(0).orgUnit()).isEqualTo("FacilityF02");
        assertThat(late.get(0).period()).isEqualTo("202403");
        assertThat(late.get(0).score()).isEqualTo(5);
        assertThat(late.get(0).expected()).isEqualTo("≤ 2024-04-15");
    }

    @Test
    void threeMissingMonthsToTheEndAreAStopAndTwoAreNot() {
        List<Finding> stopped = of(ReportingCheck.INTERRUPTED);
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).orgUnit()).isEqualTo("FacilityF02");
        assertThat(stopped.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(stopped.get(0).period()).isEqualTo("202404");
        assertThat(stopped.get(0).messageKey()).isEqualTo("reporting.stopped");
    }

    @Test
    void completenessIsRolledUpToEveryLevelAboveTheFacilities() {
        List<Finding> c = of(ReportingCheck.COMPLETENESS);
        assertThat(c).extracting(Finding::orgUnit).containsExactlyInAnyOrder("AreaAAAAA01", "DistrictD01",
                "RegionRRR01", "CountryC001");
        assertThat(c).allSatisfy(f -> {
            assertThat(f.value()).isEqualTo("75.0 %");
            assertThat(f.period()).isEqualTo("2024");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(of(ReportingCheck.TIMELINESS)).isEmpty();
    }

    @Test
    void theScorecardCountsReceivedOverExpectedAndOnTimeOverReceived() throws Exception {
        Scorecard s = Scorecard.of(context.tallies(), context.metadata());
        assertThat(s.districts()).hasSize(1);
        assertThat(s.districts().get(0).score(Dimension.COMPLETENESS)).isEqualTo(15 / 20.0);
        assertThat(s.districts().get(0).score(Dimension.TIMELINESS)).isEqualTo(14 / 15.0);
        assertThat(s.districts().get(0).overall()).isEqualTo((15 / 20.0 + 14 / 15.0) / 2);
    }

    @Test
    void theExpectedCountItselfIsChecked() {
        assertThat(of(ReportingCheck.NO_DATA_SET)).extracting(Finding::orgUnit).containsExactly("FacilityF05");
        assertThat(of(ReportingCheck.CLOSED_ASSIGNED)).extracting(Finding::orgUnit).containsExactly("FacilityF04");
        assertThat(of(ReportingCheck.OPENED)).extracting(Finding::orgUnit).containsExactly("FacilityF03");
    }

    @Test
    void aDataSetAssignedToNoFacilityReportsNothing() {
        // DS "EmptySet001" has no org units: no finding names it, and the rates above only count "ReportSet01".
        assertThat(findings).noneMatch(f -> f.message().contains("EmptySet001"));
    }

    @Test
    void frenchMessagesSayTheSame() {
        Finding late = of(ReportingCheck.LATE).get(0);
        assertThat(new org.santeatlas.quality.QualityMessages(java.util.Locale.FRENCH).message(late))
                .isEqualTo("Facility 2 a envoyé le rapport « Set ReportSet01 » de 202403 le 2024-04-20,"
                        + " 5 jour(s) après la date limite (2024-04-15).");
    }
}
