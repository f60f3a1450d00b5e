package org.santeatlas.core.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.santeatlas.core.period.PeriodFormatException;
import org.santeatlas.core.workspace.Workspace;

/**
 * Upserts data values into the block-wise {@code DATA_VALUE_SERIES} table.
 *
 * <p>Values are resolved to surrogate keys as they arrive and go through an external sort by series
 * ({@link ValueRuns}: chunks of {@link #CHUNK} values, spilled to temporary files when the file is
 * larger), so that {@link #finish()} reads each touched series once, merges it in period order and
 * writes it once, whatever the order of the file. Re-importing identical values writes nothing. The
 * caller owns the transaction and closes the writer (which deletes the temporary files).
 *
 * <p>Not thread-safe; runs on the import's thread and checks for interruption between chunks.
 */
public final class DataValueWriter implements AutoCloseable {

    /**
     * Values sorted in memory before a run is spilled: a quarter of the heap at about 57 bytes a value
     * while sorting (1.1 million values with -Xmx256m). Larger chunks mean fewer runs to merge.
     */
    public static final int CHUNK = chunkSize(Runtime.getRuntime().maxMemory());

    /** The packed sort key keeps 22 bits for the buffer index. */
    static final int MAX_CHUNK = 1 << 22;

    static int chunkSize(long maxHeapBytes) {
        long budget = maxHeapBytes / 4 / 57;
        return (int) Math.max(50_000, Math.min(MAX_CHUNK, budget));
    }

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
    private final ValueRuns buffer;
    private final SeriesTable table;

