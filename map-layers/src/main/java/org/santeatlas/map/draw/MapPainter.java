package org.santeatlas.map.draw;

import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.SymbolStyle;
import org.santeatlas.map.style.TextStyle;

/**
 * The small drawing interface every layer, legend and print furniture paints through, so that the screen
 * (JavaFX canvas, in {@code app}) and paper (Java2D: PNG now, SVG and PDF through their Graphics2D
 * implementations) share one painting path. Coordinates are pixels, y down, after the current
 * {@link #translate translation}; sizes in styles are reference pixels (the print path scales the whole
 * painter to its DPI).
 *
 * <p>A painter is used by one thread at a time: the JavaFX one on the FX thread, a Java2D one on the
 * thread that owns its image.
 */
public interface MapPainter {

    /** Pushes the translation, clip and opacity; {@link #restore()} pops them. */
    void save();

    void restore();

    void translate(double dx, double dy);

    /** Intersects the clip with a path (even-odd rule). */
    void clipPath(ScreenPath path);

    /** Multiplies the opacity of everything painted until {@link #restore()} (0..1, of the current one). */
    void multiplyOpacity(double opacity);

    /** Fills a path, even-odd rule. */
    void fillPath(ScreenPath path, Rgba fill);

    /**
     * Fills a path with the non-zero rule: its closed subpaths, wound alike, are united where they overlap
     * (many symbols filled in one call). This default fills each subpath on its own, which is the same;
     * painters override it with one native call.
     */
    default void fillPathNonZero(ScreenPath path, Rgba fill) {
        ScreenPath one = new ScreenPath();
        for (int i = 0; i < path.size(); i++) {
            if (path.op(i) == ScreenPath.MOVE && !one.isEmpty()) {
                fillPath(one, fill);
                one.clear();
            }
            switch (path.op(i)) {
                case ScreenPath.MOVE -> one.moveTo(path.x(i), path.y(i));
                case ScreenPath.LINE -> one.lineTo(path.x(i), path.y(i));
                default -> one.close();
            }
        }
        if (!one.isEmpty()) {
            fillPath(one, fill);
        }
    }

    /** Strokes a path with round joins and caps. */
    void strokePath(ScreenPath path, LineStyle line);

    /** Writes one line of text, its baseline starting at (x, y), with the style's halo behind it. */
    void drawText(String text, double x, double y, TextStyle style);

    /** The size the text would take with this style (halo not included). */
    TextBounds measureText(String text, TextStyle style);

    // ---- shared on top of the primitives: written once for every painter ---------------------

    /** Intersects the clip with a rectangle. */
    default void clipRect(double x, double y, double width, double height) {
        clipPath(new ScreenPath().rect(x, y, width, height));
    }

    default void fillRect(double x, double y, double w, double h, Rgba fill) {
        fillPath(new ScreenPath().rect(x, y, w, h), fill);
    }

    default void strokeRect(double x, double y, double w, double h, LineStyle line) {
        strokePath(new ScreenPath().rect(x, y, w, h), line);
    }

    default void drawLine(double x1, double y1, double x2, double y2, LineStyle line) {
        strokePath(new ScreenPath().moveTo(x1, y1).lineTo(x2, y2), line);
    }

    /** A point symbol centred on (x, y). */
    default void drawSymbol(double x, double y, SymbolStyle symbol) {
        Symbols.paint(this, x, y, symbol);
    }

    /**
     * Many symbols of one style, centred on (xy[2k], xy[2k + 1]) for k below {@code count}, painted in that
     * order. By default one fill and one outline of all their shapes (overlaps united, outlines on top);
     * a raster painter may stamp a pre-drawn image of the symbol instead.
     */
    default void drawSymbols(double[] xy, int count, SymbolStyle symbol) {
        if (count == 1 || symbol.shape() == org.santeatlas.map.style.SymbolShape.HOSPITAL_CROSS) {
            for (int k = 0; k < count; k++) {
                drawSymbol(xy[2 * k], xy[2 * k + 1], symbol);
            }
            return;
        }
        ScreenPath batch = new ScreenPath();
        for (int k = 0; k < count; k++) {
            Symbols.append(batch, xy[2 * k], xy[2 * k + 1], symbol);
        }
        fillPathNonZero(batch, symbol.fill());
        if (symbol.outline() != null) {
            strokePath(batch, symbol.outline());
        }
    }
}
