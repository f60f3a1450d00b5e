package org.santeatlas.map.data;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.map.view.WebMercator;

/**
 * Reads what the map shows from a workspace's connection, read-only: org unit boundaries by level,
 * facilities and their types, localities and their population, and sums of a data element per area.
 * Geometries come back projected to Web Mercator once, here. Blocking; one thread at a time (the
 * workspace's connection is not thread-safe).
 */
public final class MapDataRepository {

    private final Connection connection;

    public MapDataRepository(Connection connection) {
        this.connection = connection;
    }

    /** A data element as the map names it. */
    public record DataElementInfo(int id, String uid, String code, String name, String shortName) {
        /** The short name when there is one, else the name. */
        public String label() {
            return shortName == null || shortName.isBlank() ? name : shortName;
        }
    }

    /** Facilities and the types they belong to (most important tier first). */
    public record Facilities(FeatureSet features, List<FacilityType> types) {}

    // ---- levels -------------------------------------------------------------------------------

    /** Every level that has org units, with DHIS2's level names where known ("Niveau n" otherwise). */
    public List<OrgUnitLevel> levels() throws SQLException {
        Map<Integer, String> names = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT LEVEL, NAME FROM ORG_UNIT_LEVEL")) {
            while (rs.next()) {
                names.put(rs.getInt(1), rs.getString(2));
            }
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT LEVEL, GEOMETRY FROM ORG_UNIT WHERE LEVEL IS NOT NULL")) {
            while (rs.next()) {
                int[] c = counts.computeIfAbsent(rs.getInt(1), l -> new int[3]);
                c[0]++;
                Object g = rs.getObject(2);
                if (g instanceof Polygonal) {
                    c[1]++;
                } else if (g instanceof Point) {
                    c[2]++;
                }
            }
        }
        List<OrgUnitLevel> out = new ArrayList<>();
        counts.forEach((level, c) -> out.add(new OrgUnitLevel(level, names.getOrDefault(level, "Niveau " + level),
                c[0], c[1], c[2])));
        return out;
    }

    /** The deepest level with polygons: health areas in a DHIS2 tree of country, regions, districts, areas. */
    public static Optional<OrgUnitLevel> areaLevel(List<OrgUnitLevel> levels) {
        return levels.stream().filter(l -> l.polygons() > 0).max(Comparator.comparingInt(OrgUnitLevel::level));
    }

    /** The level just above the areas, when it has polygons: health districts. */
    public static Optional<OrgUnitLevel> districtLevel(List<OrgUnitLevel> levels) {
        return areaLevel(levels).flatMap(a -> levels.stream()
                .filter(l -> l.level() == a.level() - 1 && l.polygons() > 0).findFirst());
    }

    /** The deepest level whose org units have points: the facilities. */
    public static Optional<OrgUnitLevel> facilityLevel(List<OrgUnitLevel> levels) {
        return levels.stream().filter(l -> l.points() > 0).max(Comparator.comparingInt(OrgUnitLevel::level));
    }

    // ---- features -----------------------------------------------------------------------------

    /** The polygons of one level, ordered by name (then uid) so that painting order is stable. */
    public FeatureSet boundaries(int level) throws SQLException {
        List<MapFeature> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT ID, UID, NAME, GEOMETRY, SHORT_NAME FROM ORG_UNIT WHERE LEVEL = ? AND GEOMETRY IS NOT NULL ORDER BY NAME, UID")) {
            st.setInt(1, level);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(4) instanceof Geometry g && g instanceof Polygonal && !g.isEmpty()) {
                        out.add(new MapFeature(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(5),
                                WebMercator.project(g), null, Double.NaN));
                    }
                }
            }
        }
        return new FeatureSet(out);
    }

    /**
     * Open facilities (no closing date) of a level that have a point, each with its type: its group in the
     * workspace's facility-type group set (a group set whose name or code says "type"), or, without such a
     * set, the first of its groups that names a tier ({@link FacilityKind}).
     */
    public Facilities facilities(int level) throws SQLException {
        Map<String, FacilityType> typeByGroup = new LinkedHashMap<>();
        Set<String> typeGroups = typeGroupUids();
        Map<Integer, String> typeOf = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        Map<String, FacilityKind> kindOfGroup = new HashMap<>(); // classified once per group, not per member
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT M.ORG_UNIT_ID, G.UID, G.CODE, G.NAME FROM ORG_UNIT_GROUP_MEMBER M"
                     + " JOIN ORG_UNIT_GROUP G ON G.ID = M.GROUP_ID ORDER BY M.ORG_UNIT_ID, G.NAME, G.UID")) {
            while (rs.next()) {
                String uid = rs.getString(2);
                String code = rs.getString(3);
                String name = rs.getString(4);
                FacilityKind kind = kindOfGroup.computeIfAbsent(uid, u -> FacilityKind.of(code, name));
                boolean isType = typeGroups.isEmpty() ? kind != FacilityKind.OTHER : typeGroups.contains(uid);
                if (!isType || typeOf.containsKey(rs.getInt(1))) {
                    continue;
                }
                typeOf.put(rs.getInt(1), uid);
                members.merge(uid, 1, Integer::sum);
                typeByGroup.putIfAbsent(uid, new FacilityType(uid, rs.getString(3), rs.getString(4), kind, 0));
            }
        }
        List<MapFeature> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT ID, UID, NAME, GEOMETRY, SHORT_NAME FROM"
                + " ORG_UNIT WHERE LEVEL = ? AND GEOMETRY IS NOT NULL AND CLOSED_DATE IS NULL ORDER BY NAME, UID")) {
            st.setInt(1, level);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(4) instanceof Point p && !p.isEmpty()) {
                        int id = rs.getInt(1);
                        out.add(new MapFeature(id, rs.getString(2), rs.getString(3), rs.getString(5), WebMercator.project(p),
                                typeOf.get(id), Double.NaN));
                    }
                }
            }
        }
        List<FacilityType> types = new ArrayList<>();
        for (FacilityType t : typeByGroup.values()) {
            types.add(new FacilityType(t.groupUid(), t.code(), t.name(), t.kind(), members.getOrDefault(t.groupUid(), 0)));
        }
        // Hospitals first; within a tier the rarer type is the higher one (5 regional hospitals, 14 district ones).
        types.sort(Comparator.comparing(FacilityType::kind).thenComparingInt(FacilityType::members)
                .thenComparing(FacilityType::name));
        return new Facilities(new FeatureSet(out), types);
    }

    private Set<String> typeGroupUids() throws SQLException {
        Set<String> uids = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT S.CODE, S.NAME, G.UID FROM ORG_UNIT_GROUP_SET S"
                     + " JOIN ORG_UNIT_GROUP_SET_MEMBER SM ON SM.GROUP_SET_ID = S.ID"
                     + " JOIN ORG_UNIT_GROUP G ON G.ID = SM.GROUP_ID")) {
            while (rs.next()) {
                String words = ((rs.getString(1) == null ? "" : rs.getString(1)) + " " + rs.getString(2)).toLowerCase();
                if (words.contains("type")) {
                    uids.add(rs.getString(3));
                }
            }
        }
        return uids;
    }

    /** Localities with a point; value = the population of the latest year known (NaN when none). */
    public FeatureSet localities() throws SQLException {
        List<MapFeature> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT L.ID, L.CODE, L.NAME, L.POINT, (SELECT P.POPULATION FROM"
                     + " LOCALITY_POPULATION P WHERE P.LOCALITY_ID = L.ID ORDER BY P.POPULATION_YEAR DESC LIMIT 1)"
                     + " FROM LOCALITY L WHERE L.POINT IS NOT NULL ORDER BY L.NAME, L.CODE")) {
            while (rs.next()) {
                if (rs.getObject(4) instanceof Point p && !p.isEmpty()) {
                    long pop = rs.getLong(5);
                    double population = rs.wasNull() ? Double.NaN : pop;
                    out.add(new MapFeature(rs.getInt(1), rs.getString(2), rs.getString(3), null, WebMercator.project(p), null,
                            population));
                }
            }
        }
        return new FeatureSet(out);
    }

    // ---- values -------------------------------------------------------------------------------

    /** A data element by its UID or code. */
    public Optional<DataElementInfo> dataElement(String uidOrCode) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT ID, UID, CODE, NAME, SHORT_NAME FROM DATA_ELEMENT WHERE UID = ? OR CODE = ? ORDER BY UID = ? DESC")) {
            st.setString(1, uidOrCode);
            st.setString(2, uidOrCode);
            st.setString(3, uidOrCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new DataElementInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The sum of a data element's numeric values (every category option combo, every attribute option combo)
     * over the stored periods that lie within {@code period}, per feature of {@code areas} (org units of
     * {@code level}); an area's sum covers itself and every org unit below it (its {@code PATH} passes
     * through it). NaN marks an area without any value: "no data", not zero.
     */
    public double[] sumByArea(FeatureSet areas, int level, int dataElementId, Period period) throws SQLException {
        Map<Integer, Integer> orgUnitToArea = new ThemeRepository(connection).orgUnitToArea(areas, level);
        Set<Integer> periodIds = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT ID FROM PERIOD WHERE START_DATE >= ? AND END_DATE <= ?")) {
            st.setDate(1, Date.valueOf(period.startDate()));
            st.setDate(2, Date.valueOf(period.endDate()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    periodIds.add(rs.getInt(1));
                }
            }
        }
        double[] sums = new double[areas.size()];
        Arrays.fill(sums, Double.NaN);
        if (periodIds.isEmpty()) {
            return sums;
        }
        try (SeriesReader r = SeriesReader.forDataElement(connection, dataElementId)) {
            while (r.next()) {
                Integer area = orgUnitToArea.get(r.orgUnitId());
                if (area == null) {
                    continue;
                }
                for (int i = 0; i < r.size(); i++) {
                    double v = r.number(i);
                    if (Double.isFinite(v) && periodIds.contains(r.periodId(i))) {
                        sums[area] = Double.isNaN(sums[area]) ? v : sums[area] + v;
                    }
                }
            }
        }
        return sums;
    }
}
