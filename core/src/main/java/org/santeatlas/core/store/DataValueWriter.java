package org.santeatlas.core.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.santeatlas.core.period.PeriodFormatException;
import org.santeatlas.core.workspace.Workspace;

/**
 * Upserts data values into the block-wise {@code DATA_VALUE_SERIES} table, one chunk at a time.
 *
 * <p>Values are resolved to surrogate keys as they arrive and buffered column-wise (about 80 bytes a
 * value). Every {@value #CHUNK} values the buffer is sorted by series and period, and each touched
 * series is read once, merged and written once. Re-importing identical values writes nothing.
 * The caller owns the transaction; {@link #finish()} flushes the last chunk.
 *
 * <p>Not thread-safe; runs on the import's thread and checks for interruption between chunks.
 */
public final class DataValueWriter {

    /**
     * Values buffered before a flush. A series that spans chunks is read back and rewritten once per
     * chunk, and exports are often period-major (every series in every chunk), so chunks are as large
     * as a third of the heap allows at about 70 bytes a value: 1.2 million values with -Xmx256m.
     * The packed sort key bounds a chunk at {@link #MAX_CHUNK} values.
     */
    public static final int CHUNK = chunkSize(Runtime.getRuntime().maxMemory());

    /** Index bits in the packed sort key: 22 bits of buffer index, 20 of period rank, 21 of series. */
    static final int MAX_CHUNK = 1 << 22;

    static int chunkSize(long maxHeapBytes) {
        long budget = maxHeapBytes / 3 / 70;
        return (int) Math.max(50_000, Math.min(MAX_CHUNK, budget));
    }

    private static final byte FOLLOWUP = 1;
    private static final byte DELETED = 2;
    private static final long NO_TIME = Long.MIN_VALUE;

    private final Connection connection;
    private final int batchId;
    private final String file;
    private final Consumer<Problem> problems;
    private final IdentifierIndex dataElements;
    private final IdentifierIndex orgUnits;
    private final IdentifierIndex optionCombos;
    private final PeriodIndex periods;
    private final int defaultOptionCombo;
    private final ImportCounts counts = new ImportCounts();
    /** When the table started empty, a series not yet written by this import cannot exist. */
    private final boolean storeWasEmpty;
    private final Set<SeriesKey> written = new HashSet<>();
    private final Map<String, String> strings = new HashMap<>();

    private final int chunkLimit;
    private int n;
    // Column buffers, grown by doubling up to CHUNK so that a small file costs little memory.
    private int[] de = new int[1024];
    private int[] ou = new int[1024];
    private int[] coc = new int[1024];
    private int[] aoc = new int[1024];
    private int[] pe = new int[1024];
    private double[] num = new double[1024];
    private String[] text = new String[1024];
    private String[] storedBy = new String[1024];
    private long[] created = new long[1024];
    private long[] lastUpdated = new long[1024];
    private String[] comment = new String[1024];
    private byte[] flags = new byte[1024];

    private int longestSeries;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private int pendingInserts;
    private int pendingUpdates;

