package org.santeatlas.core.store;

/**
 * One series in memory (data element × org unit × option combos), in chronological period order:
 * the row of {@code DATA_VALUE_SERIES} being merged. NaN means "not a number", {@link #NO_TIME}
 * "unknown". Package-private plumbing of {@link DataValueWriter}.
 */
final class Series {

    static final byte FOLLOWUP = 1;
    static final byte DELETED = 2;
    static final long NO_TIME = Long.MIN_VALUE;

    int size;
    int[] pe;
    double[] num;
    String[] text;
    String[] storedBy;
    long[] created;
    long[] lastUpdated;
    String[] comment;
    byte[] flags;
    int[] batch;
    /** Incoming values only: the line of the file each came from (0: unknown); not stored. */
    int[] line;

    Series(int capacity) {
        int c = Math.max(capacity, 1);
        pe = new int[c];
        num = new double[c];
        text = new String[c];
        storedBy = new String[c];
        created = new long[c];
        lastUpdated = new long[c];
        comment = new String[c];
        flags = new byte[c];
        batch = new int[c];
        line = new int[c];
    }

    void append(int p, double v, String t, String sb, long cr, long up, String cm, byte fl, int ba) {
        if (size == pe.length) {
            grow();
        }
        line[size] = 0;
        set(size++, p, v, t, sb, cr, up, cm, fl, ba);
    }

    void copyFrom(Series other, int j) {
        append(other.pe[j], other.num[j], other.text[j], other.storedBy[j], other.created[j], other.lastUpdated[j],
                other.comment[j], other.flags[j], other.batch[j]);
        line[size - 1] = other.line[j];
    }

    void set(int j, int p, double v, String t, String sb, long cr, long up, String cm, byte fl, int ba) {
        pe[j] = p;
        num[j] = v;
        text[j] = t;
        storedBy[j] = sb;
        created[j] = cr;
        lastUpdated[j] = up;
        comment[j] = cm;
        flags[j] = fl;
        batch[j] = ba;
    }

    boolean alive(int j) {
        return (flags[j] & DELETED) == 0;
    }

    void clear() {
        java.util.Arrays.fill(text, 0, size, null);
        java.util.Arrays.fill(storedBy, 0, size, null);
        java.util.Arrays.fill(comment, 0, size, null);
        size = 0;
    }

    private void grow() {
        int c = pe.length * 2;
        pe = java.util.Arrays.copyOf(pe, c);
        num = java.util.Arrays.copyOf(num, c);
        text = java.util.Arrays.copyOf(text, c);
        storedBy = java.util.Arrays.copyOf(storedBy, c);
        created = java.util.Arrays.copyOf(created, c);
        lastUpdated = java.util.Arrays.copyOf(lastUpdated, c);
        comment = java.util.Arrays.copyOf(comment, c);
        flags = java.util.Arrays.copyOf(flags, c);
        batch = java.util.Arrays.copyOf(batch, c);
        line = java.util.Arrays.copyOf(line, c);
    }
}
