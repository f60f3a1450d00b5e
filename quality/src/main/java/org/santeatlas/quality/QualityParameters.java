package org.santeatlas.quality;

import java.util.Optional;

/**
 * Every threshold of the checks, with the published defaults. Sources: WHO, <i>Data Quality Review:
 * a toolkit for facility data quality assessment</i> (2017), Module 1 (framework and metrics) and the
 * WHO Data Quality Tool for DHIS2 (completeness 90 %, timeliness 75 %, extreme outliers |z| ≥ 3,
 * moderate 2 ≤ |z| < 3, modified z-score ≥ 3.5 and 5, consistency over time ±33 %, internal
 * consistency ±10 %, external consistency ±33 %); DHIS2 outlier detection (analytics
 * {@code /api/outlierDetection}: z-score or modified z-score, threshold 3.0).
 *
 * @param from, to   the periods looked at (DHIS2 ids, inclusive); empty: everything stored
 */
public record QualityParameters(Optional<String> from, Optional<String> to,
                                double completenessThreshold, double timelinessThreshold,
                                double zScoreExtreme, double zScoreModerate,
                                double modifiedZScoreExtreme, double modifiedZScoreModerate,
                                double dhis2OutlierThreshold,
                                double consistencyOverTime, double internalConsistency, double externalConsistency,
                                double locationToleranceMetres, double duplicateDistanceMetres,
                                double duplicateNameSimilarity) {

    /** The published defaults, every period. */
    public static final QualityParameters DEFAULTS = new QualityParameters(Optional.empty(), Optional.empty(),
            0.90, 0.75, 3.0, 2.0, 5.0, 3.5, 3.0, 0.33, 0.10, 0.33, 500, 1000, 0.85);

    public QualityParameters withPeriods(Optional<String> from, Optional<String> to) {
        return new QualityParameters(from, to, completenessThreshold, timelinessThreshold, zScoreExtreme,
                zScoreModerate, modifiedZScoreExtreme, modifiedZScoreModerate, dhis2OutlierThreshold,
                consistencyOverTime, internalConsistency, externalConsistency, locationToleranceMetres,
                duplicateDistanceMetres, duplicateNameSimilarity);
    }
}
