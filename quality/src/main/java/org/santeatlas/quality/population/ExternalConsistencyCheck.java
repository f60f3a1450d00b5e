package org.santeatlas.quality.population;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.santeatlas.core.store.PeriodIndex;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.Explanations;
import org.santeatlas.quality.geo.FacilityNames;
import org.santeatlas.quality.geo.OrgUnits;
import org.santeatlas.quality.geo.OrgUnits.Unit;
import org.santeatlas.quality.population.PopulationParameters.SurveyComparison;

/**
 * WHO DQR domain 3, external consistency: each survey estimate (SURVEY_VALUE, a coverage in %) against
 * the same coverage computed from routine data, for the survey's org unit and year:
 * <pre>
 *   routine coverage = 100 × Σ numerator data element over the unit's facilities and the 12 months
 *                      ÷ target population
 *   target population = Σ locality populations under the unit (LOCALITY_POPULATION, the survey's year
 *                       or the nearest year available) × crude birth rate [× (1 − infant mortality)]
 * </pre>
 * flagged when routine ÷ survey lies beyond 1 ± {@code externalConsistency} (DQR default ±33 %).
 * Survey indicators are recognised by {@link PopulationParameters#comparisons()}; others are skipped.
 * A survey value whose unit has no locality population gets a low-severity finding.
 */
public final class ExternalConsistencyCheck implements QualityCheck {

    public static final String ID = "external-consistency";
    public static final String SURVEY = "external-survey";
    public static final String NO_POPULATION = "external-no-population";

    private final PopulationParameters population;

    public ExternalConsistencyCheck() {
        this(PopulationParameters.DEFAULTS);
    }

    public ExternalConsistencyCheck(PopulationParameters population) {
        this.population = population;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.EXTERNAL_CONSISTENCY;
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        var c = context.connection();
        OrgUnits tree = null;
        Map<Integer, TreeMap<Integer, Double>> localities = null;
        Map<String, Integer> codes = PopulationData.dataElementsByCode(c);
        Map<String, Map<Integer, TreeMap<Integer, Double>>> routine = new HashMap<>();
        PeriodIndex periods = null;
        double threshold = context.parameters().externalConsistency();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT INDICATOR, ORG_UNIT_REF, ORG_UNIT_ID, SURVEY_YEAR, SURVEY_VALUE,"
                     + " SOURCE, LOWER_BOUND, UPPER_BOUND FROM SURVEY_VALUE ORDER BY INDICATOR, SURVEY_YEAR, ORG_UNIT_REF")) {
            while (rs.next()) {
                SurveyComparison comparison = comparison(rs.getString(1));
                Integer numeratorId = comparison == null ? null : codes.get(comparison.numeratorCode());
                if (numeratorId == null) {
                    continue;
                }
                if (tree == null) {
                    tree = context.shared(OrgUnits.class, OrgUnits::load);
                    localities = PopulationData.localities(c, tree);
                    periods = PeriodIndex.load(c);
                }
                int ouId = rs.getInt(3);
                Unit unit = rs.wasNull() ? resolve(tree, rs.getString(2)) : tree.byId(ouId);
                if (unit == null) {
                    continue;
                }
                int year = rs.getInt(4);
                double survey = rs.getDouble(5);
                String source = rs.getString(6);
                Map<Integer, TreeMap<Integer, Double>> totals = routine.get(comparison.numeratorCode());
                if (totals == null) {
                    totals = PopulationData.yearlyTotals(c, tree, periods, numeratorId);
                    routine.put(comparison.numeratorCode(), totals);
                }
                TreeMap<Integer, Double> unitPopulation = localities.get(unit.id());
                Integer popYear = PopulationData.nearestYear(unitPopulation, year);
                String uid = dataElementUid(c, numeratorId);
                if (popYear == null) {
                    List<Object> args = List.of(rs.getString(1), unit.name(), year);
                    findings.accept(new Finding(NO_POPULATION, Dimension.EXTERNAL_CONSISTENCY, Severity.LOW, unit.uid(),
                            uid, null, Integer.toString(year), null, null, 0, "no locality population under the unit",
                            "external.noPopulation", args, Explanations.english("external.noPopulation", args)));
                    continue;
                }
                double pop = unitPopulation.get(popYear);
                double target = population.target(comparison.denominator(), pop);
                double numerator = totals.getOrDefault(unit.id(), new TreeMap<>()).getOrDefault(year, 0.0);
                double coverage = 100 * numerator / target;
                double ratio = survey == 0 ? Double.POSITIVE_INFINITY : coverage / survey;
                if (Math.abs(ratio - 1) <= threshold) {
                    continue;
                }
                String method = String.format(Locale.ROOT,
                        "routine %s %.0f / %s %.0f (population %d: %.0f) vs %s; ratio %.2f, DQR threshold ±%.0f %%",
                        comparison.numeratorCode(), numerator, comparison.denominator().name().toLowerCase(Locale.ROOT),
                        target, popYear, pop, source, ratio, 100 * threshold);
                List<Object> args = List.of(rs.getString(1), unit.name(), year, round1(coverage), round1(survey), source,
                        round1(100 * Math.abs(ratio - 1)));
                String key = ratio > 1 ? "external.surveyHigher" : "external.surveyLower";
                findings.accept(new Finding(SURVEY, Dimension.EXTERNAL_CONSISTENCY,
                        Math.abs(ratio - 1) > 2 * threshold ? Severity.HIGH : Severity.MEDIUM, unit.uid(), uid, null,
                        Integer.toString(year), String.format(Locale.ROOT, "%.1f %%", coverage),
                        String.format(Locale.ROOT, "%.1f–%.1f %% (survey %.1f %% ± %.0f %%)", survey * (1 - threshold),
                                survey * (1 + threshold), survey, 100 * threshold),
                        Math.abs(ratio - 1), method, key, args, Explanations.english(key, args)));
            }
        }
    }

    private SurveyComparison comparison(String indicator) {
        String key = NameKey.of(indicator);
        for (SurveyComparison s : population.comparisons()) {
            for (String alias : s.aliases()) {
                if (NameKey.of(alias).equals(key)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** An org unit named by UID, code, name or the place of its name ("Région de Tahoua" = "Tahoua"). */
    static Unit resolve(OrgUnits tree, String ref) {
        if (ref == null) {
            return null;
        }
        Unit byUid = tree.byUid(ref);
        if (byUid != null) {
            return byUid;
        }
        String place = FacilityNames.adminPlace(ref);
        Unit best = null;
        for (Unit u : tree.all()) {
            if (ref.equals(u.code())) {
                return u;
            }
            if (best == null && (NameKey.of(u.name()).equals(NameKey.of(ref)) || FacilityNames.adminPlace(u.name()).equals(place))) {
                best = u;
            } else if (best != null && FacilityNames.adminPlace(u.name()).equals(place) && u.level() < best.level()) {
                best = u;
            }
        }
        return best;
    }

    private static String dataElementUid(java.sql.Connection c, int id) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UID FROM DATA_ELEMENT WHERE ID = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
