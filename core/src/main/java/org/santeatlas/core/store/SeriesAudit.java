package org.santeatlas.core.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of a series' values (who stored each value, when it was created and last updated,
 * its comment, the import batch that last wrote it), packed into one {@code AUDIT} VARBINARY per
 * series instead of five SQL arrays: H2 spends its time per array element, and this halves the bytes
 * an import writes. The values themselves stay in SQL arrays.
 *
 * <p>Layout (version 1): version byte; varint value count; varint dictionary size, then each user
 * name (varint length, UTF-8); then per value: a presence byte (bit 0 created, bit 1 last updated,
 * bit 2 comment), varint user index + 1 (0 = none), varint batch id, zigzag varlong created minus the
 * previous value's created, zigzag varlong last updated minus this value's created (or the previous
 * last updated), comment (varint length, UTF-8).
 *
 * <p>The static methods with SQL types are registered as H2 functions ({@code V2}), so that the
 * {@code DATA_VALUE} view shows the audit columns.
 */
public final class SeriesAudit {

    private static final byte VERSION = 1;

    private SeriesAudit() {
    }

    /** Packs the audit fields of {@code s}'s first {@code s.size} values. */
    static byte[] encode(Series s) {
        Out out = new Out(16 + s.size * 12);
        out.buffer[out.size++] = VERSION;
        out.varint(s.size);
        Map<String, Integer> users = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] userIndex = new int[s.size];
        for (int j = 0; j < s.size; j++) {
            String name = s.storedBy[j];
            if (name == null) {
                userIndex[j] = 0;
            } else {
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

    /** Unpacks into {@code s}, whose first {@code count} values already hold periods and values. */
    static void decode(byte[] audit, Series s, int count) {
        In in = new In(audit);
        if (in.readByte() != VERSION) {
            throw new IllegalStateException("unknown audit format " + audit[0]);
        }
        int n = in.varint();
        if (n != count) {
            throw new IllegalStateException("audit holds " + n + " values, the series " + count);
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
            s.storedBy[j] = user == 0 ? null : names[user - 1];
            s.batch[j] = in.varint();
            if ((presence & 1) != 0) {
                previousCreated += in.zigzag();
                s.created[j] = previousCreated;
            } else {
                s.created[j] = Series.NO_TIME;
            }
            if ((presence & 2) != 0) {
                long base = (presence & 1) != 0 ? s.created[j] : previousUpdated;
                s.lastUpdated[j] = base + in.zigzag();
                previousUpdated = s.lastUpdated[j];
            } else {
                s.lastUpdated[j] = Series.NO_TIME;
            }
            s.comment[j] = (presence & 4) != 0 ? in.string() : null;
        }
    }

    // ---- SQL functions (H2 aliases; slot is 1-based like SQL arrays) --------------------------------

    /** Decoded audits, by content: a view scan asks for every slot of the same series in turn. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private static Series decoded(byte[] audit) {
        Object[] last = LAST.get();
        if (last != null && Arrays.equals((byte[]) last[0], audit)) {
            return (Series) last[1];
        }
        In in = new In(audit);
        in.readByte();
        int n = in.varint();
        Series s = new Series(n);
        s.size = n;
        decode(audit, s, n);
        LAST.set(new Object[] {audit, s});
        return s;
    }

    public static String storedBy(byte[] audit, int slot) {
        return audit == null ? null : decoded(audit).storedBy[slot - 1];
    }

    public static Long createdMillis(byte[] audit, int slot) {
        long v = audit == null ? Series.NO_TIME : decoded(audit).created[slot - 1];
        return v == Series.NO_TIME ? null : v;
    }

    public static Long lastUpdatedMillis(byte[] audit, int slot) {
        long v = audit == null ? Series.NO_TIME : decoded(audit).lastUpdated[slot - 1];
        return v == Series.NO_TIME ? null : v;
    }

    public static String comment(byte[] audit, int slot) {
        return audit == null ? null : decoded(audit).comment[slot - 1];
    }

    public static Integer batchId(byte[] audit, int slot) {
        return audit == null ? null : decoded(audit).batch[slot - 1];
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

        String string() {
            int len = varint();
            String s = new String(buffer, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }
    }
}
