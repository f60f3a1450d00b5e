package org.santeatlas.quality.geo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/**
 * Where each facility's point lies. One finding per facility at most, the most telling one:
 * <ol>
 *   <li>{@value #MISSING}: no coordinates;</li>
 *   <li>{@value #NULL_ISLAND}: the point (0, 0), a GPS or spreadsheet default;</li>
 *   <li>{@value #SWAPPED}: the point lies outside its district (or the country) but latitude and
 *       longitude exchanged fall inside its district;</li>
 *   <li>{@value #OUTSIDE_COUNTRY}: outside the country's outline (level 1, or the union of the
 *       shallowest polygons);</li>
 *   <li>{@value #OUTSIDE_DISTRICT}: inside the country, outside its health district;</li>
 *   <li>{@value #OUTSIDE_AREA}: inside its district, outside its parent health area.</li>
 * </ol>
 * "Outside" means farther than {@code locationToleranceMetres} from the polygon (boundaries are
 * drawn at a coarser scale than GPS points). A point closer than that to its own district or area but
 * inside a neighbouring one's polygon is still reported, at low severity (the demo plants such a case:
 * a facility 380 m across its district border). Distances are geodesic metres ({@link Geodesy}).
 */
public final class FacilityLocationCheck implements QualityCheck {

    public static final String ID = "geo-location";
    public static final String MISSING = "geo-missing-coordinates";
    public static final String NULL_ISLAND = "geo-null-island";
    public static final String SWAPPED = "geo-swapped-coordinates";
    /** How far outside, as a share of the distance the exchange moves the point, a swap must explain. */
    static final double SWAP_SHARE = 0.25;
    public static final String OUTSIDE_COUNTRY = "geo-outside-country";
    public static final String OUTSIDE_DISTRICT = "geo-outside-district";
    public static final String OUTSIDE_AREA = "geo-outside-area";