    public DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems)
            throws SQLException {
        this(connection, batchId, file, problems, CHUNK);
    }

    /** With a chunk size of one's own: tests use tiny chunks to cross chunk boundaries. */
    DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems, int chunkLimit)
            throws SQLException {
        this.chunkLimit = Math.min(chunkLimit, MAX_CHUNK);
        this.connection = connection;
        this.batchId = batchId;
        this.file = file;
        this.problems = problems;
        this.dataElements = IdentifierIndex.load(connection, "DATA_ELEMENT");
        this.orgUnits = IdentifierIndex.load(connection, "ORG_UNIT");
        this.optionCombos = IdentifierIndex.load(connection, "CATEGORY_OPTION_COMBO");
        this.periods = PeriodIndex.load(connection);
        this.defaultOptionCombo = optionCombos.resolve(Workspace.defaultCategoryOptionComboUid());
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE_SERIES")) {
            rs.next();
            this.storeWasEmpty = rs.getLong(1) == 0;
        }
        String key = " WHERE DATA_ELEMENT_ID = ? AND ORG_UNIT_ID = ? AND CATEGORY_OPTION_COMBO_ID = ?"
                + " AND ATTRIBUTE_OPTION_COMBO_ID = ?";
        this.select = connection.prepareStatement("SELECT PERIOD_IDS, NUM_VALUES, TEXT_VALUES, STORED_BY, CREATED,"
                + " LAST_UPDATED, COMMENTS, FLAGS, BATCH_IDS FROM DATA_VALUE_SERIES" + key);
        this.insert = connection.prepareStatement("INSERT INTO DATA_VALUE_SERIES(VALUE_COUNT, FIRST_PERIOD_ID,"
                + " LAST_PERIOD_ID, PERIOD_IDS, NUM_VALUES, TEXT_VALUES, STORED_BY, CREATED, LAST_UPDATED, COMMENTS,"
                + " FLAGS, BATCH_IDS, DATA_ELEMENT_ID, ORG_UNIT_ID, CATEGORY_OPTION_COMBO_ID,"
                + " ATTRIBUTE_OPTION_COMBO_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.update = connection.prepareStatement("UPDATE DATA_VALUE_SERIES SET VALUE_COUNT = ?, FIRST_PERIOD_ID = ?,"
                + " LAST_PERIOD_ID = ?, PERIOD_IDS = ?, NUM_VALUES = ?, TEXT_VALUES = ?, STORED_BY = ?, CREATED = ?,"
                + " LAST_UPDATED = ?, COMMENTS = ?, FLAGS = ?, BATCH_IDS = ?" + key);
    }

    /**
     * Resolves and buffers one value. Returns false (and reports a problem) when the value cannot be
     * stored: unknown data element, org unit or option combo, or an invalid period.
     */
    public boolean add(RawDataValue v) throws SQLException {
        int deId = dataElements.resolve(v.dataElement());
        if (deId < 0) {
            return reject(v, "import.unknownDataElement", "unknown data element '" + v.dataElement() + "'",
                    String.valueOf(v.dataElement()));
        }
        int ouId = orgUnits.resolve(v.orgUnit());
        if (ouId < 0) {
            return reject(v, "import.unknownOrgUnit", "unknown org unit '" + v.orgUnit() + "'",
                    String.valueOf(v.orgUnit()));
        }
        int cocId = isBlank(v.categoryOptionCombo()) ? defaultOptionCombo : optionCombos.resolve(v.categoryOptionCombo());
        if (cocId < 0) {
            return reject(v, "import.unknownCategoryOptionCombo",
                    "unknown category option combo '" + v.categoryOptionCombo() + "'",
                    String.valueOf(v.categoryOptionCombo()));
        }
        int aocId = isBlank(v.attributeOptionCombo()) ? defaultOptionCombo
                : optionCombos.resolve(v.attributeOptionCombo());
        if (aocId < 0) {
            return reject(v, "import.unknownAttributeOptionCombo",
                    "unknown attribute option combo '" + v.attributeOptionCombo() + "'",
                    String.valueOf(v.attributeOptionCombo()));
        }
        int peId;
        try {
            peId = periods.idOf(v.period() == null ? "" : v.period().trim());
        } catch (PeriodFormatException e) {
            return reject(v, "import.invalidPeriod", "invalid period '" + v.period() + "': " + e.getMessage(),
                    String.valueOf(v.period()), e.getMessage());
        }
        long createdAt;
        long updatedAt;
        try {
            createdAt = isBlank(v.created()) ? NO_TIME : Timestamps.parseMillis(v.created());
            updatedAt = isBlank(v.lastUpdated()) ? NO_TIME : Timestamps.parseMillis(v.lastUpdated());
        } catch (DateTimeParseException e) {
            return reject(v, "import.invalidTimestamp", "unreadable timestamp '" + e.getParsedString() + "'",
                    e.getParsedString());
        }
        // DHIS2: an empty value without a comment deletes the stored value.
        boolean deleted = v.deleted() || (isBlank(v.value()) && isBlank(v.comment()));
        if (n == de.length) {
            grow();
        }
        int i = n++;
        de[i] = deId;
        ou[i] = ouId;
        coc[i] = cocId;
        aoc[i] = aocId;
        pe[i] = peId;
        String value = v.value() == null ? "" : v.value();
        double number = NumericValues.parse(value);
        num[i] = number;
        text[i] = NumericValues.isCanonical(value, number) ? null : intern(value);
        storedBy[i] = isBlank(v.storedBy()) ? null : intern(v.storedBy());
        created[i] = createdAt;
        lastUpdated[i] = updatedAt;
        comment[i] = isBlank(v.comment()) ? null : v.comment();
        flags[i] = (byte) ((v.followup() ? FOLLOWUP : 0) | (deleted ? DELETED : 0));
        if (n == chunkLimit) {
            flush();
        }
        return true;
    }

    private void grow() {
        int size = Math.min(chunkLimit, de.length * 2);
        de = Arrays.copyOf(de, size);
        ou = Arrays.copyOf(ou, size);
        coc = Arrays.copyOf(coc, size);
        aoc = Arrays.copyOf(aoc, size);
        pe = Arrays.copyOf(pe, size);
        num = Arrays.copyOf(num, size);
        text = Arrays.copyOf(text, size);
        storedBy = Arrays.copyOf(storedBy, size);
        created = Arrays.copyOf(created, size);
        lastUpdated = Arrays.copyOf(lastUpdated, size);
        comment = Arrays.copyOf(comment, size);
        flags = Arrays.copyOf(flags, size);
    }

    /** Flushes what is buffered and keeps {@code SERIES_SLOT} long enough for the DATA_VALUE view. */
    public ImportCounts finish() throws SQLException {
        flush();
        executePending();
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO SERIES_SLOT(SLOT) SELECT X FROM SYSTEM_RANGE("
                    + "(SELECT COALESCE(MAX(SLOT), 0) + 1 FROM SERIES_SLOT), " + longestSeries + ")");
        }
        select.close();
        insert.close();
        update.close();
        return counts;
    }

    public ImportCounts counts() {
        return counts;
    }

    private boolean reject(RawDataValue v, String key, String message, String... args) {
        counts.rejected();
        problems.accept(Problem.of(file, v.line(), 0, key, message, args));
        return false;
    }

    private void flush() throws SQLException {
        if (n == 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new SQLException("import cancelled", "57014");
        }
        // Series written by the previous chunk must be in the table before this chunk reads them back.
        executePending();
        int[] order = chronologicalSeriesOrder();
        int start = 0;
        while (start < n) {
            int first = order[start];
            int end = start + 1;
            while (end < n && sameSeries(first, order[end])) {
                end++;
            }
            mergeSeries(order, start, end);
            start = end;
        }
        Arrays.fill(text, 0, n, null);
        Arrays.fill(comment, 0, n, null);
        Arrays.fill(storedBy, 0, n, null);
        n = 0;
    }

    /**
     * Buffer indices grouped by series, chronological within a series, file order among equal periods
     * (the later line of the file wins, as in DHIS2). Sorted as packed longs: series number (21 bits,
     * by first appearance), period rank (20 bits), buffer index (22 bits).
     */
    private int[] chronologicalSeriesOrder() {
        int maxPeriod = 0;
        for (int i = 0; i < n; i++) {
            maxPeriod = Math.max(maxPeriod, pe[i]);
        }
        boolean[] used = new boolean[maxPeriod + 1];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (!used[pe[i]]) {
                used[pe[i]] = true;
                distinct++;
            }
        }
        Integer[] chronological = new Integer[distinct];
        for (int id = 0, k = 0; id <= maxPeriod; id++) {
            if (used[id]) {
                chronological[k++] = id;
            }
        }
        Arrays.sort(chronological, periods::compare);
        int[] rank = new int[maxPeriod + 1];
        for (int r = 0; r < distinct; r++) {
            rank[chronological[r]] = r;
        }
        Map<SeriesKey, Integer> seriesNumber = new HashMap<>();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int series = seriesNumber.computeIfAbsent(new SeriesKey(de[i], ou[i], coc[i], aoc[i]),
                    k -> seriesNumber.size());
            keys[i] = ((long) series << 42) | ((long) rank[pe[i]] << 22) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & (MAX_CHUNK - 1));
        }
        return order;
    }

    private boolean sameSeries(int a, int b) {
        return de[a] == de[b] && ou[a] == ou[b] && coc[a] == coc[b] && aoc[a] == aoc[b];
    }

    private void mergeSeries(int[] order, int start, int end) throws SQLException {
        int f = order[start];
        SeriesKey key = new SeriesKey(de[f], ou[f], coc[f], aoc[f]);
        boolean mayExist = !storeWasEmpty || written.contains(key);
        Series existing = mayExist ? load(key) : null;
        Series result = new Series(end - start + (existing == null ? 0 : existing.size));
        boolean changed = false;
        int x = 0;
        int existingSize = existing == null ? 0 : existing.size;
        for (int k = start; k < end; k++) {
            int i = order[k];
            // Copy the existing entries that come before this period.
            while (x < existingSize && periods.compare(existing.pe[x], pe[i]) < 0) {
                result.copyFrom(existing, x++);
            }
            boolean samePeriodAsLast = result.size > 0 && result.pe[result.size - 1] == pe[i];
            if (x < existingSize && existing.pe[x] == pe[i]) {
                result.copyFrom(existing, x++);
                samePeriodAsLast = true;
            }
            if (samePeriodAsLast) {
                changed |= apply(result, result.size - 1, i);
            } else if ((flags[i] & DELETED) != 0) {
                counts.unchanged(); // deleting a value that does not exist: nothing to do
            } else {
                result.append(pe[i], num[i], text[i], storedBy[i], created[i], lastUpdated[i], comment[i], flags[i],
                        batchId);
                counts.created();
                changed = true;
            }
        }
        while (x < existingSize) {
            result.copyFrom(existing, x++);
        }
        if (changed) {
            write(key, result, existing != null);
            written.add(key);
        }
    }

    /** Applies incoming value {@code i} over the stored entry {@code j}; returns whether it changed. */
    private boolean apply(Series s, int j, int i) {
        boolean alive = (s.flags[j] & DELETED) == 0;
        if ((flags[i] & DELETED) != 0) {
            if (!alive) {
                counts.unchanged();
                return false;
            }
            s.flags[j] |= DELETED;
            s.lastUpdated[j] = lastUpdated[i];
            s.batch[j] = batchId;
            counts.deleted();
            return true;
        }
        if (alive && Double.compare(s.num[j], num[i]) == 0 && Objects.equals(s.text[j], text[i])
                && Objects.equals(s.comment[j], comment[i]) && s.flags[j] == flags[i]) {
            counts.unchanged();
            return false;
        }
        if (alive) {
            counts.updated();
        } else {
            counts.created();
        }
        s.set(j, pe[i], num[i], text[i], storedBy[i], created[i] == NO_TIME ? s.created[j] : created[i],
                lastUpdated[i], comment[i], flags[i], batchId);
        return true;
    }

    private Series load(SeriesKey key) throws SQLException {
        select.setInt(1, key.de);
        select.setInt(2, key.ou);
        select.setInt(3, key.coc);
        select.setInt(4, key.aoc);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Object[] pes = objects(rs.getArray(1));
            Object[] nums = objects(rs.getArray(2));
            Object[] texts = objects(rs.getArray(3));
            Object[] stored = objects(rs.getArray(4));
            Object[] cre = objects(rs.getArray(5));
            Object[] upd = objects(rs.getArray(6));
            Object[] com = objects(rs.getArray(7));
            Object[] fl = objects(rs.getArray(8));
            Object[] ba = objects(rs.getArray(9));
            Series s = new Series(pes.length);
            for (int j = 0; j < pes.length; j++) {
                s.append((Integer) pes[j], nums[j] == null ? Double.NaN : (Double) nums[j],
                        texts == null ? null : (String) texts[j], stored == null ? null : (String) stored[j],
                        cre == null || cre[j] == null ? NO_TIME : (Long) cre[j],
                        upd == null || upd[j] == null ? NO_TIME : (Long) upd[j],
                        com == null ? null : (String) com[j], ((Number) fl[j]).byteValue(), (Integer) ba[j]);
            }
            return s;
        }
    }

    private static Object[] objects(Array array) throws SQLException {
        return array == null ? null : (Object[]) array.getArray();
    }

    private void write(SeriesKey key, Series s, boolean exists) throws SQLException {
        int m = s.size;
        Integer[] pes = new Integer[m];
        Double[] nums = new Double[m];
        String[] texts = new String[m];
        String[] stored = new String[m];
        Long[] cre = new Long[m];
        Long[] upd = new Long[m];
        String[] com = new String[m];
        Byte[] fl = new Byte[m];
        Integer[] ba = new Integer[m];
        boolean anyText = false;
        boolean anyComment = false;
        int alive = 0;
        Integer firstAlive = null;
        Integer lastAlive = null;
        for (int j = 0; j < m; j++) {
            pes[j] = s.pe[j];
            nums[j] = Double.isNaN(s.num[j]) ? null : s.num[j];
            texts[j] = s.text[j];
            anyText |= s.text[j] != null;
            stored[j] = s.storedBy[j];
            cre[j] = s.created[j] == NO_TIME ? null : s.created[j];
            upd[j] = s.lastUpdated[j] == NO_TIME ? null : s.lastUpdated[j];
            com[j] = s.comment[j];
            anyComment |= s.comment[j] != null;
            fl[j] = s.flags[j];
            ba[j] = s.batch[j];
            if ((s.flags[j] & DELETED) == 0) {
                alive++;
                if (firstAlive == null) {
                    firstAlive = s.pe[j];
                }
                lastAlive = s.pe[j];
            }
        }
        PreparedStatement st = exists ? update : insert;
        st.setInt(1, alive);
        st.setObject(2, firstAlive);
        st.setObject(3, lastAlive);
        st.setObject(4, pes);
        st.setObject(5, nums);
        st.setObject(6, anyText ? texts : null);
        st.setObject(7, stored);
        st.setObject(8, cre);
        st.setObject(9, upd);
        st.setObject(10, anyComment ? com : null);
        st.setObject(11, fl);
        st.setObject(12, ba);
        st.setInt(13, key.de);
        st.setInt(14, key.ou);
        st.setInt(15, key.coc);
        st.setInt(16, key.aoc);
        st.addBatch();
        longestSeries = Math.max(longestSeries, m);
        if (exists) {
            pendingUpdates++;
        } else {
            pendingInserts++;
        }
        if (pendingInserts + pendingUpdates >= 500) {
            executePending();
        }
    }

    private void executePending() throws SQLException {
        if (pendingInserts > 0) {
            insert.executeBatch();
            pendingInserts = 0;
        }
        if (pendingUpdates > 0) {
            update.executeBatch();
            pendingUpdates = 0;
        }
    }

    private String intern(String s) {
        if (s == null) {
            return null;
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private record SeriesKey(int de, int ou, int coc, int aoc) {}

    /** One series in memory, chronological; NaN means "not a number", {@link #NO_TIME} "unknown". */
    private static final class Series {
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
        }

        void append(int p, double v, String t, String sb, long cr, long up, String cm, byte fl, int ba) {
            set(size++, p, v, t, sb, cr, up, cm, fl, ba);
        }

        void copyFrom(Series other, int j) {
            append(other.pe[j], other.num[j], other.text[j], other.storedBy[j], other.created[j],
                    other.lastUpdated[j], other.comment[j], other.flags[j], other.batch[j]);
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
    }
}
