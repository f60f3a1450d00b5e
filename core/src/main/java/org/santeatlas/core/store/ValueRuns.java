package org.santeatlas.core.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The external sort behind {@link DataValueWriter}: values are buffered column-wise (49 bytes a
 * value, its source line included), sorted by series when the buffer is full and spilled to a temporary run file; at the end the
 * runs are merged so that every series comes out once, its values in file order. Memory stays
 * bounded whatever the file size, and each series is read and written once. Package-private.
 */
final class ValueRuns implements AutoCloseable {

    /** One value as it flows out of the sort; reused, fields overwritten by each {@code next}. */
    static final class Entry {
        int de;
        int ou;
        int coc;
        int aoc;
        int pe;
        double num;
        String text;
        int storedBy;
        long created;
        long lastUpdated;
        String comment;
        byte flags;
        /** The value's line in the file (0: unknown), for problems that name it after the sort. */
        int line;

        boolean sameSeries(int d, int o, int c, int a) {
            return de == d && ou == o && coc == c && aoc == a;
        }
    }

    /** Entries in series order; within a series, in the order of the file. */
    interface Source {
        boolean next(Entry into) throws IOException;
    }

    private static final Comparator<int[]> SERIES = Comparator.<int[]>comparingInt(k -> k[0])
            .thenComparingInt(k -> k[1]).thenComparingInt(k -> k[2]).thenComparingInt(k -> k[3]);

    private final int limit;
    private final List<Path> runs = new ArrayList<>();
    private final List<String> storedByNames = new ArrayList<>();
    private final Map<String, Integer> storedByIds = new HashMap<>();
    private int lastStoredBy = -1;

    // The buffer: one entry per value, the series as an ordinal into the s* arrays.
    private int n;
    private int[] ser = new int[1024];
    private int[] pe = new int[1024];
    private double[] num = new double[1024];
    private String[] text = new String[1024];
    private int[] storedBy = new int[1024];
    private long[] created = new long[1024];
    private long[] lastUpdated = new long[1024];
    private String[] comment = new String[1024];
    private byte[] flags = new byte[1024];
    private int[] line = new int[1024];

    private int seriesCount;
    /** Series keys, four ints each (de, ou, coc, aoc), flat so that a probe touches one array. */
    private int[] keys = new int[4 * 1024];
    /** Open addressing from a series key to its ordinal (+1; 0 = empty): no allocation per value. */
    private int[] slots = new int[4096];
    private int lastOrdinal = -1;

    ValueRuns(int limit) {
        this.limit = limit;
    }

    void add(int de, int ou, int coc, int aoc, int p, double v, String t, String sb, long cr, long up, String cm,
             byte fl, long ln) throws IOException {
        if (n == limit) {
            spill();
        }
        if (n == ser.length) {
            grow();
        }
        int ordinal = ordinal(de, ou, coc, aoc);
        int i = n++;
        ser[i] = ordinal;
        pe[i] = p;
        num[i] = v;
        text[i] = t;
        storedBy[i] = storedById(sb);
        created[i] = cr;
        lastUpdated[i] = up;
        comment[i] = cm;
        flags[i] = fl;
        line[i] = (int) Math.min(Math.max(ln, 0), Integer.MAX_VALUE);
    }

