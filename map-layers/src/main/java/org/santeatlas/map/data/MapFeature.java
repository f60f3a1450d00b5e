package org.santeatlas.map.data;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One thing on the map: an org unit's boundary, a facility, a locality. {@code world} is its geometry in
 * Web Mercator metres (projected once, when read). {@code category} is a facility's type (its group uid)
 * or null; {@code value} a locality's population, or NaN.
 *
 * @param id the row id in its table ({@code ORG_UNIT.ID}, {@code LOCALITY.ID})
 * @param shortName the short name labels fall back to when the name does not fit ("AS Bodo"); the name
 *     when there is none
 */
public record MapFeature(int id, String uid, String name, String shortName, Geometry world, String category,
        double value) {

    public MapFeature {
        Objects.requireNonNull(world, "world");
        name = name == null ? "" : name;
        shortName = shortName == null || shortName.isBlank() ? name : shortName;
    }

    public static MapFeature of(int id, String uid, String name, Geometry world) {
        return new MapFeature(id, uid, name, null, world, null, Double.NaN);
    }
}
