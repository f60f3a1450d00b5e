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
import java.util.Locale;
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
 * Import speed of DHIS2 data value sets, against two baselines measured in the same run on the same
 * rows: (a) a bare Jackson streaming parse of the JSON file, and (b) H2's own {@code CSVREAD} bulk load
 * of the CSV export into a table without keys. Target (issue #2): the import, with its upsert
 * semantics, at ≥ 3× (b). Run with {@code -Xmx256m} and the collector the {@code santeatlas} launcher
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
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, GC %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(" + ")));
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir);
        System.out.printf(Locale.ROOT, "files ready in %.1f s: %s (%d MB JSON, %d MB CSV)%n",
                (System.nanoTime() - t0) / 1e9, dir, Files.size(files.dataValuesJson()) >> 20,
                Files.size(files.dataValuesCsv()) >> 20);

        double[] parse = new double[RUNS];
        double[] csvread = new double[RUNS];
        double[] imports = new double[RUNS];
        double[] warm = round(files, dir);
        System.out.printf(Locale.ROOT, "warm-up: parse %,.0f/s, CSVREAD %,.0f/s, import %,.0f/s%n", warm[0], warm[1],
                warm[2]);
        long values = (long) warm[3];
        for (int run = 0; run < RUNS; run++) {
            double[] r = round(files, dir);
            parse[run] = r[0];
            csvread[run] = r[1];
            imports[run] = r[2];
            System.out.printf(Locale.ROOT, "run %d: parse %,.0f/s, CSVREAD %,.0f/s, import %,.0f/s%n", run + 1,
                    parse[run], csvread[run], imports[run]);
        }
        double a = median(parse);
        double b = median(csvread);
        double i = median(imports);
        System.out.printf(Locale.ROOT, "%nvalues: %,d%n", values);
        System.out.printf(Locale.ROOT, "(a) Jackson streaming parse only : %,10.0f values/s%n", a);
        System.out.printf(Locale.ROOT, "(b) H2 CSVREAD, table without key: %,10.0f values/s%n", b);
        System.out.printf(Locale.ROOT, "    SantéAtlas import (upsert)   : %,10.0f values/s = %.2f x (b), %.2f x (a)%n",
                i, i / b, i / a);
        System.out.printf(Locale.ROOT, "target >= 3.00 x (b): %s%n", i >= 3 * b ? "MET" : "NOT MET");
    }

    /** One round of the three measures: values per second of (a), (b), the import; and the value count. */
    private static double[] round(DemoFiles files, Path dir) throws Exception {
        long start = System.nanoTime();
        long values = jacksonParse(files.dataValuesJson());
        double parse = values / seconds(start);
        double csv = csvRead(files.dataValuesCsv(), dir.resolve("bench-csvread"));
        double imported = importValues(files, dir.resolve("bench-ws"));
        return new double[] {parse, csv, imported, values};
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

    /** The import as a user runs it, into a new workspace holding the metadata (not timed). */
    static double importValues(DemoFiles files, Path base) throws Exception {
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
            ImportResult r = service.importFile(files.dataValuesJson(), Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_JSON),
                    ImportProgress.NONE);
            double s = seconds(start);
            if (r.failed() || r.counts().rejectedCount() > 0) {
                throw new IllegalStateException("import failed: " + r.failure() + " " + r.counts());
            }
            return r.counts().createdCount() / s;
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
