package org.santeatlas.map.style;

/** How a polygon is painted: a fill (null: none) under an outline (null: none). */
public record AreaStyle(Rgba fill, LineStyle outline) {

    public static AreaStyle outline(LineStyle outline) {
        return new AreaStyle(null, outline);
    }

    public static AreaStyle filled(Rgba fill, LineStyle outline) {
        return new AreaStyle(fill, outline);
    }
}
