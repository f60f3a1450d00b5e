package org.santeatlas.reports.pdf;

/** Portrait pages for text and tables, landscape for maps and wide charts. */
public enum Orientation {
    PORTRAIT, LANDSCAPE
}
