package org.santeatlas.map.view;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical Web Mercator (EPSG:3857), the projection of the map: world metres, x east, y north.
 *
 * <p>Formulas of the EPSG guidance note 7-2 (method 1024, "Popular Visualisation Pseudo Mercator") on a
 * sphere of radius {@value #RADIUS} m (the WGS 84 semi-major axis). Latitudes beyond ±{@value #MAX_LATITUDE}°
 * are clamped (the square world of web maps). Thread-safe: static functions only.
 */
public final class WebMercator {

    /** Sphere radius, metres: the WGS 84 semi-major axis, as EPSG:3857 defines it. */
    public static final double RADIUS = 6_378_137.0;

    /** Latitude (degrees) where the projected world becomes square: atan(sinh(π)). */
    public static final double MAX_LATITUDE = 85.05112877980659;

    /** Half the width of the projected world, metres (π·R). */
    public static final double HALF_WORLD = Math.PI * RADIUS;

    private WebMercator() {
    }

    /** World x (metres) of a longitude (degrees). */
    public static double x(double longitude) {
        return Math.toRadians(longitude) * RADIUS;
    }

    /** World y (metres) of a latitude (degrees), clamped to ±{@link #MAX_LATITUDE}. */
    public static double y(double latitude) {
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        return RADIUS * Math.log(Math.tan(Math.PI / 4 + phi / 2));
    }

    /** Longitude (degrees) of a world x (metres). */
    public static double longitude(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    /** Latitude (degrees) of a world y (metres). */
    public static double latitude(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /**
     * How much the projection enlarges distances at a latitude: 1 / cos φ. A world metre at latitude φ is
     * {@code cos φ} metres on the ground (sphere).
     */
    public static double scaleFactor(double latitude) {
        return 1 / Math.cos(Math.toRadians(latitude));
    }

    /** The world envelope (metres) of a WGS 84 envelope (x = longitude, y = latitude, degrees). */
    public static Envelope project(Envelope wgs84) {
        return new Envelope(x(wgs84.getMinX()), x(wgs84.getMaxX()), y(wgs84.getMinY()), y(wgs84.getMaxY()));
    }

    /** A copy of a WGS 84 geometry (x = longitude, y = latitude) in world metres. */
    public static Geometry project(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double lon = seq.getX(i);
                double lat = seq.getY(i);
                seq.setOrdinate(i, 0, x(lon));
                seq.setOrdinate(i, 1, y(lat));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(3857);
        return copy;
    }

    /** The WGS 84 coordinate (x = longitude, y = latitude) of a world point. */
    public static Coordinate toWgs84(double x, double y) {
        return new Coordinate(longitude(x), latitude(y));
    }
}
