package org.santeatlas.map.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.TextBounds;

/**
 * Greedy label placement: obstacles (symbols that must stay visible) reserved first, then candidates by
 * priority (highest first, then in the order given), each put in the first of its allowed positions whose box — text plus halo plus a small gap — overlaps no label placed
 * before and stays inside the screen; labels that find no room are left out. Boxes are kept in a coarse
 * grid so that each test looks at a few neighbours, not at every label.
 */
public final class LabelPlacer {

    /** Free pixels kept around every label box. */
    static final double GAP = 2;

    private static final double CELL = 64;

    private LabelPlacer() {
    }

    /** Places candidates on a screen of {@code width × height} pixels; text measured by the painter. */
    public static List<PlacedLabel> place(List<LabelCandidate> candidates, MapPainter measure, double width, double height) {
        return place(candidates, List.of(), measure, width, height);
    }

    /**
     * Places candidates around obstacles ({x, y, width, height} boxes no label may cover, e.g. symbols).
     */
    public static List<PlacedLabel> place(List<LabelCandidate> candidates, List<double[]> obstacles, MapPainter measure,
            double width, double height) {
        List<LabelCandidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparingInt(LabelCandidate::priority).reversed()); // stable: ties keep their order
        int cols = Math.max(1, (int) Math.ceil(width / CELL));
        int rows = Math.max(1, (int) Math.ceil(height / CELL));
        @SuppressWarnings("unchecked")
        List<PlacedLabel>[] grid = new List[cols * rows];
        List<PlacedLabel> placed = new ArrayList<>();
        for (double[] o : obstacles) {
            add(new PlacedLabel(null, "", 0, 0, o[0], o[1], o[2], o[3]), grid, cols, rows);
        }
        for (LabelCandidate c : order) {
            String text = c.text();
            TextBounds b = measure.measureText(text, c.style());
            if (c.maxWidthPx() > 0 && b.width() > c.maxWidthPx()) {
                text = c.shortText();
                b = measure.measureText(text, c.style());
                if (b.width() > c.maxWidthPx()) {
                    continue;
                }
            }
            double pad = c.style().haloWidth() + GAP;
            double w = b.width() + 2 * pad;
            double h = b.height() + 2 * pad;
            for (double[] at : positions(c, b)) {
                // at = baseline origin of the text
                PlacedLabel p = new PlacedLabel(c, text, at[0], at[1], at[0] - pad, at[1] - b.ascent() - pad, w, h);
                if (p.boxX() < 0 || p.boxY() < 0 || p.boxX() + w > width || p.boxY() + h > height) {
                    continue;
                }
                if (!collides(p, grid, cols, rows)) {
                    add(p, grid, cols, rows);
                    placed.add(p);
                    break;
                }
            }
        }
        return placed;
    }

    private static List<double[]> positions(LabelCandidate c, TextBounds b) {
        double half = b.height() / 2;
        // Baseline y that centres the text's box vertically on the anchor.
        double midBaseline = c.y() + b.ascent() - half;
        return switch (c.placement()) {
            // Centred; else just above or below the anchor, still over the area.
            case CENTER -> {
                // One whole box (text, halo, gaps) and a little more away: clear of a symbol at the anchor.
                double shift = b.height() + 2 * (c.style().haloWidth() + GAP) + 4;
                yield List.of(new double[] {c.x() - b.width() / 2, midBaseline},
                        new double[] {c.x() - b.width() / 2, midBaseline - shift},
                        new double[] {c.x() - b.width() / 2, midBaseline + shift});
            }
            case AROUND_POINT -> {
                double o = c.offsetPx();
                yield List.of(
                        new double[] {c.x() + o, midBaseline},
                        new double[] {c.x() - o - b.width(), midBaseline},
                        new double[] {c.x() - b.width() / 2, c.y() - o - b.descent()},
                        new double[] {c.x() - b.width() / 2, c.y() + o + b.ascent()});
            }
        };
    }

    private static boolean collides(PlacedLabel p, List<PlacedLabel>[] grid, int cols, int rows) {
        int x0 = clamp((int) (p.boxX() / CELL), cols);
        int x1 = clamp((int) ((p.boxX() + p.boxWidth()) / CELL), cols);
        int y0 = clamp((int) (p.boxY() / CELL), rows);
        int y1 = clamp((int) ((p.boxY() + p.boxHeight()) / CELL), rows);
        for (int gy = y0; gy <= y1; gy++) {
            for (int gx = x0; gx <= x1; gx++) {
                List<PlacedLabel> cell = grid[gy * cols + gx];
                if (cell != null) {
                    for (PlacedLabel q : cell) {
                        if (p.overlaps(q)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static void add(PlacedLabel p, List<PlacedLabel>[] grid, int cols, int rows) {
        int x0 = clamp((int) (p.boxX() / CELL), cols);
        int x1 = clamp((int) ((p.boxX() + p.boxWidth()) / CELL), cols);
        int y0 = clamp((int) (p.boxY() / CELL), rows);
        int y1 = clamp((int) ((p.boxY() + p.boxHeight()) / CELL), rows);
        for (int gy = y0; gy <= y1; gy++) {
            for (int gx = x0; gx <= x1; gx++) {
                int k = gy * cols + gx;
                if (grid[k] == null) {
                    grid[k] = new ArrayList<>(4);
                }
                grid[k].add(p);
            }
        }
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