    private int ordinal(int de, int ou, int coc, int aoc) {
        if (lastOrdinal >= 0 && matches(lastOrdinal, de, ou, coc, aoc)) {
            return lastOrdinal;
        }
        int mask = slots.length - 1;
        int h = mix(de, ou, coc, aoc) & mask;
        while (true) {
            int slot = slots[h];
            if (slot == 0) {
                break;
            }
            if (matches(slot - 1, de, ou, coc, aoc)) {
                lastOrdinal = slot - 1;
                return lastOrdinal;
            }
            h = (h + 1) & mask;
        }
        if (4 * seriesCount == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        int k = 4 * seriesCount;
        keys[k] = de;
        keys[k + 1] = ou;
        keys[k + 2] = coc;
        keys[k + 3] = aoc;
        slots[h] = ++seriesCount;
        if (seriesCount * 2 > slots.length) {
            rehash();
        }
        lastOrdinal = seriesCount - 1;
        return lastOrdinal;
    }

    private boolean matches(int ordinal, int de, int ou, int coc, int aoc) {
        int k = 4 * ordinal;
        return keys[k] == de && keys[k + 1] == ou && keys[k + 2] == coc && keys[k + 3] == aoc;
    }

    private int compareSeries(int a, int b) {
        for (int i = 0; i < 4; i++) {
            int c = Integer.compare(keys[4 * a + i], keys[4 * b + i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int mix(int de, int ou, int coc, int aoc) {
        int h = ((de * 31 + ou) * 31 + coc) * 31 + aoc;
        // MurmurHash3's finaliser: spreads nearby keys over the low bits the table uses.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int o = 0; o < seriesCount; o++) {
            int h = mix(keys[4 * o], keys[4 * o + 1], keys[4 * o + 2], keys[4 * o + 3]) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = o + 1;
        }
    }

    String storedByName(int id) {
        return id < 0 ? null : storedByNames.get(id);
    }

    /** All values in series order: straight from memory when nothing was spilled, else merged runs. */
    Source sorted() throws IOException {
        if (runs.isEmpty()) {
            int[] order = sortedOrder();
            return new Source() {
                int k;

                @Override
                public boolean next(Entry e) {
                    if (k == order.length) {
                        return false;
                    }
                    int i = order[k++];
                    fill(e, ser[i], i);
                    return true;
                }
            };
        }
        spill();
        return merged();
    }

    /** Deletes the run files. */
    @Override
    public void close() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException ignored) {
                // a temporary file the OS will clean; nothing the user can act on
            }
        }
        runs.clear();
    }

    private void fill(Entry e, int ordinal, int i) {
        e.de = keys[4 * ordinal];
        e.ou = keys[4 * ordinal + 1];
        e.coc = keys[4 * ordinal + 2];
        e.aoc = keys[4 * ordinal + 3];
        e.pe = pe[i];
        e.num = num[i];
        e.text = text[i];
        e.storedBy = storedBy[i];
        e.created = created[i];
        e.lastUpdated = lastUpdated[i];
        e.comment = comment[i];
        e.flags = flags[i];
        e.line = line[i];
    }

    private int storedById(String name) {
        if (name == null) {
            return -1;
        }
        if (lastStoredBy >= 0 && storedByNames.get(lastStoredBy).equals(name)) {
            return lastStoredBy;
        }
        Integer id = storedByIds.get(name);
        if (id == null) {
            id = storedByNames.size();
            storedByNames.add(name);
            storedByIds.put(name, id);
        }
        lastStoredBy = id;
        return id;
    }

    /** Buffer indices by series key, then file order: packed longs (series rank, index). */
    private int[] sortedOrder() {
        Integer[] bySeries = new Integer[seriesCount];
        for (int s = 0; s < seriesCount; s++) {
            bySeries[s] = s;
        }
        Arrays.sort(bySeries, this::compareSeries);
        int[] rank = new int[seriesCount];
        for (int r = 0; r < seriesCount; r++) {
            rank[bySeries[r]] = r;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) rank[ser[i]] << 22) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & ((1 << 22) - 1));
        }
        return order;
    }

    private void spill() throws IOException {
        if (n == 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("import cancelled");
        }
        int[] order = sortedOrder();
        Path run = Files.createTempFile("santeatlas-values-", ".run");
        runs.add(run);
        try (RunOutput out = new RunOutput(run)) {
            int[] key = new int[4];
            for (int i : order) {
                int o = ser[i];
                key[0] = keys[4 * o];
                key[1] = keys[4 * o + 1];
                key[2] = keys[4 * o + 2];
                key[3] = keys[4 * o + 3];
                out.record(key, pe[i], num[i], flags[i], storedBy[i], created[i], lastUpdated[i], line[i], text[i],
                        comment[i]);
            }
        }
        Arrays.fill(text, 0, n, null);
        Arrays.fill(comment, 0, n, null);
        n = 0;
        seriesCount = 0;
        lastOrdinal = -1;
        Arrays.fill(slots, 0);
    }

    /** Fixed-size fields through a ByteBuffer: far cheaper than DataOutputStream's byte-wise writes. */
    private static final class RunOutput implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        RunOutput(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }

        void record(int[] key, int pe, double num, byte flags, int storedBy, long created, long lastUpdated,
                    int line, String text, String comment) throws IOException {
            byte[] t = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            byte[] c = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
            int size = 4 * 5 + 8 + 1 + 4 + 8 + 8 + 4 + 4 + 4 + (t == null ? 0 : t.length) + (c == null ? 0 : c.length);
            if (buffer.remaining() < size) {
                drain();
            }
            if (buffer.remaining() < size) {
                ByteBuffer big = ByteBuffer.allocate(size);
                put(big, key, pe, num, flags, storedBy, created, lastUpdated, line, t, c);
                big.flip();
                while (big.hasRemaining()) {
                    channel.write(big);
                }
                return;
            }
            put(buffer, key, pe, num, flags, storedBy, created, lastUpdated, line, t, c);
        }

        private static void put(ByteBuffer b, int[] key, int pe, double num, byte flags, int storedBy, long created,
                                long lastUpdated, int line, byte[] t, byte[] c) {
            b.putInt(key[0]).putInt(key[1]).putInt(key[2]).putInt(key[3]).putInt(pe).putDouble(num).put(flags)
                    .putInt(storedBy).putLong(created).putLong(lastUpdated).putInt(line);
            b.putInt(t == null ? -1 : t.length);
            if (t != null) {
                b.put(t);
            }
            b.putInt(c == null ? -1 : c.length);
            if (c != null) {
                b.put(c);
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            drain();
            channel.close();
        }
    }

    /** A k-way merge of the runs; for equal series, the earlier run (earlier in the file) first. */
    private Source merged() throws IOException {
        List<RunReader> readers = new ArrayList<>();
        PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> {
            int c = SERIES.compare(a.key, b.key);
            return c != 0 ? c : Integer.compare(a.index, b.index);
        });
        for (int r = 0; r < runs.size(); r++) {
            RunReader reader = new RunReader(r, runs.get(r));
            readers.add(reader);
            if (reader.advance()) {
                queue.add(reader);
            }
        }
        return new Source() {
            @Override
            public boolean next(Entry e) throws IOException {
                RunReader top = queue.poll();
                if (top == null) {
                    for (RunReader r : readers) {
                        r.close();
                    }
                    return false;
                }
                Entry c = top.current;
                e.de = c.de;
                e.ou = c.ou;
                e.coc = c.coc;
                e.aoc = c.aoc;
                e.pe = c.pe;
                e.num = c.num;
                e.text = c.text;
                e.storedBy = c.storedBy;
                e.created = c.created;
                e.lastUpdated = c.lastUpdated;
                e.comment = c.comment;
                e.flags = c.flags;
                e.line = c.line;
                if (top.advance()) {
                    queue.add(top);
                }
                return true;
            }
        };
    }

    private static final class RunReader implements AutoCloseable {
        final int index;
        final FileChannel channel;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        final Entry current = new Entry();
        final int[] key = new int[4];
        boolean eof;

        RunReader(int index, Path file) throws IOException {
            this.index = index;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer.limit(0);
        }

        /** Makes at least {@code n} bytes available; false at the end of the run. */
        private boolean need(int n) throws IOException {
            if (buffer.remaining() >= n) {
                return true;
            }
            if (buffer.capacity() < n) {
                // A record longer than the buffer (a very long comment): grow it.
                ByteBuffer bigger = ByteBuffer.allocate(n);
                bigger.put(buffer);
                buffer = bigger;
            } else {
                buffer.compact();
            }
            while (buffer.position() < n) {
                if (channel.read(buffer) < 0) {
                    buffer.flip();
                    return false;
                }
            }
            buffer.flip();
            return true;
        }

        boolean advance() throws IOException {
            if (eof || !need(4 * 5 + 8 + 1 + 4 + 8 + 8 + 4 + 4)) {
                eof = true;
                close();
                return false;
            }
            Entry e = current;
            e.de = buffer.getInt();
            e.ou = buffer.getInt();
            e.coc = buffer.getInt();
            e.aoc = buffer.getInt();
            e.pe = buffer.getInt();
            e.num = buffer.getDouble();
            e.flags = buffer.get();
            e.storedBy = buffer.getInt();
            e.created = buffer.getLong();
            e.lastUpdated = buffer.getLong();
            e.line = buffer.getInt();
            e.text = string(buffer.getInt());
            if (!need(4)) {
                throw new EOFException("truncated run file");
            }
            e.comment = string(buffer.getInt());
            key[0] = e.de;
            key[1] = e.ou;
            key[2] = e.coc;
            key[3] = e.aoc;
            return true;
        }

        private String string(int length) throws IOException {
            if (length < 0) {
                return null;
            }
            if (!need(length)) {
                throw new EOFException("truncated run file");
            }
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void grow() {
        int size = Math.min(limit, ser.length * 2);
        ser = Arrays.copyOf(ser, size);
        pe = Arrays.copyOf(pe, size);
        num = Arrays.copyOf(num, size);
        text = Arrays.copyOf(text, size);
        storedBy = Arrays.copyOf(storedBy, size);
        created = Arrays.copyOf(created, size);
        lastUpdated = Arrays.copyOf(lastUpdated, size);
        comment = Arrays.copyOf(comment, size);
        flags = Arrays.copyOf(flags, size);
        line = Arrays.copyOf(line, size);
    }
}
