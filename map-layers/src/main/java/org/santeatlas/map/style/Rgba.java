package org.santeatlas.map.style;

import java.util.Locale;

/** A colour, 8 bits per channel, straight (not premultiplied) alpha; shared by every painter and legend. */
public record Rgba(int red, int green, int blue, int alpha) {

    public static final Rgba BLACK = new Rgba(0, 0, 0, 255);
    public static final Rgba WHITE = new Rgba(255, 255, 255, 255);
    public static final Rgba TRANSPARENT = new Rgba(0, 0, 0, 0);

    public Rgba {
        for (int c : new int[] {red, green, blue, alpha}) {
            if (c < 0 || c > 255) {
                throw new IllegalArgumentException("colour channel out of 0..255: " + c);
            }
        }
    }

    /** {@code #rrggbb} or {@code #rrggbbaa}. */
    public static Rgba hex(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() != 6 && h.length() != 8) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        int r = Integer.parseInt(h.substring(0, 2), 16);
        int g = Integer.parseInt(h.substring(2, 4), 16);
        int b = Integer.parseInt(h.substring(4, 6), 16);
        int a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
        return new Rgba(r, g, b, a);
    }

    /** The same colour with another opacity, 0..1. */
    public Rgba withOpacity(double opacity) {
        return new Rgba(red, green, blue, (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255));
    }

    /** Opacity 0..1. */
    public double opacity() {
        return alpha / 255.0;
    }

    /** {@code #rrggbb}, plus {@code aa} when not opaque. */
    public String toHex() {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
        return alpha == 255 ? rgb : rgb + String.format(Locale.ROOT, "%02x", alpha);
    }
}
