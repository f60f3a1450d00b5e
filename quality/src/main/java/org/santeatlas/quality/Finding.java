package org.santeatlas.quality;

import java.util.List;
import java.util.Objects;

/**
 * One problem a check found. The JSON keys of {@code santeatlas quality --format json} are these
 * components' names (scripts rely on them): {@code check}, {@code dimension}, {@code severity},
 * {@code orgUnit}, {@code dataElement}, {@code period}, {@code value}, {@code expected}, {@code message}.
 *
 * @param check       the check's id, e.g. {@code outlier-zscore}, {@code facility-outside-district}
 * @param dimension   the DQR dimension it belongs to
 * @param severity    how much it can mislead
 * @param orgUnit     the org unit's UID (the facility, or the district for a district-level finding)
 * @param dataElement the data element's UID, or null when the finding is not about one
 * @param categoryOptionCombo the category option combo's UID, or null
 * @param period      the DHIS2 period id (e.g. {@code 202403}, {@code 2024}), or null
 * @param value       the observed value as text (a number, a ratio, coordinates), or null
 * @param expected    the expected value or range as text (e.g. {@code 120–480}, {@code ≥ 90 %}), or null
 * @param score       a number to sort by impact (e.g. |z|, the gap to the threshold); 0 when none
 * @param method      how it was found (e.g. {@code modified z-score, MAD 12.5}), English, short
 * @param messageKey  the resource-bundle key of the explanation (bundles {@code org.santeatlas.quality.messages})
 * @param messageArgs the explanation's arguments (already formatted numbers are not expected: the
 *                    renderer formats in the reader's locale)
 * @param message     the explanation in English, for logs, CSV and JSON; null to have {@link #message()} format
 *                    it from {@code messageKey} and {@code messageArgs} when it is read (a national run makes
 *                    ≈ 41 000 findings, most of which nobody reads in English)
 */
public record Finding(String check, Dimension dimension, Severity severity, String orgUnit, String dataElement,
                      String categoryOptionCombo, String period, String value, String expected, double score,
                      String method, String messageKey, List<Object> messageArgs, String message) {

    public Finding {
        Objects.requireNonNull(check);
        Objects.requireNonNull(dimension);
        Objects.requireNonNull(severity);
        messageArgs = List.copyOf(messageArgs);
    }

    /** The explanation in English: as given, else formatted from the message key and arguments. */
    @Override
    public String message() {
        if (message != null || messageKey == null) {
            return message;
        }
        return QualityMessages.ENGLISH.format(messageKey, messageArgs);
    }

    /** The message as given to the constructor: null when {@link #message()} formats it from the key. */
    public String givenMessage() {
        return message;
    }
}
