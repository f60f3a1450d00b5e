package org.santeatlas.quality;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.quality.consistency.IndicatorPair;

/**
 * Every threshold of the checks, with the published defaults. Sources: WHO, <i>Data Quality Review:
 * a toolkit for facility data quality assessment</i> (2017), Module 1 (framework and metrics) and the
 * WHO Data Quality Tool for DHIS2 (completeness 90 %, timeliness 75 %, extreme outliers |z| ≥ 3,
 * moderate 2 ≤ |z| < 3, modified z-score ≥ 3.5 and 5, consistency over time ±33 %, internal
 * consistency ±10 %, external consistency ±33 %); DHIS2 outlier detection (analytics
 * {@code /api/outlierDetection}: z-score or modified z-score, threshold 3.0).
 *
 * @param from, to   the periods looked at (DHIS2 ids, inclusive); empty: everything stored
 * @param indicatorCompletenessThreshold share of expected facility-months with a value below which a
 *        district × data element is flagged (WHO DQR metric 1c, "completeness of indicator data": 90 %)
 * @param interruptedMonths consecutive expected months without a report that make an interruption
 *        (SantéAtlas convention: a quarter, three months; the DQR counts such facilities but sets no number)
 * @param districtLevel the org-unit level of health districts, where the DQR's district metrics sit
 *        (SNIS trees: 1 country, 2 region, 3 district, 4 health area, 5 facility)
 * @param outlierMinValues the fewest values a series needs before its spread means anything (DHIS2's
 *        outlier detection has no minimum; with fewer than 6 monthly values one bad month decides the mean)
 * @param dhis2OutlierAlgorithm {@code Z_SCORE} (DHIS2's default) or {@code MOD_Z_SCORE}, as the
 *        {@code algorithm} parameter of DHIS2's {@code /api/outlierDetection}
 * @param seasonalExtreme, seasonalModerate thresholds of the seasonal method's robust score (the WHO
 *        tool's modified z-score thresholds, 5 and 3.5, applied to the seasonally adjusted series)
 * @param consistencyYears how many earlier years the current year is compared with (WHO DQR metric 2c:
 *        the mean of the three preceding years; fewer when the workspace holds fewer)
 * @param trendingCodes data element codes whose consistency over time uses a linear forecast from the
 *        earlier years instead of their mean (WHO DQR 2c, "indicators with a growing or falling trend")
 * @param indicatorPairs the related data elements compared by the internal-consistency checks
 * @param outlierHighRatio the seasonal method calls a value extreme (HIGH) only when it is also at least this
 *        many times above (or below) the expected value, and more than {@code seasonalExtreme} Poisson
 *        standard deviations (√expected) away from it: typing errors (an extra digit, a number typed twice)
 *        multiply a count by 10 or more, while a count's ordinary variation stays within a few √n and within a
 *        factor of 2 to 3 of the same month's usual level (SantéAtlas's rule, measured on the demo country)
 * @param indicatorZeroShareThreshold share of a district's values of a data element that may be zero before it
 *        is flagged (WHO DQR metric 1c, "completeness of indicator data", counts zero values beside missing
 *        ones against the same 90 % threshold: at most 10 % zeros), when zeros are not the norm for that data
 *        element in the other districts
 */
