package org.santeatlas.map.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.santeatlas.map.view.Viewport;

/**
 * Features prepared for painting: an STRtree over their world envelopes (culling and hit tests) and their
 * geometries simplified per zoom level with JTS's {@link TopologyPreservingSimplifier} (no self-intersection,
 * no ring collapsing), computed once per feature and level, on first use, then kept.
 *
 * <p>Level z is the tile zoom whose resolution is at or just above the viewport's; its tolerance is half a
 * pixel at that zoom, so a simplified outline is never more than one screen pixel from the true one.
 * Adjacent polygons are simplified independently: their shared border may differ by under a pixel.
 *
 * <p>Thread-safe once built: the tree is built in the constructor, the level caches publish through atomic
 * arrays (the FX thread and an export thread may paint the same set).
 */
public final class FeatureSet {

    /** Beyond this zoom (≈ 0.6 m per pixel) geometries are drawn as stored. */
    static final int MAX_SIMPLIFIED_ZOOM = 18;

    private final List<MapFeature> features;
    private final STRtree index = new STRtree();
    private final Envelope bounds = new Envelope();
    private final boolean hasAreas;
    private final ConcurrentHashMap<Integer, AtomicReferenceArray<Geometry>> simplified = new ConcurrentHashMap<>();
    private final boolean simplify;

    public FeatureSet(List<MapFeature> features) {
        this(features, true);
    }

    /**
     * The features drawn as stored at every zoom, no level-of-detail cache: the baseline the map benchmark
     * measures the simplification against. Not for maps.
     */
    public static FeatureSet unsimplified(List<MapFeature> features) {
        return new FeatureSet(features, false);
    }

    private FeatureSet(List<MapFeature> features, boolean simplify) {
        this.simplify = simplify;
        this.features = List.copyOf(features);
        boolean areas = false;
        for (int i = 0; i < this.features.size(); i++) {
            Geometry g = this.features.get(i).world();
            Envelope e = g.getEnvelopeInternal();
            bounds.expandToInclude(e);
            index.insert(e, i);
            areas |= g instanceof Polygonal;
        }
        hasAreas = areas;
        index.build();
    }

    public static FeatureSet empty() {
        return new FeatureSet(List.of());
    }

    public List<MapFeature> features() {
        return features;
    }

    public MapFeature get(int i) {
        return features.get(i);
    }

    public int size() {
        return features.size();
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    /** The world envelope of every feature (null envelope when empty). */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    /** Indices of the features whose envelope meets a world envelope, ascending (paint order is stable). */
    public int[] query(Envelope world) {
        if (features.isEmpty()) {
            return new int[0];
        }
        @SuppressWarnings("unchecked")
        List<Object> found = index.query(world);
        int[] out = new int[found.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Integer) found.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** Indices of the features a viewport shows, with a margin of {@code marginPx} pixels. */
    public int[] visible(Viewport v, double marginPx) {
        Envelope e = v.worldBounds();
        e.expandBy(marginPx * v.resolution());
        return query(e);
    }

    /** The simplification level (tile zoom) used at a resolution (world metres per pixel). */
    public static int levelFor(double resolution) {
        int z = (int) Math.floor(Math.log(Viewport.ZOOM0_RESOLUTION / resolution) / Math.log(2) + 1e-9);
        return Math.max(0, z);
    }

    /** The tolerance (world metres) of a simplification level: half a pixel at that zoom. */
    public static double toleranceFor(int level) {
        return 0.5 * Viewport.ZOOM0_RESOLUTION / Math.pow(2, level);
    }

    /** Feature i's geometry simplified for a resolution (world metres per pixel); points as they are. */
    public Geometry geometry(int i, double resolution) {
        Geometry g = features.get(i).world();
        int level = levelFor(resolution);
        if (g instanceof Point || level > MAX_SIMPLIFIED_ZOOM || !simplify) {
            return g;
        }
        AtomicReferenceArray<Geometry> cache = simplified.computeIfAbsent(level,
                l -> new AtomicReferenceArray<>(features.size()));
        Geometry s = cache.get(i);
        if (s == null) {
            s = TopologyPreservingSimplifier.simplify(g, toleranceFor(level));
            cache.compareAndSet(i, null, s);
            s = cache.get(i);
        }
        return s;
    }

    /**
     * The features within {@code tolerancePx} screen pixels of a screen point, nearest first (inside a
     * polygon counts as 0; among polygons that contain the point, the smallest first). The pixel tolerance
     * becomes a world box for the index, then each candidate's true distance is checked on its stored
     * geometry.
     */
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        double wx = v.worldX(sx);
        double wy = v.worldY(sy);
        double r = tolerancePx * v.resolution();
        int[] candidates = query(new Envelope(wx - r, wx + r, wy - r, wy + r));
        if (candidates.length == 0) {
            return List.of();
        }
        Point p = new GeometryFactory().createPoint(new Coordinate(wx, wy));
        List<Hit> hits = new ArrayList<>();
        for (int i : candidates) {
            Geometry g = features.get(i).world();
            double d = g.distance(p) / v.resolution();
            if (d <= tolerancePx) {
                hits.add(new Hit(i, features.get(i), d));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distancePx)
                .thenComparingDouble(h -> h.feature().world().getArea())
                .thenComparingInt(Hit::index));
        return hits;
    }

    /** Whether any feature is a polygon (boundaries) rather than a point. */
    public boolean hasAreas() {
        return hasAreas;
    }
}
