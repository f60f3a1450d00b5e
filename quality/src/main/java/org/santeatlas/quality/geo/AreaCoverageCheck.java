package org.santeatlas.quality.geo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/**
 * Polygons of one level that overlap each other ({@value #OVERLAP}: a village counted in two health
 * areas) or leave part of their parent uncovered ({@value #GAP}: villages counted in none). Boundaries
 * digitised separately never match exactly, so only real areas count, not slivers: a piece must cover
 * at least {@value #MIN_AREA_SQUARE_METRES} m² (10 ha) and be at least {@value #MIN_WIDTH_METRES} m
 * wide on average (2 × area / perimeter). Areas in square metres ({@link Geodesy#areaSquareMetres}).
 */
public final class AreaCoverageCheck implements QualityCheck {

    public static final String ID = "geo-area-coverage";
    public static final String OVERLAP = "geo-area-overlap";
    public static final String GAP = "geo-area-gap";

    /** Smallest piece reported, m² (10 ha: a hamlet with its fields). */
    public static final double MIN_AREA_SQUARE_METRES = 100_000;
    /** Narrowest piece reported, mean width in metres (thinner ones are digitising slivers). */
    public static final double MIN_WIDTH_METRES = 50;

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
        Map<Integer, List<Unit>> byLevel = new TreeMap<>();
        for (Unit u : tree.all()) {
            if (u.hasPolygon()) {
                byLevel.computeIfAbsent(u.level(), k -> new ArrayList<>()).add(u);
            }
        }
        for (List<Unit> level : byLevel.values()) {
            level.sort(Comparator.comparing(Unit::uid));
            overlaps(level, findings);
        }
        for (Unit parent : tree.all().stream().sorted(Comparator.comparing(Unit::uid)).toList()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!parent.hasPolygon()) {
                continue;
            }
            List<Geometry> parts = new ArrayList<>();
            for (Unit c : tree.children(parent)) {
                if (c.hasPolygon()) {
                    parts.add(c.geometry());
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            Geometry covered = OrgUnits.WGS84.buildGeometry(parts).union();
            Geometry gap = OverlayNGRobust.overlay(parent.geometry(), covered, OverlayNG.DIFFERENCE);
            Piece piece = significant(gap);
            if (piece.count() > 0) {
                double km2 = piece.squareMetres() / 1e6;
                List<Object> args = List.of(parent.name(), round(km2), piece.count());
                findings.accept(new Finding(GAP, Dimension.GEOGRAPHY, Severity.MEDIUM, parent.uid(), null, null,
                        null, String.format(Locale.ROOT, "%.2f km²", km2), "0 km²", km2,
                        String.format(Locale.ROOT, "%d uncovered piece(s) ≥ 10 ha inside the parent polygon",
                                piece.count()), "geo.areaGap", args, Explanations.english("geo.areaGap", args)));
            }
        }
    }

    private void overlaps(List<Unit> units, Consumer<Finding> findings) {
        STRtree index = new STRtree();
        for (Unit u : units) {
            index.insert(u.geometry().getEnvelopeInternal(), u);
        }
        for (Unit a : units) {
            @SuppressWarnings("unchecked")
            List<Unit> near = index.query(a.geometry().getEnvelopeInternal());
            near.sort(Comparator.comparing(Unit::uid));
            // Prepared once per polygon (its edges indexed): each neighbour's test is then far cheaper than a
            // plain Geometry.intersects, which rebuilds that index for every pair.
            PreparedGeometry prepared = null;
            for (Unit b : near) {
                if (b.uid().compareTo(a.uid()) <= 0) {
                    continue;
                }
                if (prepared == null) {
                    prepared = PreparedGeometryFactory.prepare(a.geometry());
                }
                if (!prepared.intersects(b.geometry())) {
                    continue;
                }
                Geometry common = OverlayNGRobust.overlay(a.geometry(), b.geometry(), OverlayNG.INTERSECTION);
                Piece piece = significant(common);
                if (piece.count() > 0) {
                    double km2 = piece.squareMetres() / 1e6;
                    List<Object> args = List.of(a.name(), b.name(), round(km2));
                    findings.accept(new Finding(OVERLAP, Dimension.GEOGRAPHY, Severity.MEDIUM, a.uid(), null, null,
                            null, String.format(Locale.ROOT, "%.2f km²", km2), b.uid(), km2,
                            "polygon intersection ≥ 10 ha", "geo.areaOverlap", args,
                            Explanations.english("geo.areaOverlap", args)));
                }
            }
        }
    }

    private record Piece(int count, double squareMetres) {
    }

    /** The polygons of {@code g} that are areas, not slivers. */
    private static Piece significant(Geometry g) {
        int count = 0;
        double total = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (!(part instanceof Polygonal) || part.isEmpty()) {
                continue;
            }
            Geometry metres = Geodesy.toLocalMetres(part, part.getCentroid().getX(), part.getCentroid().getY());
            double area = metres.getArea();
            double width = 2 * area / Math.max(metres.getLength(), 1e-9);
            if (area >= MIN_AREA_SQUARE_METRES && width >= MIN_WIDTH_METRES) {
                count++;
                total += area;
            }
        }
        return new Piece(count, total);
    }

    private static double round(double km2) {
        return Math.round(km2 * 100) / 100.0;
    }
}
