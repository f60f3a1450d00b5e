package org.santeatlas.app.map;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.AreaValueCube;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Palette;
import org.santeatlas.map.view.Viewport;

/**
 * The map benchmark's scene (national set, choropleth with labels, districts, country, facilities) painted by
 * {@link FxMapPainter} on a 1600 × 1000 JavaFX {@link Canvas}, headless (Monocle, software pipeline, as the
 * TestFX tests run). Each frame is timed twice on the FX thread: the painter's calls into the canvas (what
 * the map view does on a repaint; JavaFX records them) and those calls plus a snapshot of the canvas (which
 * makes the render thread rasterise them, as the next pulse would); CPU times add the FX thread's and the
 * render thread's (the machine is shared, wall-clock times wander). The baseline, in the same run, is the same
 * scene without the level-of-detail cache ({@link FeatureSet#unsimplified}).
 *
 * <p>A harness, not a test (test scope for Monocle and the app's classes). The workspace is the one the
 * benchmarks module's {@code MapBenchmark} prepared in DIR ({@code map-national.santeatlas}):
 *
 * <pre>mvn -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
 *     -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp.txt) org.santeatlas.app.map.FxMapBenchmark DIR [FRAMES]</pre>
 */
public final class FxMapBenchmark {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    static final TextStyle AREA_LABEL = TextStyle.plain(10, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 1.8);
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FxMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-map").toAbsolutePath();
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path file = dir.resolve("map-national" + Workspace.FILE_SUFFIX);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " missing: run the benchmarks module's MapBenchmark on " + dir + " first");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            MapDataRepository repo = new MapDataRepository(ws.connection());
            ThemeRepository themes = new ThemeRepository(ws.connection());
            List<OrgUnitLevel> levels = repo.levels();
            OrgUnitLevel areaLevel = MapDataRepository.areaLevel(levels).orElseThrow();
            FeatureSet areas = repo.boundaries(areaLevel.level());
            FeatureSet districts = repo.boundaries(MapDataRepository.districtLevel(levels).orElseThrow().level());
            FeatureSet country = repo.boundaries(1);
            MapDataRepository.Facilities facilities = repo.facilities(MapDataRepository.facilityLevel(levels).orElseThrow().level());
            MapDataRepository.DataElementInfo de = repo.dataElement("SNIS_PALU_CONF").orElseThrow();
            AreaValueCube cube = AreaValueCube.load(themes, ws.connection(), areas, areaLevel.level(), de.id());
            double[] values = cube.values(Period.parse("202407"), themes.aggregation(de.id()));
            System.out.printf(Locale.ROOT, "national: %d health areas, %d districts, %d facilities; JavaFX %s, prism %s%n",
                    areas.size(), districts.size(), facilities.features().size(), System.getProperty("javafx.runtime.version"),
                    System.getProperty("prism.order", "default"));
            Function<Function<List<MapFeature>, FeatureSet>, MapModel> scene = sets -> MapModel.of(
                    ChoroplethLayer.classify("theme", de.label(), sets.apply(areas.features()), values,
                            ClassificationMethod.JENKS, 5, Palette.YL_OR_RD, LineStyle.solid(Rgba.WHITE, 0.6), AREA_LABEL),
                    new BoundaryLayer("districts", "", sets.apply(districts.features()),
                            AreaStyle.outline(LineStyle.solid(Rgba.hex("#525252"), 1.2)), null, 0),
                    new BoundaryLayer("country", "", sets.apply(country.features()),
                            AreaStyle.outline(LineStyle.solid(Rgba.hex("#252525"), 2)), null, 0),
                    new FacilityLayer("facilities", "", sets.apply(facilities.features().features()), facilities.types(),
                            FacilityLayer.defaultSymbols(facilities.types()), null, List.of()));
            MapModel lod = scene.apply(FeatureSet::new);
            MapModel raw = scene.apply(FeatureSet::unsimplified);
            Viewport full = Viewport.fit(areas.bounds(), WIDTH, HEIGHT, 12);
            Envelope d = districts.get(0).world().getEnvelopeInternal();
            Viewport zoomed = Viewport.of(d.centre().x, d.centre().y, full.resolution() / 8, WIDTH, HEIGHT);
            System.out.println();
            System.out.println("JavaFX canvas 1600×1000 (median / p90 ms)   LOD cache + culling   baseline: unsimplified");
            row("full extent, labels", lod, raw, full, frames);
            row("zoomed ×8, labels", lod, raw, zoomed, frames);
        } finally {
            Platform.exit();
        }
    }

    static void row(String what, MapModel model, MapModel baseline, Viewport v, int frames) throws Exception {
        double[][] m = onFx(model, v, frames);
        double[][] b = onFx(baseline, v, frames);
        report(what + ", paint calls (wall)", m[0], b[0]);
        report(what + ", paint calls (thread CPU)", m[1], b[1]);
        report(what + ", + snapshot (wall)", m[2], b[2]);
        report(what + ", + snapshot (FX + render thread CPU)", m[3], b[3]);
    }

    /** Per frame: calls wall, calls CPU, calls + snapshot wall, calls + snapshot CPU (ms), on the FX thread. */
    static double[][] onFx(MapModel model, Viewport v, int frames) throws Exception {
        CompletableFuture<double[][]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                double[][] out = new double[4][frames];
                Canvas canvas = new Canvas(WIDTH, HEIGHT);
                WritableImage image = new WritableImage(WIDTH, HEIGHT);
                canvas.snapshot(null, image); // starts the render thread
                long renderer = renderThread();
                for (int i = -5; i < frames; i++) {
                    long r0 = renderCpu(renderer);
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    FxMapPainter p = new FxMapPainter(canvas.getGraphicsContext2D());
                    p.fillRect(0, 0, WIDTH, HEIGHT, Rgba.hex("#f7f7f7"));
                    MapRenderer.render(p, model, RenderContext.of(v));
                    long b = System.nanoTime();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    canvas.snapshot(null, image);
                    long c = System.nanoTime();
                    long c2 = THREADS.getCurrentThreadCpuTime() + renderCpu(renderer) - r0;
                    if (i >= 0) {
                        out[0][i] = (b - a) / 1e6;
                        out[1][i] = (c1 - c0) / 1e6;
                        out[2][i] = (c - a) / 1e6;
                        out[3][i] = (c2 - c0) / 1e6;
                    }
                }
                result.complete(out);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /** The id of JavaFX's render thread (QuantumRenderer), which rasterises a canvas for a snapshot or a pulse. */
    static long renderThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        throw new IllegalStateException("no QuantumRenderer thread");
    }

    static long renderCpu(long id) {
        return THREADS.getThreadCpuTime(id);
    }

    static void report(String what, double[] measured, double[] baseline) {
        System.out.printf(Locale.ROOT, "  %-44s %8.2f / %-8.2f    %8.2f / %-8.2f  (×%.1f)%n", what, median(measured),
                p90(measured), median(baseline), p90(baseline), median(baseline) / median(measured));
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double p90(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
    }
}
