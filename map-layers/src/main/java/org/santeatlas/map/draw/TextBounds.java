package org.santeatlas.map.draw;

/** The size of a line of text in pixels: advance width, and ascent and descent from the baseline. */
public record TextBounds(double width, double ascent, double descent) {

    public double height() {
        return ascent + descent;
    }
}
