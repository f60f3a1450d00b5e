package org.santeatlas.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.RunProgress;
import org.santeatlas.quality.engine.RunResult;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * A full quality run (the default checks, findings stored) against its floor, one sequential read of every
 * stored data value with {@link SeriesReader}, measured in the same JVM on the same workspace. Target
 * (issue #4): the run within 2× the read. Run with
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -cp "benchmarks/target/santeatlas-benchmarks-*.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.QualityBenchmark [DIR] [demo|national]</pre>
 *
 * DIR receives the generated files and the workspace (reused when present); after a warm-up round each
 * measure runs {@code RUNS} times and the medians are printed.
 */
public final class QualityBenchmark {

    private static final int RUNS = 3;

    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-quality").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "national");
        Path file = dir.resolve("quality-" + size.externalName() + Workspace.FILE_SUFFIX);
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
            try (Workspace ws = Workspace.create(file)) {
                ImportService service = new ImportService(ws);
                for (Path f : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson())) {
                    ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                    if (r.failure().isPresent()) {
                        throw new IllegalStateException(f + ": " + r.failure().get());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "workspace ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, file);
        }
        double[] read = new double[RUNS];
        double[] run = new double[RUNS];
        long values = 0;
        int findings = 0;
        try (Workspace ws = Workspace.open(file, org.santeatlas.core.workspace.AccessMode.READ_WRITE)) {
            Connection c = ws.connection();
            for (int i = 0; i <= RUNS; i++) {
                // Round 0 warms the JIT for both measures and is not counted.
                long t = System.nanoTime();
                values = readAll(c);
                double r = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>();
                long[] mark = {System.nanoTime()};
                String[] current = {"metadata"};
                RunProgress timing = (stage, share) -> {
                    if (!stage.equals(current[0])) {
                        long now = System.nanoTime();
                        stages.merge(current[0], (now - mark[0]) / 1e9, Double::sum);
                        mark[0] = now;
                        current[0] = stage;
                    }
                };
                RunResult result = new QualityRun(c, QualityChecks.defaults(), QualityParameters.DEFAULTS,
                        timing).execute();
                if (i == RUNS) {
                    stages.forEach((k, v) -> System.out.printf(Locale.ROOT, "  stage %-24s %.2f s%n", k, v));
                }
                double q = (System.nanoTime() - t) / 1e9;
                findings = result.findings().size();
                if (i > 0) {
                    read[i - 1] = r;
                    run[i - 1] = q;
                }
                System.out.printf(Locale.ROOT, "round %d: read %.2f s, quality run %.2f s%n", i, r, q);
            }
        }
        double r = median(read);
        double q = median(run);
        System.out.printf(Locale.ROOT, "%,d values; %,d findings per run (%s)%n", values, findings,
                String.join(",", QualityChecks.DEFAULT_IDS));
        System.out.printf(Locale.ROOT, "SeriesReader pass (floor): %.2f s%n", r);
        System.out.printf(Locale.ROOT, "full quality run:          %.2f s%n", q);
        System.out.printf(Locale.ROOT, "ratio run / read:          %.2f (target ≤ 2)%n", q / r);
    }

    /** Every live value once, as the floor of any check; returns how many. */
    static long readAll(Connection c) throws Exception {
        long n = 0;
        double sum = 0;
        try (SeriesReader reader = SeriesReader.open(c)) {
            while (reader.next()) {
                for (int i = 0; i < reader.size(); i++) {
                    sum += reader.number(i);
                    n++;
                }
            }
        }
        if (sum == -1) {
            System.out.println(); // keeps the sum alive
        }
        return n;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
