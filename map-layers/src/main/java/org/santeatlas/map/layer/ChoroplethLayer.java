package org.santeatlas.map.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.ScreenPath;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.theme.Classification;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Classifier;
import org.santeatlas.map.theme.Palette;
import org.santeatlas.map.view.Viewport;

/**
 * A thematic (choropleth) map: each area filled with the colour of its value's class; areas without a
 * value get the "no data" style — hatched grey, so that it never reads as the lowest class. The legend
 * lists each class with its limits and how many areas it holds, then "no data" and its count.
 */
public final class ChoroplethLayer implements Layer {

    /** Light grey, distinct from every sequential palette's lightest colour. */
    public static final Rgba NO_DATA_FILL = Rgba.hex("#d9d9d9");

    private static final LineStyle NO_DATA_HATCH = LineStyle.solid(Rgba.hex("#969696"), 0.6);

    private final String id;
    private final String title;
    private final FeatureSet areas;
    private final double[] values;
    private final Classification classification;
    private final List<Rgba> colors;
    private final LineStyle outline;
    private final TextStyle labels;
    private final int decimals;
    private final AreaLabels areaLabels;
    private final List<String> classNames;
    private final String methodNote;

    /**
     * @param values one per area, NaN for "no data"
     * @param colors one per class
     * @param outline the areas' outline, or null
     * @param labels label style for area names, or null
     * @param decimals decimals shown in the legend's limits
     */
    public ChoroplethLayer(String id, String title, FeatureSet areas, double[] values, Classification classification,
            List<Rgba> colors, LineStyle outline, TextStyle labels, int decimals) {
        this(id, title, areas, values, classification, colors, outline, labels, decimals, null, null);
    }

    /**
     * @param classNames a name per class shown before its limits (a DHIS2 legend's "Faible"), or null
     * @param methodNote the legend's line saying how classes were made, replacing the method's, or null
     */
    public ChoroplethLayer(String id, String title, FeatureSet areas, double[] values, Classification classification,
            List<Rgba> colors, LineStyle outline, TextStyle labels, int decimals, List<String> classNames,
            String methodNote) {
        if (classNames != null && classNames.size() != classification.classCount()) {
            throw new IllegalArgumentException(classNames.size() + " names for " + classification.classCount() + " classes");
        }
        this.classNames = classNames == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(classNames));
        this.methodNote = methodNote;
        if (values.length != areas.size()) {
            throw new IllegalArgumentException(values.length + " values for " + areas.size() + " areas");
        }
        if (colors.size() != classification.classCount()) {
            throw new IllegalArgumentException(colors.size() + " colours for " + classification.classCount() + " classes");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.areas = areas;
        this.values = values.clone();
        this.classification = classification;
        this.colors = List.copyOf(colors);
        this.outline = outline;
        this.labels = labels;
        this.decimals = decimals;
        this.areaLabels = new AreaLabels(areas);
    }

    /**
     * Classifies the values and colours them with a palette. When no area has a value, every area is
     * "no data" and the legend says so.
     */
    public static ChoroplethLayer classify(String id, String title, FeatureSet areas, double[] values,
            ClassificationMethod method, int classes, Palette palette, LineStyle outline, TextStyle labels) {
        boolean any = false;
        boolean integers = true;
        for (double v : values) {
            if (Double.isFinite(v)) {
                any = true;
                integers &= v == Math.rint(v);
            }
        }
        Classification c = any ? Classifier.classify(values, method, classes)
                : new Classification(method, new double[] {0, 0});
        return new ChoroplethLayer(id, title, areas, values, c, palette.colors(c.classCount()), outline, labels,
                decimalsFor(integers, c));
    }

    /**
     * Decimals for legend limits: none for counts whose limits are whole, one for counts with computed
     * limits (logarithmic, standard deviations: "31,6"), two for measured rates.
     */
    public static int decimalsFor(boolean integerValues, Classification c) {
        if (!integerValues) {
            return 2;
        }
        for (double l : c.limits()) {
            if (l != Math.rint(l)) {
                return 1;
            }
        }
        return 0;
    }

