package org.santeatlas.map.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Ellipsoidal distances against published geodesic solutions. */
class GeodesicTest {

    static double dms(int d, int m, double s) {
        return Math.signum(d) * (Math.abs(d) + m / 60.0 + s / 3600.0);
    }

    @Test
    void vincentysFlindersPeakToBuninyongWithinAMetre() {
        // T. Vincenty (1975) / Geoscience Australia's worked example: 54,972.271 m on WGS 84-like GRS80
        // (the two ellipsoids differ by 0.1 mm in b: nothing at this scale).
        double d = Geodesic.distance(dms(144, 25, 29.52440), -dms(37, 57, 3.72030), dms(143, 55, 35.38390),
                -dms(37, 39, 10.15610));
        assertThat(d).isCloseTo(54_972.271, within(1.0));
        // Haversine errs by far more: the reason for the ellipsoidal formula.
        double h = Geodesic.haversine(dms(144, 25, 29.52440), -dms(37, 57, 3.72030), dms(143, 55, 35.38390),
                -dms(37, 39, 10.15610));
        assertThat(Math.abs(h - 54_972.271)).isGreaterThan(10 * Math.abs(d - 54_972.271));
    }

    @Test
    void meeusParisToWashington() {
        // Meeus, Astronomical Algorithms, example 11.c: 6,181.63 km (the exact geodesic is 6,181.621 km).
        double d = Geodesic.distance(dms(2, 20, 14), dms(48, 50, 11), -dms(77, 3, 56), dms(38, 55, 17));
        assertThat(d).isCloseTo(6_181_621, within(20.0));
    }

    @Test
    void onTheEquatorItIsTheArcOfRadiusA() {
        assertThat(Geodesic.distance(0, 0, 0.05, 0)).isCloseTo(6_378_137.0 * Math.toRadians(0.05), within(1e-6));
        assertThat(Geodesic.distance(3, 14, 3, 14)).isZero();
    }

    @Test
    void destinationsLieAtTheRadiusAndInsideTheSearchBox() {
        for (double lat : new double[] {0, 13.5, 45, 60, -33}) {
            Envelope box = Geodesic.box(2, lat, 5_000);
            for (int bearing = 0; bearing < 360; bearing += 15) {
                double[] p = Geodesic.destination(2, lat, bearing, 5_000);
                assertThat(Geodesic.distance(2, lat, p[0], p[1])).isCloseTo(5_000, within(0.01));
                assertThat(box.contains(p[0], p[1])).as("lat %s bearing %s", lat, bearing).isTrue();
            }
            // The box is tight: less than 2 % wider than the disc in latitude.
            assertThat(box.getHeight() / 2).isLessThan(1.02 * 5_000 / 110_574);
        }
    }
}
