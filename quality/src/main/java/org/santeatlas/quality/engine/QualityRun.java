package org.santeatlas.quality.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.MonthlySeries;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.ScoreTallies;
import org.santeatlas.quality.SeriesCheck;
import org.santeatlas.quality.reporting.Scorecard;

/**
 * Runs a chosen set of checks over a workspace: the metadata is loaded once (in the shared
 * {@link QualityContext}), the values are read once, series by series, and handed to every
 * {@link SeriesCheck} (validation rules included: they sum the stored values in that same pass), while the checks that need no values run on a second thread when the machine has
 * two cores (else one after the other before the pass); the run and its findings are then stored in one
 * transaction (unless told not to) and returned with the scorecard. The findings come in the same order
 * either way: the plain checks' (and those of a series check that {@link SeriesCheck#findingsInCheckOrder()})
 * in check order, then the other series checks' as they reported them.
 *
 * <p>Blocking; run it off the UI thread. Cancel by interrupting the thread: the run then throws
 * {@link CancellationException} and stores nothing.
 */
public final class QualityRun {

    private final Connection connection;
    private final List<QualityCheck> checks;
    private final QualityParameters parameters;
    private final RunProgress progress;
    private boolean store = true;
    private boolean parallelism = true;
    /** Seconds spent per stage of the last {@link #execute()}, in order (see {@link #timings()}). */
    private final java.util.Map<String, Double> timings = new java.util.LinkedHashMap<>();

    public QualityRun(Connection connection, List<QualityCheck> checks, QualityParameters parameters,
                      RunProgress progress) {
        this.connection = Objects.requireNonNull(connection);
        this.checks = List.copyOf(checks);
        this.parameters = Objects.requireNonNull(parameters);
        this.progress = Objects.requireNonNull(progress);
    }

    /** Whether to save the run in QUALITY_RUN/QUALITY_FINDING (default true; false for a read-only workspace). */
    public QualityRun store(boolean store) {
        this.store = store;
        return this;
    }

    /**
     * Wall-clock seconds of each stage of the last {@link #execute()}: {@code metadata}, each check by id
     * (a series check: its own work on the series plus its {@code finish}), {@code series-read} (reading
     * and decoding the values), {@code scorecard}, {@code store}. For benchmarks and logs.
     */
    public java.util.Map<String, Double> timings() {
        return java.util.Collections.unmodifiableMap(timings);
    }

    private void time(String stage, long since) {
        timings.merge(stage, (System.nanoTime() - since) / 1e9, Double::sum);
    }

    /**
     * Whether the checks that read no values may run on a second thread during the pass over the values
     * (default true; the findings and the scorecard are the same either way).
     */
    public QualityRun parallel(boolean parallel) {
        this.parallelism = parallel;
        return this;
    }

