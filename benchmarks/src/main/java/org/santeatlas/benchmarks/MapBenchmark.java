package org.santeatlas.benchmarks;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.map.data.AreaValueCube;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.draw.Java2dPainter;
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
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * Map speed on the national set (issue 5 targets): a full-extent frame and a zoomed frame with labels painted
 * by the Java2D painter at 1600 × 1000 (≤ 16 ms median), a hit test (≤ 1 ms) and a choropleth recomputed for
 * a new period (≤ 50 ms), each beside a baseline measured in the same run:
 * <ul>
 * <li>frames: the same layers over the same features with the level-of-detail cache off (every polygon drawn
 * with its stored vertices, {@link FeatureSet#unsimplified});</li>
 * <li>repaint of an unchanged frame: the {@link org.santeatlas.map.layer.MapFrameCache} copying its image,
 * against painting the frame again (the "frames" rows above are new-viewport frames: every layer painted);</li>
 * <li>hit test: the index (STRtree box query, then true distances) against a scan of every feature;</li>
 * <li>choropleth: values from the in-memory {@link AreaValueCube} + Jenks + a new layer, against reading the
 * values from the workspace again ({@link ThemeRepository#dataElementByArea}) + Jenks + a new layer.</li>
 * </ul>
 * Run with
 *
 * <pre>java -Xmx1g -cp "benchmarks/target/santeatlas-benchmarks-*.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.MapBenchmark [DIR] [demo|national] [FRAMES]</pre>
 *
 * DIR keeps the generated files and the workspace (metadata and data values; reused when present). After
 * warm-up, each measure is repeated FRAMES times (default 40) and its median and 90th percentile printed.
 */
public final class MapBenchmark {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    static final TextStyle AREA_LABEL = TextStyle.plain(10, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 1.8);

    private MapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-map").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "national");
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path file = prepare(dir, size);
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, Java %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            MapDataRepository repo = new MapDataRepository(ws.connection());
            ThemeRepository themes = new ThemeRepository(ws.connection());
            List<OrgUnitLevel> levels = repo.levels();
            OrgUnitLevel areaLevel = MapDataRepository.areaLevel(levels).orElseThrow();
            OrgUnitLevel districtLevel = MapDataRepository.districtLevel(levels).orElseThrow();
            FeatureSet areas = repo.boundaries(areaLevel.level());
            FeatureSet districts = repo.boundaries(districtLevel.level());
            FeatureSet country = repo.boundaries(1);
            MapDataRepository.Facilities facilities = repo.facilities(MapDataRepository.facilityLevel(levels).orElseThrow().level());
            long vertices = areas.features().stream().mapToLong(f -> f.world().getNumPoints()).sum();
            System.out.printf(Locale.ROOT, "%s: %d health areas (%d vertices), %d districts, %d facilities%n",
                    size.externalName(), areas.size(), vertices, districts.size(), facilities.features().size());

            MapDataRepository.DataElementInfo de = repo.dataElement("SNIS_PALU_CONF").orElseThrow();
            ThemeRepository.Aggregation agg = themes.aggregation(de.id());
            long t0 = System.nanoTime();
            AreaValueCube cube = AreaValueCube.load(themes, ws.connection(), areas, areaLevel.level(), de.id());
            System.out.printf(Locale.ROOT, "value cube loaded once in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            Period july = Period.parse("202407");
            double[] values = cube.values(july, agg);

            Function<Function<List<MapFeature>, FeatureSet>, MapModel> scene = sets -> MapModel.of(
                    ChoroplethLayer.classify("theme", de.label(), sets.apply(areas.features()), values,
                            ClassificationMethod.JENKS, 5, Palette.YL_OR_RD, LineStyle.solid(Rgba.WHITE, 0.6), AREA_LABEL),
                    new BoundaryLayer("districts", "", sets.apply(districts.features()),
                            AreaStyle.outline(LineStyle.solid(Rgba.hex("#525252"), 1.2)), null, 0),
                    new BoundaryLayer("country", "", sets.apply(country.features()),
                            AreaStyle.outline(LineStyle.solid(Rgba.hex("#252525"), 2)), null, 0),
                    new FacilityLayer("facilities", "", sets.apply(facilities.features().features()), facilities.types(),
                            FacilityLayer.defaultSymbols(facilities.types()), null, List.of()));
            Function<Function<List<MapFeature>, FeatureSet>, MapModel> noLabels = sets -> MapModel.of(
                    ChoroplethLayer.classify("theme", de.label(), sets.apply(areas.features()), values,
                            ClassificationMethod.JENKS, 5, Palette.YL_OR_RD, LineStyle.solid(Rgba.WHITE, 0.6), null),
                    new BoundaryLayer("districts", "", sets.apply(districts.features()),
                            AreaStyle.outline(LineStyle.solid(Rgba.hex("#525252"), 1.2)), null, 0),
                    new FacilityLayer("facilities", "", sets.apply(facilities.features().features()), facilities.types(),
                            FacilityLayer.defaultSymbols(facilities.types()), null, List.of()));
            MapModel lod = scene.apply(FeatureSet::new);
            MapModel raw = scene.apply(FeatureSet::unsimplified);

            Viewport full = Viewport.fit(areas.bounds(), WIDTH, HEIGHT, 12);
            // Zoomed: 8× closer, on the centre of the first district by name (areas and their labels fill the frame).
            Envelope d = districts.get(0).world().getEnvelopeInternal();
            Viewport zoomed = Viewport.of(d.centre().x, d.centre().y, full.resolution() / 8, WIDTH, HEIGHT);

            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            System.out.println();
            System.out.println("Java2D frame 1600×1000 (median / p90 ms)   LOD cache + culling   baseline: unsimplified");
            frameRow("full extent, labels", image, lod, raw, full, frames);
            frameRow("zoomed ×8, labels", image, lod, raw, zoomed, frames);
            frameRow("full extent, no labels", image, noLabels.apply(FeatureSet::new), noLabels.apply(FeatureSet::unsimplified),
                    full, frames);

            System.out.println();
            System.out.println("repaint, same model and viewport (median / p90 ms)  frame cache (blit)   baseline: paint again");
            for (Viewport v : new Viewport[] {full, zoomed}) {
                org.santeatlas.map.layer.MapFrameCache cache = new org.santeatlas.map.layer.MapFrameCache();
                Rgba bg = Rgba.hex("#f7f7f7");
                double[] cpu = new double[frames];
                double[] wall = new double[frames];
                for (int i = -5; i < frames; i++) {
                    Graphics2D g = image.createGraphics();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    boolean hit = cache.paint(g, lod, RenderContext.of(v), bg);
                    long b = System.nanoTime();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    g.dispose();
                    if (i >= 0) {
                        if (!hit) {
                            throw new IllegalStateException("frame cache missed an unchanged frame");
                        }
                        wall[i] = (b - a) / 1e6;
                        cpu[i] = (c1 - c0) / 1e6;
                    }
                }
                double[] baseCpu = new double[frames];
                double[] baseWall = frames(image, lod, v, frames, baseCpu);
                String what = v == full ? "full extent" : "zoomed ×8";
                report(what + " (wall)", wall, baseWall);
                report(what + " (thread CPU)", cpu, baseCpu);
            }

            Random random = new Random(42);
            int n = 2000;
            double[][] points = new double[n][2];
            for (double[] p : points) {
                p[0] = random.nextDouble() * WIDTH;
                p[1] = random.nextDouble() * HEIGHT;
            }
            System.out.println();
            System.out.println("hit test, 4 px (median / p90 µs)             STRtree              baseline: scan every feature");
            for (Viewport v : new Viewport[] {full, zoomed}) {
                double[] indexed = new double[n];
                double[] scanned = new double[n];
                List<MapFeature> all = new ArrayList<>(areas.features());
                all.addAll(facilities.features().features());
                for (int rep = 0; rep < 2; rep++) {
                    for (int i = 0; i < n; i++) {
                        long a = System.nanoTime();
                        lod.hitTest(v, points[i][0], points[i][1], 4);
                        long b = System.nanoTime();
                        scan(all, v, points[i][0], points[i][1], 4);
                        long c = System.nanoTime();
                        indexed[i] = (b - a) / 1e3;
                        scanned[i] = (c - b) / 1e3;
                    }
                }
                report(v == full ? "full extent" : "zoomed ×8", indexed, scanned);
            }

            System.out.println();
            System.out.println("choropleth for a new period (median / p90 ms) value cube           baseline: read the workspace");
            List<Period> months = Period.range(Period.parse("202401"), Period.parse("202412"));
            double[] fromCube = new double[frames];
            double[] fromDb = new double[Math.min(frames, 12)];
            for (int rep = -3; rep < frames; rep++) {
                Period p = months.get(Math.floorMod(rep, months.size()));
                long a = System.nanoTime();
                ChoroplethLayer.classify("theme", "", areas, cube.values(p, agg), ClassificationMethod.JENKS, 5,
                        Palette.YL_OR_RD, null, AREA_LABEL);
                long b = System.nanoTime();
                if (rep >= 0) {
                    fromCube[rep] = (b - a) / 1e6;
                }
            }
            for (int rep = -1; rep < fromDb.length; rep++) {
                Period p = months.get(Math.floorMod(rep, months.size()));
                long a = System.nanoTime();
                ChoroplethLayer.classify("theme", "", areas,
                        themes.dataElementByArea(areas, areaLevel.level(), de.id(), -1, p, agg), ClassificationMethod.JENKS,
                        5, Palette.YL_OR_RD, null, AREA_LABEL);
                long b = System.nanoTime();
                if (rep >= 0) {
                    fromDb[rep] = (b - a) / 1e6;
                }
            }
            report("Jenks, 5 classes, SNIS_PALU_CONF", fromCube, fromDb);
        }
    }

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall-clock ms of each frame; {@code cpu} receives this thread's CPU ms of each (the machine is shared). */
    static double[] frames(BufferedImage image, MapModel model, Viewport v, int frames, double[] cpu) {
        double[] ms = new double[frames];
        for (int i = -5; i < frames; i++) {
            Graphics2D g = image.createGraphics();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            Java2dPainter p = new Java2dPainter(g);
            p.fillRect(0, 0, WIDTH, HEIGHT, Rgba.hex("#f7f7f7"));
            MapRenderer.render(p, model, RenderContext.of(v));
            long b = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            g.dispose();
            if (i >= 0) {
                ms[i] = (b - a) / 1e6;
                cpu[i] = (c1 - c0) / 1e6;
            }
        }
        return ms;
    }

    static void frameRow(String what, BufferedImage image, MapModel model, MapModel baseline, Viewport v, int frames) {
        double[] cpu = new double[frames];
        double[] baseCpu = new double[frames];
        double[] wall = frames(image, model, v, frames, cpu);
        double[] baseWall = frames(image, baseline, v, frames, baseCpu);
        report(what + " (wall)", wall, baseWall);
        report(what + " (thread CPU)", cpu, baseCpu);
    }

    /** The brute-force hit test: every feature's true distance to the point. */
    static int scan(List<MapFeature> all, Viewport v, double sx, double sy, double tolerancePx) {
        Point p = new GeometryFactory().createPoint(new Coordinate(v.worldX(sx), v.worldY(sy)));
        int hits = 0;
        for (MapFeature f : all) {
            if (f.world().distance(p) / v.resolution() <= tolerancePx) {
                hits++;
            }
        }
        return hits;
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

    private static Path prepare(Path dir, DemoSize size) throws Exception {
        Path file = dir.resolve("map-" + size.externalName() + Workspace.FILE_SUFFIX);
        if (Files.exists(file)) {
            return file;
        }
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        try (Workspace ws = Workspace.create(file)) {
            ImportService service = new ImportService(ws);
            for (Path f : List.of(files.metadataJson(), files.dataValuesJson())) {
                ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                if (r.failure().isPresent()) {
                    throw new IllegalStateException(f + ": " + r.failure().get());
                }
            }
        }
        System.out.printf(Locale.ROOT, "workspace ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, file);
        return file;
    }
}
