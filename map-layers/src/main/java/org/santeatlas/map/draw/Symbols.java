package org.santeatlas.map.draw;

import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.SymbolStyle;

/** The outlines of the point symbols, built from paths so that every painter draws them alike. */
public final class Symbols {

    private Symbols() {
    }

    static void paint(MapPainter p, double x, double y, SymbolStyle s) {
        double r = s.size() / 2;
        ScreenPath path = new ScreenPath();
        append(path, x, y, s);
        p.fillPath(path, s.fill());
        if (s.shape() == org.santeatlas.map.style.SymbolShape.HOSPITAL_CROSS) {
            double arm = r * 0.62;
            double half = Math.max(0.5, r * 0.2);
            ScreenPath cross = new ScreenPath()
                    .rect(x - half, y - arm, 2 * half, 2 * arm);
            cross.rect(x - arm, y - half, arm - half, 2 * half);
            cross.rect(x + half, y - half, arm - half, 2 * half);
            p.fillPath(cross, Rgba.WHITE);
        }
        if (s.outline() != null) {
            p.strokePath(path, s.outline());
        }
    }

    /**
     * Appends a symbol's outline to a path (every symbol of a shape wound the same way, so that many of them
     * filled at once with the non-zero rule overlap without holes). The hospital cross's white arms are not
     * part of it.
     */
    public static ScreenPath append(ScreenPath path, double x, double y, SymbolStyle s) {
        double r = s.size() / 2;
        switch (s.shape()) {
            case CIRCLE -> path.circle(x, y, r);
            case SQUARE, HOSPITAL_CROSS -> path.rect(x - r, y - r, 2 * r, 2 * r);
            case TRIANGLE -> {
                // Equilateral, centred on its centroid: the same visual weight as a circle of the same size.
                double h = r * 1.15;
                path.moveTo(x, y - h).lineTo(x + h * 0.866, y + h * 0.5).lineTo(x - h * 0.866, y + h * 0.5).close();
            }
            case DIAMOND -> path.moveTo(x, y - r * 1.2).lineTo(x + r * 1.2, y).lineTo(x, y + r * 1.2)
                    .lineTo(x - r * 1.2, y).close();
        }
        return path;
    }
}
