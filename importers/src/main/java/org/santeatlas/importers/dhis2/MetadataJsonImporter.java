package org.santeatlas.importers.dhis2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2gis.functions.io.geojson.ST_GeomFromGeoJSON;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.store.IdentifierIndex;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.JsonFiles;

/**
 * DHIS2 metadata JSON ({@code api/metadata.json}): org units with their geometry and tree, levels,
 * groups and group sets, the category model, data elements, data sets, indicator types, indicators
 * validation rules and legend sets (issue 5: classes of a map). The file is streamed: each collection's objects are read one at a time.
 * References between objects (group members, data set assignments, parents) may point forward in the
 * file and are resolved once every object is stored.
 */
public final class MetadataJsonImporter implements Importer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public ImportFormat format() {
        return ImportFormat.DHIS2_METADATA_JSON;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        new Run(context).run();
    }

    /**
     * One import's state, fed object by object by a front end (this JSON reader, or
     * {@link MetadataXmlImporter}): {@link #object} stores each object as it is read, {@link #finish} then
     * resolves the references between them and counts. An object is DHIS2's JSON shape of it: scalars as
     * fields, a reference as {@code {"id": ".."}}, a collection as an array.
     */
    static final class Run {
        private final ImportContext context;
        private final Connection c;
        private final Map<String, RowUpserter> upserters = new HashMap<>();
        /** table:uid → what happened, so that link changes can turn "unchanged" into "updated". */
        private final Map<String, RowUpserter.Outcome> outcomes = new LinkedHashMap<>();
        private final List<Link> links = new ArrayList<>();

        Run(ImportContext context) {
            this.context = context;
            this.c = context.connection();
        }

        void run() throws ImportFailure, IOException, SQLException {
            try (JsonParser p = JsonFiles.open(context)) {
                p.setCodec(MAPPER);
                p.nextToken();
                JsonFiles.expect(context, p, JsonToken.START_OBJECT, "a JSON object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String collection = p.currentName();
                    p.nextToken();
                    if (p.currentToken() != JsonToken.START_ARRAY || !handles(collection)) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        long line = p.currentLocation().getLineNr();
                        object(collection, p.readValueAsTree(), line);
                    }
                    JsonFiles.expect(context, p, JsonToken.END_ARRAY, "an object or ']' in " + collection);
                }
                JsonFiles.expect(context, p, JsonToken.END_OBJECT, "'}'");
            } catch (JsonProcessingException e) {
                throw JsonFiles.malformed(context, e);
            }
            finish();
        }

        /**
         * Stores one object of a collection that {@link #handles} ({@code organisationUnits}…); an invalid
         * object is reported at {@code line} and counted as rejected.
         */
        void object(String collection, JsonNode node, long line) throws SQLException {
            if ("minMaxDataElements".equals(collection)) {
                // DHIS2's MinMaxDataElement has no id or name of its own: kept until the org units, data
                // elements and option combos it names are all stored (see storeMinMax).
                minMax.add(new PendingMinMax(node, line));
                return;
            }
            String uid = node.path("id").asText(null);
            if (uid == null || uid.isBlank() || !node.hasNonNull("name") && !"categoryOptionCombos"
                    .equals(collection)) {
                context.counts().rejected();
                context.report(line, 0, "import.metadataMissingField",
                        collection + ": object without \"id\" or \"name\"", collection);
                return;
            }
            try {
                store(collection, uid, node, line);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                context.counts().rejected();
                context.report(line, 0, "import.metadataInvalid", collection + " " + uid + ": "
                        + e.getMessage(), collection, uid, String.valueOf(e.getMessage()));
            }
        }

        /** Once every object is stored: links, parents, derived paths, and the counts. */
        void finish() throws SQLException {
            for (Link link : links) {
                link.apply();
            }
            resolveReferences();
            for (RowUpserter u : upserters.values()) {
                u.close();
            }
            storeMinMax();
            for (RowUpserter.Outcome o : outcomes.values()) {
                switch (o) {
                    case CREATED -> context.counts().created();
                    case UPDATED -> context.counts().updated();
                    case UNCHANGED -> context.counts().unchanged();
                }
            }
        }

        /** The collections (top-level keys) whose objects are stored; the others are skipped. */
        static boolean handles(String collection) {
            return switch (collection) {
                case "organisationUnits", "organisationUnitLevels", "organisationUnitGroups",
                     "organisationUnitGroupSets", "categoryOptions", "categories", "categoryCombos",
                     "categoryOptionCombos", "dataElements", "dataSets", "indicatorTypes", "indicators",
                     "validationRules", "minMaxDataElements",
                     "legendSets" -> true;
                default -> false;
            };
        }

        private void store(String collection, String uid, JsonNode n, long line) throws SQLException {
            switch (collection) {
                case "organisationUnits" -> upsert("ORG_UNIT", uid, new String[] {"CODE", "NAME", "SHORT_NAME", "LEVEL",
                        "PARENT_UID", "PATH", "OPENING_DATE", "CLOSED_DATE", "GEOMETRY"},
                            text(n, "code"), text(n, "name"), text(n, "shortName"), integer(n, "level"),
                            ref(n, "parent"), text(n, "path"), date(n, "openingDate"), date(n, "closedDate"),
                            geometry(n, uid, line));
                case "organisationUnitLevels" -> upsert("ORG_UNIT_LEVEL", uid, new String[] {"NAME", "LEVEL"},
                        text(n, "name"), integer(n, "level"));
                case "organisationUnitGroups" -> {
                    int id = upsert("ORG_UNIT_GROUP", uid, new String[] {"CODE", "NAME", "SHORT_NAME"},
                            text(n, "code"), text(n, "name"), text(n, "shortName"));
                    link("ORG_UNIT_GROUP", uid, id, "ORG_UNIT_GROUP_MEMBER", "GROUP_ID", "ORG_UNIT_ID", "ORG_UNIT",
                            refs(n, "organisationUnits"), false);
                }
                case "organisationUnitGroupSets" -> {
                    int id = upsert("ORG_UNIT_GROUP_SET", uid, new String[] {"CODE", "NAME"},
                            text(n, "code"), text(n, "name"));
                    link("ORG_UNIT_GROUP_SET", uid, id, "ORG_UNIT_GROUP_SET_MEMBER", "GROUP_SET_ID", "GROUP_ID",
                            "ORG_UNIT_GROUP", refs(n, "organisationUnitGroups"), false);
                }
                case "categoryOptions" -> upsert("CATEGORY_OPTION", uid, new String[] {"CODE", "NAME", "SHORT_NAME",
                    "START_DATE", "END_DATE"}, text(n, "code"), text(n, "name"), text(n, "shortName"),
                        date(n, "startDate"), date(n, "endDate"));
                case "categories" -> {
                    int id = upsert("CATEGORY", uid, new String[] {"CODE", "NAME", "DATA_DIMENSION_TYPE"},
                            text(n, "code"), text(n, "name"), text(n, "dataDimensionType"));
                    link("CATEGORY", uid, id, "CATEGORY_CATEGORY_OPTION", "CATEGORY_ID", "CATEGORY_OPTION_ID",
                            "CATEGORY_OPTION", refs(n, "categoryOptions"), true);
                }
                case "categoryCombos" -> {
                    int id = upsert("CATEGORY_COMBO", uid, new String[] {"CODE", "NAME", "DATA_DIMENSION_TYPE"},
                            text(n, "code"), text(n, "name"), text(n, "dataDimensionType"));
                    link("CATEGORY_COMBO", uid, id, "CATEGORY_COMBO_CATEGORY", "CATEGORY_COMBO_ID", "CATEGORY_ID",
                            "CATEGORY", refs(n, "categories"), true);
                }
                case "categoryOptionCombos" -> {
                    int id = upsert("CATEGORY_OPTION_COMBO", uid, new String[] {"CODE", "NAME", "CATEGORY_COMBO_UID"},
                            text(n, "code"), text(n, "name"), ref(n, "categoryCombo"));
                    link("CATEGORY_OPTION_COMBO", uid, id, "CATEGORY_OPTION_COMBO_OPTION", "CATEGORY_OPTION_COMBO_ID",
                            "CATEGORY_OPTION_ID", "CATEGORY_OPTION", refs(n, "categoryOptions"), false);
                }
                case "dataElements" -> upsert("DATA_ELEMENT", uid, new String[] {"CODE", "NAME", "SHORT_NAME",
                    "FORM_NAME", "VALUE_TYPE", "AGGREGATION_TYPE", "DOMAIN_TYPE", "ZERO_IS_SIGNIFICANT",
                    "CATEGORY_COMBO_UID"}, text(n, "code"), text(n, "name"), text(n, "shortName"),
                        text(n, "formName"), text(n, "valueType"), text(n, "aggregationType"), text(n, "domainType"),
                        bool(n, "zeroIsSignificant"), ref(n, "categoryCombo"));
                case "dataSets" -> {
                    String periodType = text(n, "periodType");
                    if (periodType == null) {
                        throw new IllegalArgumentException("no periodType");
                    }
                    periodType = PeriodType.fromDhis2Name(periodType).dhis2Name();
                    int id = upsert("DATA_SET", uid, new String[] {"CODE", "NAME", "SHORT_NAME", "PERIOD_TYPE",
                        "TIMELY_DAYS", "EXPIRY_DAYS", "OPEN_FUTURE_PERIODS", "CATEGORY_COMBO_UID"},
                            text(n, "code"), text(n, "name"), text(n, "shortName"), periodType,
                            number(n, "timelyDays"), number(n, "expiryDays"), integer(n, "openFuturePeriods"),
                            ref(n, "categoryCombo"));
                    List<String> elements = new ArrayList<>();
                    for (JsonNode dse : n.path("dataSetElements")) {
                        String de = dse.path("dataElement").path("id").asText(null);
                        if (de != null) {
                            elements.add(de);
                        }
                    }
                    link("DATA_SET", uid, id, "DATA_SET_ELEMENT", "DATA_SET_ID", "DATA_ELEMENT_ID", "DATA_ELEMENT",
                            elements, false);
                    link("DATA_SET", uid, id, "DATA_SET_ORG_UNIT", "DATA_SET_ID", "ORG_UNIT_ID", "ORG_UNIT",
                            refs(n, "organisationUnits"), false);
                }
                case "indicatorTypes" -> upsert("INDICATOR_TYPE", uid, new String[] {"NAME", "FACTOR", "IS_NUMBER"},
                        text(n, "name"), integer(n, "factor"), bool(n, "number"));
                case "indicators" -> upsert("INDICATOR", uid, new String[] {"CODE", "NAME", "SHORT_NAME",
                    "INDICATOR_TYPE_UID", "NUMERATOR", "NUMERATOR_DESCRIPTION", "DENOMINATOR",
                    "DENOMINATOR_DESCRIPTION", "ANNUALIZED", "DECIMALS"}, text(n, "code"), text(n, "name"),
                        text(n, "shortName"), ref(n, "indicatorType"), text(n, "numerator"),
                        text(n, "numeratorDescription"), text(n, "denominator"), text(n, "denominatorDescription"),
                        bool(n, "annualized"), integer(n, "decimals"));
                case "validationRules" -> {
                    JsonNode left = n.path("leftSide");
                    JsonNode right = n.path("rightSide");
                    if (text(left, "expression") == null || text(right, "expression") == null
                            || text(n, "operator") == null) {
                        throw new IllegalArgumentException("a validation rule needs leftSide, rightSide and operator");
                    }
                    upsert("VALIDATION_RULE", uid, new String[] {"CODE", "NAME", "DESCRIPTION", "INSTRUCTION",
                        "IMPORTANCE", "OPERATOR", "PERIOD_TYPE", "LEFT_EXPRESSION", "LEFT_DESCRIPTION",
                        "LEFT_MISSING_VALUE_STRATEGY", "RIGHT_EXPRESSION", "RIGHT_DESCRIPTION",
                        "RIGHT_MISSING_VALUE_STRATEGY"}, text(n, "code"), text(n, "name"), text(n, "description"),
                            text(n, "instruction"), text(n, "importance"), text(n, "operator"),
                            text(n, "periodType"), text(left, "expression"), text(left, "description"),
                            text(left, "missingValueStrategy"), text(right, "expression"),
                            text(right, "description"), text(right, "missingValueStrategy"));
                }
                case "legendSets" -> legendSet(uid, n);
                default -> throw new IllegalStateException(collection);
            }
        }

        /**
         * A legend set and its legends ({@code legends[]}: id, name, startValue, endValue, color "#rrggbb").
         * Every legend is checked before anything is stored, so a bad one rejects the whole set; legends that
         * a new version of the set no longer holds are removed.
         */
        private void legendSet(String uid, JsonNode n) throws SQLException {
            List<Object[]> legends = new ArrayList<>();
            for (JsonNode l : n.path("legends")) {
                String id = text(l, "id");
                Double start = number(l, "startValue");
                Double end = number(l, "endValue");
                String color = text(l, "color");
                if (id == null || start == null || end == null || color == null) {
                    throw new IllegalArgumentException("a legend needs id, startValue, endValue and color");
                }
                if (!(start < end)) {
                    throw new IllegalArgumentException("legend " + id + ": startValue " + start
                            + " is not below endValue " + end);
                }
                if (!color.matches("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?")) {
                    throw new IllegalArgumentException("legend " + id + ": color '" + color + "' is not #rrggbb");
                }
                legends.add(new Object[] {id, text(l, "name"), start, end, color});
            }
            if (legends.isEmpty()) {
                throw new IllegalArgumentException("a legend set needs at least one legend");
            }
            int setId = upsert("LEGEND_SET", uid, new String[] {"CODE", "NAME"}, text(n, "code"), text(n, "name"));
            List<String> kept = new ArrayList<>();
            for (Object[] l : legends) {
                upsert("LEGEND", (String) l[0], new String[] {"LEGEND_SET_ID", "NAME", "START_VALUE", "END_VALUE",
                    "COLOR"}, setId, l[1], l[2], l[3], l[4]);
                kept.add((String) l[0]);
            }
            try (java.sql.PreparedStatement st = c.prepareStatement("DELETE FROM LEGEND WHERE LEGEND_SET_ID = ?"
                    + " AND NOT ARRAY_CONTAINS(?, UID)")) {
                st.setInt(1, setId);
                st.setArray(2, c.createArrayOf("VARCHAR", kept.toArray()));
                st.executeUpdate();
            }
        }

        private int upsert(String table, String uid, String[] columns, Object... values) throws SQLException {
            RowUpserter u = upserters.get(table);
            if (u == null) {
                // An org unit's path and level are derived when a file omits them; its geometry may come from a
                // boundary file (santeatlas import of GeoJSON/Shapefile boundaries) that DHIS2 does not have:
                // metadata without a geometry keeps the stored one.
                u = new RowUpserter(c, table, context.batchId(),
                        table.equals("ORG_UNIT") ? java.util.Set.of("PATH", "LEVEL", "GEOMETRY") : java.util.Set.of(),
                        columns);
                upserters.put(table, u);
            }
            RowUpserter.Row row = u.upsert(uid, values);
            String key = table + ':' + uid;
            RowUpserter.Outcome before = outcomes.get(key);
            // The same object twice in a file: its first appearance says whether it was new.
            outcomes.put(key, before == RowUpserter.Outcome.CREATED ? before : row.outcome());
            return row.id();
        }

        private void link(String ownerTable, String ownerUid, int ownerId, String linkTable, String ownerColumn,
                          String memberColumn, String memberTable, List<String> members, boolean ordered) {
            links.add(new Link(ownerTable + ':' + ownerUid, ownerId, linkTable, ownerColumn, memberColumn,
                    memberTable, members, ordered));
        }

        /** Sets PARENT_ID, computes missing paths and levels, and the category-combo keys. */
        private void resolveReferences() throws SQLException {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE ORG_UNIT O SET PARENT_ID = (SELECT P.ID FROM ORG_UNIT P WHERE P.UID = O.PARENT_UID)"
                        + " WHERE O.PARENT_UID IS NOT NULL AND (O.PARENT_ID IS NULL OR O.PARENT_ID <>"
                        + " (SELECT P.ID FROM ORG_UNIT P WHERE P.UID = O.PARENT_UID))");
                st.executeUpdate("UPDATE CATEGORY_OPTION_COMBO X SET CATEGORY_COMBO_ID = (SELECT CC.ID FROM"
                        + " CATEGORY_COMBO CC WHERE CC.UID = X.CATEGORY_COMBO_UID) WHERE X.CATEGORY_COMBO_UID IS NOT NULL");
                st.executeUpdate("UPDATE DATA_ELEMENT X SET CATEGORY_COMBO_ID = (SELECT CC.ID FROM"
                        + " CATEGORY_COMBO CC WHERE CC.UID = X.CATEGORY_COMBO_UID) WHERE X.CATEGORY_COMBO_UID IS NOT NULL");
            }
            completePaths();
        }

        /** DHIS2 exports carry path and level; other producers may not: derive them from the parents. */
        private void completePaths() throws SQLException {
            Map<Integer, Integer> parent = new HashMap<>();
            Map<Integer, String> uid = new HashMap<>();
            List<Integer> missing = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ID, UID, PARENT_ID, PATH, LEVEL FROM ORG_UNIT")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    uid.put(id, rs.getString(2));
                    int p = rs.getInt(3);
                    if (!rs.wasNull()) {
                        parent.put(id, p);
                    }
                    if (rs.getString(4) == null || rs.getObject(5) == null) {
                        missing.add(id);
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE ORG_UNIT SET PATH = COALESCE(PATH, ?), LEVEL = COALESCE(LEVEL, ?) WHERE ID = ?")) {
                for (int id : missing) {
                    List<String> chain = new ArrayList<>();
                    Integer at = id;
                    while (at != null && chain.size() < 100) {
                        chain.add(0, uid.get(at));
                        at = parent.get(at);
                    }
                    update.setString(1, "/" + String.join("/", chain));
                    update.setInt(2, chain.size());
                    update.setInt(3, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }

        private String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
        }

        private Integer integer(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() || !(v.isNumber() || v.isTextual()) ? null : v.asInt();
        }

        private Double number(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() || !(v.isNumber() || v.isTextual()) ? null : v.asDouble();
        }

        private Boolean bool(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asBoolean();
        }

        private Date date(JsonNode n, String field) {
            String s = text(n, field);
            if (s == null || s.isBlank()) {
                return null;
            }
            return Date.valueOf(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
        }

        private String ref(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null ? null : v.path("id").asText(null);
        }

        private List<String> refs(JsonNode n, String field) {
            List<String> ids = new ArrayList<>();
            for (JsonNode item : n.path(field)) {
                String id = item.path("id").asText(null);
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        }

        /**
         * The org unit's geometry: GeoJSON {@code geometry} (DHIS2 2.32+) or the older
         * {@code featureType} + {@code coordinates} string. Unreadable geometry is reported and dropped,
         * the org unit kept.
         */
        private Geometry geometry(JsonNode n, String uid, long line) {
            String geoJson = null;
            JsonNode g = n.get("geometry");
            if (g != null && g.isObject()) {
                geoJson = g.toString();
            } else if (n.hasNonNull("coordinates") && n.hasNonNull("featureType")) {
                String type = switch (n.get("featureType").asText()) {
                    case "POINT" -> "Point";
                    case "POLYGON" -> "Polygon";
                    case "MULTI_POLYGON" -> "MultiPolygon";
                    default -> null;
                };
                if (type != null) {
                    geoJson = "{\"type\":\"" + type + "\",\"coordinates\":" + n.get("coordinates").asText() + "}";
                }
            }
            if (geoJson == null) {
                return null;
            }
            try {
                Geometry geometry = ST_GeomFromGeoJSON.geomFromGeoJSON(geoJson);
                if (geometry == null) {
                    return null;
                }
                geometry.setSRID(4326);
                return geometry;
            } catch (IOException | SQLException | RuntimeException e) {
                context.report(line, 0, "import.invalidGeometry", "org unit " + uid + ": unreadable geometry ("
                        + e.getMessage() + "); kept without it", uid, String.valueOf(e.getMessage()));
                return null;
            }
        }

        /** A list of references owned by one object, replacing what the workspace holds for it. */
        private final class Link {
            final String ownerKey;
            final int ownerId;
            final String table;
            final String ownerColumn;
            final String memberColumn;
            final String memberTable;
            final List<String> members;
            final boolean ordered;

            Link(String ownerKey, int ownerId, String table, String ownerColumn, String memberColumn,
                 String memberTable, List<String> members, boolean ordered) {
                this.ownerKey = ownerKey;
                this.ownerId = ownerId;
                this.table = table;
                this.ownerColumn = ownerColumn;
                this.memberColumn = memberColumn;
                this.memberTable = memberTable;
                this.members = members;
                this.ordered = ordered;
            }

            void apply() throws SQLException {
                IdentifierIndex ids = memberIds.get(memberTable);
                if (ids == null) {
                    ids = IdentifierIndex.load(c, memberTable);
                    memberIds.put(memberTable, ids);
                }
                java.util.LinkedHashSet<Integer> wantedSet = new java.util.LinkedHashSet<>();
                for (String uid : members) {
                    int id = ids.resolve(uid);
                    if (id < 0) {
                        context.report(0, 0, "import.unknownMember", ownerKey + " refers to unknown " + memberTable
                                + " " + uid + "; reference skipped", ownerKey, memberTable, uid);
                    } else {
                        wantedSet.add(id);
                    }
                }
                List<Integer> wanted = new ArrayList<>(wantedSet);
                List<Integer> stored = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT " + memberColumn + " FROM " + table + " WHERE "
                        + ownerColumn + " = ?" + (ordered ? " ORDER BY SORT_ORDER" : " ORDER BY " + memberColumn))) {
                    st.setInt(1, ownerId);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            stored.add(rs.getInt(1));
                        }
                    }
                }
                List<Integer> compare = new ArrayList<>(wanted);
                if (!ordered) {
                    compare.sort(null);
                }
                if (compare.equals(stored)) {
                    return;
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + ownerColumn
                        + " = ?")) {
                    delete.setInt(1, ownerId);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + "(" + ownerColumn + ", "
                        + memberColumn + (ordered ? ", SORT_ORDER) VALUES (?, ?, ?)" : ") VALUES (?, ?)"))) {
                    int order = 0;
                    for (int member : wanted) {
                        insert.setInt(1, ownerId);
                        insert.setInt(2, member);
                        if (ordered) {
                            insert.setInt(3, order++);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                outcomes.computeIfPresent(ownerKey, (k, o) -> o == RowUpserter.Outcome.UNCHANGED
                        ? RowUpserter.Outcome.UPDATED : o);
            }
        }

        /** Members are referenced by UID (a code also resolves, as DHIS2's idScheme=CODE exports do). */
        private final Map<String, IdentifierIndex> memberIds = new HashMap<>();

        /** A {@code minMaxDataElements} object and its line, stored once the whole file is read. */
        private record PendingMinMax(JsonNode node, long line) {
        }

        private final List<PendingMinMax> minMax = new ArrayList<>();

        /**
         * DHIS2 min-max values ({@code minMaxDataElements}: {@code source}, {@code dataElement}, {@code optionCombo}
         * references, {@code min}, {@code max}, {@code generated}; DHIS2 Web API, "Min-max data elements") into
         * MIN_MAX_DATA_ELEMENT, one row per org unit × data element × option combo: a new key is created, a
         * stored one updated when its bounds or flag differ. An object naming an unknown object, or without
         * min and max, is rejected and reported.
         */
        private void storeMinMax() throws SQLException {
            if (minMax.isEmpty()) {
                return;
            }
            try (PreparedStatement find = c.prepareStatement("SELECT MIN_VALUE, MAX_VALUE, GENERATED FROM"
                    + " MIN_MAX_DATA_ELEMENT WHERE ORG_UNIT_ID = ? AND DATA_ELEMENT_ID = ? AND CATEGORY_OPTION_COMBO_ID = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO MIN_MAX_DATA_ELEMENT(ORG_UNIT_ID,"
                         + " DATA_ELEMENT_ID, CATEGORY_OPTION_COMBO_ID, MIN_VALUE, MAX_VALUE, GENERATED, BATCH_ID)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE MIN_MAX_DATA_ELEMENT SET MIN_VALUE = ?,"
                         + " MAX_VALUE = ?, GENERATED = ?, BATCH_ID = ? WHERE ORG_UNIT_ID = ? AND DATA_ELEMENT_ID = ?"
                         + " AND CATEGORY_OPTION_COMBO_ID = ?")) {
                for (PendingMinMax m : minMax) {
                    JsonNode n = m.node();
                    String ou = ref(n, "source");
                    String de = ref(n, "dataElement");
                    String coc = ref(n, "optionCombo");
                    String what = ou + "/" + de + "/" + coc;
                    Double min = number(n, "min");
                    Double max = number(n, "max");
                    String problem = null;
                    int ouId = resolve("ORG_UNIT", ou);
                    int deId = resolve("DATA_ELEMENT", de);
                    int cocId = resolve("CATEGORY_OPTION_COMBO", coc);
                    if (ouId < 0 || deId < 0 || cocId < 0) {
                        problem = "unknown " + (ouId < 0 ? "org unit (source) " + ou : deId < 0
                                ? "data element " + de : "category option combo " + coc);
                    } else if (min == null || max == null || min.isNaN() || max.isNaN() || min > max) {
                        problem = "needs numbers min ≤ max";
                    }
                    if (problem != null) {
                        context.counts().rejected();
                        context.report(m.line(), 0, "import.metadataInvalid", "minMaxDataElements " + what + ": "
                                + problem, "minMaxDataElements", what, problem);
                        continue;
                    }
                    boolean generated = Boolean.TRUE.equals(bool(n, "generated"));
                    find.setInt(1, ouId);
                    find.setInt(2, deId);
                    find.setInt(3, cocId);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            insert.setInt(1, ouId);
                            insert.setInt(2, deId);
                            insert.setInt(3, cocId);
                            insert.setDouble(4, min);
                            insert.setDouble(5, max);
                            insert.setBoolean(6, generated);
                            insert.setObject(7, context.batchId());
                            insert.executeUpdate();
                            context.counts().created();
                        } else if (rs.getDouble(1) == min && rs.getDouble(2) == max && rs.getBoolean(3) == generated) {
                            context.counts().unchanged();
                        } else {
                            update.setDouble(1, min);
                            update.setDouble(2, max);
                            update.setBoolean(3, generated);
                            update.setObject(4, context.batchId());
                            update.setInt(5, ouId);
                            update.setInt(6, deId);
                            update.setInt(7, cocId);
                            update.executeUpdate();
                            context.counts().updated();
                        }
                    }
                }
            }
        }

        /** The ID of a UID (or code) in {@code table}, -1 when unknown or null. */
        private int resolve(String table, String uid) throws SQLException {
            if (uid == null) {
                return -1;
            }
            IdentifierIndex ids = memberIds.get(table);
            if (ids == null) {
                ids = IdentifierIndex.load(c, table);
                memberIds.put(table, ids);
            }
            return ids.resolve(uid);
        }
    }
}
