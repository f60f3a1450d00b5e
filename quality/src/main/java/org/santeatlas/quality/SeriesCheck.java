package org.santeatlas.quality;

import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.santeatlas.core.store.SeriesReader;

/**
 * A check that looks at every stored data-value series. A run reads the series once and hands each
 * one to all its series checks ({@link Pass#accept}), so that adding a series check costs no extra read
 * of the values (the run's budget is twice one sequential read). Run alone, a series check reads the
 * series itself.
 */
public interface SeriesCheck extends QualityCheck {

    /** The per-run state of a series check: fed every series, then finished. Same thread throughout. */
    interface Pass {
        /** One series: its monthly values within the run's range (the view is reused: copy what you keep). */
        void accept(MonthlySeries series) throws SQLException;

        /** After the last series: report what needs every series (district totals, ratios). */
        void finish() throws SQLException;

        /**
         * Whether {@link #acceptStored} wants every series as stored: every period type, out of the run's range
         * too (validation rules sum weekly values into quarters...). False by default.
         */
        default boolean readsStoredValues() {
            return false;
        }

        /** The reader's current series as stored, before its monthly view goes to {@link #accept}. */
        default void acceptStored(SeriesReader reader) throws SQLException {
        }
    }

    /**
     * Whether this check's findings are listed at its place among the checks that read no values, rather than
     * among the series checks' findings (a check that reports only in {@link Pass#finish}, moved into the shared
     * pass, keeps the order of its findings in a run). False by default.
     */
    default boolean findingsInCheckOrder() {
        return false;
    }

    /** Prepares a pass over the series that reports to {@code findings}. */
    Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException;

    @Override
    default void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        Pass pass = begin(context, findings);
        boolean stored = pass.readsStoredValues();
        MonthlySeries series = new MonthlySeries(context.metadata());
        try (SeriesReader reader = SeriesReader.open(context.connection())) {
            long n = 0;
            while (reader.next()) {
                if ((++n & 0xFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("quality run cancelled");
                }
                if (stored) {
                    pass.acceptStored(reader);
                }
                if (series.load(reader)) {
                    pass.accept(series);
                }
            }
        }
        pass.finish();
    }
}
