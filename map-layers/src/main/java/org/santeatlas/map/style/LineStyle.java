package org.santeatlas.map.style;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a line is stroked: colour, width and an optional dash pattern, in reference pixels (1/96 inch; the
 * print path scales them to its DPI). Round joins and caps: boundaries meet cleanly at any angle.
 */
public record LineStyle(Rgba color, double width, double[] dash) {

    public LineStyle {
        Objects.requireNonNull(color, "color");
        if (!(width > 0)) {
            throw new IllegalArgumentException("line width must be positive: " + width);
        }
        dash = dash == null || dash.length == 0 ? null : dash.clone();
    }

    public static LineStyle solid(Rgba color, double width) {
        return new LineStyle(color, width, null);
    }

    public static LineStyle dashed(Rgba color, double width, double... dash) {
        return new LineStyle(color, width, dash);
    }

    /** The dash pattern (on, off, … in reference pixels), or null for a solid line. */
    @Override
    public double[] dash() {
        return dash == null ? null : dash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineStyle l && l.color.equals(color) && l.width == width && Arrays.equals(l.dash, dash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(color, width, Arrays.hashCode(dash));
    }

    @Override
    public String toString() {
        return "LineStyle[" + color.toHex() + " " + width + (dash == null ? "" : " dash " + Arrays.toString(dash)) + "]";
    }
}
