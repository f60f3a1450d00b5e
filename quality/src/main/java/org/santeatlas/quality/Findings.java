package org.santeatlas.quality;

import java.util.Arrays;
import java.util.List;

/**
 * Builds findings whose English {@link Finding#message()} comes from the message bundle, so that the
 * two languages cannot drift apart; it is formatted when read, not when the finding is made.
 */
public final class Findings {

    private Findings() {
    }

    /**
     * A finding explained by {@code key} with {@code args}.
     *
     * @param score sort key by impact, 0 when none
     */
    public static Finding of(String check, Dimension dimension, Severity severity, String orgUnit,
                             String dataElement, String categoryOptionCombo, String period, String value,
                             String expected, double score, String method, String key, Object... args) {
        List<Object> list = Arrays.asList(args);
        return new Finding(check, dimension, severity, orgUnit, dataElement, categoryOptionCombo, period, value,
                expected, score, method, key, list, null);
    }
}
