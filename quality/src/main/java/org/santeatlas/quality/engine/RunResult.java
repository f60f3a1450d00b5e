package org.santeatlas.quality.engine;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.reporting.Scorecard;

/**
 * What a quality run found.
 *
 * @param runId     the QUALITY_RUN id when stored
 * @param checks    the ids of the checks that ran, in order
 * @param findings  every finding, in the order the checks reported them
 * @param scorecard district × dimension scores
 */
public record RunResult(OptionalInt runId, OffsetDateTime started, OffsetDateTime finished, List<String> checks,
                        QualityParameters parameters, List<Finding> findings, Scorecard scorecard) {

    public RunResult {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }
}
