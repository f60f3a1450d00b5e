package org.santeatlas.testdata;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * An organisation unit of levels 1–4 (country, region, district, aire de santé) while the country is
 * being built. Coordinates are WGS 84 degrees, x = longitude, y = latitude.
 */
final class AdminUnit {

    static final int COUNTRY = 1;
    static final int REGION = 2;
    static final int DISTRICT = 3;
    static final int AREA = 4;

    final int level;
    final AdminUnit parent;
    final List<AdminUnit> children = new ArrayList<>();
    /** Voronoi site; for a district or region its chef-lieu, shared with its first child. */
    final Coordinate seed;

    /** Plain place name ("Kollo", "Tahoua-Est"), without "Région de" and the like. */
    String place;
    String uid;
    String code;
    /** The nested Voronoi cell before noding: used to sample child seeds only. */
    Geometry ideal;
    /** Final exact geometry (on the 1e-6 degree grid), a Polygon or MultiPolygon. */
    Geometry geometry;
    /** Faces of the noded arrangement that make up this unit (areas only). */
    final List<Polygon> faces = new ArrayList<>();
    /** Sum of the populations of the localities inside (areas), or of the children. */
    long population;
    /** True for a satellite urban area around a regional capital. */
    boolean urban;

    AdminUnit(int level, AdminUnit parent, Coordinate seed) {
        this.level = level;
        this.parent = parent;
        this.seed = seed;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** The district or region whose chef-lieu is this unit's seed: first child is the capital. */
    boolean isCapitalOfParent() {
        return parent != null && parent.children.get(0) == this;
    }

    String name() {
        return switch (level) {
            case COUNTRY -> place;
            case REGION -> "Région " + PlaceNames.de(place);
            case DISTRICT -> "District sanitaire " + PlaceNames.de(place);
            case AREA -> "Aire de santé " + PlaceNames.de(place);
            default -> throw new IllegalStateException("level " + level);
        };
    }

    String shortName() {
        return switch (level) {
            case COUNTRY -> "Sahel Central (fictif)";
            case REGION -> place;
            case DISTRICT -> "DS " + place;
            case AREA -> "AS " + place;
            default -> throw new IllegalStateException("level " + level);
        };
    }

    String path() {
        return parent == null ? "/" + uid : parent.path() + "/" + uid;
    }

    AdminUnit district() {
        AdminUnit u = this;
        while (u.level > DISTRICT) {
            u = u.parent;
        }
        return u;
    }

    AdminUnit region() {
        AdminUnit u = this;
        while (u.level > REGION) {
            u = u.parent;
        }
        return u;
    }
}
