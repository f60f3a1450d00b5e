package org.santeatlas.quality.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Distances and areas on the Earth from WGS 84 longitude/latitude (degrees), in metres.
 *
 * <p>Point to point: the haversine formula on a sphere of the mean Earth radius (IUGG, 6 371 008.8 m);
 * its error against the WGS 84 ellipsoid stays under 0.5 %, far below the tolerances used (hundreds of
 * metres). Point to polygon and areas: the geometry is projected on an equirectangular plane centred on
 * the point (x = Δlongitude · cos(latitude₀), y = Δlatitude, in metres), where distances near the centre
 * are true to well under 1 % over tens of kilometres; JTS then measures in that plane. This needs no
 * projection library and no UTM zone choice (a district can straddle two zones).
 */
public final class Geodesy {

    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private static final double METRES_PER_DEGREE = Math.PI / 180 * EARTH_RADIUS_METRES;

    private Geodesy() {
    }

    /** Great-circle distance in metres between two (longitude, latitude) points in degrees. */
    public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static double distanceMetres(Point a, Point b) {
        return distanceMetres(a.getX(), a.getY(), b.getX(), b.getY());
    }

    /**
     * Distance in metres from a point to a geometry (0 when the point is inside a polygon), measured in
     * the equirectangular plane centred on the point.
     */
    public static double distanceMetres(Point p, Geometry g) {
        if (g.covers(p)) {
            return 0;
        }
        Geometry local = toLocalMetres(g, p.getX(), p.getY());
        return local.distance(OrgUnits.WGS84.createPoint(new Coordinate(0, 0)));
    }

    /** Area in square metres, in the equirectangular plane centred on the geometry's centroid. */
    public static double areaSquareMetres(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        Point c = g.getCentroid();
        return toLocalMetres(g, c.getX(), c.getY()).getArea();
    }

    /** A copy of {@code g} in metres on the equirectangular plane centred on (lon0, lat0). */
    public static Geometry toLocalMetres(Geometry g, double lon0, double lat0) {
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getX(i) - lon0) * kx);
                seq.setOrdinate(i, 1, (seq.getY(i) - lat0) * METRES_PER_DEGREE);
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
        return copy;
    }

    /** Degrees of latitude spanning {@code metres}. */
    public static double latitudeDegrees(double metres) {
        return metres / METRES_PER_DEGREE;
    }

    /** Degrees of longitude spanning {@code metres} at {@code latitude}. */
    public static double longitudeDegrees(double metres, double latitude) {
        return metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(latitude))));
    }
}
