package org.santeatlas.quality;

import org.santeatlas.core.store.SeriesReader;

/**
 * The numeric monthly values of one stored series (data element × org unit × category option combo ×
 * attribute option combo) that fall within the run's range, in month order; values of other period
 * types and non-numeric values are left out. A reusable buffer: {@link #load} refills it.
 */
public final class MonthlySeries {

    private final WorkspaceMetadata metadata;
    private final int first;
    private final int last;
    private int[] month = new int[64];
    private int[] periodId = new int[64];
    private double[] value = new double[64];
    private boolean[] followup = new boolean[64];
    private int size;
    private int de;
    private int ou;
    private int coc;
    private int aoc;

    public MonthlySeries(WorkspaceMetadata metadata) {
        this.metadata = metadata;
        this.first = metadata.firstMonth();
        this.last = metadata.lastMonth();
    }

    /** Fills the buffer from the reader's current series; false when none of its values is kept. */
    public boolean load(SeriesReader r) {
        de = r.dataElementId();
        ou = r.orgUnitId();
        coc = r.categoryOptionComboId();
        aoc = r.attributeOptionComboId();
        size = 0;
        int n = r.size();
        if (month.length < n) {
            int c = Math.max(n, month.length * 2);
            month = new int[c];
            periodId = new int[c];
            value = new double[c];
            followup = new boolean[c];
        }
        for (int i = 0; i < n; i++) {
            int p = r.periodId(i);
            int m = metadata.month(p);
            if (m < first || m > last) {
                continue; // not monthly (MIN_VALUE), or outside the range
            }
            double v = r.number(i);
            if (Double.isNaN(v)) {
                continue;
            }
            month[size] = m;
            periodId[size] = p;
            value[size] = v;
            followup[size] = r.followup(i);
            size++;
        }
        return size > 0;
    }

    /** Fills the buffer directly (tests, and checks that build series themselves). */
    public void set(int dataElementId, int orgUnitId, int cocId, int aocId, int[] months, double[] values) {
        de = dataElementId;
        ou = orgUnitId;
        coc = cocId;
        aoc = aocId;
        if (month.length < months.length) {
            month = new int[months.length];
            periodId = new int[months.length];
            value = new double[months.length];
            followup = new boolean[months.length];
        }
        size = months.length;
        for (int i = 0; i < size; i++) {
            month[i] = months[i];
            periodId[i] = 0;
            value[i] = values[i];
            followup[i] = false;
        }
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

    public int size() {
        return size;
    }

    /** {@link org.santeatlas.core.period.MonthIndex} of value {@code i}; strictly increasing. */
    public int month(int i) {
        return month[i];
    }

    /** The {@code PERIOD.ID} of value {@code i} (0 when set directly). */
    public int periodId(int i) {
        return periodId[i];
    }

    public double value(int i) {
        return value[i];
    }

    public boolean followup(int i) {
        return followup[i];
    }

    /** The values, copied. */
    public double[] values() {
        return java.util.Arrays.copyOf(value, size);
    }
}
