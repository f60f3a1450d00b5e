package org.santeatlas.testdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The fictional country's organisation-unit tree down to level 4, with an exact polygon coverage at
 * every level.
 *
 * <p>Shapes: regions are Voronoi cells of region seeds clipped to an irregular outline, districts are
 * Voronoi cells of district seeds clipped to their region, areas likewise inside their district
 * ("nested Voronoi"); the cell of each regional capital is further cut into a town centre, town
 * quarters in a ring around it, and the rural rest.
 *
 * <p>How the coverage is made exact: clipping each cell separately and rounding would leave slivers
 * and T-junctions, so the boundaries of all area shapes (which contain every district, region and
 * outline edge) are snap-rounded together once onto the 1e-6 degree grid and polygonized into faces.
 * Each face goes to the region and district whose nested cell holds its interior point, and to the
 * area whose shape holds it. Every unit at every level is then the coverage union of its faces:
 * neighbours share exactly the same vertices, and the children of a unit union to exactly that unit.
 */
final class Territory {

    /** Country outline bounds: longitude 0–16° E, latitude 11–23° N. */
    private static final double WEST = 0.3;
    private static final double EAST = 15.7;
    private static final double SOUTH = 11.2;
    private static final double NORTH = 22.8;

    final AdminUnit country;
    final List<AdminUnit> regions = new ArrayList<>();
    final List<AdminUnit> districts = new ArrayList<>();
    final List<AdminUnit> areas = new ArrayList<>();
    /** Area of the national capital (the chef-lieu of the southernmost region). */
    AdminUnit capitalArea;

    private final SizeProfile profile;
    private final SplittableRandom random;

    private Territory(SizeProfile profile, SplittableRandom random) {
        this.profile = profile;
        this.random = random;
        Polygon outline = outline();
        this.country = new AdminUnit(AdminUnit.COUNTRY, null, outline.getInteriorPoint().getCoordinate());
        country.ideal = outline;
    }

    static Territory build(SizeProfile profile, SplittableRandom random, PlaceNames names) {
        Territory t = new Territory(profile, random);
        t.subdivide();
        t.makeExactCoverage();
        t.name(names);
        return t;
    }

    /**
     * Relative population density by latitude: dense in the Sudanian south, nearly empty in the
     * Saharan north (about 1/100 of the south at 23° N).
     */
    static double density(double latitude) {
        return StrictMath.exp(-(latitude - 11.5) / 2.5);
    }

