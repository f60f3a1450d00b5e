package org.santeatlas.importers;

import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** Reading coordinates as spreadsheets write them: decimal degrees with a point or a comma. */
public final class Coordinates {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private Coordinates() {
    }

    /** A WGS 84 point (SRID 4326) at longitude, latitude in degrees. */
    public static Point point(double longitude, double latitude) {
        return WGS84.createPoint(new Coordinate(longitude, latitude));
    }

    public static OptionalDouble parseDecimalDegrees(String text) {
        String s = text.trim().replace(',', '.').replace("°", "");
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
