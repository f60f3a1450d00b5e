package org.santeatlas.core.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One series (data element × org unit × option combos) packed into the {@code DATA} VARBINARY of its
 * {@code DATA_VALUE_SERIES} row: periods, values, flags and the audit trail of each value (who stored
 * it, when it was created and last updated, its comment, the import batch that last wrote it).
 *
 * <p>Why a blob: H2's cost is per array element, and with the series as SQL arrays the store, not the
 * parse, bounded an import; packed, a national import writes about a third of the bytes. SQL still
 * reads every field through the functions below, which the {@code DATA_VALUE} view uses.
 *
 * <p>Layout (version 2): version byte; varint value count n; periods (varint first id, then zigzag
 * deltas); n flag bytes; per value a tag (bit 0 integer, bit 1 double, bit 2 text) then a zigzag
 * varlong, 8 bytes or nothing, then the text (varint length, UTF-8) if tagged; varint dictionary size
 * and the user names; per value a presence byte (bit 0 created, bit 1 last updated, bit 2 comment),
 * varint user index + 1 (0 = none), varint batch id, zigzag varlong created minus the previous
 * value's created, zigzag varlong last updated minus this value's created (or the previous last
 * updated), comment (varint length, UTF-8).
 */
public final class SeriesCodec {

    private static final byte VERSION = 2;

    private SeriesCodec() {
    }

