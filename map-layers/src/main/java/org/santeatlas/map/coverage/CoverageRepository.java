package org.santeatlas.map.coverage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.OrgUnitLevel;

/**
 * Reads a {@link CoverageInput} from a workspace's connection, read-only. Blocking; the workspace's thread.
 *
 * <ul>
 *   <li>Levels as the map finds them ({@link MapDataRepository}): health areas are the deepest level with
 *       polygons, districts the one above, regions the one above that; facilities the deepest level with
 *       points, open ones only (no closing date), their type derived exactly as the map does.</li>
 *   <li>A locality belongs to the org unit the localities importer linked it to ({@code LOCALITY.ORG_UNIT_ID},
 *       set from its health area code); without one, to the health area whose polygon contains its point;
 *       else to none (counted in the country only).</li>
 *   <li>Its population is that of the most recent year not after the year asked ({@code LOCALITY_POPULATION}),
 *       or of its latest year when none is asked; 0 when it has none.</li>
 * </ul>
 */
public final class CoverageRepository {

    private final Connection connection;

    public CoverageRepository(Connection connection) {
        this.connection = connection;
    }

    /** The workspace has no boundaries: no health areas to report by. */
    public static final class NoBoundariesException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoBoundariesException() {
            super("the workspace has no org unit polygons");
        }
    }

    /**
     * Reads the analysis' input.
     *
     * @param year the population year asked (the latest known year not after it is used), or empty for each
     *     locality's latest year
     * @throws NoBoundariesException when no org unit has a polygon
     */
    public CoverageInput load(OptionalInt year) throws SQLException {
        MapDataRepository map = new MapDataRepository(connection);
        List<OrgUnitLevel> levels = map.levels();
        OrgUnitLevel area = MapDataRepository.areaLevel(levels).orElseThrow(NoBoundariesException::new);
        int areaLevel = area.level();
        int districtLevel = MapDataRepository.districtLevel(levels).map(OrgUnitLevel::level).orElse(areaLevel);
        int regionLevel = Math.max(1, districtLevel - 1);

        // ---- org units down to the areas, parents first ----
        List<CoverageInput.Unit> units = new ArrayList<>();
        Map<String, Integer> byUid = new HashMap<>();
        Map<Integer, Integer> byId = new HashMap<>();
        List<Geometry> areaPolygons = new ArrayList<>();
        List<Integer> areaUnits = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT ID, UID, NAME, LEVEL, PATH, PARENT_UID, GEOMETRY"
                + " FROM ORG_UNIT WHERE LEVEL <= ? ORDER BY LEVEL, NAME, UID")) {
            st.setInt(1, areaLevel);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String uid = rs.getString(2);
                    String parentUid = parentUid(rs.getString(5), uid, rs.getString(6));
                    Integer parent = parentUid == null ? null : byUid.get(parentUid);
                    int index = units.size();
                    units.add(new CoverageInput.Unit(uid, rs.getString(3), rs.getInt(4), parent == null ? -1 : parent));
                    byUid.put(uid, index);
                    byId.put(rs.getInt(1), index);
                    if (rs.getInt(4) == areaLevel && rs.getObject(7) instanceof Geometry g && g instanceof Polygonal
                            && !g.isEmpty()) {
                        areaPolygons.add(g);
                        areaUnits.add(index);
                    }
                }
            }
        }

        // ---- facilities ----
        int facilityLevel = MapDataRepository.facilityLevel(levels).map(OrgUnitLevel::level).orElse(areaLevel + 1);
        List<FacilityType> types = List.of();
        Map<Integer, String> typeOf = new HashMap<>();
        Map<String, FacilityKind> kindOf = new HashMap<>();
        if (facilityLevel > areaLevel) {
            MapDataRepository.Facilities f = map.facilities(facilityLevel);
            types = f.types();
            for (FacilityType t : types) {
                kindOf.put(t.groupUid(), t.kind());
            }
            for (var feature : f.features().features()) {
                if (feature.category() != null) {
                    typeOf.put(feature.id(), feature.category());
                }
            }
        }
        List<CoverageInput.Facility> facilities = new ArrayList<>();
        if (facilityLevel > areaLevel) {
            try (PreparedStatement st = connection.prepareStatement("SELECT ID, UID, CODE, NAME, PATH, PARENT_UID, GEOMETRY"
                    + " FROM ORG_UNIT WHERE LEVEL = ? AND GEOMETRY IS NOT NULL AND CLOSED_DATE IS NULL ORDER BY NAME, UID")) {
                st.setInt(1, facilityLevel);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getObject(7) instanceof Point p && !p.isEmpty()) {
                            int id = rs.getInt(1);
                            String type = typeOf.get(id);
                            int unit = deepestKnownAncestor(rs.getString(5), rs.getString(2), rs.getString(6), byUid);
                            facilities.add(new CoverageInput.Facility(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                    p.getX(), p.getY(), type, type == null ? FacilityKind.OTHER : kindOf.get(type), unit));
                        }
                    }
                }
            }
        }

        // ---- localities and their population ----
        Map<Integer, long[]> population = new HashMap<>(); // locality id → {year, population}
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT LOCALITY_ID, POPULATION_YEAR, POPULATION FROM LOCALITY_POPULATION")) {
            while (rs.next()) {
                int y = rs.getInt(2);
                if (year.isPresent() && y > year.getAsInt()) {
                    continue;
                }
                long[] best = population.get(rs.getInt(1));
                if (best == null) {
                    population.put(rs.getInt(1), new long[] {y, rs.getLong(3)});
                } else if (y > best[0]) {
                    best[0] = y;
                    best[1] = rs.getLong(3);
                }
            }
        }
        List<CoverageInput.Locality> localities = new ArrayList<>();
        int withoutPoint = 0;
        AreaFinder areas = new AreaFinder(areaPolygons, areaUnits);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, CODE, NAME, POINT, ORG_UNIT_ID FROM LOCALITY ORDER BY CODE")) {
            while (rs.next()) {
                if (!(rs.getObject(4) instanceof Point p) || p.isEmpty()) {
                    withoutPoint++;
                    continue;
                }
                int id = rs.getInt(1);
                int orgUnitId = rs.getInt(5);
                Integer unit = rs.wasNull() ? null : byId.get(orgUnitId);
                if (unit == null) {
                    unit = areas.containing(p.getX(), p.getY()).orElse(-1);
                }
                long[] pop = population.get(id);
                localities.add(new CoverageInput.Locality(id, rs.getString(2), rs.getString(3), p.getX(), p.getY(),
                        pop == null ? 0 : pop[1], unit));
            }
        }
        return new CoverageInput(units, localities, facilities, types, areaLevel, districtLevel, regionLevel, withoutPoint);
    }

    /** The parent's uid: the path's second-last segment, else PARENT_UID. */
    private static String parentUid(String path, String uid, String parentUid) {
        if (path != null) {
            String[] parts = path.split("/");
            if (parts.length >= 2 && parts[parts.length - 1].equals(uid) && parts.length - 2 >= 0
                    && !parts[parts.length - 2].isEmpty()) {
                return parts[parts.length - 2];
            }
        }
        return parentUid;
    }

    private static int deepestKnownAncestor(String path, String uid, String parentUid, Map<String, Integer> byUid) {
        if (path != null) {
            String[] parts = path.split("/");
            for (int i = parts.length - 1; i >= 0; i--) {
                if (!parts[i].equals(uid)) {
                    Integer u = byUid.get(parts[i]);
                    if (u != null) {
                        return u;
                    }
                }
            }
        }
        Integer u = parentUid == null ? null : byUid.get(parentUid);
        return u == null ? -1 : u;
    }

    /** The health area whose polygon holds a point; its index is built on first use (most localities are linked). */
    private static final class AreaFinder {
        private final List<Geometry> polygons;
        private final List<Integer> units;
        private final GeometryFactory gf = new GeometryFactory();
        private STRtree index;
        private List<PreparedGeometry> prepared;

        AreaFinder(List<Geometry> polygons, List<Integer> units) {
            this.polygons = polygons;
            this.units = units;
        }

        /** The unit of the first area (in the units' order) that covers (lon, lat). */
        Optional<Integer> containing(double lon, double lat) {
            if (index == null) {
                index = new STRtree();
                prepared = new ArrayList<>(polygons.size());
                for (int i = 0; i < polygons.size(); i++) {
                    index.insert(polygons.get(i).getEnvelopeInternal(), i);
                    prepared.add(PreparedGeometryFactory.prepare(polygons.get(i)));
                }
                index.build();
            }
            @SuppressWarnings("unchecked")
            List<Object> hits = index.query(new Envelope(lon, lon, lat, lat));
            Point p = gf.createPoint(new Coordinate(lon, lat));
            int best = Integer.MAX_VALUE;
            for (Object o : hits) {
                int i = (Integer) o;
                if (i < best && prepared.get(i).covers(p)) {
                    best = i;
                }
            }
            return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(units.get(best));
        }
    }
}