    private Polygon outline() {
        int vertices = 160;
        double cx = 8.0;
        double cy = 16.9;
        double rx = 7.9;
        double ry = 6.0;
        double[] amplitude = new double[9];
        double[] phase = new double[9];
        for (int h = 2; h < amplitude.length; h++) {
            amplitude[h] = random.nextDouble(0.03, 0.11) / StrictMath.pow(h - 1, 0.9);
            phase[h] = random.nextDouble(0, 2 * Math.PI);
        }
        CoordinateList ring = new CoordinateList();
        for (int k = 0; k < vertices; k++) {
            double theta = 2 * Math.PI * k / vertices;
            double r = 1 + random.nextDouble(-0.01, 0.01);
            for (int h = 2; h < amplitude.length; h++) {
                r += amplitude[h] * StrictMath.cos(h * theta + phase[h]);
            }
            ring.add(Geo.round(new Coordinate(cx + rx * r * StrictMath.cos(theta), cy + ry * r * StrictMath.sin(theta))), false);
        }
        ring.closeRing();
        Polygon blob = Geo.FACTORY.createPolygon(ring.toCoordinateArray());
        // Straight colonial borders in the desert: the box, with slanted northern edges.
        Polygon frame = Geo.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(WEST, SOUTH), new Coordinate(EAST, SOUTH), new Coordinate(EAST, NORTH - 2.0),
            new Coordinate(9.0, NORTH), new Coordinate(WEST + 2.5, NORTH - 0.4), new Coordinate(WEST, NORTH - 1.6),
            new Coordinate(WEST, SOUTH)
        });
        Geometry clipped = OverlayNG.overlay(blob, frame, OverlayNG.INTERSECTION, Geo.GRID);
        return largestPolygon(clipped);
    }

    private static Polygon largestPolygon(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("No polygon in " + g.getGeometryType());
        }
        return best;
    }

    private void subdivide() {
        for (Coordinate seed : sampleSeeds(country.ideal, profile.regions(), List.of(), 0.35)) {
            regions.add(new AdminUnit(AdminUnit.REGION, country, seed));
        }
        clipChildren(country);

        int[] districtCounts = allocate(profile.districts(), weights(regions, 0.6), profile.minDistrictsPerRegion());
        for (int i = 0; i < regions.size(); i++) {
            AdminUnit region = regions.get(i);
            List<Coordinate> seeds = new ArrayList<>();
            seeds.add(region.seed);
            seeds.addAll(sampleSeeds(region.ideal, districtCounts[i] - 1, seeds, 0.6));
            for (Coordinate seed : seeds) {
                districts.add(new AdminUnit(AdminUnit.DISTRICT, region, seed));
            }
            clipChildren(region);
        }

        int[] areaCounts = allocate(profile.areas(), weights(districts, 0.85), profile.minAreasPerDistrict());
        for (int i = 0; i < districts.size(); i++) {
            AdminUnit district = districts.get(i);
            AdminUnit capital = new AdminUnit(AdminUnit.AREA, district, district.seed);
            boolean town = district.isCapitalOfParent() && profile.urbanAreasPerRegionalCapital() > 0;
            int voronoiSites = areaCounts[i] - (town ? profile.urbanAreasPerRegionalCapital() + 1 : 0);
            List<Coordinate> taken = new ArrayList<>();
            taken.add(district.seed);
            for (Coordinate seed : sampleSeeds(district.ideal, voronoiSites - 1, taken, 0.85)) {
                new AdminUnit(AdminUnit.AREA, district, seed);
            }
            clipChildren(district);
            if (town) {
                splitTown(district, capital);
            }
            areas.addAll(district.children);
        }
    }

    /**
     * Turns the cell of a regional capital into a town: a central area (the town centre, keeping the
     * capital's name), urban quarters in a ring around it ("Tahoua-Est", …) and the rural rest of the
     * cell as an ordinary area with its own main village. Distances in metres, converted to degrees
     * at the capital's latitude.
     */
    private void splitTown(AdminUnit district, AdminUnit centre) {
        Geometry cell = centre.ideal;
        Coordinate c = centre.seed;
        double metresPerDegreeY = 111_195.0;
        double metresPerDegreeX = metresPerDegreeY * StrictMath.cos(StrictMath.toRadians(c.y));
        double room = cell.getBoundary().distance(Geo.FACTORY.createPoint(c)) * metresPerDegreeX;
        double outer = Math.min(7_000, 0.7 * room);
        double inner = 0.4 * outer;
        Polygon innerDisc = ellipse(c, inner / metresPerDegreeX, inner / metresPerDegreeY);
        Polygon outerDisc = ellipse(c, outer / metresPerDegreeX, outer / metresPerDegreeY);
        centre.ideal = innerDisc;
        centre.urban = true;

        String[] suffixes = {"Est", "Nord", "Ouest", "Sud", "Nord-Est", "Sud-Ouest"};
        int quarters = profile.urbanAreasPerRegionalCapital();
        double start = random.nextDouble(0, 2 * Math.PI);
        Set<String> used = new HashSet<>();
        Geometry ring = OverlayNGRobust.overlay(outerDisc, innerDisc, OverlayNG.DIFFERENCE);
        for (int k = 0; k < quarters; k++) {
            double from = start + 2 * Math.PI * k / quarters;
            double to = start + 2 * Math.PI * (k + 1) / quarters;
            Polygon wedge = wedge(c, from, to, 2 * outer / metresPerDegreeY);
            Geometry quarter = OverlayNGRobust.overlay(ring, wedge, OverlayNG.INTERSECTION);
            double mid = (from + to) / 2;
            Coordinate main = Geo.round(new Coordinate(
                    c.x + 0.7 * outer / metresPerDegreeX * StrictMath.cos(mid),
                    c.y + 0.7 * outer / metresPerDegreeY * StrictMath.sin(mid)));
            AdminUnit area = new AdminUnit(AdminUnit.AREA, district, main);
            area.urban = true;
            String suffix = compass(mid);
            area.place = used.add(suffix) ? suffix : suffix + "-" + (k + 1);
            area.ideal = quarter;
        }

        Geometry rest = OverlayNGRobust.overlay(cell, outerDisc, OverlayNG.DIFFERENCE);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(rest);
        Coordinate village = null;
        for (int i = 0; i < 1_000 && village == null; i++) {
            Coordinate p = Geo.randomPointIn(inside, random, 1_000);
            if (p != null && Geo.distanceMetres(p, c) > outer + 3_000) {
                village = p;
            }
        }
        if (village == null) {
            village = Geo.round(rest.getInteriorPoint().getCoordinate());
        }
        AdminUnit around = new AdminUnit(AdminUnit.AREA, district, village);
        around.ideal = rest;
    }

    /** French compass name of a direction (radians, counter-clockwise from east). */
    private static String compass(double angle) {
        String[] names = {"Est", "Nord-Est", "Nord", "Nord-Ouest", "Ouest", "Sud-Ouest", "Sud", "Sud-Est"};
        double a = ((angle % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        return names[(int) Math.floor((a + Math.PI / 8) / (Math.PI / 4)) % 8];
    }

    /** A 48-gon ellipse around {@code c}, semi-axes in degrees, vertices on the grid. */
    private static Polygon ellipse(Coordinate c, double rx, double ry) {
        int n = 48;
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            cs[i] = Geo.round(new Coordinate(c.x + rx * StrictMath.cos(t), c.y + ry * StrictMath.sin(t)));
        }
        cs[n] = cs[0];
        return Geo.FACTORY.createPolygon(cs);
    }

    /** A fan from {@code c} between two angles (radians), reaching beyond {@code radius} degrees. */
    private static Polygon wedge(Coordinate c, double from, double to, double radius) {
        int steps = 8;
        Coordinate[] cs = new Coordinate[steps + 3];
        cs[0] = c;
        for (int i = 0; i <= steps; i++) {
            double t = from + (to - from) * i / steps;
            cs[i + 1] = new Coordinate(c.x + 2 * radius * StrictMath.cos(t), c.y + 2 * radius * StrictMath.sin(t));
        }
        cs[steps + 2] = c;
        return Geo.FACTORY.createPolygon(cs);
    }

    /** Sets each child's ideal geometry: its Voronoi cell among its siblings, clipped to the parent. */
    private static void clipChildren(AdminUnit parent) {
        List<Coordinate> sites = new ArrayList<>();
        for (AdminUnit child : parent.children) {
            sites.add(child.seed);
        }
        Envelope clip = new Envelope(parent.ideal.getEnvelopeInternal());
        clip.expandBy(1.0);
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(clip);
        Geometry cells = builder.getDiagram(Geo.FACTORY);
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            for (AdminUnit child : parent.children) {
                if (child.seed.equals2D(site)) {
                    child.ideal = OverlayNGRobust.overlay(cell, parent.ideal, OverlayNG.INTERSECTION);
                }
            }
        }
        for (AdminUnit child : parent.children) {
            if (child.ideal == null || child.ideal.isEmpty()) {
                throw new IllegalStateException("Empty Voronoi cell for seed " + child.seed);
            }
        }
    }

    private void makeExactCoverage() {
        List<Geometry> lines = new ArrayList<>();
        for (AdminUnit area : areas) {
            lines.add(area.ideal.getBoundary());
        }
        Geometry noded = UnaryUnionNG.union(Geo.FACTORY.buildGeometry(lines), Geo.GRID);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>((Collection<Polygon>) polygonizer.getPolygons());
        if (!polygonizer.getInvalidRingLines().isEmpty()) {
            throw new IllegalStateException("Polygonizer found invalid rings: " + polygonizer.getInvalidRingLines());
        }
        // JTS's planar graph keeps its edges in identity-hashed sets: face order and ring start
        // points change from run to run. Canonical form and order keep the output byte-identical.
        for (Polygon face : faces) {
            face.normalize();
        }
        faces.sort(Territory::compareRings);
        // Regions and districts are nested Voronoi cells: the nearest seed decides. Areas are not
        // all Voronoi cells (town quarters), so their ideal shapes decide.
        Map<AdminUnit, PreparedGeometry> areaIdeals = new IdentityHashMap<>();
        for (AdminUnit area : areas) {
            areaIdeals.put(area, PreparedGeometryFactory.prepare(area.ideal));
        }
        for (Polygon face : faces) {
            Coordinate p = face.getInteriorPoint().getCoordinate();
            AdminUnit region = nearest(country.children, p);
            AdminUnit district = nearest(region.children, p);
            AdminUnit owner = null;
            for (AdminUnit area : district.children) {
                if (Geo.contains(areaIdeals.get(area), p)) {
                    owner = area;
                    break;
                }
            }
            (owner != null ? owner : nearest(district.children, p)).faces.add(face);
        }
        List<Polygon> all = new ArrayList<>();
        for (AdminUnit region : regions) {
            List<Polygon> inRegion = new ArrayList<>();
            for (AdminUnit district : region.children) {
                List<Polygon> inDistrict = new ArrayList<>();
                for (AdminUnit area : district.children) {
                    if (area.faces.isEmpty()) {
                        throw new IllegalStateException("Area without faces at " + area.seed);
                    }
                    area.geometry = union(area.faces);
                    inDistrict.addAll(area.faces);
                }
                district.geometry = union(inDistrict);
                inRegion.addAll(inDistrict);
            }
            region.geometry = union(inRegion);
            all.addAll(inRegion);
        }
        country.geometry = union(all);
    }

    private static Geometry union(List<Polygon> faces) {
        Geometry union = CoverageUnion.union(Geo.FACTORY.createMultiPolygon(faces.toArray(new Polygon[0])));
        union.normalize();
        return union;
    }

    /** Lexicographic order of the exterior rings' coordinates. */
    private static int compareRings(Polygon a, Polygon b) {
        Coordinate[] ca = a.getExteriorRing().getCoordinates();
        Coordinate[] cb = b.getExteriorRing().getCoordinates();
        for (int i = 0; i < Math.min(ca.length, cb.length); i++) {
            int c = ca[i].compareTo(cb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ca.length, cb.length);
    }

    private static AdminUnit nearest(List<AdminUnit> units, Coordinate p) {
        AdminUnit best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (AdminUnit u : units) {
            double dx = u.seed.x - p.x;
            double dy = u.seed.y - p.y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = u;
            }
        }
        return best;
    }

    /** Names from the chefs-lieux: a region and its capital district share their town's name. */
    private void name(PlaceNames names) {
        for (AdminUnit district : districts) {
            district.place = names.unique(district.seed.y);
        }
        Set<String> regionCodes = new HashSet<>();
        country.place = "République du Sahel Central (fictif)";
        country.code = "SC";
        AdminUnit capitalRegion = regions.get(0);
        for (AdminUnit region : regions) {
            region.place = region.children.get(0).place;
            region.code = country.code + "-" + PlaceNames.abbreviation(region.place, regionCodes);
            if (region.seed.y < capitalRegion.seed.y) {
                capitalRegion = region;
            }
            Set<String> districtCodes = new HashSet<>();
            for (AdminUnit district : region.children) {
                district.code = region.code + "-" + PlaceNames.abbreviation(district.place, districtCodes);
                for (int i = 0; i < district.children.size(); i++) {
                    AdminUnit area = district.children.get(i);
                    if (i == 0) {
                        area.place = district.place;
                    } else if (area.urban) {
                        area.place = district.place + "-" + area.place;
                    } else {
                        area.place = names.unique(area.seed.y);
                    }
                    area.code = String.format("%s-A%02d", district.code, i + 1);
                }
            }
        }
        capitalArea = capitalRegion.children.get(0).children.get(0);
    }

    /** Weight of each unit for sharing children: area × density^exponent at its centroid. */
    private static double[] weights(List<AdminUnit> units, double exponent) {
        double[] w = new double[units.size()];
        for (int i = 0; i < w.length; i++) {
            Geometry g = units.get(i).ideal;
            w[i] = g.getArea() * StrictMath.pow(density(g.getCentroid().getY()), exponent);
        }
        return w;
    }

    /** Shares {@code total} among weights, at least {@code min} each (largest remainder method). */
    static int[] allocate(int total, double[] weights, int min) {
        int n = weights.length;
        int rest = total - n * min;
        if (rest < 0) {
            throw new IllegalArgumentException("Cannot give " + min + " to each of " + n + " from " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[n];
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            int floor = (int) Math.floor(exact);
            out[i] = min + floor;
            remainder[i] = exact - floor;
            given += floor;
        }
        while (given < rest) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    /**
     * Grid points inside {@code polygon}, more of them where people live (acceptance ∝
     * density^exponent), kept apart so that Voronoi cells are not slivers.
     */
    private List<Coordinate> sampleSeeds(Geometry polygon, int count, List<Coordinate> existing, double exponent) {
        List<Coordinate> out = new ArrayList<>();
        if (count <= 0) {
            return out;
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(polygon);
        Envelope env = polygon.getEnvelopeInternal();
        double densest = density(env.getMinY());
        double minDistance = 0.6 * Math.sqrt(polygon.getArea() / (count + existing.size()));
        List<Coordinate> all = new ArrayList<>(existing);
        int misses = 0;
        long tries = 0;
        while (out.size() < count) {
            if (++tries > 5_000_000L) {
                throw new IllegalStateException("Cannot place " + count + " seeds in " + env);
            }
            Coordinate c = Geo.round(new Coordinate(
                    env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight()));
            if (!Geo.contains(inside, c)) {
                continue;
            }
            if (random.nextDouble() >= StrictMath.pow(density(c.y) / densest, exponent)) {
                continue;
            }
            if (tooClose(c, all, minDistance)) {
                if (++misses > 300) {
                    minDistance *= 0.85;
                    misses = 0;
                }
                continue;
            }
            out.add(c);
            all.add(c);
        }
        return out;
    }

    private static boolean tooClose(Coordinate c, List<Coordinate> others, double minDistance) {
        double min2 = minDistance * minDistance;
        for (Coordinate o : others) {
            double dx = o.x - c.x;
            double dy = o.y - c.y;
            if (dx * dx + dy * dy < min2) {
                return true;
            }
        }
        return false;
    }
}
