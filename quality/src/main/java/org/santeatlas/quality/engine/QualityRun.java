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
import java.util.concurrent.CancellationException;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.MonthlySeries;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.SeriesCheck;
import org.santeatlas.quality.reporting.Scorecard;

/**
 * Runs a chosen set of checks over a workspace: the metadata is loaded once (in the shared
 * {@link QualityContext}), the checks that need no values run one after the other, then the values are
 * read once, series by series, and handed to every {@link SeriesCheck}; the run and its findings are
 * then stored in one transaction (unless told not to) and returned with the scorecard.
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
        double done = 0;
        for (QualityCheck c : others) {
            cancelled();
            progress.update(c.id(), done / units);
            long t = System.nanoTime();
            c.run(context, findings::add);
            time(c.id(), t);
            done++;
        }
        if (!seriesChecks.isEmpty()) {
            List<SeriesCheck.Pass> passes = new ArrayList<>();
            long[] spent = new long[seriesChecks.size()];
            for (int k = 0; k < seriesChecks.size(); k++) {
                long t = System.nanoTime();
                passes.add(seriesChecks.get(k).begin(context, findings::add));
                spent[k] += System.nanoTime() - t;
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
                        progress.update("series", (done + span * n / Math.max(1, total)) / units);
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
            done += span;
        }
        cancelled();
        long ts = System.nanoTime();
        Scorecard scorecard = Scorecard.of(context.tallies(), context.metadata());
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
}