public record QualityParameters(Optional<String> from, Optional<String> to,
                                double completenessThreshold, double timelinessThreshold,
                                double zScoreExtreme, double zScoreModerate,
                                double modifiedZScoreExtreme, double modifiedZScoreModerate,
                                double dhis2OutlierThreshold,
                                double consistencyOverTime, double internalConsistency, double externalConsistency,
                                double locationToleranceMetres, double duplicateDistanceMetres,
                                double duplicateNameSimilarity,
                                double indicatorCompletenessThreshold, int interruptedMonths, int districtLevel,
                                int outlierMinValues, String dhis2OutlierAlgorithm,
                                double seasonalExtreme, double seasonalModerate,
                                int consistencyYears, List<String> trendingCodes,
                                List<IndicatorPair> indicatorPairs, double outlierHighRatio,
                                double indicatorZeroShareThreshold) {

    /** The published defaults, every period. */
    public static final QualityParameters DEFAULTS = new QualityParameters(Optional.empty(), Optional.empty(),
            0.90, 0.75, 3.0, 2.0, 5.0, 3.5, 3.0, 0.33, 0.10, 0.33, 500, 1000, 0.85,
            0.90, 3, 3, 6, "Z_SCORE", 5.0, 3.5, 3, List.of(), IndicatorPair.SNIS_DEFAULTS, 4.0, 0.10);

    public QualityParameters {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(dhis2OutlierAlgorithm);
        trendingCodes = List.copyOf(trendingCodes);
        indicatorPairs = List.copyOf(indicatorPairs);
    }

    /** The original fifteen thresholds; the others take their {@link #DEFAULTS}. */
    public QualityParameters(Optional<String> from, Optional<String> to,
                             double completenessThreshold, double timelinessThreshold,
                             double zScoreExtreme, double zScoreModerate,
                             double modifiedZScoreExtreme, double modifiedZScoreModerate,
                             double dhis2OutlierThreshold,
                             double consistencyOverTime, double internalConsistency, double externalConsistency,
                             double locationToleranceMetres, double duplicateDistanceMetres,
                             double duplicateNameSimilarity) {
        this(from, to, completenessThreshold, timelinessThreshold, zScoreExtreme, zScoreModerate,
                modifiedZScoreExtreme, modifiedZScoreModerate, dhis2OutlierThreshold, consistencyOverTime,
                internalConsistency, externalConsistency, locationToleranceMetres, duplicateDistanceMetres,
                duplicateNameSimilarity, DEFAULTS.indicatorCompletenessThreshold, DEFAULTS.interruptedMonths,
                DEFAULTS.districtLevel, DEFAULTS.outlierMinValues, DEFAULTS.dhis2OutlierAlgorithm,
                DEFAULTS.seasonalExtreme, DEFAULTS.seasonalModerate, DEFAULTS.consistencyYears,
                DEFAULTS.trendingCodes, DEFAULTS.indicatorPairs, DEFAULTS.outlierHighRatio,
                DEFAULTS.indicatorZeroShareThreshold);
    }

    public QualityParameters withPeriods(Optional<String> from, Optional<String> to) {
        return with(from, to, dhis2OutlierAlgorithm, trendingCodes, indicatorPairs);
    }

    /** The same thresholds with DHIS2's outlier profile using {@code algorithm} (Z_SCORE or MOD_Z_SCORE). */
    public QualityParameters withDhis2OutlierAlgorithm(String algorithm) {
        return with(from, to, algorithm, trendingCodes, indicatorPairs);
    }

    /** The same thresholds with these data element codes marked as trending. */
    public QualityParameters withTrendingCodes(List<String> codes) {
        return with(from, to, dhis2OutlierAlgorithm, codes, indicatorPairs);
    }

    /** The same thresholds with another list of related data elements. */
    public QualityParameters withIndicatorPairs(List<IndicatorPair> pairs) {
        return with(from, to, dhis2OutlierAlgorithm, trendingCodes, pairs);
    }

    /** The same thresholds with other consistency tolerances: over time and between related indicators. */
    public QualityParameters withConsistencyTolerances(double overTime, double internal) {
        return new QualityParameters(from, to, completenessThreshold, timelinessThreshold, zScoreExtreme,
                zScoreModerate, modifiedZScoreExtreme, modifiedZScoreModerate, dhis2OutlierThreshold,
                overTime, internal, externalConsistency, locationToleranceMetres,
                duplicateDistanceMetres, duplicateNameSimilarity, indicatorCompletenessThreshold,
                interruptedMonths, districtLevel, outlierMinValues, dhis2OutlierAlgorithm, seasonalExtreme,
                seasonalModerate, consistencyYears, trendingCodes, indicatorPairs, outlierHighRatio,
                indicatorZeroShareThreshold);
    }

    /** A copy with the components the {@code with…} methods change; every threshold kept. */
    private QualityParameters with(Optional<String> newFrom, Optional<String> newTo, String algorithm,
                                   List<String> codes, List<IndicatorPair> pairs) {
        return new QualityParameters(newFrom, newTo, completenessThreshold, timelinessThreshold, zScoreExtreme,
                zScoreModerate, modifiedZScoreExtreme, modifiedZScoreModerate, dhis2OutlierThreshold,
                consistencyOverTime, internalConsistency, externalConsistency, locationToleranceMetres,
                duplicateDistanceMetres, duplicateNameSimilarity, indicatorCompletenessThreshold,
                interruptedMonths, districtLevel, outlierMinValues, algorithm, seasonalExtreme,
                seasonalModerate, consistencyYears, codes, pairs, outlierHighRatio, indicatorZeroShareThreshold);
    }
}