    /** Closer than this to (0, 0) in degrees (about 10 cm) is the null point. */
    private static final double NULL_ISLAND_DEGREES = 1e-6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.GEOGRAPHY;
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        OrgUnits tree = context.shared(OrgUnits.class, OrgUnits::load);
        double tolerance = context.parameters().locationToleranceMetres();
        Geometry country = tree.countryOutline();
        PreparedGeometry preparedCountry = country == null ? null : PreparedGeometryFactory.prepare(country);
        int districtLevel = tree.districtLevel();
        Map<Integer, PreparedGeometry> prepared = new HashMap<>();
        List<Unit> districts = new ArrayList<>();
        for (Unit d : tree.atLevel(districtLevel)) {
            if (d.hasPolygon()) {
                districts.add(d);
            }
        }
        for (Unit f : tree.facilities()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (f.geometry() == null || f.geometry().isEmpty()) {
                emit(findings, MISSING, Severity.MEDIUM, f, null, null, 0, "no coordinates",
                        "geo.missingCoordinates", List.of(f.name()));
                continue;
            }
            Point p = f.geometry() instanceof Point pt ? pt : f.geometry().getInteriorPoint();
            String published = lonLat(p.getX(), p.getY());
            if (Math.abs(p.getX()) < NULL_ISLAND_DEGREES && Math.abs(p.getY()) < NULL_ISLAND_DEGREES) {
                emit(findings, NULL_ISLAND, Severity.HIGH, f, published, null, 0, "point at (0, 0)",
                        "geo.nullIsland", List.of(f.name()));
                continue;
            }
            Unit district = f.level() > districtLevel ? tree.ancestorAtLevel(f, districtLevel) : null;
            if (district != null && !district.hasPolygon()) {
                district = null;
            }
            Unit area = null;
            for (Unit x = tree.parent(f); x != null && (district == null || x.level() > districtLevel);
                    x = tree.parent(x)) {
                if (x.hasPolygon()) {
                    area = x;
                    break;
                }
            }
            boolean swappedInside = false;
            Point swapped = OrgUnits.WGS84.createPoint(new Coordinate(p.getY(), p.getX()));
            Unit home = district != null ? district : area;
            if (home != null) {
                swappedInside = prepared(prepared, home).covers(swapped);
            }
            double outsideCountry = preparedCountry == null || preparedCountry.covers(p) ? 0
                    : Geodesy.distanceMetres(p, country);
            double outsideDistrict = district == null || prepared(prepared, district).covers(p) ? 0
                    : Geodesy.distanceMetres(p, district.geometry());
            // A swap moves a point by as much as its latitude and longitude differ. A point just across its
            // district's border (a few km) is far likelier to be slightly off than swapped, even where the
            // two numbers are close enough for the exchanged point to land inside (national demo: planted
            // shifts of 1–2 km outside with exchanges of 15–36 km; planted swaps 500+ km outside).
            double outside = Math.max(outsideCountry, outsideDistrict);
            boolean swapExplains = outside > tolerance
                    && outside > SWAP_SHARE * Geodesy.distanceMetres(p, swapped);
            if (swapExplains && swappedInside) {
                emit(findings, SWAPPED, Severity.HIGH, f, published, lonLat(p.getY(), p.getX()),
                        Math.max(outsideCountry, outsideDistrict), "latitude and longitude exchanged fall inside "
                                + home.name(), "geo.swapped", List.of(f.name(), home.name()));
            } else if (outsideCountry > tolerance) {
                emit(findings, OUTSIDE_COUNTRY, Severity.HIGH, f, published, null, outsideCountry,
                        String.format(Locale.ROOT, "%.0f m outside the country", outsideCountry),
                        "geo.outsideCountry", List.of(f.name(), Math.round(outsideCountry / 100) / 10.0));
            } else if (outsideDistrict > 0) {
                // Within the tolerance, only a point that the polygons place in another district is
                // reported, at low severity: it may be the boundary, or a point a few hundred metres off.
                Unit actual = containing(districts, prepared, p);
                boolean beyond = outsideDistrict > tolerance;
                if (beyond || (actual != null && actual != district)) {
                    String where = actual == null ? "" : actual.name();
                    emit(findings, OUTSIDE_DISTRICT, beyond ? Severity.HIGH : Severity.LOW, f, published,
                            district.uid(), outsideDistrict,
                            String.format(Locale.ROOT, "%.0f m outside district %s%s%s", outsideDistrict, district.name(),
                                    actual == null ? "" : ", inside " + actual.name(),
                                    beyond ? "" : " (within the " + Math.round(tolerance) + " m tolerance)"),
                            actual == null ? "geo.outsideDistrict" : "geo.outsideDistrictInside",
                            List.of(f.name(), district.name(), Math.round(outsideDistrict / 100) / 10.0, where));
                }
            } else if (area != null && area != district && !prepared(prepared, area).covers(p)) {
                double d = Geodesy.distanceMetres(p, area.geometry());
                Unit actual = containing(tree.children(district == null ? tree.parent(area) : district), prepared, p);
                boolean beyond = d > tolerance;
                if (beyond || (actual != null && actual != area)) {
                    String where = actual == null ? "" : actual.name();
                    emit(findings, OUTSIDE_AREA, beyond ? Severity.MEDIUM : Severity.LOW, f, published, area.uid(), d,
                            String.format(Locale.ROOT, "%.0f m outside health area %s%s", d, area.name(),
                                    beyond ? "" : " (within the " + Math.round(tolerance) + " m tolerance)"),
                            actual == null ? "geo.outsideArea" : "geo.outsideAreaInside",
                            List.of(f.name(), area.name(), Math.round(d / 100) / 10.0, where));
                }
            }
        }
    }

    private static PreparedGeometry prepared(Map<Integer, PreparedGeometry> cache, Unit u) {
        return cache.computeIfAbsent(u.id(), k -> PreparedGeometryFactory.prepare(u.geometry()));
    }

    private static Unit containing(List<Unit> units, Map<Integer, PreparedGeometry> cache, Point p) {
        for (Unit u : units) {
            if (u.hasPolygon() && u.geometry().getEnvelopeInternal().covers(p.getCoordinate())
                    && prepared(cache, u).covers(p)) {
                return u;
            }
        }
        return null;
    }

    /** "lon, lat" with 6 decimals (about 10 cm), the order of GeoJSON and WKT. */
    static String lonLat(double lon, double lat) {
        return String.format(Locale.ROOT, "%.6f, %.6f", lon, lat);
    }

    private void emit(Consumer<Finding> findings, String check, Severity severity, Unit f, String value,
                      String expected, double score, String method, String key, List<Object> args) {
        findings.accept(new Finding(check, Dimension.GEOGRAPHY, severity, f.uid(), null, null, null, value,
                expected, score, method, key, args, Explanations.english(key, args)));
    }
}
