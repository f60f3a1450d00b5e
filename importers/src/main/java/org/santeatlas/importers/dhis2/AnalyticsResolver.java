package org.santeatlas.importers.dhis2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.Uids;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.importers.ImportContext;

/**
 * Turns what an analytics export names (UIDs, codes or names; {@code DE.COC} operands; period names) into
 * the workspace's UIDs, creating the metadata the export describes and the workspace lacks, and reporting
 * what it cannot resolve once per name with the number of rows it cost.
 *
 * <p>Created metadata: an org unit the export names by UID with a name becomes a placeholder org unit
 * ({@code PLACEHOLDER = TRUE}, name only, completed by a later metadata import of the same UID); likewise a
 * data element and a category option combo. An analytics {@code dx} item that is not a data element (an
 * indicator, a program indicator, a reporting rate) becomes a data element of its own with
 * {@code SOURCE = 'DHIS2 analytics'} (not a placeholder: no metadata import will complete it), under the
 * indicator's UID or, for ids that are not UIDs ({@code dataSet.REPORTING_RATE}), a UID derived from the
 * id and the id as its code, so that a re-import lands on the same series. Without a UID nothing is
 * created: a name must match the workspace (by {@link NameKey}; ambiguous names are reported).
 *
 * <p>Resolution is cached per reference, so that each distinct name costs one lookup and one report. The
 * import's thread, inside the import's transaction.
 */
final class AnalyticsResolver implements AutoCloseable {

    /** Where analytics series that are not DHIS2 data elements come from (DATA_ELEMENT.SOURCE). */
    static final String SOURCE = "DHIS2 analytics";

    /** DHIS2's default category combo: what an analytics series is disaggregated by (nothing). */
    private static final String DEFAULT_CATEGORY_COMBO = "bjDvmb4bfuf";

    /** dx item types stored as series of their own (DHIS2's DimensionItemType). */
    private static final Set<String> SERIES_TYPES = Set.of("INDICATOR", "PROGRAM_INDICATOR", "REPORTING_RATE",
            "PROGRAM_DATA_ELEMENT", "PROGRAM_ATTRIBUTE", "EXPRESSION_DIMENSION_ITEM", "VALIDATION_RULE");

    /** Reporting rate metrics, the second part of a {@code dataSet.METRIC} dx id. */
    private static final Set<String> RATE_METRICS = Set.of("REPORTING_RATE", "REPORTING_RATE_ON_TIME",
            "ACTUAL_REPORTS", "ACTUAL_REPORTS_ON_TIME", "EXPECTED_REPORTS");

    /** What the export says about one of its items (analytics {@code metaData.items}). */
    record Item(String name, String code, String type, String aggregationType) {
    }

    /**
     * A reference as a row gives it: any of an identifier, a name, a code, or a cell of unknown kind.
     * Null fields are absent.
     */
    record Ref(String id, String name, String code, String any) {

        static Ref any(String value) {
            return new Ref(null, null, null, value);
        }

        boolean isEmpty() {
            return blank(id) && blank(name) && blank(code) && blank(any);
        }

        /** The text to name the reference by in a message. */
        String label() {
            return !blank(name) ? name : !blank(any) ? any : !blank(id) ? id : code;
        }
    }

    /** A resolved data reference: the data element and, for an operand, its option combos (null: default). */
    record Dx(String dataElement, String categoryOptionCombo, String attributeOptionCombo) {
    }

    /** One kind of workspace object, indexed by UID, code and name key. */
    private static final class Index {
        final Set<String> uids = new HashSet<>();
        final Map<String, String> byCode = new HashMap<>();
        final Map<String, List<String>> byName = new HashMap<>();
        final Map<String, String> names = new HashMap<>();

        void put(String uid, String code, String name) {
            uids.add(uid);
            if (code != null && !code.isBlank()) {
                byCode.putIfAbsent(code, uid);
            }
            if (name != null) {
                byName.computeIfAbsent(NameKey.of(name), k -> new ArrayList<>(1)).add(uid);
                names.put(uid, name);
            }
        }

        /** The UID an identifier (UID or code) stands for, or null. */
        String byId(String id) {
            return id == null ? null : uids.contains(id) ? id : byCode.get(id);
        }
    }

    /** A failed resolution, kept so that a name is reported once with its count. */
    private static final class Miss {
        final String key;
        final String message;
        final String label;
        final long firstLine;
        long rows;

