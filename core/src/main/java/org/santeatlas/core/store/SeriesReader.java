package org.santeatlas.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the stored data values series by series: one row of {@code DATA_VALUE_SERIES} per data element ×
 * org unit × category option combo × attribute option combo, its live (not deleted) values in period
 * order. The fastest way to see every value once (the data-quality checks' floor); far faster than the
 * row-per-value {@code DATA_VALUE} view.
 *
 * <pre>{@code
 * try (SeriesReader r = SeriesReader.open(connection)) {
 *     while (r.next()) {
 *         for (int i = 0; i < r.size(); i++) { use(r.orgUnitId(), r.periodId(i), r.number(i)); }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe. Period ids resolve through {@link PeriodIndex}; the other ids are the {@code ID}s of
 * their tables.
 */
public final class SeriesReader implements AutoCloseable {

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Series stored = new Series(64);
    private int[] live = new int[64];
    private int size;
    private int de;
    private int ou;
    private int coc;
    private int aoc;

    private SeriesReader(PreparedStatement statement) throws SQLException {
        this.statement = statement;
        this.rows = statement.executeQuery();
    }

    /** Every series, in key order (data element, org unit, option combos). */
    public static SeriesReader open(Connection connection) throws SQLException {
        return new SeriesReader(connection.prepareStatement("SELECT DATA_ELEMENT_ID, ORG_UNIT_ID,"
                + " CATEGORY_OPTION_COMBO_ID, ATTRIBUTE_OPTION_COMBO_ID, DATA FROM DATA_VALUE_SERIES"
                + " WHERE VALUE_COUNT > 0 ORDER BY DATA_ELEMENT_ID, ORG_UNIT_ID, CATEGORY_OPTION_COMBO_ID,"
                + " ATTRIBUTE_OPTION_COMBO_ID"));
    }

    /** The series of one data element (its {@code DATA_ELEMENT.ID}), in org unit order. */
    public static SeriesReader forDataElement(Connection connection, int dataElementId) throws SQLException {
        PreparedStatement st = connection.prepareStatement("SELECT DATA_ELEMENT_ID, ORG_UNIT_ID,"
                + " CATEGORY_OPTION_COMBO_ID, ATTRIBUTE_OPTION_COMBO_ID, DATA FROM DATA_VALUE_SERIES"
                + " WHERE DATA_ELEMENT_ID = ? AND VALUE_COUNT > 0 ORDER BY ORG_UNIT_ID, CATEGORY_OPTION_COMBO_ID,"
                + " ATTRIBUTE_OPTION_COMBO_ID");
        st.setInt(1, dataElementId);
        return new SeriesReader(st);
    }

    /** Moves to the next series; false at the end. */
    public boolean next() throws SQLException {
        if (!rows.next()) {
            return false;
        }
        de = rows.getInt(1);
        ou = rows.getInt(2);
        coc = rows.getInt(3);
        aoc = rows.getInt(4);
        SeriesCodec.decode(rows.getBytes(5), stored);
        if (live.length < stored.size) {
            live = new int[Math.max(stored.size, live.length * 2)];
        }
        size = 0;
        for (int j = 0; j < stored.size; j++) {
            if (stored.alive(j)) {
                live[size++] = j;
            }
        }
        return true;
    }

    public int dataElementId() {
        return de;
    }

    public int orgUnitId() {
        return ou;
    }

    public int categoryOptionComboId() {
        return coc;
    }

    public int attributeOptionComboId() {
        return aoc;
    }

    /** How many live values the series holds. */
    public int size() {
        return size;
    }

    /** The {@code PERIOD.ID} of value {@code i} (0-based, chronological). */
    public int periodId(int i) {
        return stored.pe[live[i]];
    }

    /** The value as a number; NaN when it is not one (text, boolean, date). */
    public double number(int i) {
        return stored.num[live[i]];
    }

    /** The value as DHIS2 stores it (text). */
    public String value(int i) {
        int j = live[i];
        String t = stored.text[j];
        return t != null ? t : NumericValues.canonical(stored.num[j]);
    }

    public boolean followup(int i) {
        return (stored.flags[live[i]] & Series.FOLLOWUP) != 0;
    }

    public String comment(int i) {
        return stored.comment[live[i]];
    }

    @Override
    public void close() throws SQLException {
        rows.close();
        statement.close();
    }
}
