package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.print.ScaleBar;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Palette;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.map.view.WebMercator;

/**
 * Golden images: a fixed scene painted by the Java2D painter (pinned hints) and compared with the committed
 * {@code golden/<case>/reference.png}. A pixel may differ by {@value #CHANNEL_TOLERANCE} per channel (font
 * rasterisers round differently between JDK builds); beyond that at most {@value #BAD_PIXEL_SHARE} of the
 * pixels. On failure the actual image and a difference image go to {@code target/golden/<case>/}. Run with
 * {@code -Dgolden.update=true} to write a new reference — then look at it before committing it.
 */
class GoldenImageTest {

    static final int CHANNEL_TOLERANCE = 24;
    static final double BAD_PIXEL_SHARE = 0.002;
    static final GeometryFactory GF = new GeometryFactory();

    /** Three health areas near 13° N (one without data), their district outline, three facilities, names. */
    static MapModel smallScene() {
        double x0 = WebMercator.x(2.0);
        double y0 = WebMercator.y(13.0);
        double s = 20_000; // 20 km squares (projected metres)
        FeatureSet areas = new FeatureSet(List.of(
                MapFeature.of(1, "AAAAAAAAAA1", "Kélé", FeatureSetTest.square(x0, y0, s)),
                MapFeature.of(2, "AAAAAAAAAA2", "Bodo", FeatureSetTest.square(x0 + s, y0, s)),
                MapFeature.of(3, "AAAAAAAAAA3", "Tin-Diguésay", GF.createPolygon(new Coordinate[] {
                    new Coordinate(x0, y0 + s), new Coordinate(x0 + 2 * s, y0 + s), new Coordinate(x0 + 2 * s, y0 + 2 * s),
                    new Coordinate(x0, y0 + 2 * s), new Coordinate(x0, y0 + s)}))));
        FeatureSet district = new FeatureSet(List.of(MapFeature.of(9, "DDDDDDDDDD1", "DS Kélé",
                GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + 2 * s, y0),
                    new Coordinate(x0 + 2 * s, y0 + 2 * s), new Coordinate(x0, y0 + 2 * s), new Coordinate(x0, y0)}))));
        List<FacilityType> types = List.of(
                new FacilityType("G1", "OUG_HD", "Hôpital de District", FacilityKind.HOSPITAL, 1),
                new FacilityType("G2", "OUG_CSI", "CSI", FacilityKind.HEALTH_CENTRE, 1),
                new FacilityType("G3", "OUG_CS", "Case de santé", FacilityKind.HEALTH_POST, 1));
        FeatureSet facilities = new FeatureSet(List.of(
                new MapFeature(11, "F1", "HD Kélé", null, GF.createPoint(new Coordinate(x0 + 0.5 * s, y0 + 0.5 * s)), "G1", Double.NaN),
                new MapFeature(12, "F2", "CSI Bodo", null, GF.createPoint(new Coordinate(x0 + 1.5 * s, y0 + 0.3 * s)), "G2", Double.NaN),
                new MapFeature(13, "F3", "CS Tin", null, GF.createPoint(new Coordinate(x0 + 0.6 * s, y0 + 1.6 * s)), "G3", Double.NaN)));
        TextStyle label = TextStyle.plain(10, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 1.8);
        return MapModel.of(
                ChoroplethLayer.classify("theme", "Cas", areas, new double[] {120, 480, Double.NaN},
                        ClassificationMethod.EQUAL_INTERVALS, 3, Palette.YL_OR_RD, LineStyle.solid(Rgba.WHITE, 0.8), label),
                new BoundaryLayer("district", "District", district, AreaStyle.outline(LineStyle.solid(Rgba.hex("#252525"), 1.5)),
                        null, 0),
                new FacilityLayer("facilities", "FS", facilities, types, FacilityLayer.defaultSymbols(types), null,
                        List.of(FacilityKind.HOSPITAL)));
    }

    static BufferedImage render(MapModel model, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Java2dPainter p = new Java2dPainter(g);
        p.fillRect(0, 0, width, height, Rgba.hex("#f7f7f7"));
        Viewport v = Viewport.fit(new org.locationtech.jts.geom.Envelope(WebMercator.x(2.0), WebMercator.x(2.0) + 40_000,
                WebMercator.y(13.0), WebMercator.y(13.0) + 40_000), width, height, 10);
        MapRenderer.render(p, model, RenderContext.of(v));
        ScaleBar.paint(p, v, 8, height - 8, 70, new MapMessages(Locale.FRENCH));
        g.dispose();
        return image;
    }

    @Test
    void smallSceneMatchesItsReference() throws IOException {
        compare("small-scene", render(smallScene(), 240, 180));
    }

    @Test
    void theSceneIsTheSameWhenPaintedTwice() {
        BufferedImage a = render(smallScene(), 240, 180);
        BufferedImage b = render(smallScene(), 240, 180);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertThat(a.getRGB(x, y)).isEqualTo(b.getRGB(x, y));
            }
        }
    }

    @Test
    void scaleBarIsTrueAtTheLatitude() {
        // 1,000 projected metres per pixel at 60° N are 500 ground metres: 200 px hold 100 km.
        ScaleBar.Length l = ScaleBar.choose(Viewport.of(0, WebMercator.y(60), 1000, 10, 10).groundResolution(60), 250);
        assertThat(l.metres()).isEqualTo(100_000);
        assertThat(l.pixels()).isCloseTo(200, within(1e-9));
        assertThat(ScaleBar.choose(37, 100).metres()).isEqualTo(2000);
        assertThat(ScaleBar.label(2000, new MapMessages(Locale.FRENCH))).isEqualTo("2 km");
        assertThat(ScaleBar.label(500, new MapMessages(Locale.ENGLISH))).isEqualTo("500 m");
    }

    static void compare(String name, BufferedImage actual) throws IOException {
        Path reference = Path.of("src/test/resources/org/santeatlas/map/golden", name, "reference.png");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(reference.getParent());
            ImageIO.write(actual, "png", reference.toFile());
        }
        assertThat(reference).as("reference image (write it with -Dgolden.update=true)").exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
        int bad = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                int d = Math.max(Math.abs(((a >> 16) & 255) - ((e >> 16) & 255)),
                        Math.max(Math.abs(((a >> 8) & 255) - ((e >> 8) & 255)), Math.abs((a & 255) - (e & 255))));
                if (d > CHANNEL_TOLERANCE) {
                    bad++;
                    diff.setRGB(x, y, 0xff0000);
                } else {
                    diff.setRGB(x, y, d == 0 ? 0xffffff : 0xffd0d0);
                }
            }
        }
        if (bad > BAD_PIXEL_SHARE * actual.getWidth() * actual.getHeight()) {
            Path out = Path.of("target/golden", name);
            Files.createDirectories(out);
            ImageIO.write(actual, "png", out.resolve("actual.png").toFile());
            ImageIO.write(diff, "png", out.resolve("difference.png").toFile());
        }
        assertThat(bad).as(name + ": pixels beyond tolerance (see target/golden/" + name + ")")
                .isLessThanOrEqualTo((int) (BAD_PIXEL_SHARE * actual.getWidth() * actual.getHeight()));
    }
}