    /** The values are whole numbers (every finite one). */
    public static boolean integers(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same classes, colours and styles for other values of other areas (a small-multiples panel classed
     * like its neighbours); area labels off.
     */
    public ChoroplethLayer forValues(FeatureSet otherAreas, double[] otherValues, int legendDecimals) {
        return new ChoroplethLayer(id, title, otherAreas, otherValues, classification, colors, outline, null,
                legendDecimals, classNames, methodNote);
    }

    @Override
    public String id() {
        return id;
    }

    public Classification classification() {
        return classification;
    }

    /** The fill of area i: its class's colour, or the no-data grey. */
    public Rgba fillOf(int i) {
        int c = classification.classOf(values[i]);
        return c < 0 ? NO_DATA_FILL : colors.get(c);
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        ScreenPath path = new ScreenPath();
        ScreenPath outlines = new ScreenPath();
        ScreenPath hatch = new ScreenPath();
        // Areas do not overlap, so the areas of one class fill in one call (national: 5 calls instead of
        // 1,600), which also removes the anti-aliasing seams between neighbours of one class. An area with
        // holes is filled alone: an enclave filling its hole must not cancel it in a shared even-odd path.
        ScreenPath[] byClass = new ScreenPath[classification.classCount()];
        int[] visible = areas.visible(v, 2);
        // Most of the set on screen (a national or regional view): each class is filled from its areas'
        // rings with every border shared by two areas of the class left out — the same even-odd fill (an
        // edge met twice changes no parity), without rasterising the borders inside a class.
        double[][][] dissolved = 2 * visible.length > areas.size() ? dissolved(ctx) : null;
        if (dissolved != null) {
            for (int c = 0; c < byClass.length; c++) {
                ScreenPath p = new ScreenPath();
                for (double[] ring : dissolved[c]) {
                    p.moveTo(v.screenX(ring[0]), v.screenY(ring[1]));
                    for (int k = 2; k < ring.length; k += 2) {
                        p.lineTo(v.screenX(ring[k]), v.screenY(ring[k + 1]));
                    }
                    p.close();
                }
                painter.fillPath(p, colors.get(c));
            }
        }
        for (int i : visible) {
            org.locationtech.jts.geom.Geometry g = areas.geometry(i, ctx.detailResolution());
            int c = classification.classOf(values[i]);
            if (dissolved != null && c >= 0 && !hasHoles(g)) {
                // filled above
            } else if (c >= 0 && !hasHoles(g)) {
                if (byClass[c] == null) {
                    byClass[c] = new ScreenPath();
                }
                byClass[c].append(g, v);
            } else {
                path.clear().append(g, v);
                painter.fillPath(path, fillOf(i));
                if (Double.isNaN(values[i])) {
                    hatch(painter, path, areas.get(i).world().getEnvelopeInternal(), v, hatch);
                }
            }
            if (outline != null) {
                // Solid outlines: each shared border once (a dash pattern keeps its phase along whole rings).
                outlines.append(outline.dash() == null ? areas.borders(i, ctx.detailResolution()) : g, v);
            }
        }
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c] != null) {
                painter.fillPath(byClass[c], colors.get(c));
            }
        }
        if (outline != null) {
            painter.strokePath(outlines, outline);
        }
    }

    /**
     * Per class, the closed rings left of its hole-free areas' rings (simplified for the level) once every
     * segment that two of them share is dropped, as world x, y arrays; per simplification level, on first
     * use. Dropping a segment met twice keeps every vertex of even degree, so the rest walks into closed
     * rings, and keeps the even-odd fill of the class unchanged. Areas with holes are filled alone.
     */
    private double[][][] dissolved(RenderContext ctx) {
        int level = FeatureSet.levelFor(ctx.detailResolution());
        if (!areas.levelOfDetail()) {
            return null;
        }
        return dissolvedByLevel.computeIfAbsent(level, l -> {
            double[][][] out = new double[classification.classCount()][][];
            for (int c = 0; c < out.length; c++) {
                java.util.Map<Edge, Boolean> edges = new java.util.LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    if (classification.classOf(values[i]) != c) {
                        continue;
                    }
                    org.locationtech.jts.geom.Geometry g = areas.geometry(i, ctx.detailResolution());
                    if (hasHoles(g)) {
                        continue;
                    }
                    for (int k = 0; k < g.getNumGeometries(); k++) {
                        if (g.getGeometryN(k) instanceof org.locationtech.jts.geom.Polygon p) {
                            org.locationtech.jts.geom.Coordinate[] cs = p.getExteriorRing().getCoordinates();
                            for (int j = 0; j + 1 < cs.length; j++) {
                                Edge e = Edge.of(cs[j].x, cs[j].y, cs[j + 1].x, cs[j + 1].y);
                                if (edges.remove(e) == null) {
                                    edges.put(e, Boolean.TRUE);
                                }
                            }
                        }
                    }
                }
                out[c] = rings(edges.keySet());
            }
            return out;
        });
    }

    private final java.util.concurrent.ConcurrentHashMap<Integer, double[][][]> dissolvedByLevel =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Edge(double x0, double y0, double x1, double y1) {
        static Edge of(double ax, double ay, double bx, double by) {
            return ax < bx || (ax == bx && ay <= by) ? new Edge(ax, ay, bx, by) : new Edge(bx, by, ax, ay);
        }
    }

    private record Node(double x, double y) {}

    /** Walks edges (every node of even degree) into closed rings. */
    private static double[][] rings(java.util.Collection<Edge> edges) {
        java.util.Map<Node, java.util.ArrayDeque<Edge>> at = new java.util.HashMap<>();
        for (Edge e : edges) {
            at.computeIfAbsent(new Node(e.x0(), e.y0()), n -> new java.util.ArrayDeque<>(2)).add(e);
            at.computeIfAbsent(new Node(e.x1(), e.y1()), n -> new java.util.ArrayDeque<>(2)).add(e);
        }
        java.util.Set<Edge> used = new java.util.HashSet<>();
        List<double[]> out = new ArrayList<>();
        for (Edge first : edges) {
            if (used.contains(first)) {
                continue;
            }
            org.locationtech.jts.geom.CoordinateList ring = new org.locationtech.jts.geom.CoordinateList();
            Node start = new Node(first.x0(), first.y0());
            Node here = start;
            Edge e = first;
            ring.add(new org.locationtech.jts.geom.Coordinate(here.x(), here.y()), true);
            while (e != null) {
                used.add(e);
                here = here.x() == e.x0() && here.y() == e.y0() ? new Node(e.x1(), e.y1()) : new Node(e.x0(), e.y0());
                ring.add(new org.locationtech.jts.geom.Coordinate(here.x(), here.y()), true);
                if (here.equals(start)) {
                    break;
                }
                e = null;
                java.util.ArrayDeque<Edge> next = at.get(here);
                while (next != null && !next.isEmpty()) {
                    Edge candidate = next.poll();
                    if (!used.contains(candidate)) {
                        e = candidate;
                        break;
                    }
                }
            }
            double[] xy = new double[2 * ring.size()];
            for (int k = 0; k < ring.size(); k++) {
                xy[2 * k] = ring.getCoordinate(k).x;
                xy[2 * k + 1] = ring.getCoordinate(k).y;
            }
            out.add(xy);
        }
        return out.toArray(new double[0][]);
    }

    private static boolean hasHoles(org.locationtech.jts.geom.Geometry g) {
        for (int k = 0; k < g.getNumGeometries(); k++) {
            if (g.getGeometryN(k) instanceof org.locationtech.jts.geom.Polygon p && p.getNumInteriorRing() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Diagonal hatching clipped to the area: clip by its bounding box, lines drawn only inside (even-odd). */
    private static void hatch(MapPainter painter, ScreenPath area, org.locationtech.jts.geom.Envelope world,
            Viewport v, ScreenPath lines) {
        double x0 = v.screenX(world.getMinX());
        double x1 = v.screenX(world.getMaxX());
        double y0 = v.screenY(world.getMaxY());
        double y1 = v.screenY(world.getMinY());
        lines.clear();
        double step = 6;
        for (double d = x0 - (y1 - y0); d < x1; d += step) {
            lines.moveTo(d, y1).lineTo(d + (y1 - y0), y0);
        }
        painter.save();
        painter.clipPath(area);
        painter.strokePath(lines, NO_DATA_HATCH);
        painter.restore();
    }

    @Override
    public void labels(RenderContext ctx, List<LabelCandidate> out) {
        if (labels != null) {
            areaLabels.add(ctx, labels, 0, out);
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return areas.hitTest(v, sx, sy, tolerancePx);
    }

    /** The value of area i (NaN: no data). */
    public double value(int i) {
        return values[i];
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        List<Legend.Row> rows = new ArrayList<>();
        int[] counts = classification.counts(values);
        int noData = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                noData++;
            }
        }
        if (noData < values.length) {
            for (int c = 0; c < classification.classCount(); c++) {
                String label = m.get("legend.range", m.number(classification.lower(c), decimals),
                        m.number(classification.upper(c), decimals));
                if (classNames != null && classNames.get(c) != null && !classNames.get(c).isBlank()) {
                    label = m.get("legend.namedRange", classNames.get(c), label);
                }
                rows.add(new Legend.Row(new Legend.Swatch(AreaStyle.filled(colors.get(c), outline)), label,
                        OptionalInt.of(counts[c])));
            }
        }
        if (noData > 0) {
            rows.add(new Legend.Row(new Legend.Swatch(AreaStyle.filled(NO_DATA_FILL, outline)), m.get("legend.noData"),
                    OptionalInt.of(noData)));
        }
        String method = methodNote != null ? methodNote : m.get("legend.method." + classification.method().name());
        return Optional.of(new Legend(title.isEmpty() ? method : title + "\n" + method, rows));
    }
}
