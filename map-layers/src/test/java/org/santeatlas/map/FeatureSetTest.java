package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.view.Viewport;

class FeatureSetTest {

    static final GeometryFactory GF = new GeometryFactory();

    static Polygon square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y),
            new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    /** Two adjacent 1000 m squares, a small square inside the first, and two points. */
    static FeatureSet sample() {
        return new FeatureSet(List.of(
                MapFeature.of(1, "A", "Ouest", square(0, 0, 1000)),
                MapFeature.of(2, "B", "Est", square(1000, 0, 1000)),
                MapFeature.of(3, "C", "Centre-ville", square(400, 400, 200)),
                MapFeature.of(4, "P", "CSI Kélé", GF.createPoint(new Coordinate(1500, 500))),
                MapFeature.of(5, "Q", "Case de santé", GF.createPoint(new Coordinate(1530, 500)))));
    }

    @Test
    void theSmallestAreaContainingThePointComesFirst() {
        FeatureSet s = sample();
        Viewport v = Viewport.of(1000, 500, 10, 300, 200); // 10 m per pixel; world (0..2000, 0..1000) fits
        List<Hit> hits = s.hitTest(v, v.screenX(500), v.screenY(500), 3);
        assertThat(hits).extracting(h -> h.feature().uid()).containsExactly("C", "A");
        assertThat(hits.get(0).distancePx()).isZero();
    }

    @Test
    void aPointIsHitWithinThePixelToleranceAndTheNearestWins() {
        FeatureSet points = new FeatureSet(sample().features().subList(3, 5));
        Viewport v = Viewport.of(1000, 500, 10, 300, 200);
        // 1 px right of P (10 m), 2 px left of Q.
        List<Hit> hits = points.hitTest(v, v.screenX(1510), v.screenY(500), 4);
        assertThat(hits).extracting(h -> h.feature().uid()).containsExactly("P", "Q");
        assertThat(hits.get(0).distancePx()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(points.hitTest(v, v.screenX(1510), v.screenY(500), 0.5)).isEmpty();
        assertThat(points.hitTest(v, v.screenX(1400), v.screenY(800), 4)).isEmpty();
    }

    @Test
    void cullingReturnsOnlyWhatTheViewShowsInOrder() {
        FeatureSet s = sample();
        Viewport rightHalf = Viewport.of(1700, 500, 1, 400, 400); // x 1500..1900
        int[] visible = s.visible(rightHalf, 0);
        assertThat(visible).containsExactly(1, 3, 4);
    }

    @Test
    void simplifiedGeometryStaysWithinHalfAPixelAndIsComputedOncePerLevel() {
        // A wiggly ring: 2,000 vertices on a circle of 50 km with 30 m of noise.
        List<Coordinate> ring = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            double a = 2 * Math.PI * i / 2000;
            double rad = 50_000 + r.nextDouble(-30, 30);
            ring.add(new Coordinate(rad * Math.cos(a), rad * Math.sin(a)));
        }
        ring.add(ring.get(0));
        Polygon p = GF.createPolygon(ring.toArray(new Coordinate[0]));
        FeatureSet s = new FeatureSet(List.of(MapFeature.of(1, "X", "X", p)));
        double res = 100; // metres per pixel
        Geometry g = s.geometry(0, res);
        assertThat(g.getNumPoints()).isLessThan(p.getNumPoints() / 4);
        assertThat(g.isValid()).isTrue();
        int level = FeatureSet.levelFor(res);
        assertThat(FeatureSet.toleranceFor(level)).isLessThanOrEqualTo(res);
        assertThat(DiscreteHausdorffDistance.distance(g, p)).isLessThanOrEqualTo(res);
        assertThat(s.geometry(0, res)).isSameAs(g);
        assertThat(s.geometry(0, res / 8).getNumPoints()).isGreaterThan(g.getNumPoints());
    }

    @Test
    void aBorderSharedByTwoAreasBelongsToTheFirstOnlyAndEveryOtherSegmentIsKept() {
        FeatureSet s = sample();
        double resolution = 1; // 1 m per pixel: nothing to simplify on these squares
        Geometry a = s.borders(0, resolution);
        Geometry b = s.borders(1, resolution);
        // A keeps its whole ring (4 km); B loses the 1 km it shares with A.
        assertThat(a.getLength()).isEqualTo(4000);
        assertThat(b.getLength()).isEqualTo(3000);
        assertThat(b.covers(GF.createLineString(new Coordinate[] {new Coordinate(1000, 0), new Coordinate(1000, 1000)})))
                .isFalse();
        // B's three sides are one line, not three: joins stay round where the run continues.
        assertThat(b.getNumGeometries()).isEqualTo(1);
        // C shares no segment (its square lies inside A but its edges are not A's).
        assertThat(s.borders(2, resolution).getLength()).isEqualTo(800);
        // Points are returned as they are; the unsimplified baseline keeps whole rings.
        assertThat(s.borders(3, resolution)).isSameAs(s.get(3).world());
        assertThat(FeatureSet.unsimplified(s.features()).borders(1, resolution).getLength()).isEqualTo(4000);
    }
}
