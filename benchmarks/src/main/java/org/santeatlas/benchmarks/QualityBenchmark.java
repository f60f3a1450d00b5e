package org.santeatlas.benchmarks;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.quality.Finding;
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
 * stored data value, measured in the same JVM on the same workspace file. Target (issue #4): the run within
 * 2× the read. Run with
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -cp "benchmarks/target/santeatlas-benchmarks-*.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.QualityBenchmark [DIR] [demo|national] [ROUNDS]</pre>
 *
 * DIR receives the generated files and the workspace (reused when present: generating and importing the
 * national set takes a minute or two). The workspace holds everything the default checks look at: metadata
 * with boundaries, data values, complete registrations, the facility registry and the localities.
 *
 * <p>Both measures start from a closed workspace and include opening it ({@link Workspace#open}), so that
 * neither finds the values already in H2's page cache: the floor opens it, decodes every live value of every
 * series with {@link SeriesReader} and touches it; the run opens it and executes the default run, findings
 * saved. Closing is not timed for either. After a warm-up round (JIT), each round measures both; the medians
 * of ROUNDS rounds (default 5) are printed with the median time of each stage of the run, and the process
 * CPU time of both (on a machine shared with other work, wall-clock times swing; CPU times less). Each round's stored
 * run is deleted afterwards (untimed) so that every round writes into the same table.
 *
 * <p>The findings of the last round go to {@code DIR/findings.tsv} (sorted, one per line, every field), so
 * that two builds can be compared with {@code diff}; their count per check is printed.
 */
public final class QualityBenchmark {

    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-quality").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "national");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = prepare(dir, size);
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, Java %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        deleteRuns(file);

        double[] read = new double[rounds];
        double[] run = new double[rounds];
        double[] readCpu = new double[rounds];
        double[] runCpu = new double[rounds];
        Map<String, double[]> stages = new LinkedHashMap<>();
        long values = 0;
        RunResult last = null;
        for (int i = 0; i <= rounds; i++) {
            // Round 0 warms the JIT for both measures and is not counted.
            long c = cpu();
            long t = System.nanoTime();
            try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
                values = readAll(ws.connection());
                t = System.nanoTime() - t;
                c = cpu() - c;
            }
            double r = t / 1e9;
            double rc = c / 1e9;
            QualityRun quality;
            c = cpu();
            t = System.nanoTime();
            try (Workspace ws = Workspace.open(file, AccessMode.READ_WRITE)) {
                quality = new QualityRun(ws.connection(), QualityChecks.defaults(), QualityParameters.DEFAULTS,
                        RunProgress.NONE);
                last = quality.execute();
                t = System.nanoTime() - t;
                c = cpu() - c;
            }
            double q = t / 1e9;
            double qc = c / 1e9;
            deleteRuns(file);
            System.out.printf(Locale.ROOT, "round %d: read %.2f s (cpu %.2f s), quality run %.2f s (cpu %.2f s),"
                    + " ratio %.2f%n", i, r, rc, q, qc, q / r);
            if (i > 0) {
                read[i - 1] = r;
                run[i - 1] = q;
                readCpu[i - 1] = rc;
                runCpu[i - 1] = qc;
                for (Map.Entry<String, Double> e : quality.timings().entrySet()) {
                    stages.computeIfAbsent(e.getKey(), k -> new double[rounds])[i - 1] = e.getValue();
                }
            }
        }
        System.out.println("median seconds per stage of the run:");
        for (Map.Entry<String, double[]> e : stages.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-26s %6.3f s%n", e.getKey(), median(e.getValue()));
        }
        Map<String, Integer> perCheck = new TreeMap<>();
        for (Finding f : last.findings()) {
            perCheck.merge(f.check(), 1, Integer::sum);
        }
        System.out.println("findings per check:");
        perCheck.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %,7d%n", k, v));
        Path dump = dir.resolve("findings.tsv");
        writeFindings(last.findings(), dump);
        double r = median(read);
        double q = median(run);
        System.out.printf(Locale.ROOT, "%,d values; %,d findings per run (%s); findings in %s%n", values,
                last.findings().size(), String.join(",", QualityChecks.DEFAULT_IDS), dump);
        System.out.printf(Locale.ROOT, "sequential read of every value (floor), median of %d: %.2f s%n", rounds, r);
        System.out.printf(Locale.ROOT, "full quality run, median of %d:                     %.2f s%n", rounds, q);
        System.out.printf(Locale.ROOT, "ratio run / read:                                  %.2f (target ≤ 2)%n", q / r);
        System.out.printf(Locale.ROOT, "process CPU time (all threads, GC included): read %.2f s, run %.2f s, ratio %.2f"
                + " (load-independent check of the wall-clock figures on a shared machine)%n", median(readCpu),
                median(runCpu), median(runCpu) / median(readCpu));
    }

    /** Generates the country and imports it into {@code DIR/quality-SIZE-all.mv.db} unless already there. */
    private static Path prepare(Path dir, DemoSize size) throws Exception {
        Path file = dir.resolve("quality-" + size.externalName() + "-all" + Workspace.FILE_SUFFIX);
        if (Files.exists(file)) {
            return file;
        }
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        try (Workspace ws = Workspace.create(file)) {
            ImportService service = new ImportService(ws);
            for (Path f : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson(),
                    files.registryCsv(), files.localitiesCsv())) {
                ImportResult r = service.importFile(f, Optional.empty(), ImportProgress.NONE);
                if (r.failure().isPresent()) {
                    throw new IllegalStateException(f + ": " + r.failure().get());
                }
            }
        }
        System.out.printf(Locale.ROOT, "workspace ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, file);
        return file;
    }

    /** CPU time of the whole JVM so far, nanoseconds (every thread, GC and H2's writer included). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Every live value of every series once, decoded and touched: the floor of any check; returns how many. */
    static long readAll(Connection c) throws SQLException {
        long n = 0;
        double sum = 0;
        try (SeriesReader reader = SeriesReader.open(c)) {
            while (reader.next()) {
                sum += reader.orgUnitId() + reader.categoryOptionComboId();
                for (int i = 0; i < reader.size(); i++) {
                    sum += reader.number(i) + reader.periodId(i);
                    n++;
                }
            }
        }
        if (sum == -1) {
            System.out.println(); // keeps the sum alive
        }
        return n;
    }

    /** Removes the stored runs (and, by cascade, their findings): every round starts from the same tables. */
    private static void deleteRuns(Path file) throws SQLException {
        try (Workspace ws = Workspace.open(file, AccessMode.READ_WRITE);
             Statement st = ws.connection().createStatement()) {
            st.executeUpdate("DELETE FROM QUALITY_RUN");
        }
    }

    private static void writeFindings(List<Finding> findings, Path file) throws Exception {
        List<String> lines = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            lines.add(String.join("\t", f.check(), f.dimension().id(), f.severity().id(), s(f.orgUnit()),
                    s(f.dataElement()), s(f.categoryOptionCombo()), s(f.period()), s(f.value()), s(f.expected()),
                    Double.toString(f.score()), s(f.method()), s(f.messageKey()), f.messageArgs().toString(),
                    s(f.message())));
        }
        lines.sort(null);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.newLine();
            }
        }
    }

    private static String s(String x) {
        return x == null ? "" : x.replace('\t', ' ').replace('\n', ' ');
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