        Miss(String key, String message, String label, long firstLine) {
            this.key = key;
            this.message = message;
            this.label = label;
            this.firstLine = firstLine;
        }
    }

    private static final Object NONE = new Object();

    private final ImportContext context;
    private final Map<String, Item> items;
    private final Index dataElements;
    private final Index indicators;
    private final Index orgUnits;
    private final Index optionCombos;
    private final PreparedStatement insertOrgUnit;
    private final PreparedStatement insertDataElement;
    private final PreparedStatement insertOptionCombo;
    /** Resolutions per kind of reference (one map each: no composite key to build for every cell). */
    private final Map<Ref, Object> periodCache = new HashMap<>();
    private final Map<Ref, Object> orgUnitCache = new HashMap<>();
    private final Map<Ref, Object> comboCache = new HashMap<>();
    private final Map<Ref, Object> dataCache = new HashMap<>();
    private final Map<String, Miss> misses = new LinkedHashMap<>();
    private boolean quiet;

    /** @param items what the export says about its items, by identifier (empty without metadata) */
    AnalyticsResolver(ImportContext context, Map<String, Item> items) throws SQLException {
        this.context = context;
        this.items = items;
        Connection c = context.connection();
        this.dataElements = load(c, "DATA_ELEMENT");
        this.indicators = load(c, "INDICATOR");
        this.orgUnits = load(c, "ORG_UNIT");
        this.optionCombos = load(c, "CATEGORY_OPTION_COMBO");
        this.insertOrgUnit = c.prepareStatement("INSERT INTO ORG_UNIT(UID, NAME, PLACEHOLDER, BATCH_ID)"
                + " VALUES (?, ?, TRUE, ?)");
        this.insertDataElement = c.prepareStatement("INSERT INTO DATA_ELEMENT(UID, CODE, NAME, VALUE_TYPE,"
                + " AGGREGATION_TYPE, DOMAIN_TYPE, CATEGORY_COMBO_UID, PLACEHOLDER, SOURCE, BATCH_ID)"
                + " VALUES (?, ?, ?, 'NUMBER', ?, 'AGGREGATE', ?, ?, ?, ?)");
        this.insertOptionCombo = c.prepareStatement("INSERT INTO CATEGORY_OPTION_COMBO(UID, NAME, PLACEHOLDER,"
                + " BATCH_ID) VALUES (?, ?, TRUE, ?)");
    }

