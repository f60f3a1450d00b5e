package org.santeatlas.core.store;

/**
 * A data value as an import file states it, before any identifier is resolved: DHIS2's five-part key
 * (data element, period, org unit, category option combo, attribute option combo) and the value with
 * its audit fields. Empty category or attribute option combos mean DHIS2's default combo.
 *
 * @param line where the value starts in its file (1-based; 0 when unknown), for messages
 */
public record RawDataValue(
        String dataElement,
        String period,
        String orgUnit,
        String categoryOptionCombo,
        String attributeOptionCombo,
        String value,
        String storedBy,
        String created,
        String lastUpdated,
        String comment,
        boolean followup,
        boolean deleted,
        long line) {
}
