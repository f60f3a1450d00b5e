package org.santeatlas.map.coverage;

import java.util.List;
import java.util.Objects;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;

/**
 * What the coverage analysis reads, in memory: the org units down to the health areas, the localities with
 * their population and the open facilities with their type, all in WGS 84 degrees (x = longitude). Built
 * from a workspace by {@link CoverageRepository}, or by hand. Immutable.
 *
 * @param units org units of levels 1 to {@code areaLevel}, parents before children
 * @param localities localities that have a point (the others are only counted)
 * @param facilities open facilities with a point, every type (the analysis selects among them)
 * @param types the facility types (org unit groups), most important first, with their member counts
 * @param areaLevel the level of the health areas (the deepest level with polygons)
 * @param districtLevel the level of the districts (the one above the areas, or the areas themselves)
 * @param regionLevel the level of the regions (the one above the districts, at least 1)
 * @param localitiesWithoutPoint localities left out because they have no coordinates
 */
public record CoverageInput(List<Unit> units, List<Locality> localities, List<Facility> facilities,
        List<FacilityType> types, int areaLevel, int districtLevel, int regionLevel, int localitiesWithoutPoint) {

    /**
     * An org unit of the tree.
     *
     * @param parent index of the parent in {@link #units()}, or -1 for a root
     */
    public record Unit(String uid, String name, int level, int parent) {
        public Unit {
            Objects.requireNonNull(uid, "uid");
            name = name == null ? uid : name;
        }
    }

    /**
     * A village or town.
     *
     * @param id {@code LOCALITY.ID}
     * @param population the population of the year chosen (0 when none is known)
     * @param unit index in {@link #units()} of the org unit it belongs to (a health area, normally), or -1
     */
    public record Locality(int id, String code, String name, double lon, double lat, long population, int unit) {}

    /**
     * A health facility.
     *
     * @param id {@code ORG_UNIT.ID}
     * @param typeUid its type (org unit group uid), or null
     * @param unit index in {@link #units()} of its deepest ancestor there (its health area), or -1
     */
    public record Facility(int id, String uid, String code, String name, double lon, double lat, String typeUid,
            FacilityKind kind, int unit) {
        public Facility {
            kind = kind == null ? FacilityKind.OTHER : kind;
        }
    }

    public CoverageInput {
        units = List.copyOf(units);
        localities = List.copyOf(localities);
        facilities = List.copyOf(facilities);
        types = List.copyOf(types);
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).parent() >= i) {
                throw new IllegalArgumentException("unit " + units.get(i).uid() + " comes before its parent");
            }
        }
    }

    /** The ancestor of unit u at a level (u itself when it is of that level), or -1. */
    public int ancestorAt(int u, int level) {
        while (u >= 0 && units.get(u).level() > level) {
            u = units.get(u).parent();
        }
        return u >= 0 && units.get(u).level() == level ? u : -1;
    }

    /** The index of a unit by uid, or -1. */
    public int unitIndex(String uid) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).uid().equals(uid)) {
                return i;
            }
        }
        return -1;
    }
}