    private static Index load(Connection c, String table) throws SQLException {
        Index index = new Index();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UID, CODE, NAME FROM " + table)) {
            while (rs.next()) {
                index.put(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
        return index;
    }

    // ---- periods ----

    /** The ISO period of a reference (an ISO id or a period name), or empty after reporting it. */
    Optional<String> period(Ref ref, long line) {
        Object cached = periodCache.computeIfAbsent(ref, k -> {
            for (String text : new String[] {ref.id(), ref.code(), ref.any(), ref.name()}) {
                if (!blank(text)) {
                    Optional<String> iso = PeriodNames.toIso(text);
                    if (iso.isPresent()) {
                        return iso.get();
                    }
                }
            }
            return NONE;
        });
        if (cached == NONE) {
            miss("import.analyticsBadPeriod", "unreadable period", ref.label(), line);
            return Optional.empty();
        }
        return Optional.of((String) cached);
    }

    // ---- org units ----

    Optional<String> orgUnit(Ref ref, long line) throws SQLException {
        Object cached = cached(orgUnitCache, ref, () -> resolveOrgUnit(ref));
        return found(cached, "import.analyticsUnknownOrgUnit", "org unit not found in the workspace", ref, line);
    }

    private Object resolveOrgUnit(Ref ref) throws SQLException {
        Object r = byIdOrName(orgUnits, ref);
        if (r != NONE) {
            return r;
        }
        String name = ref.any() == null ? ref.name() : ref.any();
        if (name != null && name.contains(" / ")) {
            // "Display organisation unit hierarchy": "Pays / Région / District / CSI".
            Object last = byIdOrName(orgUnits, new Ref(null, name.substring(name.lastIndexOf(" / ") + 3), null, null));
            if (last != NONE) {
                return last;
            }
        }
        return placeholder(ref, insertOrgUnit, orgUnits, true);
    }

    // ---- category option combos ----

    /** A category option combo, or null for DHIS2's default; empty after reporting an unknown one. */
    Optional<String> optionCombo(Ref ref, long line) throws SQLException {
        if (ref == null || ref.isEmpty() || "*".equals(ref.label())) {
            return Optional.of("");
        }
        return found(comboCached(ref), "import.analyticsUnknownOptionCombo",
                "category option combo not found in the workspace", ref, line);
    }

    private Object comboCached(Ref ref) throws SQLException {
        return cached(comboCache, ref, () -> resolveOptionCombo(ref));
    }

    private Object resolveOptionCombo(Ref ref) throws SQLException {
        Object r = byIdOrName(optionCombos, ref);
        if (r != NONE) {
            return r;
        }
        return placeholder(ref, insertOptionCombo, optionCombos, false);
    }

    // ---- data ----

    Optional<Dx> data(Ref ref, long line) throws SQLException {
        Object cached = cached(dataCache, ref, () -> resolveData(ref, line));
        if (cached instanceof Dx dx) {
            return Optional.of(dx);
        }
        if (cached instanceof Miss miss) {
            miss(miss.key, miss.message, miss.label, line);
        } else {
            miss("import.analyticsUnknownData", "data element or indicator not found in the workspace", ref.label(),
                    line);
        }
        return Optional.empty();
    }

    private Object resolveData(Ref ref, long line) throws SQLException {
        String id = !blank(ref.id()) ? ref.id().strip() : !blank(ref.any()) ? ref.any().strip() : null;
        if (id != null) {
            Item item = items.get(id);
            String type = item == null ? null : item.type();
            int dot = id.indexOf('.');
            if (dot > 0 && (type == null && !RATE_METRICS.contains(id.substring(dot + 1))
                    || "DATA_ELEMENT_OPERAND".equals(type)) && !SERIES_TYPES.contains(String.valueOf(type))) {
                String[] parts = id.split("\\.");
                String de = dataElementById(parts[0], items.get(parts[0]));
                if (de != null && parts.length <= 3) {
                    Item cocItem = items.get(parts[1]);
                    Ref coc = new Ref(parts[1], cocItem == null ? operandComboName(item, parts[0]) : cocItem.name(),
                            null, null);
                    Ref aoc = parts.length == 3 ? new Ref(parts[2], null, null, null) : null;
                    Object c = "*".equals(parts[1]) ? "" : comboCached(coc);
                    Object a = aoc == null || "*".equals(parts[2]) ? "" : comboCached(aoc);
                    if (!(c instanceof String) || !(a instanceof String)) {
                        return new Miss("import.analyticsUnknownOptionCombo",
                                "category option combo not found in the workspace",
                                c instanceof String ? aoc.label() : coc.label(), line);
                    }
                    return new Dx(de, (String) c, (String) a);
                }
            } else if (type != null && SERIES_TYPES.contains(type) || dot > 0) {
                return new Dx(series(id, item), "", "");
            } else if ("DATA_ELEMENT".equals(type)) {
                String de = dataElementById(id, item);
                if (de != null) {
                    return new Dx(de, "", "");
                }
            } else {
                String de = dataElements.byId(id);
                if (de != null) {
                    return new Dx(de, "", "");
                }
                if (indicators.byId(id) != null) {
                    return new Dx(series(indicators.byId(id), item), "", "");
                }
                if (Uids.isUid(id) && (item != null || context.options().createMissing())) {
                    return new Dx(dataElementById(id, item), "", "");
                }
            }
        }
        // By name: a data element first, then an indicator (stored as a series of its own).
        for (String name : new String[] {ref.name(), ref.any(), ref.code()}) {
            if (blank(name)) {
                continue;
            }
            String code = dataElements.byCode.get(name.strip());
            if (code != null) {
                return new Dx(code, "", "");
            }
            List<String> des = dataElements.byName.getOrDefault(NameKey.of(name), List.of());
            if (des.size() == 1) {
                return new Dx(des.get(0), "", "");
            }
            List<String> ins = indicators.byName.getOrDefault(NameKey.of(name), List.of());
            if (des.isEmpty() && ins.size() == 1) {
                return new Dx(series(ins.get(0), null), "", "");
            }
            if (des.size() + ins.size() > 1) {
                return new Miss("import.analyticsAmbiguousName", "several data elements or indicators have this name",
                        name, line);
            }
        }
        return NONE;
    }

    /** DHIS2 names an operand "Data element Option combo": the combo's name is what follows the element's. */
    private String operandComboName(Item operand, String dataElement) {
        if (operand == null || operand.name() == null) {
            return null;
        }
        Item de = items.get(dataElement);
        String deName = de != null && de.name() != null ? de.name() : dataElements.names.get(dataElement);
        return deName != null && operand.name().startsWith(deName + " ")
                ? operand.name().substring(deName.length() + 1) : null;
    }

    /** A data element by UID or code, created as a placeholder when the export names it with a UID. */
    private String dataElementById(String id, Item item) throws SQLException {
        String de = dataElements.byId(id);
        if (de != null) {
            return de;
        }
        if (!Uids.isUid(id) || item == null && !context.options().createMissing()) {
            return null;
        }
        String name = item != null && item.name() != null ? item.name() : id;
        insert(id, item == null ? null : item.code(), name, item == null ? null : item.aggregationType(), null, true,
                null);
        return id;
    }

    /** The data element an analytics series (indicator, reporting rate…) is stored under; created if new. */
    private String series(String id, Item item) throws SQLException {
        String existing = dataElements.byId(id);
        if (existing != null) {
            return existing;
        }
        String uid = Uids.isUid(id) ? id : derivedUid(id);
        if (dataElements.uids.contains(uid)) {
            return uid;
        }
        String name = item != null && item.name() != null ? item.name()
                : indicators.names.getOrDefault(id, id);
        insert(uid, Uids.isUid(id) ? (item == null ? null : item.code()) : id, name,
                item == null ? null : item.aggregationType(), DEFAULT_CATEGORY_COMBO, false, SOURCE);
        return uid;
    }

    private void insert(String uid, String code, String name, String aggregationType, String categoryCombo,
                        boolean placeholder, String source) throws SQLException {
        insertDataElement.setString(1, uid);
        insertDataElement.setString(2, code == null ? null : cut(code, 100));
        insertDataElement.setString(3, cut(name, 230));
        insertDataElement.setString(4, aggregationType == null ? null : cut(aggregationType, 40));
        insertDataElement.setString(5, categoryCombo);
        insertDataElement.setBoolean(6, placeholder);
        insertDataElement.setString(7, source);
        insertDataElement.setInt(8, context.batchId());
        insertDataElement.executeUpdate();
        dataElements.put(uid, code, name);
    }

    /**
     * A stable UID for an analytics id that is not one ({@code BfMAe6Itzgt.REPORTING_RATE}): the same id
     * always gives the same UID, so a re-import updates the same series.
     */
    static String derivedUid(String id) {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            StringBuilder uid = new StringBuilder("A");
            for (int i = 0; i < 10; i++) {
                uid.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
            }
            return uid.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // ---- shared ----

    @FunctionalInterface
    private interface Resolution {
        Object resolve() throws SQLException;
    }

    /** A reference resolved once, in its kind's cache: a UID, a {@link Dx}, a {@link Miss} or NONE. */
    private static Object cached(Map<Ref, Object> cache, Ref ref, Resolution resolution) throws SQLException {
        Object cached = cache.get(ref);
        if (cached == null) {
            cached = resolution.resolve();
            cache.put(ref, cached);
        }
        return cached;
    }

    /**
     * A placeholder org unit or option combo for a reference that carries a UID, when the export names it
     * or {@code --create-missing} asks for one; NONE otherwise.
     *
     * @param uidAsName store the UID as the name when the export gives none (ORG_UNIT.NAME is required)
     */
    private Object placeholder(Ref ref, PreparedStatement insert, Index index, boolean uidAsName)
            throws SQLException {
        String uid = uidOf(ref);
        String itemName = nameOf(ref, uid);
        if (uid == null || itemName == null && !context.options().createMissing()) {
            return NONE;
        }
        String name = itemName != null ? itemName : uidAsName ? uid : null;
        insert.setString(1, uid);
        insert.setString(2, name == null ? null : cut(name, 230));
        insert.setInt(3, context.batchId());
        insert.executeUpdate();
        index.put(uid, null, itemName);
        return uid;
    }

    /** By identifier (UID, then code), then by unique name; NONE when nothing matches. */
    private static Object byIdOrName(Index index, Ref ref) {
        for (String id : new String[] {ref.id(), ref.any(), ref.code()}) {
            String uid = blank(id) ? null : index.byId(id.strip());
            if (uid != null) {
                return uid;
            }
        }
        for (String name : new String[] {ref.name(), ref.any()}) {
            if (!blank(name)) {
                List<String> uids = index.byName.getOrDefault(NameKey.of(name), List.of());
                if (uids.size() == 1) {
                    return uids.get(0);
                }
                if (uids.size() > 1) {
                    return new Miss("import.analyticsAmbiguousName", "several objects have this name", name, 0);
                }
            }
        }
        return NONE;
    }

    private Optional<String> found(Object cached, String key, String message, Ref ref, long line) {
        if (cached instanceof String uid) {
            return Optional.of(uid);
        }
        if (cached instanceof Miss miss) {
            miss(miss.key, miss.message, miss.label, line);
        } else {
            miss(key, message, ref.label(), line);
        }
        return Optional.empty();
    }

    /** The UID a reference carries (its id, or a cell of unknown kind shaped like a UID), or null. */
    private static String uidOf(Ref ref) {
        if (!blank(ref.id()) && Uids.isUid(ref.id().strip())) {
            return ref.id().strip();
        }
        if (!blank(ref.any()) && Uids.isUid(ref.any().strip())) {
            return ref.any().strip();
        }
        return null;
    }

    private String nameOf(Ref ref, String uid) {
        if (!blank(ref.name())) {
            return ref.name().strip();
        }
        Item item = uid == null ? null : items.get(uid);
        return item == null || blank(item.name()) ? null : item.name();
    }

    /**
     * One row's value with every reference resolved, or null when one is not (reported unless quiet). The
     * caller skips rows without a value before.
     */
    org.santeatlas.core.store.RawDataValue value(Ref dx, Ref pe, Ref ou, Ref co, Ref ao, String value, long line)
            throws SQLException {
        Optional<Dx> d = data(dx, line);
        Optional<String> p = period(pe, line);
        Optional<String> o = orgUnit(ou, line);
        Optional<String> c = optionCombo(co, line);
        Optional<String> a = optionCombo(ao, line);
        if (d.isEmpty() || p.isEmpty() || o.isEmpty() || c.isEmpty() || a.isEmpty()) {
            return null;
        }
        String coc = !c.get().isEmpty() ? c.get() : d.get().categoryOptionCombo();
        String aoc = !a.get().isEmpty() ? a.get() : d.get().attributeOptionCombo();
        return new org.santeatlas.core.store.RawDataValue(d.get().dataElement(), p.get(), o.get(), coc, aoc,
                number(value), null, null, null, null, false, false, line);
    }

    /**
     * A value as DHIS2 would store it: "1 234,5" (a French spreadsheet's display) → "1234.5"; other text
     * is kept as it is.
     */
    static String number(String value) {
        if (isPlainNumber(value)) {
            return value; // the common case, which DHIS2 writes: no regular expression for every row
        }
        String v = value.strip();
        String compact = v.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (DECIMAL_COMMA.matcher(compact).matches()) {
            compact = compact.replace(',', '.');
        }
        return NUMBER.matcher(compact).matches() ? compact : v;
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("-?\\d+,\\d+");
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** {@code -?\d+(\.\d+)?} exactly: a number {@link #number} would return unchanged. */
    static boolean isPlainNumber(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i++) != '.' || i == n) {
            return false;
        }
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == n;
    }

    /** From now on, failed resolutions are not reported again (the second pass over the rows). */
    void quiet() {
        quiet = true;
    }

    private void miss(String key, String message, String label, long line) {
        if (quiet) {
            return;
        }
        misses.computeIfAbsent(key + "\u0000" + label, k -> new Miss(key, message, label, line)).rows++;
    }

    /** Reports each unresolved reference once: its label, the rows it cost, on its first line. */
    void reportMisses() {
        for (Miss m : misses.values()) {
            String rows = String.valueOf(m.rows);
            context.report(m.firstLine, 0, m.key, m.message + ": '" + m.label + "' (" + rows + " row(s) rejected)",
                    m.label, rows);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() throws SQLException {
        try {
            insertOrgUnit.close();
            insertDataElement.close();
        } finally {
            insertOptionCombo.close();
        }
    }

    /** Whether a period text is ISO already (DHIS2's own ids). */
    static boolean isIso(String text) {
        return Period.tryParse(text).isPresent();
    }
}
