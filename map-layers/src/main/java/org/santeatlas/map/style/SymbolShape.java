package org.santeatlas.map.style;

/** The shapes of point symbols; each painter draws them from the same outline (draw.Symbols). */
public enum SymbolShape {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND,
    /** A square with a white cross: the usual mark of a hospital. */
    HOSPITAL_CROSS
}
