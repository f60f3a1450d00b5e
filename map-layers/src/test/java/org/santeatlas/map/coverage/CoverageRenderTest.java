package org.santeatlas.map.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.DemoWorkspaceAccess;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.layer.LocalityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.map.view.WebMercator;

/** The coverage buffers and the covered / not covered localities, painted to PNG files in target/coverage. */
class CoverageRenderTest {

    static final Path OUT = Path.of("target/coverage");
    static final GeometryFactory GF = new GeometryFactory();

    static BufferedImage paint(MapModel model, Viewport v) {
        BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, v.width(), v.height());
        MapRenderer.render(new Java2dPainter(g), model, RenderContext.of(v));
        g.dispose();
        return img;
    }

    static void write(BufferedImage img, String name) throws Exception {
        Files.createDirectories(OUT);
        ImageIO.write(img, "png", OUT.resolve(name).toFile());
    }

    static boolean filled(BufferedImage img, double sx, double sy) {
        return (img.getRGB((int) Math.round(sx), (int) Math.round(sy)) & 0xffffff) != 0xffffff;
    }

    @Test
    void bufferIsAGroundCircleNotAWebMercatorOne() throws Exception {
        // At 60° N, 5 km on the ground is 10 km in Web Mercator metres: 200 px at 50 m per pixel.
        double lon = 10;
        double lat = 60;
        CoverageLayer layer = new CoverageLayer("coverage", List.of(new double[] {lon, lat}), 5_000,
                AreaStyle.filled(Rgba.hex("#abd9e9"), null));
        Viewport v = Viewport.of(WebMercator.x(lon), WebMercator.y(lat), 50, 600, 600);
        BufferedImage img = paint(MapModel.of(layer), v);
        write(img, "buffer-60N.png");
        for (int bearing = 0; bearing < 360; bearing += 30) {
            double[] in = Geodesic.destination(lon, lat, bearing, 4_850);
            double[] out = Geodesic.destination(lon, lat, bearing, 5_150);
            assertThat(filled(img, v.screenX(WebMercator.x(in[0])), v.screenY(WebMercator.y(in[1]))))
                    .as("4.85 km at %d°", bearing).isTrue();
            assertThat(filled(img, v.screenX(WebMercator.x(out[0])), v.screenY(WebMercator.y(out[1]))))
                    .as("5.15 km at %d°", bearing).isFalse();
        }
        // A 5,000-world-metre circle would end at 100 px; the ground circle reaches ~200 px.
        assertThat(filled(img, 300 + 150, 300)).isTrue();
    }

    @Test
    void overlappingDiscsMergeIntoOneZone() {
        // Two facilities 6 km apart on the equator: their 5 km discs overlap into one polygon.
        CoverageLayer layer = new CoverageLayer("coverage", List.of(new double[] {0, 0}, new double[] {0.0539, 0}),
                5_000, AreaStyle.filled(CoverageLayer.FILL, CoverageLayer.OUTLINE));
        assertThat(layer.zone().size()).isEqualTo(1);
        CoverageLayer apart = new CoverageLayer("coverage", List.of(new double[] {0, 0}, new double[] {0.2, 0}),
                5_000, AreaStyle.filled(CoverageLayer.FILL, CoverageLayer.OUTLINE));
        assertThat(apart.zone().size()).isEqualTo(2);
        // On the equator Web Mercator keeps east–west metres (the sphere has radius a) but stretches north–south
        // ones by a / M, M = a(1 − e²) the meridian's radius of curvature there: the ground disc becomes an
        // ellipse of area π r² / (1 − e²), times (72 / 2π) sin(2π / 72) for the inscribed 72-gon.
        double e2 = Geodesic.F * (2 - Geodesic.F);
        double expected = Math.PI * 5_000 * 5_000 / (1 - e2) * 36 / Math.PI * Math.sin(2 * Math.PI / 72);
        assertThat(apart.zone().get(0).world().getArea()).isCloseTo(expected, org.assertj.core.api.Assertions.withinPercentage(0.05));
        Legend legend = layer.legend(new MapMessages(Locale.FRENCH)).orElseThrow();
        assertThat(legend.rows()).extracting(Legend.Row::label).containsExactly("Zone à 5 km ou moins");
    }

    @Test
    void localitiesTakeTheCoveredAndNotCoveredStyles() throws Exception {
        FeatureSet localities = new FeatureSet(List.of(
                new MapFeature(1, "L1", "Couverte", null, GF.createPoint(new Coordinate(WebMercator.x(2), WebMercator.y(13))),
                        null, 1000),
                new MapFeature(2, "L2", "Loin", null, GF.createPoint(new Coordinate(WebMercator.x(2.2), WebMercator.y(13))),
                        null, 1000)));
        LocalityLayer layer = new LocalityLayer("localities", "Localités", localities, Rgba.hex("#555555"), 14,
                new LocalityLayer.Coverage(Set.of(1), 5));
        Viewport v = Viewport.fit(localities.bounds(), 400, 200, 40);
        BufferedImage img = paint(MapModel.of(layer), v);
        write(img, "localities-two-styles.png");
        Color covered = new Color(img.getRGB((int) v.screenX(WebMercator.x(2)), (int) v.screenY(WebMercator.y(13))));
        Color far = new Color(img.getRGB((int) v.screenX(WebMercator.x(2.2)), (int) v.screenY(WebMercator.y(13))));
        assertThat(covered.getBlue()).isGreaterThan(covered.getRed() + 40);
        assertThat(far.getRed()).isGreaterThan(far.getBlue() + 40);
        Legend legend = layer.legend(new MapMessages(Locale.FRENCH)).orElseThrow();
        assertThat(legend.rows().subList(0, 2)).extracting(Legend.Row::label)
                .containsExactly("Couverte (≤ 5 km)", "Non couverte (> 5 km)");
        assertThat(legend.rows().subList(0, 2)).extracting(Legend.Row::count)
                .containsExactly(OptionalInt.of(1), OptionalInt.of(1));
        // Without a coverage result: one colour, no coverage rows.
        assertThat(new LocalityLayer("l", "Localités", localities, Rgba.hex("#555555"), 14).legend(
                new MapMessages(Locale.FRENCH)).orElseThrow().rows()).hasSize(2)
                .extracting(Legend.Row::label).allSatisfy(l -> assertThat(l).endsWith("habitants"));
    }

    @Test
    void demoDistrictWithBuffersAndLocalitiesByCoverage() throws Exception {
        try (Workspace ws = Workspace.open(DemoWorkspaceAccess.file(), AccessMode.READ_ONLY)) {
            CoverageInput input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
            CoverageResult result = CoverageAnalysis.run(input, 5_000,
                    FacilitySelection.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE));
            MapDataRepository repo = new MapDataRepository(ws.connection());
            FeatureSet districts = repo.boundaries(input.districtLevel());
            FeatureSet areas = repo.boundaries(input.areaLevel());
            MapDataRepository.Facilities facilities = repo.facilities(5);
            FeatureSet localities = repo.localities();
            // The whole district with the most facilities.
            CoverageResult.Stats district = result.atLevel(input.districtLevel()).stream()
                    .max(java.util.Comparator.comparingInt(CoverageResult.Stats::facilities)).orElseThrow();
            int dIndex = input.unitIndex(district.uid());
            Envelope focus = districts.features().stream().filter(f -> f.uid().equals(district.uid())).findFirst()
                    .orElseThrow().world().getEnvelopeInternal();
            List<MapFeature> near = new ArrayList<>();
            for (MapFeature f : localities.features()) {
                if (focus.intersects(f.world().getEnvelopeInternal())) {
                    near.add(f);
                }
            }
            MapModel model = MapModel.of(
                    new BoundaryLayer("areas", "Aires", areas, AreaStyle.filled(Rgba.hex("#fbfaf3"),
                            LineStyle.solid(Rgba.hex("#969696"), 0.6)), null, 0),
                    CoverageLayer.of("coverage", result),
                    new BoundaryLayer("districts", "Districts", districts, AreaStyle.outline(
                            LineStyle.solid(Rgba.hex("#525252"), 1.3)), null, 0),
                    new LocalityLayer("localities", "Localités", new FeatureSet(near), Rgba.hex("#555555"), 16,
                            CoverageLayer.localityCoverage(result)),
                    new FacilityLayer("facilities", "FOSA", facilities.features(), facilities.types(),
                            FacilityLayer.defaultSymbols(facilities.types()), null, List.of()));
            Viewport v = Viewport.fit(focus, 1200, 1000, 10);
            BufferedImage img = paint(model, v);
            write(img, "demo-district-coverage.png");
            // Both styles show, and the buffer's blue too.
            int red = 0;
            int blue = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    Color c = new Color(img.getRGB(x, y));
                    red += c.getRed() > 180 && c.getBlue() < 120 && c.getGreen() < 120 ? 1 : 0;
                    blue += c.getBlue() > 150 && c.getRed() < 120 ? 1 : 0;
                }
            }
            assertThat(red).isGreaterThan(100);
            assertThat(blue).isGreaterThan(100);
            // Every covered locality of the district lies inside the drawn zone (the zone is the union of discs).
            List<Integer> checked = new ArrayList<>();
            int d = dIndex;
            CoverageLayer zone = CoverageLayer.of("c", result);
            for (int i = 0; i < input.localities().size(); i++) {
                CoverageInput.Locality l = input.localities().get(i);
                if (result.isCovered(i) && l.unit() >= 0 && result.isWithin(l.unit(), d)) {
                    var p = GF.createPoint(new Coordinate(WebMercator.x(l.lon()), WebMercator.y(l.lat())));
                    assertThat(zone.zone().features().stream().anyMatch(f -> f.world().distance(p) < 10)).isTrue();
                    checked.add(i);
                    if (checked.size() == 20) {
                        break;
                    }
                }
            }
            assertThat(checked).hasSize(20);
        }
    }

    @Test
    void composedDemoMapGetsTheCoverageLayersUnderTheFacilities() throws Exception {
        try (Workspace ws = Workspace.open(DemoWorkspaceAccess.file(), AccessMode.READ_ONLY)) {
            org.santeatlas.map.print.PrintLayout layout = org.santeatlas.map.print.HealthMapComposer.compose(ws,
                    org.santeatlas.map.print.MapRequest.defaults().madeOn(java.time.LocalDate.of(2026, 11, 23)));
            CoverageResult result = CoverageAnalysis.run(new CoverageRepository(ws.connection()).load(OptionalInt.empty()));
            org.santeatlas.map.print.PrintLayout covered = CoverageMaps.withCoverage(layout, ws.connection(), result);
            List<String> ids = covered.model().entries().stream().map(e -> e.layer().id()).toList();
            assertThat(ids.indexOf("coverage")).isLessThan(ids.indexOf("coverage-localities"));
            assertThat(ids.indexOf("coverage-localities")).isLessThan(ids.indexOf("facilities"));
            assertThat(ids.indexOf("areas")).isLessThan(ids.indexOf("coverage"));
            assertThat(covered.subtitle()).startsWith(new MapMessages(Locale.FRENCH).number(
                    result.total().coveragePercent(), 1)).contains("5 km");
            Files.createDirectories(OUT);
            org.santeatlas.map.print.MapExport.writePng(covered, OUT.resolve("demo-map-coverage.png"), 1400, 1000, 120);
            assertThat(ImageIO.read(OUT.resolve("demo-map-coverage.png").toFile()).getWidth()).isEqualTo(1400);
        }
    }
}
