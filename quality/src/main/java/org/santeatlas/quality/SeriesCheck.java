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
    }

    /** Prepares a pass over the series that reports to {@code findings}. */
    Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException;

    @Override
    default void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        Pass pass = begin(context, findings);
        MonthlySeries series = new MonthlySeries(context.metadata());
        try (SeriesReader reader = SeriesReader.open(context.connection())) {
            long n = 0;
            while (reader.next()) {
                if ((++n & 0xFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("quality run cancelled");
                }
                if (series.load(reader)) {
                    pass.accept(series);
                }
            }
        }
        pass.finish();
    }
}