    public DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems)
            throws SQLException {
        this(connection, batchId, file, problems, CHUNK);
    }

    /** With a chunk size of one's own: tests use tiny chunks to cross chunk boundaries. */
    DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems, int chunkLimit)
            throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.file = file;
        this.problems = problems;
        this.dataElements = IdentifierIndex.load(connection, "DATA_ELEMENT");
        this.orgUnits = IdentifierIndex.load(connection, "ORG_UNIT");
        this.optionCombos = IdentifierIndex.load(connection, "CATEGORY_OPTION_COMBO");
        this.periods = PeriodIndex.load(connection);
        this.defaultOptionCombo = optionCombos.resolve(Workspace.defaultCategoryOptionComboUid());
        this.buffer = new ValueRuns(Math.min(Math.max(chunkLimit, 1), MAX_CHUNK));
        this.table = new SeriesTable(connection);
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
            createdAt = millis(v.created(), true);
            updatedAt = millis(v.lastUpdated(), false);
        } catch (DateTimeParseException e) {
            return reject(v, "import.invalidTimestamp", "unreadable timestamp '" + e.getParsedString() + "'",
                    e.getParsedString());
        }
        // DHIS2: an empty value without a comment deletes the stored value.
        boolean deleted = v.deleted() || (isBlank(v.value()) && isBlank(v.comment()));
        String value = v.value() == null ? "" : v.value();
        double number = NumericValues.parse(value);
        try {
            buffer.add(deId, ouId, cocId, aocId, peId, number, NumericValues.isCanonical(value, number) ? null : value,
                    isBlank(v.storedBy()) ? null : v.storedBy(), createdAt, updatedAt,
                    isBlank(v.comment()) ? null : v.comment(),
                    (byte) ((v.followup() ? Series.FOLLOWUP : 0) | (deleted ? Series.DELETED : 0)));
        } catch (java.io.InterruptedIOException e) {
            throw new SQLException("import cancelled", "57014", e);
        } catch (IOException e) {
            throw new SQLException("cannot write the import's temporary file: " + e.getMessage(), e);
        }
        return true;
    }

    /** Merges every buffered value into the table, series by series, and returns the counts. */
    public ImportCounts finish() throws SQLException {
        try {
            boolean tableWasEmpty = table.isEmpty();
            ValueRuns.Source source = buffer.sorted();
            ValueRuns.Entry e = new ValueRuns.Entry();
            Series incoming = new Series(64);
            Series existing = new Series(64);
            Series result = new Series(64);
            boolean more = source.next(e);
            long series = 0;
            while (more) {
                int de = e.de;
                int ou = e.ou;
                int coc = e.coc;
                int aoc = e.aoc;
                incoming.clear();
                do {
                    incoming.append(e.pe, e.num, e.text, buffer.storedByName(e.storedBy), e.created, e.lastUpdated,
                            e.comment, e.flags, batchId);
                    more = source.next(e);
                } while (more && e.sameSeries(de, ou, coc, aoc));
                boolean exists = !tableWasEmpty && table.load(de, ou, coc, aoc, existing);
                if (!exists) {
                    existing.clear();
                }
                if (merge(existing, chronological(incoming), result)) {
                    table.write(de, ou, coc, aoc, result, exists);
                }
                if (++series % 1024 == 0 && Thread.currentThread().isInterrupted()) {
                    throw new SQLException("import cancelled", "57014");
                }
            }
            table.finish();
            return counts;
        } catch (java.io.InterruptedIOException e) {
            throw new SQLException("import cancelled", "57014", e);
        } catch (IOException e) {
            throw new SQLException("cannot read the import's temporary file: " + e.getMessage(), e);
        }
    }

    public ImportCounts counts() {
        return counts;
    }

    /** Deletes the temporary run files and releases the statements. */
    @Override
    public void close() throws SQLException {
        buffer.close();
        table.close();
    }

    private boolean reject(RawDataValue v, String key, String message, String... args) {
        counts.rejected();
        problems.accept(Problem.of(file, v.line(), 0, key, message, args));
        return false;
    }

    /** The incoming values of one series in period order; file order among equal periods. */
    private Series chronological(Series s) {
        boolean sorted = true;
        for (int j = 1; j < s.size && sorted; j++) {
            sorted = periods.compare(s.pe[j - 1], s.pe[j]) <= 0;
        }
        if (sorted) {
            return s;
        }
        Integer[] order = new Integer[s.size];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> periods.compare(s.pe[a], s.pe[b]));
        Series out = new Series(s.size);
        for (int j : order) {
            out.copyFrom(s, j);
        }
        return out;
    }

    /**
     * Merges the incoming values (chronological) over the stored series into {@code result}; counts
     * each incoming value; returns whether anything changed.
     */
    private boolean merge(Series existing, Series in, Series result) {
        result.clear();
        boolean changed = false;
        int x = 0;
        for (int i = 0; i < in.size; i++) {
            while (x < existing.size && periods.compare(existing.pe[x], in.pe[i]) < 0) {
                result.copyFrom(existing, x++);
            }
            boolean samePeriodAsLast = result.size > 0 && result.pe[result.size - 1] == in.pe[i];
            if (x < existing.size && existing.pe[x] == in.pe[i]) {
                result.copyFrom(existing, x++);
                samePeriodAsLast = true;
            }
            if (samePeriodAsLast) {
                changed |= apply(result, result.size - 1, in, i);
            } else if (!in.alive(i)) {
                counts.unchanged(); // deleting a value that does not exist: nothing to do
            } else {
                result.copyFrom(in, i);
                counts.created();
                changed = true;
            }
        }
        while (x < existing.size) {
            result.copyFrom(existing, x++);
        }
        return changed;
    }

    /** Applies incoming value {@code i} over the stored entry {@code j}; returns whether it changed. */
    private boolean apply(Series s, int j, Series in, int i) {
        boolean alive = s.alive(j);
        if (in.lastUpdated[i] != Series.NO_TIME && s.lastUpdated[j] != Series.NO_TIME
                && in.lastUpdated[i] < s.lastUpdated[j]) {
            // An older export than what the workspace holds: the newer value wins, whatever the order
            // the files are imported in.
            counts.unchanged();
            return false;
        }
        if (!in.alive(i)) {
            if (!alive) {
                counts.unchanged();
                return false;
            }
            s.flags[j] |= Series.DELETED;
            s.lastUpdated[j] = in.lastUpdated[i];
            s.batch[j] = batchId;
            counts.deleted();
            return true;
        }
        if (alive && Double.compare(s.num[j], in.num[i]) == 0 && Objects.equals(s.text[j], in.text[i])
                && Objects.equals(s.comment[j], in.comment[i]) && s.flags[j] == in.flags[i]) {
            counts.unchanged();
            return false;
        }
        if (alive) {
            counts.updated();
        } else {
            counts.created();
        }
        s.set(j, in.pe[i], in.num[i], in.text[i], in.storedBy[i],
                in.created[i] == Series.NO_TIME ? s.created[j] : in.created[i], in.lastUpdated[i], in.comment[i],
                in.flags[i], batchId);
        return true;
    }

    // One report's values share their timestamps: remember the last text read for each field.
    private String lastCreatedText;
    private long lastCreated;
    private String lastUpdatedText;
    private long lastUpdated;

    private long millis(String text, boolean created) {
        if (isBlank(text)) {
            return Series.NO_TIME;
        }
        if (created ? text.equals(lastCreatedText) : text.equals(lastUpdatedText)) {
            return created ? lastCreated : lastUpdated;
        }
        long millis = Timestamps.parseMillis(text);
        if (created) {
            lastCreatedText = text;
            lastCreated = millis;
        } else {
            lastUpdatedText = text;
            lastUpdated = millis;
        }
        return millis;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
