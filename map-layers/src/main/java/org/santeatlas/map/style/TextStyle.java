package org.santeatlas.map.style;

import java.util.Objects;

/**
 * How text is written: font size (reference pixels), weight, colour and a halo (a ring of {@code haloWidth}
 * pixels of {@code halo} colour around the glyphs, for legibility over a busy map; null or 0: none).
 * The font family is the painter's (DejaVu Sans where installed: it carries every French accent).
 */
public record TextStyle(double size, boolean bold, Rgba color, Rgba halo, double haloWidth) {

    public TextStyle {
        Objects.requireNonNull(color, "color");
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be positive: " + size);
        }
        if (halo == null) {
            haloWidth = 0;
        }
    }

    public static TextStyle plain(double size, Rgba color) {
        return new TextStyle(size, false, color, null, 0);
    }

    public TextStyle withHalo(Rgba haloColor, double width) {
        return new TextStyle(size, bold, color, haloColor, width);
    }

    public TextStyle asBold() {
        return new TextStyle(size, true, color, halo, haloWidth);
    }

    public boolean hasHalo() {
        return halo != null && haloWidth > 0;
    }
}
