package org.santeatlas.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageInput;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.coverage.FacilitySelection;
import org.santeatlas.map.coverage.Geodesic;
import org.santeatlas.map.coverage.SiteSuggestion;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The carte sanitaire analysis (issue #5: national set, ≥ 50,000 localities × ≥ 5,000 facilities, ≤ 2 s) beside
 * its baseline measured in the same run: a brute-force pass computing the distance of every locality to every
 * facility (the same ellipsoidal formula) and keeping the least. Run with
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -cp "benchmarks/target/santeatlas-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.CoverageBenchmark [DIR] [demo|national] [ROUNDS]</pre>
 *
 * DIR receives the generated files and a workspace holding the metadata (org units with boundaries and
 * facilities) and the localities (reused when present). Each round times, on an open workspace: reading the
 * analysis' input ({@link CoverageRepository#load}), the analysis itself ({@link CoverageAnalysis#run}: nearest
 * facility of every locality, sums per unit, district hospitals) and the greedy siting of 20 new sites. After
 * a warm-up round, medians of ROUNDS rounds (default 5) are printed. The brute-force pass runs once, after the
 * rounds (it takes tens of seconds), and its nearest distances are compared with the analysis'.
 */
public final class CoverageBenchmark {

    private CoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-coverage").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "national");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = prepare(dir, size);
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, Java %s, load average %.2f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double[] load = new double[rounds];
        double[] analysis = new double[rounds];
        double[] siting = new double[rounds];
        double[] loadCpu = new double[rounds];
        double[] analysisCpu = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        CoverageInput input = null;
        CoverageResult result = null;
        SiteSuggestion.Plan plan = null;
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            for (int i = 0; i <= rounds; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
                double l = (System.nanoTime() - t) / 1e9;
                double lc = (threads.getCurrentThreadCpuTime() - c) / 1e9;
                c = threads.getCurrentThreadCpuTime();
                t = System.nanoTime();
                result = CoverageAnalysis.run(input, CoverageAnalysis.DEFAULT_RADIUS, FacilitySelection.ALL);
                double a = (System.nanoTime() - t) / 1e9;
                double ac = (threads.getCurrentThreadCpuTime() - c) / 1e9;
                t = System.nanoTime();
                plan = SiteSuggestion.suggest(result, 20, -1);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: read input %.3f s (cpu %.3f s), analysis %.3f s (cpu %.3f s),"
                        + " 20 sites %.3f s%n", i, l, lc, a, ac, s);
                if (i > 0) {
                    load[i - 1] = l;
                    analysis[i - 1] = a;
                    siting[i - 1] = s;
                    loadCpu[i - 1] = lc;
                    analysisCpu[i - 1] = ac;
                }
            }
        }
        int n = input.localities().size();
        int m = input.facilities().size();
        System.out.printf(Locale.ROOT, "%s set: %,d localities (%,d without coordinates), %,d open facilities with a point,"
                + " %,d org units down to the areas%n", size.externalName(), n, input.localitiesWithoutPoint(), m,
                input.units().size());
        if (size == DemoSize.NATIONAL && (n < 50_000 || m < 5_000)) {
            System.out.println("WARNING: below the issue's scale (≥ 50,000 localities, ≥ 5,000 facilities)");
        }
        System.out.printf(Locale.ROOT, "coverage within 5 km: %.1f %% of %,d inhabitants; 20 new sites would reach %.1f %%%n",
                result.total().coveragePercent(), result.total().population(),
                plan.sites().isEmpty() ? Double.NaN : plan.sites().get(plan.sites().size() - 1).cumulativePercent());

        // Baseline: every pair, same formula.
        long bc = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        double[] brute = new double[n];
        for (int i = 0; i < n; i++) {
            CoverageInput.Locality l = input.localities().get(i);
            double best = Double.POSITIVE_INFINITY;
            for (int f = 0; f < m; f++) {
                CoverageInput.Facility x = input.facilities().get(f);
                double d = Geodesic.distance(l.lon(), l.lat(), x.lon(), x.lat());
                if (d < best) {
                    best = d;
                }
            }
            brute[i] = best;
        }
        double b = (System.nanoTime() - t) / 1e9;
        double bCpu = (threads.getCurrentThreadCpuTime() - bc) / 1e9;
        int differ = 0;
        for (int i = 0; i < n; i++) {
            differ += brute[i] == result.nearestDistance(i) ? 0 : 1;
        }
        double a = median(analysis);
        double l = median(load);
        System.out.printf(Locale.ROOT, "brute force, all %,d × %,d pairs (once):     %8.3f s%n", n, m, b);
        System.out.printf(Locale.ROOT, "analysis (STRtree + degree boxes), median of %d: %8.3f s  (%.0f× faster)%n",
                rounds, a, b / a);
        System.out.printf(Locale.ROOT, "reading its input from the workspace, median:   %8.3f s%n", l);
        System.out.printf(Locale.ROOT, "read + analysis:                                 %8.3f s  (target ≤ 2 s)%n", l + a);
        System.out.printf(Locale.ROOT, "thread CPU time (load-independent on a shared machine): brute force %.3f s,"
                + " analysis %.3f s (%.0f×), read %.3f s, read + analysis %.3f s%n", bCpu, median(analysisCpu),
                bCpu / median(analysisCpu), median(loadCpu), median(loadCpu) + median(analysisCpu));
        System.out.printf(Locale.ROOT, "greedy siting of 20 sites, median:               %8.3f s%n", median(siting));
        System.out.printf(Locale.ROOT, "nearest distances differing from the brute force: %d of %,d%n", differ, n);
    }

    /** Generates the country and imports its metadata and localities into {@code DIR/coverage-SIZE.mv.db}. */
    private static Path prepare(Path dir, DemoSize size) throws Exception {
        Path file = dir.resolve("coverage-" + size.externalName() + Workspace.FILE_SUFFIX);
        if (Files.exists(file)) {
            return file;
        }
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        try (Workspace ws = Workspace.create(file)) {
            ImportService service = new ImportService(ws);
            for (Path f : List.of(files.metadataJson(), files.localitiesCsv())) {
                ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                if (r.failure().isPresent()) {
                    throw new IllegalStateException(f + ": " + r.failure().get());
                }
            }
        }
        System.out.printf(Locale.ROOT, "workspace ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, file);
        return file;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