    /** Packs the first {@code s.size} values of {@code s}. */
    static byte[] encode(Series s) {
        Out out = new Out(32 + s.size * 16);
        out.ensure(1);
        out.buffer[out.size++] = VERSION;
        out.varint(s.size);
        long previousPeriod = 0;
        for (int j = 0; j < s.size; j++) {
            if (j == 0) {
                out.varint(s.pe[0]);
            } else {
                out.zigzag(s.pe[j] - previousPeriod);
            }
            previousPeriod = s.pe[j];
        }
        out.ensure(s.size);
        for (int j = 0; j < s.size; j++) {
            out.buffer[out.size++] = s.flags[j];
        }
        for (int j = 0; j < s.size; j++) {
            double v = s.num[j];
            boolean integer = !Double.isNaN(v) && v == Math.rint(v) && Math.abs(v) < 1e15;
            boolean number = !Double.isNaN(v) && !integer;
            boolean text = s.text[j] != null;
            out.ensure(1);
            out.buffer[out.size++] = (byte) ((integer ? 1 : 0) | (number ? 2 : 0) | (text ? 4 : 0));
            if (integer) {
                out.zigzag((long) v);
            } else if (number) {
                out.doubleBits(v);
            }
            if (text) {
                out.string(s.text[j]);
            }
        }
        Map<String, Integer> users = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] userIndex = new int[s.size];
        for (int j = 0; j < s.size; j++) {
            String name = s.storedBy[j];
            if (name != null) {
                Integer index = users.get(name);
                if (index == null) {
                    index = names.size();
                    names.add(name);
                    users.put(name, index);
                }
                userIndex[j] = index + 1;
            }
        }
        out.varint(names.size());
        for (String name : names) {
            out.string(name);
        }
        long previousCreated = 0;
        long previousUpdated = 0;
        for (int j = 0; j < s.size; j++) {
            boolean hasCreated = s.created[j] != Series.NO_TIME;
            boolean hasUpdated = s.lastUpdated[j] != Series.NO_TIME;
            boolean hasComment = s.comment[j] != null;
            out.ensure(1);
            out.buffer[out.size++] = (byte) ((hasCreated ? 1 : 0) | (hasUpdated ? 2 : 0) | (hasComment ? 4 : 0));
            out.varint(userIndex[j]);
            out.varint(s.batch[j]);
            if (hasCreated) {
                out.zigzag(s.created[j] - previousCreated);
                previousCreated = s.created[j];
            }
            if (hasUpdated) {
                long base = hasCreated ? s.created[j] : previousUpdated;
                out.zigzag(s.lastUpdated[j] - base);
                previousUpdated = s.lastUpdated[j];
            }
            if (hasComment) {
                out.string(s.comment[j]);
            }
        }
        return Arrays.copyOf(out.buffer, out.size);
    }

    /** Unpacks into {@code into} (cleared first). */
    static void decode(byte[] data, Series into) {
        into.clear();
        In in = new In(data);
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("unknown series format " + version);
        }
        int n = in.varint();
        long period = 0;
        for (int j = 0; j < n; j++) {
            period = j == 0 ? in.varlong() : period + in.zigzag();
            into.append((int) period, Double.NaN, null, null, Series.NO_TIME, Series.NO_TIME, null, (byte) 0, 0);
        }
        for (int j = 0; j < n; j++) {
            into.flags[j] = (byte) in.readByte();
        }
        for (int j = 0; j < n; j++) {
            int tag = in.readByte();
            if ((tag & 1) != 0) {
                into.num[j] = in.zigzag();
            } else if ((tag & 2) != 0) {
                into.num[j] = in.doubleBits();
            }
            if ((tag & 4) != 0) {
                into.text[j] = in.string();
            }
        }
        String[] names = new String[in.varint()];
        for (int k = 0; k < names.length; k++) {
            names[k] = in.string();
        }
        long previousCreated = 0;
        long previousUpdated = 0;
        for (int j = 0; j < n; j++) {
            int presence = in.readByte();
            int user = in.varint();
            into.storedBy[j] = user == 0 ? null : names[user - 1];
            into.batch[j] = in.varint();
            if ((presence & 1) != 0) {
                previousCreated += in.zigzag();
                into.created[j] = previousCreated;
            }
            if ((presence & 2) != 0) {
                long base = (presence & 1) != 0 ? into.created[j] : previousUpdated;
                into.lastUpdated[j] = base + in.zigzag();
                previousUpdated = into.lastUpdated[j];
            }
            into.comment[j] = (presence & 4) != 0 ? in.string() : null;
        }
    }

    // ---- SQL functions (H2 aliases; slot is 1-based like SQL arrays) --------------------------------

    /** The last series decoded, by content: a view scan asks for every slot of one series in turn. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private static Series decoded(byte[] data) {
        Object[] last = LAST.get();
        if (last != null && Arrays.equals((byte[]) last[0], data)) {
            return (Series) last[1];
        }
        Series s = new Series(16);
        decode(data, s);
        LAST.set(new Object[] {data, s});
        return s;
    }

    public static Integer periodId(byte[] data, int slot) {
        return data == null ? null : decoded(data).pe[slot - 1];
    }

    /** The value as the file stated it. */
    public static String value(byte[] data, int slot) {
        if (data == null) {
            return null;
        }
        Series s = decoded(data);
        return NumericValues.text(s.text[slot - 1], s.num[slot - 1]);
    }

    public static Double numericValue(byte[] data, int slot) {
        if (data == null) {
            return null;
        }
        double v = decoded(data).num[slot - 1];
        return Double.isNaN(v) ? null : v;
    }

    public static Boolean followup(byte[] data, int slot) {
        return data == null ? null : (decoded(data).flags[slot - 1] & Series.FOLLOWUP) != 0;
    }

    public static Boolean deleted(byte[] data, int slot) {
        return data == null ? null : !decoded(data).alive(slot - 1);
    }

    public static String storedBy(byte[] data, int slot) {
        return data == null ? null : decoded(data).storedBy[slot - 1];
    }

    public static Long createdMillis(byte[] data, int slot) {
        long v = data == null ? Series.NO_TIME : decoded(data).created[slot - 1];
        return v == Series.NO_TIME ? null : v;
    }

    public static Long lastUpdatedMillis(byte[] data, int slot) {
        long v = data == null ? Series.NO_TIME : decoded(data).lastUpdated[slot - 1];
        return v == Series.NO_TIME ? null : v;
    }

    public static String comment(byte[] data, int slot) {
        return data == null ? null : decoded(data).comment[slot - 1];
    }

    public static Integer batchId(byte[] data, int slot) {
        return data == null ? null : decoded(data).batch[slot - 1];
    }

    private static final class Out {
        byte[] buffer;
        int size;

        Out(int capacity) {
            buffer = new byte[capacity];
        }

        void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buffer[size++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void doubleBits(double v) {
            ensure(8);
            long bits = Double.doubleToRawLongBits(v);
            for (int k = 0; k < 8; k++) {
                buffer[size++] = (byte) (bits >>> (8 * k));
            }
        }

        void string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }
    }

    private static final class In {
        final byte[] buffer;
        int at;

        In(byte[] buffer) {
            this.buffer = buffer;
        }

        int readByte() {
            return buffer[at++];
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buffer[at++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int varint() {
            return (int) varlong();
        }

        long zigzag() {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        double doubleBits() {
            long bits = 0;
            for (int k = 0; k < 8; k++) {
                bits |= (buffer[at++] & 0xFFL) << (8 * k);
            }
            return Double.longBitsToDouble(bits);
        }

        String string() {
            int len = varint();
            String s = new String(buffer, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }
    }
}
