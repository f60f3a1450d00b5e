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

    /**
     * The {@code check} values of the findings it reports, when a family of related findings comes from
     * one pass (e.g. {@code missing-report} and {@code late-report} from {@code reporting}); {@code --checks}
     * accepts these too. By default the check's own id.
     */
    default java.util.List<String> findingChecks() {
        return java.util.List.of(id());
    }
}
