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
     * Feature i's share of the set's boundary lines, simplified for a resolution: every segment of every
     * ring belongs to the first feature (by index) that has it, so stroking the borders of the visible
     * features draws a border shared by two areas once, not twice (half the outline work of a coverage such
     * as the health areas, and a line of the width asked for rather than two overlapping ones). A segment
     * on screen lies in the envelopes of both its features, so its owner is among the visible ones. Runs of
     * owned segments are simplified as lines (Douglas–Peucker, the level's tolerance: within a pixel of the
     * stored border, like the fills). Shared segments are found by exact coordinates; borders of a set
     * whose neighbours do not share vertices are simply drawn from both sides. Points are returned as they
     * are; without the level-of-detail cache ({@link #unsimplified}) the stored geometry.
     */
    public Geometry borders(int i, double resolution) {
        Geometry g = features.get(i).world();
        if (g instanceof Point || !simplify) {
            return g;
        }
        Geometry[] owned = ownedBorders();
        int level = levelFor(resolution);
        if (level > MAX_SIMPLIFIED_ZOOM) {
            return owned[i];
        }
        AtomicReferenceArray<Geometry> cache = simplifiedBorders.computeIfAbsent(level,
                l -> new AtomicReferenceArray<>(features.size()));
        Geometry s = cache.get(i);
        if (s == null) {
            s = org.locationtech.jts.simplify.DouglasPeuckerSimplifier.simplify(owned[i], toleranceFor(level));
            cache.compareAndSet(i, null, s);
            s = cache.get(i);
        }
        return s;
    }

    private final ConcurrentHashMap<Integer, AtomicReferenceArray<Geometry>> simplifiedBorders = new ConcurrentHashMap<>();
    private volatile Geometry[] ownedBorders;

    private Geometry[] ownedBorders() {
        Geometry[] owned = ownedBorders;
        if (owned == null) {
            synchronized (this) {
                owned = ownedBorders;
                if (owned == null) {
                    owned = computeOwnedBorders();
                    ownedBorders = owned;
                }
            }
        }
        return owned;
    }

    private record Segment(double x0, double y0, double x1, double y1) {
        static Segment of(Coordinate a, Coordinate b) {
            boolean ordered = a.x < b.x || (a.x == b.x && a.y <= b.y);
            return ordered ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
        }
    }

    private Geometry[] computeOwnedBorders() {
        GeometryFactory gf = features.isEmpty() ? new GeometryFactory() : features.get(0).world().getFactory();
        java.util.Set<Segment> seen = new java.util.HashSet<>();
        Geometry[] out = new Geometry[features.size()];
        for (int i = 0; i < out.length; i++) {
            Geometry g = features.get(i).world();
            if (!(g instanceof Polygonal)) {
                out[i] = g;
                continue;
            }
            List<org.locationtech.jts.geom.LineString> runs = new ArrayList<>();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                org.locationtech.jts.geom.Polygon polygon = (org.locationtech.jts.geom.Polygon) g.getGeometryN(p);
                for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                    Coordinate[] cs = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
                    ownedRuns(cs, seen, gf, runs);
                }
            }
            out[i] = gf.createMultiLineString(runs.toArray(new org.locationtech.jts.geom.LineString[0]));
        }
        return out;
    }

    /** The runs of a ring's segments not seen before; a ring owned whole stays one closed line. */
    private static void ownedRuns(Coordinate[] cs, java.util.Set<Segment> seen, GeometryFactory gf,
            List<org.locationtech.jts.geom.LineString> out) {
        List<List<Coordinate>> runs = new ArrayList<>();
        List<Coordinate> run = null;
        boolean firstOwned = false;
        boolean lastOwned = false;
        for (int k = 0; k + 1 < cs.length; k++) {
            boolean owned = seen.add(Segment.of(cs[k], cs[k + 1]));
            if (k == 0) {
                firstOwned = owned;
            }
            lastOwned = owned;
            if (owned) {
                if (run == null) {
                    run = new ArrayList<>();
                    run.add(cs[k]);
                    runs.add(run);
                }
                run.add(cs[k + 1]);
            } else {
                run = null;
            }
        }
        if (runs.size() > 1 && firstOwned && lastOwned) {
            // The ring's start is inside a run: the last run continues into the first.
            List<Coordinate> last = runs.remove(runs.size() - 1);
            last.addAll(runs.get(0).subList(1, runs.get(0).size()));
            runs.set(0, last);
        }
        for (List<Coordinate> r : runs) {
            if (r.size() >= 2) {
                out.add(gf.createLineString(r.toArray(new Coordinate[0])));
            }
        }
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

    /** Whether geometries are simplified per zoom level (false only for {@link #unsimplified} baselines). */
    public boolean levelOfDetail() {
        return simplify;
    }

    /** Whether any feature is a polygon (boundaries) rather than a point. */
    public boolean hasAreas() {
        return hasAreas;
    }
}
