package org.santeatlas.map.print;

import org.santeatlas.map.MapMessages;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.TextBounds;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/**
 * A scale bar true at the latitude of the map's centre: Web Mercator enlarges distances by 1 / cos φ, so
 * a screen pixel covers {@code resolution × cos φ} metres of ground there (≈ 3 % less at 14° N than the
 * projected metre says; 50 % less at 60°). Its length is a round number (1, 2 or 5 × 10ⁿ metres) no longer
 * than the space given.
 */
public final class ScaleBar {

    static final TextStyle LABEL = TextStyle.plain(10, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 2);

    /** A chosen bar: ground length (metres) and its length on screen (pixels). */
    public record Length(double metres, double pixels) {}

    private ScaleBar() {
    }

    /** The longest round ground length whose bar fits in {@code maxPixels} at {@code groundMetresPerPixel}. */
    public static Length choose(double groundMetresPerPixel, double maxPixels) {
        double maxMetres = groundMetresPerPixel * maxPixels;
        double magnitude = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        double best = magnitude;
        for (double step : new double[] {1, 2, 5}) {
            if (step * magnitude <= maxMetres) {
                best = step * magnitude;
            }
        }
        return new Length(best, best / groundMetresPerPixel);
    }

    /** Ground metres per pixel at the centre of the viewport. */
    public static double groundMetresPerPixel(Viewport v) {
        return v.groundResolution(v.centerLatitude());
    }

    /** "50 km", "500 m": kilometres from 1 km up. */
    public static String label(double metres, MapMessages m) {
        return metres >= 1000 ? m.get("scale.km", m.number(metres / 1000, 1)) : m.get("scale.m", m.number(metres, 0));
    }

    /** Paints a two-segment bar with its bottom-left corner at (x, y); returns the bar's length in pixels. */
    public static double paint(MapPainter p, Viewport v, double x, double y, double maxPixels, MapMessages m) {
        Length len = choose(groundMetresPerPixel(v), maxPixels);
        double h = 5;
        double half = len.pixels() / 2;
        p.fillRect(x - 1, y - h - 1, len.pixels() + 2, h + 2, Rgba.WHITE.withOpacity(0.8));
        p.fillRect(x, y - h, half, h, Rgba.hex("#252525"));
        p.fillRect(x + half, y - h, half, h, Rgba.WHITE);
        p.strokeRect(x, y - h, len.pixels(), h, LineStyle.solid(Rgba.hex("#252525"), 0.8));
        String zero = "0";
        String end = label(len.metres(), m);
        TextBounds zb = p.measureText(zero, LABEL);
        TextBounds eb = p.measureText(end, LABEL);
        p.drawText(zero, x - zb.width() / 2, y - h - 4, LABEL);
        p.drawText(end, x + len.pixels() - eb.width() / 2, y - h - 4, LABEL);
        return len.pixels();
    }
}
