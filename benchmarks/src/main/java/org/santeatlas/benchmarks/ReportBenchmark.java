package org.santeatlas.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.atlas.AtlasReport;
import org.santeatlas.reports.dqr.DqrAnalysis;
import org.santeatlas.reports.dqr.DqrReport;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.ReportFonts;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * Report speed (issue #6): the district data-quality review of the demo (target ≤ 2 s, engine runs included)
 * and, with {@code national}, the atlas of every district of the national set (target ≤ 20 s and ≤ 512 MB
 * heap: run with {@code -Xmx512m}), coverage analysis included (run once per atlas; its own time is printed after). Each report's pages per second are printed beside the baseline measured in
 * the same run: writing the same number of blank PDFBox pages with the same two embedded fonts (each page one
 * line of text, so the subsets are written) — the floor of any PDF of that length. Run with
 *
 * <pre>java -Xmx512m -XX:+UseParallelGC -cp "benchmarks/target/santeatlas-benchmarks-*.jar:benchmarks/target/lib/*" \
 *     org.santeatlas.benchmarks.ReportBenchmark [DIR] [demo|national] [ROUNDS] [DISTRICT]</pre>
 *
 * DISTRICT defaults to the first district by name; ROUNDS 0 times the atlas only.
 *
 * The workspace is built in DIR when absent (the national one takes a minute or two). Round 0 warms the JIT and
 * is not counted; medians of ROUNDS rounds (default 5) are printed.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-report").toAbsolutePath();
        DemoSize size = DemoSize.fromName(args.length > 1 ? args[1] : "demo");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = prepare(dir, size);
        String district = args.length > 3 ? args[3] : firstDistrict(file);
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, Java %s, %s workspace%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                size.externalName());
        ReportText fr = new ReportText(Locale.FRENCH);
        if (rounds == 0) {
            // ROUNDS 0: the atlas only
            atlas(file, fr);
            return;
        }
        double[] analysis = new double[rounds];
        double[] layout = new double[rounds];
        double[] total = new double[rounds];
        double[] blank = new double[rounds];
        int pages = 0;
        double[] cpus = new double[rounds];
        for (int i = 0; i <= rounds; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            byte[] pdf;
            try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
                DqrAnalysis.Result r = DqrAnalysis.run(ws, district, null, QualityParameters.DEFAULTS);
                long t1 = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new DqrReport(r, fr, Paper.A4, LocalDate.now()).write(out);
                long t2 = System.nanoTime();
                pdf = out.toByteArray();
                if (i > 0) {
                    cpus[i - 1] = (cpu() - c0) / 1e9;
                    analysis[i - 1] = (t1 - t0) / 1e9;
                    layout[i - 1] = (t2 - t1) / 1e9;
                    total[i - 1] = (t2 - t0) / 1e9;
                }
                System.out.printf(Locale.ROOT, "round %d: DQR %s %.2f s (engine %.2f s, layout and writing %.2f s)",
                        i, r.district().name(), (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                pages = doc.getNumberOfPages();
            }
            double b = blankPages(pages);
            if (i > 0) {
                blank[i - 1] = b;
            }
            System.out.printf(Locale.ROOT, ", %d pages; %d blank pages with the fonts %.3f s%n", pages, pages, b);
        }
        double dqr = median(total);
        double base = median(blank);
        System.out.printf(Locale.ROOT, "DQR median %.2f s (engine %.2f s, layout %.2f s; process cpu %.2f s; load average"
                + " %.1f) for %d pages: %.1f pages/s; blank pages %.1f pages/s (%.3f s); target <= 2 s: %s%n", dqr,
                median(analysis), median(layout), median(cpus),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), pages,
                pages / dqr, pages / base, base, dqr <= 2 ? "met" : "NOT met");
        if (size != DemoSize.DEMO) {
            atlas(file, fr);
        }
    }

    /** The atlas of every district, timed once after a warm-up, with the heap's peak. */
    private static void atlas(Path file, ReportText fr) throws Exception {
        for (int i = 0; i < 2; i++) {
            System.gc();
            List<java.lang.management.MemoryPoolMXBean> pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
            pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long c0 = cpu();
            long t0 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int districts;
            try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
                districts = AtlasReport.write(ws, null, fr, Paper.A4, LocalDate.now(), out);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cs = (cpu() - c0) / 1e9;
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean p : pools) {
                if (p.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            int pages;
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                pages = doc.getNumberOfPages();
            }
            double b = blankPages(pages);
            System.out.printf(Locale.ROOT, "%s atlas: %d districts, %d pages in %.2f s (process cpu %.2f s, load"
                    + " average %.1f), %.1f pages/s, heap peak %d MB (sum of pool peaks); blank pages %.1f pages/s;"
                    + " targets <= 20 s, <= 512 MB%n", i == 0 ? "warm-up" : "measured", districts, pages, s, cs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    pages / s, peak >> 20, pages / b);
        }
        // The atlas runs the coverage analysis once for all its pages: its share of the time above.
        long c0 = cpu();
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            var input = new org.santeatlas.map.coverage.CoverageRepository(ws.connection()).load(java.util.OptionalInt.empty());
            long t1 = System.nanoTime();
            var r = org.santeatlas.map.coverage.CoverageAnalysis.run(input);
            System.out.printf(Locale.ROOT, "of which the coverage analysis (once per atlas): read %.2f s, analysis %.2f s"
                    + " (process cpu %.2f s in all), %d localities x %d facilities, %.1f %% covered%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9, (cpu() - c0) / 1e9, input.localities().size(), input.facilities().size(),
                    r.total().coveragePercent());
        }
    }

    /** Seconds to write {@code n} A4 pages, each with one line in each of the report fonts, to memory. */
    static double blankPages(int n) throws IOException {
        long t0 = System.nanoTime();
        try (PDDocument doc = new PDDocument()) {
            ReportFonts fonts = ReportFonts.load(doc);
            for (int i = 0; i < n; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(fonts.regular(), 10);
                    cs.newLineAtOffset(50, 780);
                    cs.showText("Santé " + i);
                    cs.setFont(fonts.bold(), 10);
                    cs.showText(" page " + (i + 1));
                    cs.endText();
                }
            }
            doc.save(new ByteArrayOutputStream());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The first district by name (the DQR's subject when none is named). */
    private static String firstDistrict(Path file) throws java.sql.SQLException {
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            return org.santeatlas.reports.data.OrgUnitTree.load(ws.connection())
                    .atLevel(QualityParameters.DEFAULTS.districtLevel()).get(0).name();
        }
    }

    private static Path prepare(Path dir, DemoSize size) throws Exception {
        Path file = dir.resolve("report-" + size.externalName() + Workspace.FILE_SUFFIX);
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(size, DemoGenerator.DEFAULT_SEED, dir.resolve("files-" + size.externalName()));
        try (Workspace ws = Workspace.create(file)) {
            ws.markDemo(true);
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

    /** CPU time of the whole JVM so far, nanoseconds (every thread, GC included). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
