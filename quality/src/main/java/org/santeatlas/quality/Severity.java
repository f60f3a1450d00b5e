package org.santeatlas.quality;

/** How much a finding can mislead a decision; the DQR's "extreme" is {@link #HIGH}, "moderate" {@link #MEDIUM}. */
public enum Severity {
    HIGH("high"), MEDIUM("medium"), LOW("low");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
