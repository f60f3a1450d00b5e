package org.santeatlas.quality;

import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * One data-quality check. Reads the workspace through {@link QualityContext} (read-only), reports each
 * finding to the sink, and checks {@link Thread#isInterrupted()} now and then (a run can be cancelled).
 */
public interface QualityCheck {

    /** Stable id, used in {@code --checks} and in findings' {@code check} (e.g. {@code outliers}). */
    String id();

    Dimension dimension();

    void run(QualityContext context, Consumer<Finding> findings) throws SQLException;
}
