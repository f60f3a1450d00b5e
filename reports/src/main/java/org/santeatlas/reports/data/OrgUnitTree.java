package org.santeatlas.reports.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org-unit tree of a workspace as the reports need it: names, levels, parents, dates and point
 * coordinates (WGS 84 degrees) of every org unit, read once (a few thousand rows).
 */
public final class OrgUnitTree {

    /** One org unit. {@code lon}/{@code lat} are NaN unless its geometry is a point. */
    public record Unit(int id, String uid, String code, String name, int level, int parentId, LocalDate opened,
                       LocalDate closed, double lon, double lat) {}

    private final Map<Integer, Unit> byId = new HashMap<>();
    private final Map<String, Unit> byUid = new HashMap<>();
    private final Map<Integer, List<Unit>> children = new HashMap<>();
    private final int deepest;

    private OrgUnitTree(List<Unit> units) {
        int d = 0;
        for (Unit u : units) {
            byId.put(u.id(), u);
            byUid.put(u.uid(), u);
            children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            d = Math.max(d, u.level());
        }
        deepest = d;
    }

    public static OrgUnitTree load(Connection c) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, COALESCE(LEVEL, 0), COALESCE(PARENT_ID, 0),"
                     + " OPENING_DATE, CLOSED_DATE,"
                     + " CASE WHEN ST_GeometryType(GEOMETRY) = 'POINT' THEN ST_X(GEOMETRY) END,"
                     + " CASE WHEN ST_GeometryType(GEOMETRY) = 'POINT' THEN ST_Y(GEOMETRY) END FROM ORG_UNIT")) {
            while (rs.next()) {
                double lon = rs.getDouble(9);
                boolean noLon = rs.wasNull();
                double lat = rs.getDouble(10);
                boolean noLat = rs.wasNull();
                units.add(new Unit(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        noLon ? Double.NaN : lon, noLat ? Double.NaN : lat));
            }
        }
        return new OrgUnitTree(units);
    }

    public Optional<Unit> byUid(String uid) {
        return Optional.ofNullable(uid == null ? null : byUid.get(uid));
    }

    public Optional<Unit> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The facility level: the deepest level of the tree. */
    public int facilityLevel() {
        return deepest;
    }

    /** Every org unit of {@code level}, by name. */
    public List<Unit> atLevel(int level) {
        return byId.values().stream().filter(u -> u.level() == level)
                .sorted(Comparator.comparing(Unit::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The ancestor of {@code uid} at {@code level} (itself when it is at that level). */
    public Optional<Unit> ancestorAt(String uid, int level) {
        Unit u = byUid.get(uid);
        while (u != null && u.level() > level) {
            u = byId.get(u.parentId());
        }
        return u != null && u.level() == level ? Optional.of(u) : Optional.empty();
    }

    /** Whether {@code uid} is {@code ancestor} or lies under it. */
    public boolean within(String uid, Unit ancestor) {
        return ancestorAt(uid, ancestor.level()).map(a -> a.id() == ancestor.id()).orElse(false);
    }

    /** The facilities (deepest level) under {@code ancestor}, by name. */
    public List<Unit> facilitiesUnder(Unit ancestor) {
        List<Unit> out = new ArrayList<>();
        java.util.ArrayDeque<Unit> todo = new java.util.ArrayDeque<>();
        todo.add(ancestor);
        while (!todo.isEmpty()) {
            Unit u = todo.poll();
            if (u.level() == deepest) {
                out.add(u);
            }
            todo.addAll(children.getOrDefault(u.id(), List.of()));
        }
        out.sort(Comparator.comparing(Unit::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    public String name(String uid) {
        Unit u = uid == null ? null : byUid.get(uid);
        return u == null ? (uid == null ? "" : uid) : u.name();
    }

    /** The parent's name, or "" at the top. */
    public String parentName(Unit u) {
        Unit p = byId.get(u.parentId());
        return p == null ? "" : p.name();
    }
}
