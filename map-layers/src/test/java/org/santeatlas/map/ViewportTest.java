package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.map.view.WebMercator;

class ViewportTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # longitude, latitude, x (m), y (m): EPSG:3857 values (x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6378137)
            0,        0,        0,                  0
            180,      0,        20037508.342789244, 0
            -180,     0,        -20037508.342789244, 0
            0,        45,       0,                  5621521.486192066
            2.3522,   48.8566,  261845.70624393807, 6250564.349543127
            -1.5197,  12.3714,  -169172.23015853786, 1388005.5601855556
            0,        85.0511287798066, 0,          20037508.342789244
            """)
    void projectsKnownCoordinates(double lon, double lat, double x, double y) {
        assertThat(WebMercator.x(lon)).isCloseTo(x, within(1e-6));
        assertThat(WebMercator.y(lat)).isCloseTo(y, within(1e-5));
        assertThat(WebMercator.longitude(x)).isCloseTo(lon, within(1e-12));
        assertThat(WebMercator.latitude(y)).isCloseTo(lat, within(1e-10));
    }

    @Test
    void latitudesBeyondTheSquareWorldAreClamped() {
        assertThat(WebMercator.y(89.9)).isEqualTo(WebMercator.y(WebMercator.MAX_LATITUDE));
        assertThat(WebMercator.y(89.9)).isCloseTo(WebMercator.HALF_WORLD, within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 8, 12, 16, 20, 24})
    void screenWorldAndWgs84RoundTripsAreExactAtEveryZoom(int zoom) {
        SplittableRandom random = new SplittableRandom(zoom);
        double res = Viewport.ZOOM0_RESOLUTION / Math.pow(2, zoom);
        Viewport v = Viewport.of(WebMercator.x(1.5), WebMercator.y(13.5), res, 1600, 1000);
        for (int i = 0; i < 1000; i++) {
            double sx = random.nextDouble(-200, 1800);
            double sy = random.nextDouble(-200, 1200);
            double wx = v.worldX(sx);
            double wy = v.worldY(sy);
            assertThat(v.screenX(wx)).isCloseTo(sx, within(1e-6));
            assertThat(v.screenY(wy)).isCloseTo(sy, within(1e-6));
            if (Math.abs(wy) >= WebMercator.HALF_WORLD) {
                continue; // beyond ±85.05°: latitudes are clamped there, by design
            }
            Coordinate ll = v.toWgs84(sx, sy);
            Coordinate back = v.toScreen(ll.x, ll.y);
            assertThat(back.x).isCloseTo(sx, within(1e-5));
            assertThat(back.y).isCloseTo(sy, within(1e-5));
        }
    }

    @Test
    void screenCentreIsTheWorldCentreAndYGoesDown() {
        Viewport v = Viewport.of(1000, 2000, 10, 200, 100);
        assertThat(v.worldX(100)).isEqualTo(1000);
        assertThat(v.worldY(50)).isEqualTo(2000);
        assertThat(v.worldY(0)).isEqualTo(2500); // top of the screen is north
        assertThat(v.worldX(0)).isEqualTo(0);
        assertThat(v.worldBounds()).isEqualTo(new Envelope(0, 2000, 1500, 2500));
    }

    @Test
    void zoomAboutAPointKeepsThatPointStill() {
        Viewport v = Viewport.of(WebMercator.x(2), WebMercator.y(14), 500, 800, 600);
        double wx = v.worldX(123);
        double wy = v.worldY(456);
        Viewport z = v.zoomAbout(2, 123, 456);
        assertThat(z.resolution()).isEqualTo(250);
        assertThat(z.screenX(wx)).isCloseTo(123, within(1e-9));
        assertThat(z.screenY(wy)).isCloseTo(456, within(1e-9));
        Viewport back = z.zoomAbout(0.5, 123, 456);
        assertThat(back.centerX()).isCloseTo(v.centerX(), within(1e-6));
        assertThat(back.centerY()).isCloseTo(v.centerY(), within(1e-6));
    }

    @Test
    void panMovesTheContentWithTheDrag() {
        Viewport v = Viewport.of(0, 0, 100, 400, 300);
        double wx = v.worldX(50);
        double wy = v.worldY(60);
        Viewport p = v.pan(30, -20);
        assertThat(p.screenX(wx)).isCloseTo(80, within(1e-9));
        assertThat(p.screenY(wy)).isCloseTo(40, within(1e-9));
    }

    @Test
    void fitShowsTheWholeEnvelopeCentredWithItsPadding() {
        Envelope world = new Envelope(WebMercator.x(0), WebMercator.x(4), WebMercator.y(11), WebMercator.y(16));
        Viewport v = Viewport.fit(world, 800, 600, 20);
        assertThat(v.screenX(world.getMinX())).isGreaterThanOrEqualTo(20 - 1e-9);
        assertThat(v.screenX(world.getMaxX())).isLessThanOrEqualTo(780 + 1e-9);
        assertThat(v.screenY(world.getMaxY())).isGreaterThanOrEqualTo(20 - 1e-9);
        assertThat(v.screenY(world.getMinY())).isLessThanOrEqualTo(580 + 1e-9);
        // The taller side touches its padding: the fit is tight.
        assertThat(v.screenY(world.getMaxY())).isCloseTo(20, within(1e-9));
        assertThat((v.screenX(world.getMinX()) + v.screenX(world.getMaxX())) / 2).isCloseTo(400, within(1e-9));
    }

    @Test
    void groundResolutionShrinksWithLatitude() {
        Viewport v = Viewport.of(0, WebMercator.y(60), 1000, 100, 100);
        assertThat(v.groundResolution(60)).isCloseTo(500, within(1e-9));
        assertThat(v.groundResolution(0)).isCloseTo(1000, within(1e-9));
        assertThat(v.centerLatitude()).isCloseTo(60, within(1e-9));
    }

    @Test
    void zoomLevelOfTheTileResolutions() {
        assertThat(Viewport.of(0, 0, Viewport.ZOOM0_RESOLUTION / 1024, 10, 10).zoom()).isCloseTo(10, within(1e-9));
    }
}
