package org.santeatlas.quality.outliers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The DHIS2 min-max values of a workspace (table MIN_MAX_DATA_ELEMENT, migration V11): per org unit, data
 * element and category option combo, the smallest and largest acceptable value, and whether DHIS2 generated
 * them (min-max generation) or a person set them. Read once per run; read-only.
 */
final class MinMaxBounds {

    /** Inclusive bounds; {@code generated}: computed by DHIS2, not set by hand. */
    record Bound(double min, double max, boolean generated) {
    }

    private record Key(int orgUnit, int dataElement, int optionCombo) {
    }

    private final Map<Key, Bound> bounds = new HashMap<>();

    private MinMaxBounds() {
    }

    static MinMaxBounds load(Connection connection) throws SQLException {
        MinMaxBounds b = new MinMaxBounds();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ORG_UNIT_ID, DATA_ELEMENT_ID, CATEGORY_OPTION_COMBO_ID, MIN_VALUE,"
                     + " MAX_VALUE, GENERATED FROM MIN_MAX_DATA_ELEMENT")) {
            while (rs.next()) {
                b.bounds.put(new Key(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        new Bound(rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6)));
            }
        }
        return b;
    }

    /** The bounds of a series, or null when the metadata carries none. */
    Bound of(int orgUnit, int dataElement, int optionCombo) {
        return bounds.isEmpty() ? null : bounds.get(new Key(orgUnit, dataElement, optionCombo));
    }
}
