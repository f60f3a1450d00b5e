package org.santeatlas.map.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;

/**
 * The carte sanitaire analysis: geographic access to the selected facilities within a radius (5 km by
 * default, the usual threshold of the national health maps of Niger, Burkina Faso and Mali for "access
 * within 5 km").
 *
 * <p>Nearest facility without comparing every pair: the selected facilities go into a JTS {@link STRtree} on
 * lon/lat; for each locality the tree is asked for the degree box that holds every point within r metres at
 * its latitude ({@link Geodesic#box}), starting with r = the radius, and the exact ellipsoidal distance is
 * computed for the facilities in the box only. When the nearest of them lies within r it is the nearest of
 * all (every point within r is in the box); otherwise r is multiplied by 4 and the box asked again.
 *
 * <p>Blocking, single-threaded; checks interruption between localities.
 */
public final class CoverageAnalysis {

    /** The default radius, metres. */
    public static final double DEFAULT_RADIUS = 5_000;

    /** Beyond this search radius (metres) every facility is looked at. */
    private static final double WHOLE_EARTH = 21_000_000;

    private CoverageAnalysis() {
    }

    /** Runs the analysis on every facility within {@link #DEFAULT_RADIUS}. */
    public static CoverageResult run(CoverageInput input) {
        return run(input, DEFAULT_RADIUS, FacilitySelection.ALL);
    }

