package org.santeatlas.importers.dhis2;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.RecordPipe;

/**
 * Aggregate data in IHE ADX, as DHIS2 reads and writes it at {@code api/dataValueSets} with
 * {@code Content-Type: application/adx+xml}:
 * <pre>{@code
 * <adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-02-10T08:00:00Z">
 *   <group orgUnit="SC-KL-1" period="2024-01-01/P1M" dataSet="SNIS_RMA" [MECHANISM="..."]>
 *     <dataValue dataElement="SNIS_CONS_EXT" AGE_5="AGE_LT5" value="120">
 *       <annotation>Saisie tardive</annotation>
 *     </dataValue>
 *   </group>
 * </adx>}</pre>
 *
 * <p>ADX names no option combos: a data value names one option per category of its data element's
 * category combo, as an attribute named by the category's code (DHIS2's default) or UID whose value is
 * the option's code or UID; the group does the same for the categories of its data set's attribute
 * combo. The option combo of the combo whose options are exactly those is the value's. An explicit
 * {@code categoryOptionCombo} (on a data value) or {@code attributeOptionCombo} (on a group) is taken as
 * it is, as DHIS2 does. Data elements, org units and data sets are named by UID or code. Periods are
 * ISO 8601 start/duration pairs ({@link AdxPeriods}). The {@code <annotation>} is the value of a
 * non-numeric data element (DHIS2 writes {@code value="0"} and the text there) and the comment of a
 * numeric one.
 *
 * <p>Streamed with the JDK's StAX reader on the parser thread; the category attributes are resolved on the
 * import thread against the category model read once before parsing. DTDs and external entities are off
 * and a DOCTYPE is refused (XXE), as for DXF2 XML.
 *
 * <p>One instance per import (it keeps the import's category model).
 */
public final class AdxImporter extends PipedDataValueImporter<AdxImporter.Value> {

    /** The ADX profile's namespace, which DHIS2 writes and requires on the root. */
    public static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

    /** Group attributes that are not categories (DHIS2 passes the rest through as dimensions). */
    private static final Set<String> GROUP_FIELDS = Set.of("orgUnit", "period", "dataSet", "attributeOptionCombo",
            "completeDate", "comment", "exported");

    /** Data value attributes that are not categories: ADX's own, and DXF2's that DHIS2 passes through. */
    private static final Set<String> VALUE_FIELDS = Set.of("dataElement", "value", "categoryOptionCombo",
            "attributeOptionCombo", "period", "orgUnit", "comment", "storedBy", "created", "lastUpdated",
            "followup", "followUp", "deleted");

