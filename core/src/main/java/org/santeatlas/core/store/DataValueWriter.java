package org.santeatlas.core.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
     * Values sorted in memory before a run is spilled: a quarter of the heap at about 61 bytes a value
     * while sorting (1.1 million values with -Xmx256m). Larger chunks mean fewer runs to merge.
     */
    public static final int CHUNK = chunkSize(Runtime.getRuntime().maxMemory());

    /** The packed sort key keeps 22 bits for the buffer index. */
    static final int MAX_CHUNK = 1 << 22;

    static int chunkSize(long maxHeapBytes) {
        long budget = maxHeapBytes / 4 / 61;
        return (int) Math.max(50_000, Math.min(MAX_CHUNK, budget));
    }

    /**
     * How references are resolved.
     *
     * @param idSchemes     how the file names data elements, org units and option combos
     * @param createMissing keep values whose references are unknown under placeholder metadata rows
     *                      ({@code PLACEHOLDER = TRUE}) instead of rejecting them
     * @param strict        the checks of raw DHIS2 data: reject a value that is not a number (or not a whole
     *                      number) for a numeric data element, and one whose period is not of the period
     *                      type of any data set its data element belongs to; off for aggregates (analytics
     *                      averages are decimals, quarterly totals of monthly data elements are legitimate)
     */
    public record Options(IdSchemes idSchemes, boolean createMissing, boolean strict) {
        public static final Options DEFAULTS = new Options(IdSchemes.AUTO, false, false);

        public Options {
            Objects.requireNonNull(idSchemes);
        }
    }

    /** DHIS2's numeric value types: their values must be numbers. */
    private static final Set<String> NUMERIC_TYPES = Set.of("NUMBER", "INTEGER",
            "INTEGER_POSITIVE", "INTEGER_NEGATIVE", "INTEGER_ZERO_OR_POSITIVE", "PERCENTAGE", "UNIT_INTERVAL");

    private final Connection connection;
    private final int batchId;
    private final Options options;
    /** Value type check per data element id: 0 none, 1 number, 2 whole number. */
    private final Map<Integer, Byte> numericCheck;
    /** The period types a data element's data sets collect (DHIS2 names), for the period type check. */
    private final Map<Integer, Set<String>> periodTypes;
    /** Unknown references, each reported once with its count of values (insertion order). */
    private final Map<String, Reference> references = new LinkedHashMap<>();
    /** Values given twice in the file (same data element, org unit, option combos and period). */
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
        this(connection, batchId, file, problems, Options.DEFAULTS, CHUNK);
    }

    public DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems,
                           Options options) throws SQLException {
        this(connection, batchId, file, problems, options, CHUNK);
    }

    /** With a chunk size of one's own: tests use tiny chunks to cross chunk boundaries. */
    DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems, int chunkLimit)
            throws SQLException {
        this(connection, batchId, file, problems, Options.DEFAULTS, chunkLimit);
    }

    private DataValueWriter(Connection connection, int batchId, String file, Consumer<Problem> problems,
                            Options options, int chunkLimit) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        this.file = file;
        this.problems = problems;
        this.options = options;
        IdSchemes schemes = options.idSchemes();
        this.dataElements = IdentifierIndex.load(connection, "DATA_ELEMENT", schemes.dataElement() == IdScheme.NAME);
        this.orgUnits = IdentifierIndex.load(connection, "ORG_UNIT", schemes.orgUnit() == IdScheme.NAME);
        this.optionCombos = IdentifierIndex.load(connection, "CATEGORY_OPTION_COMBO",
                schemes.categoryOptionCombo() == IdScheme.NAME);
        this.numericCheck = options.strict() ? numericChecks(connection) : Map.of();
        this.periodTypes = options.strict() ? periodTypes(connection) : Map.of();
        this.periods = PeriodIndex.load(connection);
        this.defaultOptionCombo = optionCombos.resolve(Workspace.defaultCategoryOptionComboUid(), IdScheme.UID);
        this.buffer = new ValueRuns(Math.min(Math.max(chunkLimit, 1), MAX_CHUNK));
        this.table = new SeriesTable(connection);
    }

    /**
     * Resolves and buffers one value. Returns false (and reports a problem) when the value cannot be
     * stored: unknown data element, org unit or option combo, or an invalid period.
     */
    public boolean add(RawDataValue v) throws SQLException {
        if (isBlank(v.dataElement())) {
            return reject(v, "import.missingDataElement", "the value names no data element");
        }
        if (isBlank(v.orgUnit())) {
            return reject(v, "import.missingOrgUnit", "the value names no org unit");
        }
        IdSchemes schemes = options.idSchemes();
        int deId = reference(Kind.DATA_ELEMENT, dataElements, v.dataElement(), schemes.dataElement(), v.line());
        int ouId = reference(Kind.ORG_UNIT, orgUnits, v.orgUnit(), schemes.orgUnit(), v.line());
        int cocId = isBlank(v.categoryOptionCombo()) ? defaultOptionCombo : reference(Kind.CATEGORY_OPTION_COMBO,
                optionCombos, v.categoryOptionCombo(), schemes.categoryOptionCombo(), v.line());
        int aocId = isBlank(v.attributeOptionCombo()) ? defaultOptionCombo : reference(Kind.ATTRIBUTE_OPTION_COMBO,
                optionCombos, v.attributeOptionCombo(), schemes.categoryOptionCombo(), v.line());
        if (deId < 0 || ouId < 0 || cocId < 0 || aocId < 0) {
            // Reported once per unknown reference, with its count of values, when the file is done.
            counts.rejected();
            return false;
        }
        int peId;
        try {
            peId = periods.idOf(v.period() == null ? "" : v.period().trim());
        } catch (PeriodFormatException e) {
            return reject(v, "import.invalidPeriod", "invalid period '" + v.period() + "': " + e.getMessage(),
                    String.valueOf(v.period()), e.getMessage());
        }
        Set<String> types = periodTypes.get(deId);
        if (types != null && !types.contains(periods.period(peId).type().dhis2Name().toLowerCase(Locale.ROOT))) {
            String expected = String.join(", ", new TreeSet<>(types));
            return reject(v, "import.periodTypeMismatch", "the period '" + v.period() + "' is not " + expected
                    + " as the data set(s) of data element '" + v.dataElement() + "' collect",
                    String.valueOf(v.period()), expected, String.valueOf(v.dataElement()));
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
        byte check = numericCheck.getOrDefault(deId, (byte) 0);
        if (check != 0 && !deleted && !isBlank(value)) {
            if (Double.isNaN(number)) {
                return reject(v, "import.notANumber", "the value '" + value + "' of data element '" + v.dataElement()
                        + "' is not a number", value, String.valueOf(v.dataElement()));
            }
            if (check == 2 && number != Math.rint(number)) {
                return reject(v, "import.notAWholeNumber", "the value '" + value + "' of data element '"
                        + v.dataElement() + "' is not a whole number", value, String.valueOf(v.dataElement()));
            }
        }
        try {
            buffer.add(deId, ouId, cocId, aocId, peId, number, NumericValues.isCanonical(value, number) ? null : value,
                    isBlank(v.storedBy()) ? null : v.storedBy(), createdAt, updatedAt,
                    isBlank(v.comment()) ? null : v.comment(),
                    (byte) ((v.followup() ? Series.FOLLOWUP : 0) | (deleted ? Series.DELETED : 0)), v.line());
        } catch (java.io.InterruptedIOException e) {
            throw new SQLException("import cancelled", "57014", e);
        } catch (IOException e) {
            throw new SQLException("cannot write the import's temporary file: " + e.getMessage(), e);
        }
        return true;
    }

    /** Merges every buffered value into the table, series by series, and returns the counts. */
    public ImportCounts finish() throws SQLException {
        reportReferences();
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
                currentDe = de;
                currentOu = ou;
                int coc = e.coc;
                int aoc = e.aoc;
                incoming.clear();
                do {
                    incoming.append(e.pe, e.num, e.text, buffer.storedByName(e.storedBy), e.created, e.lastUpdated,
                            e.comment, e.flags, batchId);
                    incoming.line[incoming.size - 1] = e.line;
                    more = source.next(e);
                } while (more && e.sameSeries(de, ou, coc, aoc));
                boolean exists = !tableWasEmpty && table.load(de, ou, coc, aoc, existing);
                if (!exists) {
                    existing.clear();
                }
                if (merge(existing, withoutDuplicates(chronological(incoming)), result)) {
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

    private int currentDe;
    private int currentOu;

    /**
     * The series without the values that the file gives more than once: the last one of each period is
     * kept (DHIS2 applies a file's values in order), the others are counted as rejected and reported.
     */
    private Series withoutDuplicates(Series s) {
        boolean any = false;
        for (int j = 1; j < s.size && !any; j++) {
            any = s.pe[j] == s.pe[j - 1];
        }
        if (!any) {
            return s;
        }
        Series out = new Series(s.size);
        for (int j = 0; j < s.size; j++) {
            if (j + 1 < s.size && s.pe[j + 1] == s.pe[j]) {
                int kept = j + 1;
                while (kept + 1 < s.size && s.pe[kept + 1] == s.pe[j]) {
                    kept++;
                }
                duplicate(s.pe[j], s.line[j], s.line[kept]);
            } else {
                out.copyFrom(s, j);
            }
        }
        return out;
    }

    /**
     * One value the file gives again later: rejected and reported on its own line, naming the line of the
     * one kept (0 when the format gives no lines).
     */
    private void duplicate(int pe, int line, int keptLine) {
        counts.rejected();
        if (duplicateSeriesDe != currentDe || duplicateSeriesOu != currentOu || duplicateKey == null) {
            // One look-up per series with duplicates, not per duplicate.
            duplicateSeriesDe = currentDe;
            duplicateSeriesOu = currentOu;
            duplicateKey = uidOf("DATA_ELEMENT", currentDe) + " " + uidOf("ORG_UNIT", currentOu);
        }
        String key = duplicateKey + " " + periods.period(pe).iso();
        String kept = String.valueOf(keptLine);
        problems.accept(Problem.of(file, line, 0, "import.duplicateValue", "value given more than once in the file"
                + " (" + key + "): ignored, the one on line " + kept + " is kept", key, kept));
    }

    private int duplicateSeriesDe = -1;
    private int duplicateSeriesOu = -1;
    private String duplicateKey;

    private String uidOf(String table, int id) {
        try (PreparedStatement st = connection.prepareStatement("SELECT UID FROM " + table + " WHERE ID = ?")) {
            st.setInt(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "#" + id;
            }
        } catch (SQLException e) {
            return "#" + id;
        }
    }

    /** The kinds of reference a data value makes, with their problem keys. */
    private enum Kind {
        DATA_ELEMENT("DATA_ELEMENT", "data element", "import.unknownDataElement", "import.placeholderDataElement",
                "import.ambiguousDataElement"),
        ORG_UNIT("ORG_UNIT", "org unit", "import.unknownOrgUnit", "import.placeholderOrgUnit",
                "import.ambiguousOrgUnit"),
        CATEGORY_OPTION_COMBO("CATEGORY_OPTION_COMBO", "category option combo", "import.unknownCategoryOptionCombo",
                "import.placeholderCategoryOptionCombo", "import.ambiguousCategoryOptionCombo"),
        ATTRIBUTE_OPTION_COMBO("CATEGORY_OPTION_COMBO", "attribute option combo",
                "import.unknownAttributeOptionCombo", "import.placeholderAttributeOptionCombo",
                "import.ambiguousAttributeOptionCombo");

        final String table;
        final String english;
        final String unknownKey;
        final String placeholderKey;
        final String ambiguousKey;

        Kind(String table, String english, String unknownKey, String placeholderKey, String ambiguousKey) {
            this.table = table;
            this.english = english;
            this.unknownKey = unknownKey;
            this.placeholderKey = placeholderKey;
            this.ambiguousKey = ambiguousKey;
        }
    }

    /** An unknown (or ambiguous) reference: where it first appears and how many values it holds. */
    private static final class Reference {
        final Kind kind;
        final String identifier;
        final long firstLine;
        final boolean ambiguous;
        final boolean placeholder;
        long values;

        Reference(Kind kind, String identifier, long firstLine, boolean ambiguous, boolean placeholder) {
            this.kind = kind;
            this.identifier = identifier;
            this.firstLine = firstLine;
            this.ambiguous = ambiguous;
            this.placeholder = placeholder;
        }
    }

    /**
     * The surrogate key a reference resolves to; with {@code createMissing}, an unknown one gets a
     * placeholder row. Negative when it cannot be stored (noted for {@link #reportReferences()}).
     */
    private int reference(Kind kind, IdentifierIndex index, String identifier, IdScheme scheme, long line)
            throws SQLException {
        int id = index.resolve(identifier, scheme);
        if (id >= 0) {
            return id;
        }
        String text = identifier == null ? "" : identifier;
        Reference r = references.get(kind.name() + '\u0000' + text);
        if (r == null && id == IdentifierIndex.UNKNOWN && (scheme == IdScheme.AUTO || scheme == IdScheme.UID)
                && Uids.isUid(text)) {
            // Added in this transaction after the index was loaded (an analytics import creates the metadata
            // its rows name while it reads them): once per unknown UID, then it is in the index.
            int added = lookUp(kind, index, text);
            if (added >= 0) {
                return added;
            }
        }
        if (r == null) {
            boolean canCreate = options.createMissing() && id == IdentifierIndex.UNKNOWN && !text.isBlank();
            r = new Reference(kind, text, line, id == IdentifierIndex.AMBIGUOUS, canCreate);
            references.put(kind.name() + '\u0000' + text, r);
            if (canCreate) {
                createPlaceholder(kind, index, text, scheme);
            }
        }
        r.values++;
        return r.placeholder ? index.resolve(text, scheme) : -1;
    }

    /** The surrogate key of a row added since the index was loaded, now put in the index; -1 if none. */
    private int lookUp(Kind kind, IdentifierIndex index, String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, CODE FROM " + kind.table
                + " WHERE UID = ?")) {
            select.setString(1, uid);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                index.put(rs.getInt(1), uid, rs.getString(2));
                return rs.getInt(1);
            }
        }
    }

    /** A row that stands for an object the file names and the workspace does not know yet. */
    private void createPlaceholder(Kind kind, IdentifierIndex index, String identifier, IdScheme scheme)
            throws SQLException {
        boolean asUid = (scheme == IdScheme.AUTO || scheme == IdScheme.UID) && Uids.isUid(identifier);
        String uid = asUid ? identifier : Uids.generate();
        String code = !asUid && scheme != IdScheme.NAME && identifier.length() <= 100 ? identifier : null;
        String name = identifier.length() <= 230 ? identifier : identifier.substring(0, 230);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + kind.table
                + "(UID, CODE, NAME, PLACEHOLDER, BATCH_ID) VALUES (?, ?, ?, TRUE, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, uid);
            insert.setString(2, code);
            insert.setString(3, name);
            insert.setInt(4, batchId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                index.put(keys.getInt(1), uid, code, scheme == IdScheme.NAME ? identifier : null);
            }
        }
    }

    /** One problem per unknown reference, with its count of values and the line it first appears on. */
    private void reportReferences() {
        for (Reference r : references.values()) {
            String n = String.valueOf(r.values);
            if (r.placeholder) {
                problems.accept(Problem.of(file, r.firstLine, 0, r.kind.placeholderKey, "unknown " + r.kind.english
                        + " '" + r.identifier + "' kept under a placeholder (" + n + " value(s))", r.identifier, n));
            } else if (r.ambiguous) {
                problems.accept(Problem.of(file, r.firstLine, 0, r.kind.ambiguousKey, "the name '" + r.identifier
                        + "' fits several " + r.kind.english + "s (" + n + " value(s))", r.identifier, n));
            } else {
                problems.accept(Problem.of(file, r.firstLine, 0, r.kind.unknownKey, "unknown " + r.kind.english + " '"
                        + r.identifier + "' (" + n + " value(s), the first on this line)", r.identifier, n));
            }
        }
        references.clear();
    }

    private static Map<Integer, Set<String>> periodTypes(Connection c) throws SQLException {
        Map<Integer, Set<String>> types = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT E.DATA_ELEMENT_ID, S.PERIOD_TYPE FROM DATA_SET_ELEMENT E"
                     + " JOIN DATA_SET S ON S.ID = E.DATA_SET_ID")) {
            while (rs.next()) {
                types.computeIfAbsent(rs.getInt(1), k -> new HashSet<>()).add(rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }

    private static Map<Integer, Byte> numericChecks(Connection c) throws SQLException {
        Map<Integer, Byte> checks = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, VALUE_TYPE FROM DATA_ELEMENT WHERE VALUE_TYPE IS NOT NULL")) {
            while (rs.next()) {
                String type = rs.getString(2);
                if (NUMERIC_TYPES.contains(type)) {
                    checks.put(rs.getInt(1), (byte) (type.startsWith("INTEGER") ? 2 : 1));
                }
            }
        }
        return checks;
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