    /**
     * Runs the analysis.
     *
     * @param radius metres; a locality at exactly this distance is covered
     * @param selection the facilities that count as covering (district hospitals are looked for among all)
     */
    public static CoverageResult run(CoverageInput input, double radius, FacilitySelection selection) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive: " + radius);
        }
        List<CoverageInput.Facility> facilities = input.facilities();
        boolean[] selected = new boolean[facilities.size()];
        STRtree tree = new STRtree();
        int selectedCount = 0;
        for (int f = 0; f < facilities.size(); f++) {
            CoverageInput.Facility x = facilities.get(f);
            if (selection.test(x)) {
                selected[f] = true;
                selectedCount++;
                tree.insert(new Envelope(x.lon(), x.lon(), x.lat(), x.lat()), f);
            }
        }
        tree.build();

        List<CoverageInput.Locality> localities = input.localities();
        int[] nearest = new int[localities.size()];
        double[] distance = new double[localities.size()];
        Nearest search = new Nearest(facilities);
        for (int i = 0; i < localities.size(); i++) {
            if ((i & 4095) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("coverage analysis interrupted");
            }
            CoverageInput.Locality l = localities.get(i);
            if (selectedCount == 0) {
                nearest[i] = -1;
                distance[i] = Double.NaN;
                continue;
            }
            search.find(tree, l.lon(), l.lat(), radius);
            nearest[i] = search.best;
            distance[i] = search.bestDistance;
        }

        // ---- sums per unit, up the tree ----
        int n = input.units().size();
        long[] population = new long[n];
        long[] covered = new long[n];
        int[] facilityCount = new int[n];
        long totalPopulation = 0;
        long totalCovered = 0;
        long unassigned = 0;
        for (int i = 0; i < localities.size(); i++) {
            CoverageInput.Locality l = localities.get(i);
            boolean c = distance[i] <= radius;
            totalPopulation += l.population();
            totalCovered += c ? l.population() : 0;
            if (l.unit() < 0) {
                unassigned += l.population();
            }
            for (int u = l.unit(); u >= 0; u = input.units().get(u).parent()) {
                population[u] += l.population();
                covered[u] += c ? l.population() : 0;
            }
        }
        for (int f = 0; f < facilities.size(); f++) {
            if (selected[f]) {
                for (int u = facilities.get(f).unit(); u >= 0; u = input.units().get(u).parent()) {
                    facilityCount[u]++;
                }
            }
        }
        List<CoverageResult.Stats> stats = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            CoverageInput.Unit unit = input.units().get(u);
            stats.add(new CoverageResult.Stats(unit.uid(), unit.name(), unit.level(), population[u], covered[u],
                    facilityCount[u]));
        }
        CoverageResult.Stats total = new CoverageResult.Stats(null, null, 0, totalPopulation, totalCovered, selectedCount);

        // ---- district hospitals ----
        int[] hospital = new int[facilities.size()];
        double[] hospitalDistance = new double[facilities.size()];
        districtHospitals(input, hospital, hospitalDistance);
        return new CoverageResult(input, radius, selection, selected, nearest, distance, stats, total, unassigned, hospital,
                hospitalDistance);
    }

    /**
     * For every facility, the hospital of its district and the distance to it. A district with several
     * hospitals (a regional hospital beside the district one) names as its hospital the one whose type is the
     * most common hospital type of the workspace (district hospitals outnumber regional ones), the nearest
     * such when there are several; every facility of a district without a hospital gets -1.
     */
    static void districtHospitals(CoverageInput input, int[] hospital, double[] hospitalDistance) {
        Map<String, Integer> typeMembers = new HashMap<>();
        for (FacilityType t : input.types()) {
            typeMembers.put(t.groupUid(), t.members());
        }
        Map<Integer, List<Integer>> hospitalsByDistrict = new HashMap<>();
        List<CoverageInput.Facility> facilities = input.facilities();
        int[] districtOf = new int[facilities.size()];
        for (int f = 0; f < facilities.size(); f++) {
            CoverageInput.Facility x = facilities.get(f);
            districtOf[f] = x.unit() < 0 ? -1 : input.ancestorAt(x.unit(), input.districtLevel());
            if (x.kind() == FacilityKind.HOSPITAL && districtOf[f] >= 0) {
                hospitalsByDistrict.computeIfAbsent(districtOf[f], d -> new ArrayList<>()).add(f);
            }
        }
        Arrays.fill(hospital, -1);
        Arrays.fill(hospitalDistance, Double.NaN);
        for (int f = 0; f < facilities.size(); f++) {
            List<Integer> hospitals = districtOf[f] < 0 ? null : hospitalsByDistrict.get(districtOf[f]);
            if (hospitals == null) {
                continue;
            }
            int mostCommon = hospitals.stream().mapToInt(h -> typeMembers.getOrDefault(facilities.get(h).typeUid(), 0))
                    .max().orElse(0);
            CoverageInput.Facility x = facilities.get(f);
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int h : hospitals) {
                if (typeMembers.getOrDefault(facilities.get(h).typeUid(), 0) != mostCommon) {
                    continue;
                }
                double d = Geodesic.distance(x.lon(), x.lat(), facilities.get(h).lon(), facilities.get(h).lat());
                if (d < bestDistance) {
                    best = h;
                    bestDistance = d;
                }
            }
            hospital[f] = best;
            hospitalDistance[f] = best < 0 ? Double.NaN : bestDistance;
        }
    }

    /** The nearest-facility search of one locality; reused from one locality to the next. */
    private static final class Nearest implements ItemVisitor {
        private final List<CoverageInput.Facility> facilities;
        private double lon;
        private double lat;
        int best;
        double bestDistance;

        Nearest(List<CoverageInput.Facility> facilities) {
            this.facilities = facilities;
        }

        void find(STRtree tree, double lon, double lat, double radius) {
            this.lon = lon;
            this.lat = lat;
            for (double r = radius; ; r *= 4) {
                best = -1;
                bestDistance = Double.POSITIVE_INFINITY;
                if (r >= WHOLE_EARTH) {
                    tree.query(new Envelope(-1e9, 1e9, -1e9, 1e9), this);
                    return;
                }
                tree.query(Geodesic.box(lon, lat, r), this);
                if (bestDistance <= r) {
                    return;
                }
            }
        }

        @Override
        public void visitItem(Object item) {
            int f = (Integer) item;
            CoverageInput.Facility x = facilities.get(f);
            double d = Geodesic.distance(lon, lat, x.lon(), x.lat());
            // Ties go to the facility listed first, so that results do not depend on the tree's order.
            if (d < bestDistance || (d == bestDistance && f < best)) {
                best = f;
                bestDistance = d;
            }
        }
    }
}
