package org.santeatlas.map.theme;

/** How class breaks are chosen from the values. */
public enum ClassificationMethod {
    /** Classes of equal width between the minimum and the maximum. */
    EQUAL_INTERVALS,
    /** Classes holding (about) the same number of areas. */
    QUANTILES,
    /** Jenks natural breaks: least squared deviation within classes (Fisher's exact optimum). */
    JENKS,
    /** "Pretty" breaks: round limits, steps of 1, 2 or 5 × 10ⁿ, about as many classes as asked. */
    PRETTY,
    /** Classes one standard deviation wide, centred on the mean (the middle class holds the mean). */
    STANDARD_DEVIATION,
    /** Equal intervals of log₁₀: for skewed positive values (cases, populations); refused with zeros or negatives. */
    LOGARITHMIC,
    /** Classes of a DHIS2 legend set imported with the metadata (limits and colours as defined there). */
    LEGEND_SET
}
