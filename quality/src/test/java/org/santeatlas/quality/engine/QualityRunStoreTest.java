package org.santeatlas.quality.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Findings;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;

/** Findings saved in blocks (V11) read back field for field, with runs saved one row per finding before V11. */
class QualityRunStoreTest {

    @TempDir
    Path dir;

    @Test
    void blocksKeepEveryFieldAndArgumentTypeAndIdsFollowTheRowsOfAnOlderRun() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("store"))) {
            // A run saved before V11 (as QualityRunStore saved it then): one row per finding, ids 1 and 2, which
            // stay what they were.
            int old;
            try (Statement st = ws.connection().createStatement()) {
                st.executeUpdate("INSERT INTO QUALITY_RUN(STARTED, CHECKS, PARAMETERS, FINDING_COUNT)"
                        + " VALUES (TIMESTAMP WITH TIME ZONE '2026-01-05 10:00:00+00', 'reporting', '{}', 2)");
                var rs = st.executeQuery("SELECT MAX(ID) FROM QUALITY_RUN");
                rs.next();
                old = rs.getInt(1);
                st.executeUpdate("INSERT INTO QUALITY_FINDING(RUN_ID, CHECK_ID, DIMENSION, SEVERITY, ORG_UNIT_UID,"
                        + " PERIOD, OBSERVED, EXPECTED, SCORE, METHOD, MESSAGE_KEY, MESSAGE_ARGS, MESSAGE) VALUES"
                        + " (" + old + ", 'missing-report', 'completeness', 'low', 'CsiAlpha001', '202401', NULL,"
                        + " NULL, 0, 'm', 'reporting.missing', '[]', 'old message 1'),"
                        + " (" + old + ", 'late-report', 'timeliness', 'low', 'CsiAlpha001', '202402', '20', '≤ 15',"
                        + " 5, 'm', 'reporting.late', '[]', 'old message 2')");
            }
            List<Finding> findings = new ArrayList<>();
            findings.add(Findings.of("outlier-seasonal", Dimension.OUTLIERS, Severity.HIGH, "CsiAlpha001",
                    "DeConsult01", "HllvX50cXC0", "202403", "4810", "120–480", 12.5, "seasonal modified z-score 9.1",
                    "outlier.high.extraDigit", 4810.0, 481.0, 10.0, "Consultations", "CSI Alpha", "202403", 120.0,
                    480.0));
            findings.add(new Finding("geo-area-gap", Dimension.GEOGRAPHY, Severity.MEDIUM, "AireSante01", null,
                    null, null, null, null, Double.NaN, "m", null, List.of(), "a message given as text"));
            findings.add(new Finding("validation-rule", Dimension.VALIDATION_RULES, Severity.LOW, "CsiAlpha001",
                    null, null, "2024Q1", "5", "≤ 3", 0.5, "rule", "validation.violation",
                    List.of("Règle", "gauche", 5, 7L, true, "≤", "droite"), "given"));
            // More than one block: 4 096 per block.
            for (int i = 0; i < 5000; i++) {
                findings.add(Findings.of("missing-report", Dimension.COMPLETENESS, Severity.LOW, "Csi" + (i % 7),
                        null, null, "2024" + (i % 12 + 10), null, null, 0, "registration", "reporting.missing",
                        "Set", "CSI " + (i % 7), "2024" + (i % 12 + 10)));
            }
            QualityRunStore store = new QualityRunStore(ws.connection());
            int run = store.save(OffsetDateTime.now(), OffsetDateTime.now(), List.of("all"), QualityParameters.DEFAULTS,
                    findings);

            List<QualityRunStore.StoredFinding> back = store.findings(run);
            assertThat(back).extracting(QualityRunStore.StoredFinding::finding).isEqualTo(findings);
            assertThat(back.get(0).id()).isEqualTo(3);
            assertThat(back.get(back.size() - 1).id()).isEqualTo(2 + findings.size());
            assertThat(back.get(0).finding().message()).isEqualTo(findings.get(0).message())
                    .startsWith("The value 4,810 of Consultations");
            assertThat(back.get(1).finding().score()).isNaN();
            assertThat(back.get(2).finding().messageArgs()).containsExactly("Règle", "gauche", 5, 7L, true, "≤",
                    "droite");
            assertThat(ws.connection().createStatement().executeQuery("SELECT COUNT(*) FROM QUALITY_FINDING_BLOCK"
                    + " WHERE RUN_ID = " + run)).satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(2);
                    });

            // The older run reads as before.
            assertThat(store.findings(old)).extracting(s -> s.id() + " " + s.finding().message())
                    .containsExactly("1 old message 1", "2 old message 2");

            // Follow-up marks on either form, listed by id.
            assertThat(store.markFollowUp(List.of(2L, 3L, 5002L, 999_999L), true)).isEqualTo(3);
            assertThat(store.followUps()).extracting(s -> s.id() + " " + s.finding().check() + " " + s.followUp())
                    .containsExactly("2 late-report true", "3 outlier-seasonal true", "5002 missing-report true");
            assertThat(store.findings(run).get(0).followUp()).isTrue();
            assertThat(store.markFollowUp(List.of(3L), false)).isEqualTo(1);
            assertThat(store.followUps()).extracting(QualityRunStore.StoredFinding::id).containsExactly(2L, 5002L);

            // A later run's ids follow on.
            int next = store.save(OffsetDateTime.now(), OffsetDateTime.now(), List.of("all"), QualityParameters.DEFAULTS,
                    findings.subList(0, 2));
            assertThat(store.findings(next)).extracting(QualityRunStore.StoredFinding::id)
                    .containsExactly(3L + findings.size(), 4L + findings.size());
        }
    }
}
