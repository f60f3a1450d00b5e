package org.santeatlas.map.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.santeatlas.core.text.EditDistance;

/**
 * The answer of a {@link CoverageAnalysis}: for every locality its nearest selected facility, the distance and
 * whether it is covered; for every org unit (and the whole country) the population, the covered population
 * and the selected facilities; for every facility the distance to its district hospital. Distances in metres,
 * ellipsoidal ({@link Geodesic#distance}). Immutable once built; any thread.
 */
public final class CoverageResult {

    /**
     * Figures of one org unit, or of the whole country ({@code uid} null).
     *
     * @param facilities selected facilities inside it
     */
    public record Stats(String uid, String name, int level, long population, long covered, int facilities) {

        /** Covered population over population, per cent; NaN when nobody lives there. */
        public double coveragePercent() {
            return population == 0 ? Double.NaN : 100.0 * covered / population;
        }

        /** Facilities per 10,000 inhabitants; NaN when nobody lives there. */
        public double facilitiesPer10000() {
            return population == 0 ? Double.NaN : 10_000.0 * facilities / population;
        }
    }

    private final CoverageInput input;
    private final double radius;
    private final FacilitySelection selection;
    private final boolean[] selected;
    private final int[] nearest;
    private final double[] distance;
    private final List<Stats> units;
    private final Stats total;
    private final long unassignedPopulation;
    private final int[] hospital;
    private final double[] hospitalDistance;

    CoverageResult(CoverageInput input, double radius, FacilitySelection selection, boolean[] selected, int[] nearest,
            double[] distance, List<Stats> units, Stats total, long unassignedPopulation, int[] hospital,
            double[] hospitalDistance) {
        this.input = input;
        this.radius = radius;
        this.selection = selection;
        this.selected = selected;
        this.nearest = nearest;
        this.distance = distance;
        this.units = List.copyOf(units);
        this.total = total;
        this.unassignedPopulation = unassignedPopulation;
        this.hospital = hospital;
        this.hospitalDistance = hospitalDistance;
    }

    public CoverageInput input() {
        return input;
    }

    /** The coverage radius, metres. */
    public double radiusMetres() {
        return radius;
    }

    public FacilitySelection selection() {
        return selection;
    }

    /** Whether facility f (index in the input) counts as covering. */
    public boolean isSelected(int f) {
        return selected[f];
    }

    /** Index of locality i's nearest selected facility, or -1 when none is selected. */
    public int nearestFacility(int i) {
        return nearest[i];
    }

    /** Metres from locality i to its nearest selected facility; NaN when none is selected. */
    public double nearestDistance(int i) {
        return distance[i];
    }

    /** Whether locality i lies within the radius of a selected facility (a distance equal to it counts). */
    public boolean isCovered(int i) {
        return distance[i] <= radius;
    }

    /** Figures of every unit, in the input's order (parents first). */
    public List<Stats> units() {
        return units;
    }

    /** Figures of unit u (index in the input). */
    public Stats unit(int u) {
        return units.get(u);
    }

    /** The whole country: every locality, whether or not it belongs to a unit. */
    public Stats total() {
        return total;
    }

    /** Population of the localities that belong to no unit (no link, outside every area polygon). */
    public long unassignedPopulation() {
        return unassignedPopulation;
    }

    /** The units of a level, by name. */
    public List<Stats> atLevel(int level) {
        return units.stream().filter(s -> s.level() == level)
                .sorted(Comparator.comparing(Stats::name).thenComparing(Stats::uid)).toList();
    }

    /** The units of a level below (or equal to) unit {@code ancestor}, by name. */
    public List<Stats> atLevelWithin(int level, int ancestor) {
        List<Stats> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (input.units().get(u).level() == level && isWithin(u, ancestor)) {
                out.add(units.get(u));
            }
        }
        out.sort(Comparator.comparing(Stats::name).thenComparing(Stats::uid));
        return out;
    }

    /** Whether unit u is {@code ancestor} or lies below it. */
    public boolean isWithin(int u, int ancestor) {
        while (u >= 0) {
            if (u == ancestor) {
                return true;
            }
            u = input.units().get(u).parent();
        }
        return false;
    }

    /** Index of facility f's district hospital (possibly itself), or -1 when its district has none. */
    public int districtHospital(int f) {
        return hospital[f];
    }

    /** Metres from facility f to its district hospital; empty when its district has none. */
    public OptionalDouble hospitalDistance(int f) {
        return hospital[f] < 0 ? OptionalDouble.empty() : OptionalDouble.of(hospitalDistance[f]);
    }

    /**
     * The unit of a level named by its uid or its name (case and accents ignored); a name may leave out the
     * words that precede the proper name ("Bodo" for "District sanitaire de Bodo") when only one unit ends so.
     */
    public Optional<Integer> findUnit(String uidOrName, int level) {
        String wanted = FacilitySelection.fold(uidOrName);
        int suffixMatch = -1;
        int suffixMatches = 0;
        for (int u = 0; u < input.units().size(); u++) {
            CoverageInput.Unit unit = input.units().get(u);
            if (unit.level() != level) {
                continue;
            }
            String name = FacilitySelection.fold(unit.name());
            if (unit.uid().equals(uidOrName.strip()) || name.equals(wanted)) {
                return Optional.of(u);
            }
            if (!wanted.isEmpty() && name.endsWith("-" + wanted)) {
                suffixMatch = u;
                suffixMatches++;
            }
        }
        return suffixMatches == 1 ? Optional.of(suffixMatch) : Optional.empty();
    }

    /**
     * The names of a level's units closest to a word, at most {@code n}: edit distance on folded names, to the
     * whole name or to its last words (as many as the word has), whichever is smaller.
     */
    public List<String> closestNames(String word, int level, int n) {
        String w = FacilitySelection.fold(word);
        int words = w.split("-").length;
        return input.units().stream().filter(u -> u.level() == level)
                .sorted(Comparator.comparingInt((CoverageInput.Unit u) -> nameDistance(w, words, u.name()))
                        .thenComparing(CoverageInput.Unit::name))
                .limit(n).map(CoverageInput.Unit::name).toList();
    }

    private static int nameDistance(String w, int words, String name) {
        String folded = FacilitySelection.fold(name);
        String[] parts = folded.split("-");
        String tail = String.join("-", java.util.Arrays.copyOfRange(parts, Math.max(0, parts.length - words), parts.length));
        return Math.min(EditDistance.levenshtein(w, folded), EditDistance.levenshtein(w, tail));
    }
}
