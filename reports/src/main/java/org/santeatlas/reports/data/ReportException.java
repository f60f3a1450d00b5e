package org.santeatlas.reports.data;

import java.util.List;

/**
 * A report request the workspace cannot answer: an unknown district or period (with the closest valid
 * choices), a workspace without districts, data or boundaries. {@code key} names the message in the CLI's and
 * the app's bundles ({@code report.unknownDistrict}, {@code report.unknownPeriod}, {@code report.noDistricts},
 * {@code report.noData}, {@code report.noBoundaries}).
 */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String typed;
    private final List<String> choices;

    public ReportException(String key, String typed, List<String> choices) {
        super(key + " " + typed + " " + choices);
        this.key = key;
        this.typed = typed;
        this.choices = List.copyOf(choices);
    }

    public String key() {
        return key;
    }

    public String typed() {
        return typed;
    }

    /** The closest valid choices, best first. */
    public List<String> choices() {
        return choices;
    }
}
