package org.santeatlas.quality.geo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.santeatlas.core.text.NameKey;

/**
 * The org-unit tree of a workspace in memory, with geometries (WGS 84, x = longitude, y = latitude):
 * loaded once per run by the geographic, registry and population checks. Read-only.
 *
 * <p>Facilities are the org units with a point, plus the leaves without any geometry at or below the
 * level where points usually are (a facility whose coordinates are missing is still a facility).
 */
public final class OrgUnits {

    /** WGS 84, as stored in {@code ORG_UNIT.GEOMETRY}. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** One org unit; {@code parentId} is 0 for the root, {@code geometry} null when none is stored. */
    public record Unit(int id, String uid, String code, String name, int level, int parentId, String path,
                       LocalDate openingDate, LocalDate closedDate, Geometry geometry) {

        public boolean hasPoint() {
            return geometry instanceof Point && !geometry.isEmpty();
        }

        public boolean hasPolygon() {
            return geometry instanceof Polygonal && !geometry.isEmpty();
        }

        /** The accent- and case-insensitive key of the name. */
        public String nameKey() {
            return NameKey.of(name);
        }
    }

    private final Map<Integer, Unit> byId = new HashMap<>();
    private final Map<String, Unit> byUid = new HashMap<>();
    private final Map<Integer, List<Unit>> children = new HashMap<>();
    private final Map<Integer, String> levelNames = new HashMap<>();
    private final List<Unit> facilities = new ArrayList<>();
    private int facilityLevel;

    private OrgUnits() {
    }

    public static OrgUnits load(Connection connection) throws SQLException {
        OrgUnits t = new OrgUnits();
        WKBReader wkb = new WKBReader(WGS84);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, LEVEL, PARENT_ID, PATH, OPENING_DATE,"
                     + " CLOSED_DATE, ST_AsBinary(GEOMETRY) FROM ORG_UNIT ORDER BY ID")) {
            while (rs.next()) {
                Geometry g = null;
                byte[] bytes = rs.getBytes(10);
                if (bytes != null) {
                    try {
                        g = wkb.read(bytes);
                        g.setSRID(4326);
                    } catch (ParseException e) {
                        g = null;
                    }
                }
                Unit u = new Unit(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7), date(rs.getDate(8)), date(rs.getDate(9)), g);
                t.byId.put(u.id(), u);
                t.byUid.put(u.uid(), u);
            }
            try (ResultSet levels = st.executeQuery("SELECT LEVEL, NAME FROM ORG_UNIT_LEVEL")) {
                while (levels.next()) {
                    t.levelNames.put(levels.getInt(1), levels.getString(2));
                }
            }
        }
        for (Unit u : t.byId.values()) {
            if (u.parentId() != 0 && t.byId.containsKey(u.parentId())) {
                t.children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        t.findFacilities();
        return t;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private void findFacilities() {
        // The level where most points are; a tree without points: its deepest level.
        Map<Integer, Integer> pointsByLevel = new HashMap<>();
        int maxLevel = 0;
        for (Unit u : byId.values()) {
            maxLevel = Math.max(maxLevel, u.level());
            if (u.hasPoint()) {
                pointsByLevel.merge(u.level(), 1, Integer::sum);
            }
        }
        facilityLevel = pointsByLevel.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(maxLevel);
        for (Unit u : byId.values()) {
            boolean leaf = !children.containsKey(u.id());
            if (u.hasPoint() || (u.geometry() == null && leaf && u.level() >= facilityLevel && u.level() > 1)) {
                facilities.add(u);
            }
        }
        facilities.sort((a, b) -> a.uid().compareTo(b.uid()));
    }

    public Unit byId(int id) {
        return byId.get(id);
    }

    public Unit byUid(String uid) {
        return byUid.get(uid);
    }

    public List<Unit> all() {
        return List.copyOf(byId.values());
    }

    /** Facilities in UID order. */
    public List<Unit> facilities() {
        return Collections.unmodifiableList(facilities);
    }

    public int facilityLevel() {
        return facilityLevel;
    }

    public Unit parent(Unit u) {
        return byId.get(u.parentId());
    }

    public List<Unit> children(Unit u) {
        return children.getOrDefault(u.id(), List.of());
    }

    /** The ancestor at {@code level} (the unit itself when it is at that level), or null. */
    public Unit ancestorAtLevel(Unit u, int level) {
        Unit x = u;
        while (x != null && x.level() > level) {
            x = parent(x);
        }
        return x != null && x.level() == level ? x : null;
    }

    /** Whether {@code ancestor} is {@code u} or one of its ancestors. */
    public boolean isWithin(Unit u, Unit ancestor) {
        for (Unit x = u; x != null; x = parent(x)) {
            if (x.id() == ancestor.id()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The level of health districts: the level whose name says "district" (ORG_UNIT_LEVEL, e.g. "District
     * sanitaire"); without level names, level 3 (country, region, district: the usual SNIS tree in
     * Niger, Mali and Burkina Faso), or the level above the facilities' parent in a shallower tree.
     */
    public int districtLevel() {
        for (Map.Entry<Integer, String> e : levelNames.entrySet()) {
            if (NameKey.of(e.getValue()).contains("district")) {
                return e.getKey();
            }
        }
        return Math.max(1, Math.min(3, facilityLevel - 2));
    }

    /** The org units of one level. */
    public List<Unit> atLevel(int level) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : byId.values()) {
            if (u.level() == level) {
                out.add(u);
            }
        }
        out.sort((a, b) -> a.uid().compareTo(b.uid()));
        return out;
    }

    /**
     * The country's outline: the polygon of the level-1 org unit, or else the union of the polygons of
     * the shallowest level that has polygons; null when no polygon is stored.
     */
    public Geometry countryOutline() {
        int best = Integer.MAX_VALUE;
        for (Unit u : byId.values()) {
            if (u.hasPolygon()) {
                best = Math.min(best, u.level());
            }
        }
        if (best == Integer.MAX_VALUE) {
            return null;
        }
        List<Geometry> parts = new ArrayList<>();
        for (Unit u : byId.values()) {
            if (u.hasPolygon() && u.level() == best) {
                parts.add(u.geometry());
            }
        }
        return parts.size() == 1 ? parts.get(0) : WGS84.buildGeometry(parts).union();
    }
}
