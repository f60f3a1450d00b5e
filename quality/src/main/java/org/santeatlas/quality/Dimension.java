package org.santeatlas.quality;

/**
 * The dimensions of data quality, after the WHO Data Quality Review (DQR) toolkit's four domains
 * (completeness and timeliness, internal consistency, external consistency, consistency of population
 * data) and SantéAtlas's own geographic and registry checks.
 */
public enum Dimension {
    /** DQR domain 1: reports received against reports expected. */
    COMPLETENESS("completeness"),
    /** DQR domain 1: reports received on time. */
    TIMELINESS("timeliness"),
    /** DQR domain 1: expected values present, and zero values. */
    INDICATOR_COMPLETENESS("indicator-completeness"),
    /** DQR domain 2: extreme and moderate outliers. */
    OUTLIERS("outliers"),
    /** DQR domain 2: the current year against earlier years. */
    CONSISTENCY_OVER_TIME("consistency-over-time"),
    /** DQR domain 2: related indicators against each other. */
    INTERNAL_CONSISTENCY("internal-consistency"),
    /** DHIS2 validation rules. */
    VALIDATION_RULES("validation-rules"),
    /** DQR domain 3: routine data against surveys. */
    EXTERNAL_CONSISTENCY("external-consistency"),
    /** DQR domain 4: population and denominators. */
    POPULATION("population"),
    /** Facility locations and health-area polygons. */
    GEOGRAPHY("geography"),
    /** The master facility list against the SNIS org units. */
    REGISTRY("registry");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    /** The name in JSON, CSV and the CLI's {@code --checks}. */
    public String id() {
        return id;
    }
}
