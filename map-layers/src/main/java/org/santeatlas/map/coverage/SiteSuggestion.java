package org.santeatlas.map.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Where to build K new facilities: greedy maximal coverage over the localities. Each step picks the locality
 * whose disc of the coverage radius adds the most population not covered yet (by the existing selected
 * facilities, then by the sites already picked); ties go to the locality listed first (by code).
 *
 * <p>Efficient: the uncovered localities go into an {@link STRtree}; each candidate's uncovered neighbours
 * within the radius are listed once (box query, then exact distance). Then lazy greedy: a priority queue holds
 * an upper bound of every candidate's gain (its last computed gain: gains only shrink as sites are added,
 * coverage being submodular); the top is re-evaluated, and picked when its fresh gain still tops the queue.
 * Greedy is within (1 − 1/e) of the best choice of K sites (Nemhauser, Wolsey & Fisher, 1978).
 *
 * <p>Blocking, single-threaded.
 */
public final class SiteSuggestion {

    /**
     * One suggested site.
     *
     * @param locality index of the locality in the input
     * @param gain population newly covered by this site
     * @param cumulativeCovered covered population of the scope once this site and the ones before are built
     * @param cumulativePercent the same, per cent of the scope's population
     */
    public record Site(int locality, long gain, long cumulativeCovered, double cumulativePercent) {}

    /**
     * The suggestion.
     *
     * @param scope index of the district (unit) it was restricted to, or -1 for the whole country
     * @param population population of the scope
     * @param coveredBefore population of the scope covered by the existing facilities
     */
    public record Plan(int scope, long population, long coveredBefore, List<Site> sites) {

        public Plan {
            sites = List.copyOf(sites);
        }

        public double percentBefore() {
            return population == 0 ? Double.NaN : 100.0 * coveredBefore / population;
        }
    }

    private SiteSuggestion() {
    }

    /**
     * Picks up to {@code k} sites (fewer when no locality would add anyone).
     *
     * @param scope a unit index (a district): only its localities are candidates and only its population
     *     counts; -1 for the whole country
     */
    public static Plan suggest(CoverageResult coverage, int k, int scope) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        CoverageInput input = coverage.input();
        List<CoverageInput.Locality> all = input.localities();
        double radius = coverage.radiusMetres();
        List<Integer> inScope = new ArrayList<>();
        long population = 0;
        long coveredBefore = 0;
        for (int i = 0; i < all.size(); i++) {
            CoverageInput.Locality l = all.get(i);
            if (scope < 0 || (l.unit() >= 0 && coverage.isWithin(l.unit(), scope))) {
                inScope.add(i);
                population += l.population();
                coveredBefore += coverage.isCovered(i) ? l.population() : 0;
            }
        }
        // Uncovered localities of the scope with people: what a new site can win.
        STRtree uncovered = new STRtree();
        int uncoveredCount = 0;
        for (int i : inScope) {
            CoverageInput.Locality l = all.get(i);
            if (!coverage.isCovered(i) && l.population() > 0) {
                uncovered.insert(new Envelope(l.lon(), l.lon(), l.lat(), l.lat()), i);
                uncoveredCount++;
            }
        }
        List<Site> sites = new ArrayList<>();
        if (uncoveredCount == 0 || k == 0) {
            return new Plan(scope, population, coveredBefore, sites);
        }
        uncovered.build();
        // Each candidate's uncovered neighbours within the radius, once.
        int[][] neighbours = new int[all.size()][];
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0])
                : Long.compare(a[1], b[1]));
        for (int c : inScope) {
            CoverageInput.Locality l = all.get(c);
            List<Integer> near = new ArrayList<>();
            long gain = 0;
            for (Object o : uncovered.query(Geodesic.box(l.lon(), l.lat(), radius))) {
                int j = (Integer) o;
                CoverageInput.Locality m = all.get(j);
                if (Geodesic.distance(l.lon(), l.lat(), m.lon(), m.lat()) <= radius) {
                    near.add(j);
                    gain += m.population();
                }
            }
            if (gain > 0) {
                neighbours[c] = near.stream().mapToInt(Integer::intValue).toArray();
                queue.add(new long[] {gain, c});
            }
        }
        boolean[] done = new boolean[all.size()];
        long cumulative = coveredBefore;
        while (sites.size() < k && !queue.isEmpty()) {
            long[] top = queue.poll();
            int c = (int) top[1];
            long gain = 0;
            for (int j : neighbours[c]) {
                if (!done[j]) {
                    gain += all.get(j).population();
                }
            }
            if (gain <= 0) {
                continue;
            }
            long[] next = queue.peek();
            if (next != null && (gain < next[0] || (gain == next[0] && next[1] < c))) {
                // Stale bound: put it back with its fresh gain and look again.
                queue.add(new long[] {gain, c});
                continue;
            }
            for (int j : neighbours[c]) {
                done[j] = true;
            }
            cumulative += gain;
            sites.add(new Site(c, gain, cumulative, population == 0 ? Double.NaN : 100.0 * cumulative / population));
        }
        return new Plan(scope, population, coveredBefore, sites);
    }
}
