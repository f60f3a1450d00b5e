package org.santeatlas.map.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.ScreenPath;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.layer.LocalityLayer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.map.view.WebMercator;

/**
 * The coverage zone: the discs of the analysis' radius around the selected facilities, drawn geodesically.
 * Each disc is a polygon of {@value #VERTICES} points each at the radius from the facility on the ellipsoid
 * ({@link Geodesic#destination}), in lon/lat, then projected to Web Mercator: at 13° N a 5 km disc is 5.13
 * km of world metres across east–west and north–south alike (Mercator is conformal), at 60° N 10 km: not a
 * circle of 5,000 world metres. Overlapping discs are merged once, at construction (so that a translucent fill
 * does not darken where they overlap), and the merged zone is simplified per zoom level like the boundaries.
 * Paints through {@link MapPainter} only. Immutable; built on any thread.
 */
public final class CoverageLayer implements Layer {

    /** Vertices of a disc: at 5 km, the chord's sag is 5 km × (1 − cos(π/72)) ≈ 5 m. */
    public static final int VERTICES = 72;

    /** Fill: a light blue, translucent; outline: the same blue, thin. */
    public static final Rgba FILL = Rgba.hex("#abd9e9").withOpacity(0.45);
    public static final LineStyle OUTLINE = LineStyle.solid(Rgba.hex("#2c7bb6"), 0.8);

    private final String id;
    private final double radius;
    private final FeatureSet zone;
    private final AreaStyle style;

    /**
     * The zone around points given in lon/lat degrees.
     *
     * @param radius metres
     */
    public CoverageLayer(String id, List<double[]> lonLat, double radius, AreaStyle style) {
        this.id = Objects.requireNonNull(id, "id");
        this.radius = radius;
        this.style = Objects.requireNonNull(style, "style");
        GeometryFactory gf = new GeometryFactory();
        List<Geometry> discs = new ArrayList<>(lonLat.size());
        for (double[] p : lonLat) {
            discs.add(WebMercator.project(disc(gf, p[0], p[1], radius)));
        }
        List<MapFeature> parts = new ArrayList<>();
        if (!discs.isEmpty()) {
            Geometry union = UnaryUnionOp.union(discs);
            for (int i = 0; i < union.getNumGeometries(); i++) {
                parts.add(MapFeature.of(i, null, "", union.getGeometryN(i)));
            }
        }
        this.zone = new FeatureSet(parts);
    }

    /** The zone around the facilities an analysis selected, at its radius, in the default style. */
    public static CoverageLayer of(String id, CoverageResult result) {
        List<double[]> points = new ArrayList<>();
        for (int f = 0; f < result.input().facilities().size(); f++) {
            if (result.isSelected(f)) {
                CoverageInput.Facility x = result.input().facilities().get(f);
                points.add(new double[] {x.lon(), x.lat()});
            }
        }
        return new CoverageLayer(id, points, result.radiusMetres(), AreaStyle.filled(FILL, OUTLINE));
    }

    /** Which localities of an analysis are covered, for {@link LocalityLayer}. */
    public static LocalityLayer.Coverage localityCoverage(CoverageResult result) {
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; i < result.input().localities().size(); i++) {
            if (result.isCovered(i)) {
                covered.add(result.input().localities().get(i).id());
            }
        }
        return new LocalityLayer.Coverage(covered, result.radiusMetres() / 1000);
    }

    /** A geodesic disc in lon/lat degrees: {@link #VERTICES} points at {@code radius} metres, counter-clockwise. */
    public static Polygon disc(GeometryFactory gf, double lon, double lat, double radius) {
        Coordinate[] ring = new Coordinate[VERTICES + 1];
        for (int i = 0; i < VERTICES; i++) {
            // Bearings clockwise from north, walked backwards: the ring turns counter-clockwise in lon/lat.
            double[] p = Geodesic.destination(lon, lat, 360.0 * (VERTICES - i) / VERTICES, radius);
            ring[i] = new Coordinate(p[0], p[1]);
        }
        ring[VERTICES] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    @Override
    public String id() {
        return id;
    }

    /** The merged zone, Web Mercator metres. */
    public FeatureSet zone() {
        return zone;
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        int[] visible = zone.visible(v, 2);
        if (visible.length == 0) {
            return;
        }
        ScreenPath path = new ScreenPath();
        for (int i : visible) {
            path.append(zone.geometry(i, ctx.detailResolution()), v);
        }
        if (style.fill() != null) {
            painter.fillPath(path, style.fill());
        }
        if (style.outline() != null) {
            painter.strokePath(path, style.outline());
        }
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        return Optional.of(new Legend(m.get("legend.coverage.title"), List.of(new Legend.Row(new Legend.Swatch(style),
                m.get("legend.coverage.buffer", m.number(radius / 1000, 2)), java.util.OptionalInt.empty()))));
    }
}
