package org.santeatlas.importers.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Boundary geometries as the workspace keeps them: 2D Polygons or MultiPolygons in WGS 84 (SRID 4326),
 * valid (OGC), shells counter-clockwise and holes clockwise (RFC 7946 §3.1.6, what PostGIS's
 * {@code ST_ForcePolygonCCW} gives). Invalid input is repaired with JTS's {@link GeometryFixer}
 * (self-intersections, bow-ties, collapsed rings), falling back to {@code buffer(0)}, and said so.
 */
final class Polygons {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), Projections.WGS84);

    /**
     * A prepared geometry, or why there is none.
     *
     * @param geometry the Polygon or MultiPolygon to store, null when rejected
     * @param repair   what was repaired, null when nothing was
     * @param error    why the feature is rejected, null when it is not
     * @param errorKey {@code empty}, {@code notPolygon} or {@code unrepairable}
     */
    record Prepared(Geometry geometry, String repair, String error, String errorKey) {
        boolean repaired() {
            return repair != null;
        }
    }

    /** A GeoJSON geometry parsed, with what had to be mended while reading (unclosed rings). */
    record Parsed(Geometry geometry, String repair, String error) {
    }

    private Polygons() {
    }

    /**
     * Reads a GeoJSON geometry (RFC 7946) of polygons: Polygon, MultiPolygon, or a GeometryCollection of
     * them. Unlike a strict reader it closes unclosed rings and drops rings of fewer than three distinct
     * positions (both reported as repairs), so that such files still import.
     */
    static Parsed fromGeoJson(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            return new Parsed(null, null, null);
        }
        String type = geometry.path("type").asText("");
        List<String> repairs = new ArrayList<>();
        try {
            Geometry g = switch (type) {
                case "Polygon" -> {
                    Polygon p = polygon(geometry.path("coordinates"), repairs);
                    yield p == null ? WGS84.createPolygon() : p;
                }
                case "MultiPolygon" -> {
                    List<Polygon> parts = new ArrayList<>();
                    for (JsonNode p : geometry.path("coordinates")) {
                        Polygon polygon = polygon(p, repairs);
                        if (polygon != null) {
                            parts.add(polygon);
                        }
                    }
                    yield WGS84.createMultiPolygon(parts.toArray(Polygon[]::new));
                }
                case "GeometryCollection" -> {
                    List<Polygon> parts = new ArrayList<>();
                    for (JsonNode member : geometry.path("geometries")) {
                        Parsed p = fromGeoJson(member);
                        if (p.error() != null) {
                            yield null;
                        }
                        if (p.repair() != null) {
                            repairs.add(p.repair());
                        }
                        if (p.geometry() != null) {
                            PolygonExtracter.getPolygons(p.geometry(), parts);
                        }
                    }
                    yield WGS84.createMultiPolygon(parts.toArray(Polygon[]::new));
                }
                default -> null;
            };
            if (g == null) {
                return new Parsed(null, null, type.isEmpty() ? "a geometry without type" : "a " + type);
            }
            return new Parsed(g, repairs.isEmpty() ? null : String.join(", ", repairs), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, null, "unreadable coordinates: " + e.getMessage());
        }
    }

    /** A polygon from its rings' positions; null when its shell has fewer than three distinct positions. */
    private static Polygon polygon(JsonNode rings, List<String> repairs) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon without rings");
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            LinearRing ring = ring(rings.get(r), repairs);
            if (r == 0) {
                if (ring == null) {
                    repairs.add("degenerate polygon dropped");
                    return null;
                }
                shell = ring;
            } else if (ring != null) {
                holes.add(ring);
            } else {
                repairs.add("degenerate hole dropped");
            }
        }
        return WGS84.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode positions, List<String> repairs) {
        if (!positions.isArray()) {
            throw new IllegalArgumentException("a ring that is not an array of positions");
        }
        List<Coordinate> cs = new ArrayList<>(positions.size() + 1);
        for (JsonNode p : positions) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("a position that is not [longitude, latitude]");
            }
            double x = p.get(0).asDouble();
            double y = p.get(1).asDouble();
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a position that is not a finite number");
            }
            cs.add(new Coordinate(x, y)); // RFC 7946 §3.1.1: an altitude, if any, is dropped
        }
        if (cs.isEmpty()) {
            return null;
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(cs.get(0).copy());
            repairs.add("unclosed ring closed");
        }
        if (cs.stream().distinct().count() < 3 || cs.size() < 4) {
            return null;
        }
        return WGS84.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    /**
     * What to store for a feature's geometry (already in WGS 84 degrees): its polygonal parts in 2D,
     * repaired when invalid, oriented; or why it is rejected (none, empty, not polygonal, unrepairable).
     */
    static Prepared prepare(Geometry input, String earlierRepair) {
        if (input == null) {
            return new Prepared(null, null, "no geometry", "empty");
        }
        List<Polygon> parts = new ArrayList<>();
        PolygonExtracter.getPolygons(input, parts);
        if (parts.isEmpty() && !input.isEmpty()) {
            return new Prepared(null, null, "a " + input.getGeometryType() + " instead of a polygon", "notPolygon");
        }
        Geometry g = flat(parts, input instanceof MultiPolygon || parts.size() > 1);
        if (g.isEmpty()) {
            return new Prepared(null, null, "an empty geometry", "empty");
        }
        if (!degrees(g)) {
            return new Prepared(null, null, "coordinates outside longitude −180…180 / latitude −90…90",
                    "unrepairable");
        }
        String repair = earlierRepair;
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            TopologyValidationError e = valid.getValidationError();
            String reason = e.getMessage() + " near " + round(e.getCoordinate());
            Geometry fixed = polygonal(GeometryFixer.fix(g));
            if (fixed.isEmpty() || !fixed.isValid()) {
                fixed = polygonal(g.buffer(0));
            }
            if (fixed.isEmpty() || !fixed.isValid()) {
                return new Prepared(null, null, "an invalid geometry that could not be repaired (" + reason + ")",
                        "unrepairable");
            }
            g = fixed;
            repair = repair == null ? reason : repair + ", " + reason;
        }
        g = oriented(g);
        g.setSRID(Projections.WGS84);
        return new Prepared(g, repair, null, null);
    }

    /** The polygons of a geometry as one Polygon or MultiPolygon (empty MultiPolygon when none). */
    private static Geometry polygonal(Geometry g) {
        List<Polygon> parts = new ArrayList<>();
        PolygonExtracter.getPolygons(g, parts);
        return flat(parts, parts.size() != 1 || g instanceof MultiPolygon);
    }

    /** 2D copies of the polygons, as a MultiPolygon when {@code multi}. */
    private static Geometry flat(List<Polygon> parts, boolean multi) {
        List<Polygon> flat = new ArrayList<>(parts.size());
        for (Polygon p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            LinearRing shell = flatRing(p.getExteriorRing());
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int i = 0; i < holes.length; i++) {
                holes[i] = flatRing(p.getInteriorRingN(i));
            }
            flat.add(WGS84.createPolygon(shell, holes));
        }
        if (!multi && flat.size() == 1) {
            return flat.get(0);
        }
        return WGS84.createMultiPolygon(flat.toArray(Polygon[]::new));
    }

    private static LinearRing flatRing(LinearRing ring) {
        Coordinate[] cs = ring.getCoordinates();
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new Coordinate(cs[i].x, cs[i].y);
        }
        return WGS84.createLinearRing(out);
    }

    /** Shells counter-clockwise, holes clockwise. */
    private static Geometry oriented(Geometry g) {
        if (g instanceof Polygon p) {
            return orient(p);
        }
        Polygon[] parts = new Polygon[g.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = orient((Polygon) g.getGeometryN(i));
        }
        return WGS84.createMultiPolygon(parts);
    }

    private static Polygon orient(Polygon p) {
        LinearRing shell = ccw(p.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ccw(p.getInteriorRingN(i), false);
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ccw(LinearRing ring, boolean wanted) {
        return Orientation.isCCW(ring.getCoordinateSequence()) == wanted ? ring : ring.reverse();
    }

    private static String round(Coordinate c) {
        return c == null ? "?" : String.format(java.util.Locale.ROOT, "%.5f %.5f", c.x, c.y);
    }

    /** Whether the geometry lies within WGS 84's longitude and latitude ranges. */
    static boolean degrees(Geometry g) {
        var e = g.getEnvelopeInternal();
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
    }
}
