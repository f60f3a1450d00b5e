package org.santeatlas.quality.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.ScoreTallies;
import org.santeatlas.quality.WorkspaceMetadata;

/**
 * The DQR summary layout: one row per district, one column per dimension, each cell the share (0–1) of
 * units or values that pass (reports received / expected, values not flagged as extreme outliers /
 * values, …), an overall score per row (the mean of its cells), and the same for the whole country
 * (every district's counts added). The app and the PDF reports render it; NaN marks a cell with
 * nothing to judge.
 *
 * @param dimensions the columns, in {@link Dimension} order, those some check scored
 * @param districts  one row per district that some check scored, by name
 * @param country    the counts of all districts together
 */
public record Scorecard(List<Dimension> dimensions, List<Row> districts, Row country) {

    /**
     * @param orgUnit the district's UID (null for the country row)
     * @param name    the district's name
     * @param scores  share passing per dimension
     * @param overall mean of the row's scores (WHO DQR: the unweighted mean of the dimensions' scores)
     */
    public record Row(String orgUnit, String name, Map<Dimension, Double> scores, double overall) {
        public Row {
            scores = Collections.unmodifiableMap(scores.isEmpty() ? new EnumMap<>(Dimension.class) : new EnumMap<>(scores));
        }

        public double score(Dimension d) {
            return scores.getOrDefault(d, Double.NaN);
        }
    }

    public Scorecard {
        dimensions = List.copyOf(dimensions);
        districts = List.copyOf(districts);
    }

    /** Builds the scorecard from the checks' tallies. */
    public static Scorecard of(ScoreTallies tallies, WorkspaceMetadata metadata) {
        Set<Dimension> used = EnumSet.noneOf(Dimension.class);
        Map<Dimension, long[]> national = new EnumMap<>(Dimension.class);
        List<Row> rows = new ArrayList<>();
        for (var cell : tallies.cells().entrySet()) {
            int district = cell.getKey();
            Map<Dimension, Double> scores = new EnumMap<>(Dimension.class);
            for (var t : cell.getValue().entrySet()) {
                if (t.getValue().total() == 0) {
                    continue;
                }
                used.add(t.getKey());
                scores.put(t.getKey(), t.getValue().share());
                long[] n = national.computeIfAbsent(t.getKey(), k -> new long[2]);
                n[0] += t.getValue().passed();
                n[1] += t.getValue().total();
            }
            boolean known = metadata.isOrgUnit(district);
            rows.add(new Row(known ? metadata.orgUnitUid(district) : null,
                    known ? metadata.orgUnitName(district) : "?", scores, mean(scores)));
        }
        rows.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        Map<Dimension, Double> countryScores = new EnumMap<>(Dimension.class);
        national.forEach((d, n) -> countryScores.put(d, (double) n[0] / n[1]));
        return new Scorecard(new ArrayList<>(used), rows, new Row(null, null, countryScores, mean(countryScores)));
    }

    private static double mean(Map<Dimension, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
