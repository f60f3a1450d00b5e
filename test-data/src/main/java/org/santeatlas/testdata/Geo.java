package org.santeatlas.testdata;

import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** Geometry helpers. All coordinates are WGS 84 degrees, x = longitude, y = latitude. */
final class Geo {

    /** Output precision: 6 decimals of a degree (about 0.1 m). Every exported coordinate is on it. */
    static final double SCALE = 1e6;
    static final PrecisionModel GRID = new PrecisionModel(SCALE);
    /** Floating factory for construction; SRID 4326 (WGS 84). */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {}

    static double round(double degrees) {
        return GRID.makePrecise(degrees);
    }

    static Coordinate round(Coordinate c) {
        return new Coordinate(round(c.x), round(c.y));
    }

    /** Micro-degrees of a coordinate already on the grid. */
    static long micro(double degrees) {
        return Math.round(degrees * SCALE);
    }

    /** "13.512345": fixed 6 decimals, from integer arithmetic so that output never varies. */
    static String format(double degrees) {
        return formatFixed(micro(degrees), 6);
    }

    /** A scaled integer as a decimal number: formatFixed(-1505, 2) = "-15.05". */
    static String formatFixed(long scaled, int decimals) {
        StringBuilder sb = new StringBuilder(24);
        appendFixed(sb, scaled, decimals);
        return sb.toString();
    }

    static void appendFixed(StringBuilder sb, long scaled, int decimals) {
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        long unit = 1;
        for (int i = 0; i < decimals; i++) {
            unit *= 10;
        }
        sb.append(scaled / unit);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % unit);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    /** Great-circle distance in metres (haversine, mean Earth radius). */
    static double distanceMetres(Coordinate a, Coordinate b) {
        double lat1 = StrictMath.toRadians(a.y);
        double lat2 = StrictMath.toRadians(b.y);
        double dLat = lat2 - lat1;
        double dLon = StrictMath.toRadians(b.x - a.x);
        double h = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
                + StrictMath.cos(lat1) * StrictMath.cos(lat2) * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * StrictMath.asin(StrictMath.sqrt(h));
    }

    /** Degrees of longitude and latitude for a displacement of {@code metres} at this latitude. */
    static Coordinate offset(Coordinate from, double metres, double bearingRadians) {
        double dy = metres * StrictMath.cos(bearingRadians) / 111_195.0;
        double dx = metres * StrictMath.sin(bearingRadians)
                / (111_195.0 * StrictMath.cos(StrictMath.toRadians(from.y)));
        return round(new Coordinate(from.x + dx, from.y + dy));
    }

    /** A uniformly random grid point inside {@code area}; null after {@code tries} misses. */
    static Coordinate randomPointIn(PreparedGeometry area, SplittableRandom random, int tries) {
        Envelope env = area.getGeometry().getEnvelopeInternal();
        for (int i = 0; i < tries; i++) {
            Coordinate c = round(new Coordinate(
                    env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight()));
            if (area.containsProperly(FACTORY.createPoint(c))) {
                return c;
            }
        }
        return null;
    }

    static boolean contains(PreparedGeometry area, Coordinate c) {
        return area.containsProperly(FACTORY.createPoint(c));
    }

    /** GeoJSON "coordinates" text of a Polygon or MultiPolygon, exterior rings counter-clockwise. */
    static String geoJsonCoordinates(Geometry g) {
        StringBuilder sb = new StringBuilder(g.getNumPoints() * 24);
        if (g instanceof Polygon p) {
            appendPolygon(sb, p);
        } else {
            sb.append('[');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendPolygon(sb, (Polygon) g.getGeometryN(i));
            }
            sb.append(']');
        }
        return sb.toString();
    }

    static String geoJsonType(Geometry g) {
        return g instanceof Polygon ? "Polygon" : "MultiPolygon";
    }

    private static void appendPolygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        appendRing(sb, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            appendRing(sb, p.getInteriorRingN(i), false);
        }
        sb.append(']');
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
    private static void appendRing(StringBuilder sb, LineString ring, boolean counterClockwise) {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != counterClockwise;
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = cs[reverse ? cs.length - 1 - i : i];
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            appendFixed(sb, micro(c.x), 6);
            sb.append(',');
            appendFixed(sb, micro(c.y), 6);
            sb.append(']');
        }
        sb.append(']');
    }

    /** GeoJSON Point coordinates text: [lon,lat]. */
    static String pointCoordinates(Coordinate c) {
        StringBuilder sb = new StringBuilder(24);
        sb.append('[');
        appendFixed(sb, micro(c.x), 6);
        sb.append(',');
        appendFixed(sb, micro(c.y), 6);
        sb.append(']');
        return sb.toString();
    }
}