    private CategoryModel model;
    private Group lastGroup;
    private Resolution lastGroupAoc;
    /** Option combo resolutions by category combo id, then by the value's (shared) category attributes. */
    private final Map<Integer, Map<List<Dimension>, Resolution>> cocs = new HashMap<>();
    private int cached;

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_ADX;
    }

    /** An attribute naming a category, and its value naming an option, as the file writes them. */
    record Dimension(String category, String option) {
    }

    /** A {@code <group>}: what its values share. Built on the parser thread, read on the import thread. */
    record Group(String orgUnit, String period, String periodText, String periodError, String dataSet,
                 String attributeOptionCombo, List<Dimension> dimensions, long line) {
    }

    /** A {@code <dataValue>} as read, before its category attributes are resolved. */
    record Value(Group group, String dataElement, String value, String annotation, String comment,
                 String categoryOptionCombo, String attributeOptionCombo, List<Dimension> dimensions,
                 String storedBy, String created, String lastUpdated, boolean followup, boolean deleted, long line) {
    }

    @Override
    void prepare(ImportContext context) throws SQLException {
        model = CategoryModel.load(context.connection());
    }

    // ---------------------------------------------------------------- parser thread

    @Override
    void parse(ImportContext context, RecordPipe.Emitter<Value> out) throws ImportFailure, IOException {
        try {
            XmlFiles.read(context, "an <adx> element", r -> readDocument(context, r, out));
        } catch (SQLException e) {
            throw new IllegalStateException("the ADX parser does not touch the workspace", e);
        }
    }

    /** The reader is on the root's start tag; leaves it on the root's end tag. */
    private static void readDocument(ImportContext context, XMLStreamReader r, RecordPipe.Emitter<Value> out)
            throws XMLStreamException, ImportFailure, IOException {
        if (!r.getLocalName().equals("adx")) {
            DataValueSetXmlImporter.unexpected(context, r, "<adx>", r.getLocalName());
        }
        long count = 0;
        Dimensions dimensions = new Dimensions();
        while (XmlFiles.nextTag(context, r) == XMLStreamConstants.START_ELEMENT) {
            if (!r.getLocalName().equals("group")) {
                DataValueSetXmlImporter.skipElement(r);
                continue;
            }
            Group group = readGroup(r);
            while (XmlFiles.nextTag(context, r) == XMLStreamConstants.START_ELEMENT) {
                if (!r.getLocalName().equals("dataValue")) {
                    DataValueSetXmlImporter.skipElement(r);
                    continue;
                }
                out.emit(readValue(r, group, dimensions));
                if (++count % 65_536 == 0) {
                    // Characters, not bytes: close enough for a progress bar over mostly ASCII files.
                    out.position(r.getLocation().getCharacterOffset());
                }
            }
        }
    }

    private static Group readGroup(XMLStreamReader r) {
        long line = r.getLocation().getLineNumber();
        String orgUnit = null;
        String periodText = null;
        String dataSet = null;
        String aoc = null;
        List<Dimension> dimensions = new ArrayList<>(2);
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (XmlFiles.isForeign(r, i)) {
                continue;
            }
            String name = r.getAttributeLocalName(i);
            String v = r.getAttributeValue(i);
            switch (name) {
                case "orgUnit" -> orgUnit = v;
                case "period" -> periodText = v;
                case "dataSet" -> dataSet = v;
                case "attributeOptionCombo" -> aoc = v;
                default -> {
                    if (!GROUP_FIELDS.contains(name)) {
                        dimensions.add(new Dimension(name, v));
                    }
                }
            }
        }
        String period = null;
        String error = null;
        try {
            period = AdxPeriods.parse(periodText).iso();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return new Group(orgUnit, period, periodText, error, dataSet, aoc, List.copyOf(dimensions), line);
    }

    /** The reader is on a {@code <dataValue>} start tag; leaves it on the matching end tag. */
    private static Value readValue(XMLStreamReader r, Group group, Dimensions canonical) throws XMLStreamException {
        // The reader's location is the end of the start tag: the line of the last attribute.
        long line = r.getLocation().getLineNumber();
        String dataElement = null;
        String value = null;
        String comment = null;
        String coc = null;
        String aoc = null;
        String storedBy = null;
        String created = null;
        String lastUpdated = null;
        boolean followup = false;
        boolean deleted = false;
        List<Dimension> dimensions = canonical.start();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (XmlFiles.isForeign(r, i)) {
                continue;
            }
            String name = r.getAttributeLocalName(i);
            String v = r.getAttributeValue(i);
            switch (name) {
                case "dataElement" -> dataElement = v;
                case "value" -> value = v;
                case "categoryOptionCombo" -> coc = v;
                case "attributeOptionCombo" -> aoc = v;
                case "comment" -> comment = v;
                case "storedBy" -> storedBy = v;
                case "created" -> created = v;
                case "lastUpdated" -> lastUpdated = v;
                case "followup", "followUp" -> followup = Boolean.parseBoolean(v.trim());
                case "deleted" -> deleted = Boolean.parseBoolean(v.trim());
                default -> {
                    if (!VALUE_FIELDS.contains(name)) {
                        dimensions.add(new Dimension(name, v));
                    }
                }
            }
        }
        String annotation = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("annotation")) {
                    annotation = r.getElementText();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Value(group, dataElement, value, annotation, comment, coc, aoc, canonical.of(dimensions),
                storedBy, created, lastUpdated, followup, deleted, line);
    }

    /**
     * The category attributes of the values, shared: a file repeats the same few combinations (AGE=LT5,
     * AGE=GE5) millions of times, so each distinct list is made once and the import thread can cache its
     * resolution by that list. Parser thread; bounded (past the cap, a list is simply copied).
     */
    static final class Dimensions {
        private static final int MAX_ENTRIES = 10_000;
        private final List<Dimension> scratch = new ArrayList<>(4);
        private final Map<List<Dimension>, List<Dimension>> shared = new HashMap<>();

        /** An empty list to collect one value's attributes into. */
        List<Dimension> start() {
            scratch.clear();
            return scratch;
        }

        /** The shared immutable list equal to {@code collected}. */
        List<Dimension> of(List<Dimension> collected) {
            if (collected.isEmpty()) {
                return List.of();
            }
            List<Dimension> list = shared.get(collected);
            if (list == null) {
                list = List.copyOf(collected);
                if (shared.size() < MAX_ENTRIES) {
                    shared.put(list, list);
                }
            }
            return list;
        }
    }

    // ---------------------------------------------------------------- import thread

    @Override
    RawDataValue resolve(ImportContext context, Value v) {
        Group g = v.group();
        if (g.periodError() != null) {
            return reject(context, v, "import.adxInvalidPeriod", "invalid ADX period '" + g.periodText() + "': "
                    + g.periodError(), String.valueOf(g.periodText()), g.periodError());
        }
        if (g != lastGroup) {
            lastGroup = g;
            lastGroupAoc = attributeOptionCombo(g);
        }
        String aoc = lastGroupAoc.uid;
        if (!isBlank(v.attributeOptionCombo())) {
            aoc = v.attributeOptionCombo(); // DXF2's attribute, which DHIS2 passes through: the value's own
        } else if (lastGroupAoc.problem != null) {
            return reject(context, v, lastGroupAoc.problem);
        }
        CategoryModel.DataElement de = model.dataElements.get(v.dataElement());
        String coc = v.categoryOptionCombo();
        if (isBlank(coc) && de != null) {
            Resolution r = categoryOptionCombo(de, v);
            if (r.problem != null) {
                return reject(context, v, r.problem);
            }
            coc = r.uid;
        }
        String value = v.value();
        String comment = v.comment();
        if (v.annotation() != null) {
            if (de != null && !de.numeric()) {
                value = v.annotation();
            } else {
                comment = v.annotation();
            }
        }
        return new RawDataValue(v.dataElement(), g.period(), g.orgUnit(), coc, aoc, value,
                v.storedBy(), v.created(), v.lastUpdated(), comment, v.followup(), v.deleted(), v.line());
    }

    private Resolution attributeOptionCombo(Group g) {
        if (!isBlank(g.attributeOptionCombo())) {
            return Resolution.of(g.attributeOptionCombo());
        }
        if (g.dimensions().isEmpty()) {
            return Resolution.of(null); // the default attribute option combo
        }
        if (isBlank(g.dataSet())) {
            String names = names(g.dimensions());
            return Resolution.fail("import.adxNoDataSet", "the group names attribute categories (" + names
                    + ") but no dataSet whose attribute combo they belong to", names);
        }
        CategoryModel.Combo combo = model.dataSets.get(g.dataSet());
        if (combo == null && !model.dataSetExists(g.dataSet())) {
            return Resolution.fail("import.adxUnknownDataSet", "unknown data set '" + g.dataSet() + "'", g.dataSet());
        }
        return resolve(combo, g.dimensions(), "import.adxDataSetNoCategories", g.dataSet());
    }

    private Resolution categoryOptionCombo(CategoryModel.DataElement de, Value v) {
        // No string keys here: this runs for every value, on the thread that also stores them.
        Map<List<Dimension>, Resolution> byDimensions = cocs.computeIfAbsent(de.comboId(), k -> new HashMap<>());
        Resolution r = byDimensions.get(v.dimensions());
        if (r == null) {
            r = resolve(model.combos.get(de.comboId()), v.dimensions(), "import.adxDataElementNoCategories",
                    v.dataElement());
            if (cached++ < 100_000) {
                byDimensions.put(v.dimensions(), r);
            }
        }
        return r;
    }

    /**
     * The option combo of {@code combo} (null: the default) that the attributes name.
     *
     * @param noCategoriesKey the problem when the combo is the default one but attributes name categories:
     *                        {@code import.adxDataSetNoCategories} or {@code import.adxDataElementNoCategories}
     * @param owner           the data set or data element, as the file names it
     */
    private Resolution resolve(CategoryModel.Combo combo, List<Dimension> dimensions, String noCategoriesKey,
                               String owner) {
        if (combo == null || combo.isDefault()) {
            if (dimensions.isEmpty()) {
                return Resolution.of(null);
            }
            String names = names(dimensions);
            String message = noCategoriesKey.equals("import.adxDataSetNoCategories")
                    ? "data set " + owner + " has no attribute categories but the group names " + names
                    : "data element " + owner + " has no categories but the value names " + names;
            return Resolution.fail(noCategoriesKey, message, owner, names);
        }
        int[] options = new int[combo.categories().size()];
        Arrays.fill(options, -1);
        for (Dimension d : dimensions) {
            int k = combo.indexOf(d.category());
            if (k < 0) {
                return Resolution.fail("import.adxUnknownCategory", "'" + d.category()
                        + "' is not a category of the category combo " + combo.label(), d.category(), combo.label());
            }
            CategoryModel.Category c = combo.categories().get(k);
            Integer option = c.options().get(d.option());
            if (option == null) {
                return Resolution.fail("import.adxUnknownCategoryOption", "'" + d.option()
                        + "' is not an option of the category " + c.label(), d.option(), c.label());
            }
            options[k] = option;
        }
        for (int k = 0; k < options.length; k++) {
            if (options[k] < 0) {
                String c = combo.categories().get(k).label();
                return Resolution.fail("import.adxMissingCategory", "no attribute names an option of the category "
                        + c + " of the category combo " + combo.label(), c, combo.label());
            }
        }
        String uid = combo.optionCombo(options);
        if (uid == null) {
            String names = names(dimensions);
            return Resolution.fail("import.adxNoOptionCombo", "the category combo " + combo.label()
                    + " has no option combo for " + names, combo.label(), names);
        }
        return Resolution.of(uid);
    }

    private static String names(List<Dimension> dimensions) {
        StringBuilder b = new StringBuilder();
        for (Dimension d : dimensions) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(d.category()).append('=').append(d.option());
        }
        return b.toString();
    }

    private static RawDataValue reject(ImportContext context, Value v, Problem problem) {
        return reject(context, v, problem.key, problem.message, problem.args);
    }

    private static RawDataValue reject(ImportContext context, Value v, String key, String message, String... args) {
        context.counts().rejected();
        context.report(v.line(), 0, key, message, args);
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private record Problem(String key, String message, String[] args) {
    }

    /** An option combo's UID (null: the default), or why there is none. */
    private record Resolution(String uid, Problem problem) {
        static Resolution of(String uid) {
            return new Resolution(uid, null);
        }

        static Resolution fail(String key, String message, String... args) {
            return new Resolution(null, new Problem(key, message, args));
        }
    }

    /**
     * The workspace's category model, read once per import: combos with their categories in order, each
     * category's options, and each combo's option combos keyed by their options. Everything is found by
     * UID or code, UID first (as {@link org.santeatlas.core.store.IdentifierIndex} does).
     */
    static final class CategoryModel {

        record Category(String label, Lookup<Integer> options) {
        }

        record DataElement(int comboId, boolean numeric) {
        }

        record Combo(String uid, String label, boolean isDefault, List<Category> categories,
                     Lookup<Integer> categoryIndex, Map<String, String> optionCombos) {

            int indexOf(String category) {
                Integer k = categoryIndex.get(category);
                return k == null ? -1 : k;
            }

            /** The option combo whose options are exactly these (one per category), or null. */
            String optionCombo(int[] options) {
                return optionCombos.get(key(options));
            }
        }

        final Map<Integer, Combo> combos = new HashMap<>();
        final Lookup<DataElement> dataElements = new Lookup<>();
        /** Data set → its attribute combo (absent: the default). */
        final Lookup<Combo> dataSets = new Lookup<>();
        private final Lookup<Boolean> allDataSets = new Lookup<>();

        boolean dataSetExists(String id) {
            return allDataSets.get(id) != null;
        }

        static String key(int[] options) {
            int[] sorted = options.clone();
            Arrays.sort(sorted);
            return Arrays.toString(sorted);
        }

        static CategoryModel load(Connection c) throws SQLException {
            CategoryModel m = new CategoryModel();
            Map<Integer, Category> categories = new HashMap<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT ID, UID, CODE FROM CATEGORY")) {
                    while (rs.next()) {
                        categories.put(rs.getInt(1), new Category(label(rs.getString(2), rs.getString(3)),
                                new Lookup<>()));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT L.CATEGORY_ID, O.ID, O.UID, O.CODE FROM"
                        + " CATEGORY_CATEGORY_OPTION L JOIN CATEGORY_OPTION O ON O.ID = L.CATEGORY_OPTION_ID")) {
                    while (rs.next()) {
                        Category cat = categories.get(rs.getInt(1));
                        if (cat != null) {
                            cat.options().put(rs.getString(3), rs.getString(4), rs.getInt(2));
                        }
                    }
                }
                Map<Integer, List<Category>> comboCategories = new HashMap<>();
                Map<Integer, Lookup<Integer>> comboIndex = new HashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT L.CATEGORY_COMBO_ID, L.CATEGORY_ID, C.UID, C.CODE FROM"
                        + " CATEGORY_COMBO_CATEGORY L JOIN CATEGORY C ON C.ID = L.CATEGORY_ID"
                        + " ORDER BY L.CATEGORY_COMBO_ID, L.SORT_ORDER")) {
                    while (rs.next()) {
                        List<Category> list = comboCategories.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>());
                        comboIndex.computeIfAbsent(rs.getInt(1), k -> new Lookup<>())
                                .put(rs.getString(3), rs.getString(4), list.size());
                        list.add(categories.get(rs.getInt(2)));
                    }
                }
                Map<Integer, Map<String, String>> optionCombos = new HashMap<>();
                Map<Integer, List<Integer>> cocOptions = new HashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT CATEGORY_OPTION_COMBO_ID, CATEGORY_OPTION_ID"
                        + " FROM CATEGORY_OPTION_COMBO_OPTION")) {
                    while (rs.next()) {
                        cocOptions.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getInt(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT X.ID, X.UID, COALESCE(X.CATEGORY_COMBO_ID, CC.ID) FROM"
                        + " CATEGORY_OPTION_COMBO X LEFT JOIN CATEGORY_COMBO CC ON CC.UID = X.CATEGORY_COMBO_UID")) {
                    while (rs.next()) {
                        int combo = rs.getInt(3);
                        List<Integer> options = cocOptions.get(rs.getInt(1));
                        if (!rs.wasNull() && options != null) {
                            int[] ids = options.stream().mapToInt(Integer::intValue).toArray();
                            optionCombos.computeIfAbsent(combo, k -> new HashMap<>()).putIfAbsent(key(ids),
                                    rs.getString(2));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME FROM CATEGORY_COMBO")) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        String uid = rs.getString(2);
                        List<Category> cats = comboCategories.getOrDefault(id, List.of());
                        boolean isDefault = uid.equals(DEFAULT_COMBO) || "default".equals(rs.getString(4))
                                && cats.size() <= 1;
                        m.combos.put(id, new Combo(uid, label(uid, rs.getString(3)), isDefault, cats,
                                comboIndex.getOrDefault(id, new Lookup<>()), optionCombos.getOrDefault(id, Map.of())));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT DE.UID, DE.CODE, DE.VALUE_TYPE,"
                        + " COALESCE(DE.CATEGORY_COMBO_ID, CC.ID) FROM DATA_ELEMENT DE"
                        + " LEFT JOIN CATEGORY_COMBO CC ON CC.UID = DE.CATEGORY_COMBO_UID")) {
                    while (rs.next()) {
                        int combo = rs.getInt(4);
                        m.dataElements.put(rs.getString(1), rs.getString(2),
                                new DataElement(rs.wasNull() ? -1 : combo, isNumeric(rs.getString(3))));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT DS.UID, DS.CODE, CC.ID FROM DATA_SET DS"
                        + " LEFT JOIN CATEGORY_COMBO CC ON CC.UID = DS.CATEGORY_COMBO_UID")) {
                    while (rs.next()) {
                        m.allDataSets.put(rs.getString(1), rs.getString(2), Boolean.TRUE);
                        int combo = rs.getInt(3);
                        if (!rs.wasNull()) {
                            m.dataSets.put(rs.getString(1), rs.getString(2), m.combos.get(combo));
                        }
                    }
                }
            }
            return m;
        }

        /**
         * DHIS2's default category combo, the same UID on every instance (V1__workspace.sql): its data
         * elements and data sets take no category attributes.
         */
        private static final String DEFAULT_COMBO = "bjDvmb4bfuf";

        /** DHIS2's numeric value types (ValueType.isNumeric); no type at all is taken as numeric. */
        static boolean isNumeric(String valueType) {
            if (valueType == null) {
                return true;
            }
            return switch (valueType.toUpperCase(Locale.ROOT)) {
                case "NUMBER", "UNIT_INTERVAL", "PERCENTAGE", "INTEGER", "INTEGER_POSITIVE", "INTEGER_NEGATIVE",
                     "INTEGER_ZERO_OR_POSITIVE" -> true;
                default -> false;
            };
        }

        private static String label(String uid, String code) {
            return code == null || code.isBlank() ? uid : code;
        }
    }

    /** Objects by UID, then by code. */
    static final class Lookup<T> {
        private final Map<String, T> byUid = new HashMap<>();
        private final Map<String, T> byCode = new HashMap<>();

        void put(String uid, String code, T value) {
            byUid.put(uid, value);
            if (code != null && !code.isEmpty()) {
                byCode.putIfAbsent(code, value);
            }
        }

        T get(String id) {
            if (id == null) {
                return null;
            }
            T v = byUid.get(id);
            return v != null ? v : byCode.get(id);
        }
    }
}
