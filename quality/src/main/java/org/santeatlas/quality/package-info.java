/**
 * Data-quality checks after the WHO Data Quality Review and DHIS2: each {@link org.santeatlas.quality.QualityCheck}
 * reads a workspace and reports {@link org.santeatlas.quality.Finding}s of one
 * {@link org.santeatlas.quality.Dimension}. Sub-packages hold the checks of each family.
 */
package org.santeatlas.quality;
