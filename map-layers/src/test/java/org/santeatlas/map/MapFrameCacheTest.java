package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.MapFrameCache;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/** The frame cache copies an unchanged frame, paints a new one for any change, and shifts the old one on a pan. */
class MapFrameCacheTest {

    static final GeometryFactory GF = new GeometryFactory();
    static final Rgba BG = Rgba.hex("#f7f7f7");

    static MapModel model(Rgba fill) {
        FeatureSet areas = new FeatureSet(List.of(MapFeature.of(1, "A", "Aire de santé de Kélé", GF.createPolygon(
                new Coordinate[] {new Coordinate(0, 0), new Coordinate(1000, 0), new Coordinate(1000, 1000),
                    new Coordinate(0, 1000), new Coordinate(0, 0)}))));
        return MapModel.of(new BoundaryLayer("areas", "Aire", areas, AreaStyle.filled(fill, LineStyle.solid(Rgba.BLACK, 1)),
                TextStyle.plain(12, Rgba.BLACK).withHalo(Rgba.WHITE, 2), 0));
    }

    static BufferedImage paint(MapFrameCache cache, MapModel m, Viewport v, boolean[] hit) {
        BufferedImage out = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            hit[0] = cache.paint(g, m, RenderContext.of(v), BG);
        } finally {
            g.dispose();
        }
        return out;
    }

    @Test
    void anUnchangedFrameIsCopiedAndAnyChangePaintsANewOne() {
        MapFrameCache cache = new MapFrameCache();
        MapModel blue = model(Rgba.hex("#3182bd"));
        Viewport v = Viewport.fit(new org.locationtech.jts.geom.Envelope(0, 1000, 0, 1000), 300, 200, 10);
        boolean[] hit = new boolean[1];
        BufferedImage first = paint(cache, blue, v, hit);
        assertThat(hit[0]).isFalse();
        assertThat(cache.labels()).extracting(l -> l.text()).containsExactly("Aire de santé de Kélé");
        BufferedImage again = paint(cache, blue, v, hit);
        assertThat(hit[0]).isTrue();
        assertThat(again.getRGB(150, 40)).isEqualTo(first.getRGB(150, 40)).isEqualTo(0xff3182bd);

        BufferedImage red = paint(cache, model(Rgba.hex("#de2d26")), v, hit);
        assertThat(hit[0]).isFalse();
        assertThat(red.getRGB(150, 40)).isEqualTo(0xffde2d26);

        paint(cache, blue, v.pan(30, 0), hit);
        assertThat(hit[0]).isFalse();
    }

    @Test
    void aPanShowsTheLastFrameShiftedAndAZoomDoesNot() {
        MapFrameCache cache = new MapFrameCache();
        MapModel blue = model(Rgba.hex("#3182bd"));
        Viewport v = Viewport.fit(new org.locationtech.jts.geom.Envelope(0, 1000, 0, 1000), 300, 200, 10);
        BufferedImage first = paint(cache, blue, v, new boolean[1]);
        Viewport panned = v.pan(40, 0);
        BufferedImage shifted = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shifted.createGraphics();
        try {
            assertThat(cache.paintShifted(g, panned)).isTrue();
            assertThat(cache.paintShifted(g, v.withResolution(v.resolution() / 2))).isFalse();
        } finally {
            g.dispose();
        }
        // The area's left edge moves with the pan, whichever way Viewport.pan goes.
        int dx = (int) Math.round(v.screenX(0) - panned.screenX(0));
        for (int y : new int[] {60, 100, 150}) {
            for (int x = 60; x < 240; x += 7) {
                assertThat(shifted.getRGB(x - dx, y)).as("x %d y %d", x, y).isEqualTo(first.getRGB(x, y));
            }
        }
    }
}
