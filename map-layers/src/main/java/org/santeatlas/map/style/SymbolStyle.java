package org.santeatlas.map.style;

import java.util.Objects;

/** A point symbol: shape, size (reference pixels across), fill and outline (null: none). */
public record SymbolStyle(SymbolShape shape, double size, Rgba fill, LineStyle outline) {

    public SymbolStyle {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(fill, "fill");
        if (!(size > 0)) {
            throw new IllegalArgumentException("symbol size must be positive: " + size);
        }
    }
}
