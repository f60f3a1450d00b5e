package org.santeatlas.quality.outliers;

/** The outlier methods, each a check of its own ({@code --checks outlier-seasonal,…}). */
public enum OutlierMethod {
    /**
     * Standard z-score on the series: extreme |z| ≥ 3, moderate ≥ 2 (WHO Data Quality Review toolkit
     * 2017, metric 2a; WHO Data Quality Tool defaults).
     */
    Z_SCORE("outlier-zscore", "z-score"),
    /**
     * Modified z-score 0.6745 · (x − median) / MAD: extreme ≥ 5, moderate ≥ 3.5 (WHO Data Quality Tool), with
     * the mean-absolute-deviation fallback when MAD = 0.
     */
    MODIFIED_Z_SCORE("outlier-modified-zscore", "modified z-score"),
    /**
     * DHIS2's outlier detection ({@code /api/outlierDetection}) with its defaults: algorithm Z_SCORE (or
     * MOD_Z_SCORE), threshold 3.0, series whose spread is 0 left out (DHIS2 skips them).
     */
    DHIS2("outlier-dhis2", "DHIS2 outlier detection"),
    /**
     * Seasonal: a month against the same calendar month (± 1 month) of the other years, then the modified
     * z-score of those seasonal log-ratios; a rainy-season malaria peak that recurs every year is not
     * flagged (the DQR toolkit asks that seasonality be taken into account for outliers of seasonal
     * indicators such as malaria).
     */
    SEASONAL("outlier-seasonal", "seasonal modified z-score"),
    /**
     * DHIS2 min-max values (MinMaxDataElement, imported from the metadata's {@code minMaxDataElements}): a value
     * below the minimum or above the maximum set for its org unit, data element and option combo, as DHIS2's
     * data entry and min-max outlier analysis flag it (DHIS2 user documentation, "Data quality": min-max
     * outlier analysis). Series with no bounds are not judged.
     */
    MIN_MAX("outlier-min-max", "minMax");

    private final String checkId;
    private final String label;

    OutlierMethod(String checkId, String label) {
        this.checkId = checkId;
        this.label = label;
    }

    public String checkId() {
        return checkId;
    }

    /** English name, for {@link org.santeatlas.quality.Finding#method()}. */
    public String label() {
        return label;
    }
}