    public RunResult execute() throws SQLException {
        timings.clear();
        OffsetDateTime started = OffsetDateTime.now();
        QualityContext context = new QualityContext(connection, parameters);
        List<Finding> findings = new ArrayList<>();
        long t0 = System.nanoTime();
        context.metadata();
        time("metadata", t0);
        List<SeriesCheck> seriesChecks = new ArrayList<>();
        List<QualityCheck> others = new ArrayList<>();
        for (QualityCheck c : checks) {
            if (c instanceof SeriesCheck s) {
                seriesChecks.add(s);
            } else {
                others.add(c);
            }
        }
        // Shares of the progress bar: each plain check one unit, the series pass as many as it has checks + 1.
        double units = others.size() + (seriesChecks.isEmpty() ? 0 : seriesChecks.size() + 1) + (store ? 1 : 0);
        // The plain checks (reporting, geography, registry, validation rules...) need no value of the shared
        // pass: with a second core they run on a worker thread while this thread reads the values, each with
        // its own findings list and tallies, merged afterwards in the order of a one-thread run (the plain
        // checks' findings in check order, then the series checks'), so that the result does not depend on
        // the threads.
        List<List<Finding>> plainFindings = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            plainFindings.add(new ArrayList<>());
        }
        QualityContext plainContext = context.forThread();
        Map<String, Double> plainTimings = new ConcurrentHashMap<>();
        AtomicInteger plainDone = new AtomicInteger();
        // The worker is stopped by this flag, never by an interrupt: an interrupt inside H2's file I/O closes the
        // workspace file's channel. A cancelled run waits for the check in progress to return.
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Callable<Void> plain = () -> {
            for (int i = 0; i < others.size(); i++) {
                if (stop.get()) {
                    throw new CancellationException("quality run cancelled");
                }
                QualityCheck c = others.get(i);
                long t = System.nanoTime();
                c.run(plainContext, plainFindings.get(i)::add);
                plainTimings.merge(c.id(), (System.nanoTime() - t) / 1e9, Double::sum);
                plainDone.incrementAndGet();
            }
            return null;
        };
        boolean parallel = !others.isEmpty() && !seriesChecks.isEmpty() && parallelism
                && Runtime.getRuntime().availableProcessors() > 1;
        List<Finding> seriesFindings = new ArrayList<>();
        // A series check that reports only when the pass is over (validation rules) keeps its findings at its
        // place among the plain checks', as when it read its own values.
        Map<QualityCheck, List<Finding>> ownFindings = new java.util.IdentityHashMap<>();
        List<Consumer<Finding>> seriesSinks = new ArrayList<>();
        for (SeriesCheck c : seriesChecks) {
            if (c.findingsInCheckOrder()) {
                List<Finding> own = new ArrayList<>();
                ownFindings.put(c, own);
                seriesSinks.add(own::add);
            } else {
                seriesSinks.add(seriesFindings::add);
            }
        }
        double done = 0;
        if (!parallel) {
            for (int i = 0; i < others.size(); i++) {
                cancelled();
                progress.update(others.get(i).id(), (double) i / units);
                runPlain(others.get(i), plainFindings.get(i), plainContext, plainTimings);
            }
            done = others.size();
            seriesPass(context, seriesChecks, seriesSinks, done, units, () -> 0);
        } else {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "quality-plain-checks");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<Void> future = worker.submit(plain);
                seriesPass(context, seriesChecks, seriesSinks, 0, units, plainDone::get);
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("quality run cancelled");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException x) {
                        throw x;
                    } else if (cause instanceof RuntimeException x) {
                        throw x;
                    } else if (cause instanceof Error x) {
                        throw x;
                    }
                    throw new IllegalStateException(cause);
                }
            } finally {
                stop.set(true);
                worker.shutdown();
                awaitUninterruptibly(worker);
            }
            done = others.size();
        }
        if (!seriesChecks.isEmpty()) {
            done += seriesChecks.size() + 1;
        }
        for (QualityCheck c : others) {
            timings.put(c.id(), plainTimings.getOrDefault(c.id(), 0.0));
        }
        for (QualityCheck c : checks) {
            if (ownFindings.containsKey(c)) {
                findings.addAll(ownFindings.get(c));
            } else if (!(c instanceof SeriesCheck)) {
                findings.addAll(plainFindings.get(others.indexOf(c)));
            }
        }
        findings.addAll(seriesFindings);
        ScoreTallies tallies = new ScoreTallies();
        tallies.addAll(plainContext.tallies());
        tallies.addAll(context.tallies());
        cancelled();
        long ts = System.nanoTime();
        Scorecard scorecard = Scorecard.of(tallies, context.metadata());
        time("scorecard", ts);
        OffsetDateTime finished = OffsetDateTime.now();
        List<String> ids = checks.stream().map(QualityCheck::id).toList();
        OptionalInt runId = OptionalInt.empty();
        if (store) {
            progress.update("store", done / units);
            long t = System.nanoTime();
            runId = OptionalInt.of(new QualityRunStore(connection).save(started, finished, ids, parameters, findings));
            time("store", t);
        }
        progress.update("done", 1);
        return new RunResult(runId, started, finished, ids, parameters, findings, scorecard);
    }

    /** Runs plain check {@code i} on this thread (the one-thread run). */
    private static void runPlain(QualityCheck c, List<Finding> sink, QualityContext context,
                                 Map<String, Double> plainTimings) throws SQLException {
        long t = System.nanoTime();
        c.run(context, sink::add);
        plainTimings.merge(c.id(), (System.nanoTime() - t) / 1e9, Double::sum);
    }

    /**
     * Reads every series once and hands it to each series check; progress shares start at {@code done}
     * units plus the plain checks finished meanwhile ({@code plainDone}).
     */
    private void seriesPass(QualityContext context, List<SeriesCheck> seriesChecks, List<Consumer<Finding>> sinks,
                            double done, double units, java.util.function.IntSupplier plainDone) throws SQLException {
        if (seriesChecks.isEmpty()) {
            return;
        }
        List<SeriesCheck.Pass> passes = new ArrayList<>();
        long[] spent = new long[seriesChecks.size()];
        for (int k = 0; k < seriesChecks.size(); k++) {
            long t = System.nanoTime();
            passes.add(seriesChecks.get(k).begin(context, sinks.get(k)));
            spent[k] += System.nanoTime() - t;
        }
        // The passes that want every series as stored (all period types), before its monthly view.
        List<Integer> storedReaders = new ArrayList<>();
        for (int k = 0; k < passes.size(); k++) {
            if (passes.get(k).readsStoredValues()) {
                storedReaders.add(k);
            }
        }
        long passStart = System.nanoTime();
        long total = seriesCount();
        double span = seriesChecks.size() + 1;
        MonthlySeries series = new MonthlySeries(context.metadata());
        try (SeriesReader reader = SeriesReader.open(connection)) {
            long n = 0;
            while (reader.next()) {
                if ((++n & 0x3FF) == 0) {
                    cancelled();
                    progress.update("series", (done + plainDone.getAsInt() + span * Math.min(1, (double) n
                            / Math.max(1, total))) / units);
                }
                for (int k : storedReaders) {
                    long t = System.nanoTime();
                    passes.get(k).acceptStored(reader);
                    spent[k] += System.nanoTime() - t;
                }
                if (series.load(reader)) {
                    for (int k = 0; k < passes.size(); k++) {
                        long t = System.nanoTime();
                        passes.get(k).accept(series);
                        spent[k] += System.nanoTime() - t;
                    }
                }
            }
        }
        long checksInPass = 0;
        for (long x : spent) {
            checksInPass += x;
        }
        timings.merge("series-read", (System.nanoTime() - passStart - checksInPass) / 1e9, Double::sum);
        for (int k = 0; k < passes.size(); k++) {
            cancelled();
            long t = System.nanoTime();
            passes.get(k).finish();
            spent[k] += System.nanoTime() - t;
            timings.merge(seriesChecks.get(k).id(), spent[k] / 1e9, Double::sum);
        }
    }

    private long seriesCount() throws SQLException {
        try (Statement st = connection.createStatement();
             // Every series, empty ones too: H2 answers a bare COUNT(*) from the table's size, whereas a
             // WHERE clause scans every row, values included (a third of a read of the values).
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE_SERIES")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void cancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("quality run cancelled");
        }
    }

    /** Waits for the worker to end, so that no check of this run still reads the workspace once it returns. */
    private static void awaitUninterruptibly(ExecutorService worker) {
        boolean interrupted = false;
        while (true) {
            try {
                if (worker.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
