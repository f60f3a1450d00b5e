package org.santeatlas.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * Import speed of DHIS2 data values in every data-value format (JSON, CSV, XML, ADX, the analytics JSON
 * response, and JSON and XML gzipped, CSV and ADX zipped, see {@link BenchmarkInputs}), against two baselines measured in the same run on
 * the same rows: (a) a bare Jackson streaming parse of the JSON file, and (b) H2's own {@code CSVREAD}
 * bulk load of the CSV export into a table without keys. Target (issues #2 and #3): each import, with
 * its upsert semantics, at ≥ 3× (b). Run with {@code -Xmx256m} and the collector the {@code santeatlas} launcher
 * uses:
 *
 * <pre>java -Xmx256m -XX:+UseParallelGC -cp "benchmarks/target/santeatlas-benchmarks-*.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.DataValueImportBenchmark [DIR] [demo|national]</pre>
 *
 * DIR receives the generated files; after a warm-up round, each measure runs {@code RUNS} times and
 * the median is printed.
 */
public final class DataValueImportBenchmark {

    /** Measured rounds; one more round first warms the JIT for all three measures alike. */
    private static final int RUNS = 3;

    private DataValueImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-national").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "national");
        System.out.printf(Locale.ROOT, "load average %.2f at the start%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, GC %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(" + ")));
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir);
        List<Input> inputs = BenchmarkInputs.prepare(files, dir);
        System.out.printf(Locale.ROOT, "files ready in %.1f s in %s:%n", (System.nanoTime() - t0) / 1e9, dir);
        for (Input in : inputs) {
            System.out.printf(Locale.ROOT, "  %-10s %,6d MB  %s%n", in.name(), Files.size(in.file()) >> 20,
                    in.file().getFileName());
        }

        Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("parse", new double[RUNS]);
        rates.put("CSVREAD", new double[RUNS]);
        for (Input in : inputs) {
            rates.put(in.name(), new double[RUNS]);
        }
        long values = 0;
        for (int run = 0; run <= RUNS; run++) {
            // Round 0 warms the JIT for every measure alike and is not counted.
            Map<String, Double> r = new LinkedHashMap<>();
            long start = System.nanoTime();
            values = jacksonParse(files.dataValuesJson());
            r.put("parse", values / seconds(start));
            r.put("CSVREAD", csvRead(files.dataValuesCsv(), dir.resolve("bench-csvread")));
            for (Input in : inputs) {
                r.put(in.name(), importValues(files, in, dir.resolve("bench-ws"), values));
            }
            StringBuilder line = new StringBuilder(run == 0 ? "warm-up:" : "run " + run + ":");
            line.append(String.format(Locale.ROOT, " (load %.2f)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            for (Map.Entry<String, Double> e : r.entrySet()) {
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", e.getKey(), e.getValue()));
                if (run > 0) {
                    rates.get(e.getKey())[run - 1] = e.getValue();
                }
            }
            System.out.println(line);
        }
        double a = median(rates.get("parse"));
        double b = median(rates.get("CSVREAD"));
        System.out.printf(Locale.ROOT, "%nvalues: %,d (medians of %d runs)%n", values, RUNS);
        System.out.printf(Locale.ROOT, "(a) Jackson streaming parse of the JSON only: %,10.0f values/s%n", a);
        System.out.printf(Locale.ROOT, "(b) H2 CSVREAD, table without key           : %,10.0f values/s%n", b);
        boolean all = true;
        for (Input in : inputs) {
            double i = median(rates.get(in.name()));
            boolean met = i >= 3 * b;
            all &= met;
            System.out.printf(Locale.ROOT, "    SantéAtlas import %-9s (upsert): %,10.0f values/s = %.2f x (b)  %s%n",
                    in.name(), i, i / b, met ? "MET" : "NOT MET");
        }
        System.out.printf(Locale.ROOT, "target >= 3.00 x (b) for every format: %s%n", all ? "MET" : "NOT MET");
    }

    /** One file to import: a format of the same values. */
    record Input(String name, Path file) {
    }

    /** (a): every field of every value read as text, nothing stored. */
    static long jacksonParse(Path file) throws IOException {
        long count = 0;
        long chars = 0;
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(file))) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    chars += p.getTextLength();
                } else if (p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext().inArray()) {
                    count++;
                }
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return count;
    }

    /** (b): values per second of CSVREAD into a fresh table without keys, in a fresh H2 file. */
    static double csvRead(Path csv, Path base) throws Exception {
        Files.deleteIfExists(Path.of(base + ".mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement st = c.createStatement()) {
            long start = System.nanoTime();
            st.execute("CREATE TABLE DV AS SELECT * FROM CSVREAD('" + csv.toString().replace("'", "''")
                    + "', NULL, 'charset=UTF-8')");
            double s = seconds(start);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DV")) {
                rs.next();
                return rs.getLong(1) / s;
            }
        } finally {
            Files.deleteIfExists(Path.of(base + ".mv.db"));
        }
    }

    /** The import as a user runs it (format detected), into a new workspace holding the metadata (not timed). */
    static double importValues(DemoFiles files, Input input, Path base, long expected) throws Exception {
        Path file = Workspace.fileFor(base);
        Files.deleteIfExists(file);
        try (Workspace ws = Workspace.create(base)) {
            ImportService service = new ImportService(ws);
            ImportResult meta = service.importFile(files.metadataJson(), Optional.of(ImportFormat.DHIS2_METADATA_JSON),
                    ImportProgress.NONE);
            if (meta.failed()) {
                throw new IllegalStateException(meta.failure().orElseThrow().format());
            }
            long start = System.nanoTime();
            List<ImportResult> results = service.importPath(input.file(), Optional.empty(), ImportProgress.NONE);
            double s = seconds(start);
            long created = 0;
            for (ImportResult r : results) {
                if (r.failed() || r.counts().rejectedCount() > 0) {
                    throw new IllegalStateException(input.name() + " import failed: "
                            + r.failure().map(p -> p.format()).orElse("") + " " + r.counts());
                }
                created += r.counts().createdCount();
            }
            if (created != expected) {
                throw new IllegalStateException(input.name() + ": " + created + " values created, " + expected
                        + " expected");
            }
            return created / s;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
