package org.santeatlas.map.theme;

/** How class breaks are chosen from the values. */
public enum ClassificationMethod {
    /** Classes of equal width between the minimum and the maximum. */
    EQUAL_INTERVALS,
    /** Classes holding (about) the same number of areas. */
    QUANTILES,
    /** Jenks natural breaks: least squared deviation within classes (Fisher's exact optimum). */
    JENKS
}
