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

    public RunResult execute() throws SQLException {
        OffsetDateTime started = OffsetDateTime.now();
        QualityContext context = new QualityContext(connection, parameters);
        List<Finding> findings = new ArrayList<>();
        context.metadata();
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
            c.run(context, findings::add);
            done++;
        }
        if (!seriesChecks.isEmpty()) {
            List<SeriesCheck.Pass> passes = new ArrayList<>();
            for (SeriesCheck s : seriesChecks) {
                passes.add(s.begin(context, findings::add));
            }
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
                        for (SeriesCheck.Pass p : passes) {
                            p.accept(series);
                        }
                    }
                }
            }
            for (SeriesCheck.Pass p : passes) {
                cancelled();
                p.finish();
            }
            done += span;
        }
        cancelled();
        Scorecard scorecard = Scorecard.of(context.tallies(), context.metadata());
        OffsetDateTime finished = OffsetDateTime.now();
        List<String> ids = checks.stream().map(QualityCheck::id).toList();
        OptionalInt runId = OptionalInt.empty();
        if (store) {
            progress.update("store", done / units);
            runId = OptionalInt.of(new QualityRunStore(connection).save(started, finished, ids, parameters, findings));
        }
        progress.update("done", 1);
        return new RunResult(runId, started, finished, ids, parameters, findings, scorecard);
    }

    private long seriesCount() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE_SERIES WHERE VALUE_COUNT > 0")) {
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
