package org.santeatlas.quality.population;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.santeatlas.core.store.PeriodIndex;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.Explanations;
import org.santeatlas.quality.geo.OrgUnits;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/**
 * WHO DQR domain 4, consistency of population data, per health district and year:
 * <ul>
 *   <li>{@value #SOURCES_DISAGREE}: a population data element (the SNIS's denominator) against the sum
 *       of the district's locality populations (LOCALITY_POPULATION);</li>
 *   <li>{@value #BIRTHS_INCONSISTENT}: an expected-births data element against locality population ×
 *       crude birth rate.</li>
 * </ul>
 * Flagged beyond ±{@link PopulationParameters#populationConsistency()} (DQR: 10 %). Compared only for a
 * year both sources have; without such data elements (the demo has none) the check reports nothing.
 */
public final class PopulationConsistencyCheck implements QualityCheck {

    public static final String ID = "population-consistency";
    public static final String SOURCES_DISAGREE = "population-sources-disagree";
    public static final String BIRTHS_INCONSISTENT = "population-births-inconsistent";

    private final PopulationParameters population;

    public PopulationConsistencyCheck() {
        this(PopulationParameters.DEFAULTS);
    }

    public PopulationConsistencyCheck(PopulationParameters population) {
        this.population = population;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.POPULATION;
    }

    private record Element(int id, String uid, String name) {
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        Connection c = context.connection();
        List<Element> populations = new ArrayList<>();
        List<Element> births = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME FROM DATA_ELEMENT ORDER BY UID")) {
            while (rs.next()) {
                String code = rs.getString(3);
                String name = NameKey.of(rs.getString(4));
                Element e = new Element(rs.getInt(1), rs.getString(2), rs.getString(4));
                boolean isBirths = population.expectedBirthsCodes().isEmpty()
                        ? name.contains("naissances attendues") || name.contains("expected births")
                        : population.expectedBirthsCodes().contains(code);
                boolean isPopulation = population.populationCodes().isEmpty()
                        ? name.startsWith("population") || (code != null && code.toUpperCase(Locale.ROOT).startsWith("POP"))
                        : population.populationCodes().contains(code);
                if (isBirths) {
                    births.add(e);
                } else if (isPopulation) {
                    populations.add(e);
                }
            }
        }
        if (populations.isEmpty() && births.isEmpty()) {
            return;
        }
        OrgUnits tree = context.shared(OrgUnits.class, OrgUnits::load);
        PeriodIndex periods = PeriodIndex.load(c);
        Map<Integer, TreeMap<Integer, Double>> localities = PopulationData.localities(c, tree);
        for (Element e : populations) {
            compare(tree, periods, c, e, localities, 1.0, SOURCES_DISAGREE, "population.sourcesDisagree",
                    "locality populations", context, findings);
        }
        for (Element e : births) {
            compare(tree, periods, c, e, localities, population.crudeBirthRate(), BIRTHS_INCONSISTENT,
                    "population.birthsInconsistent", String.format(Locale.ROOT, "locality populations × crude birth rate %.1f ‰",
                            1000 * population.crudeBirthRate()), context, findings);
        }
    }

    private void compare(OrgUnits tree, PeriodIndex periods, Connection c, Element e,
                         Map<Integer, TreeMap<Integer, Double>> localities, double factor, String check, String key,
                         String reference, QualityContext context, Consumer<Finding> findings) throws SQLException {
        Map<Integer, TreeMap<Integer, Double>> stocks = PopulationData.yearlyStocks(c, periods, e.id());
        TreeSet<Integer> years = new TreeSet<>();
        stocks.values().forEach(m -> years.addAll(m.keySet()));
        for (Unit district : tree.atLevel(tree.districtLevel())) {
            TreeMap<Integer, Double> local = localities.get(district.id());
            if (local == null) {
                continue;
            }
            for (int year : years) {
                if (!local.containsKey(year)) {
                    continue;
                }
                Double stated = PopulationData.stockFor(tree, district, year, stocks);
                if (stated == null) {
                    continue;
                }
                double expected = local.get(year) * factor;
                double ratio = expected == 0 ? Double.POSITIVE_INFINITY : stated / expected;
                double threshold = population.populationConsistency();
                if (Math.abs(ratio - 1) <= threshold) {
                    continue;
                }
                List<Object> args = List.of(e.name(), district.name(), year, Math.round(stated), Math.round(expected),
                        ExternalConsistencyCheck.round1(100 * (ratio - 1)));
                findings.accept(new Finding(check, Dimension.POPULATION,
                        Math.abs(ratio - 1) > 2 * threshold ? Severity.HIGH : Severity.MEDIUM, district.uid(), e.uid(),
                        null, Integer.toString(year), String.format(Locale.ROOT, "%.0f", stated),
                        String.format(Locale.ROOT, "%.0f–%.0f (%s %.0f ± %.0f %%)", expected * (1 - threshold),
                                expected * (1 + threshold), reference, expected, 100 * threshold),
                        Math.abs(ratio - 1), String.format(Locale.ROOT, "%s vs %s: ratio %.2f, DQR threshold ±%.0f %%",
                                e.name(), reference, ratio, 100 * threshold), key, args, Explanations.english(key, args)));
            }
        }
    }
}
