package org.santeatlas.quality.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.consistency.ConsistencyOverTimeCheck;
import org.santeatlas.quality.geo.AreaCoverageCheck;
import org.santeatlas.quality.geo.FacilityLocationCheck;
import org.santeatlas.quality.geo.NearDuplicateCheck;
import org.santeatlas.quality.population.ExternalConsistencyCheck;
import org.santeatlas.quality.population.PopulationConsistencyCheck;
import org.santeatlas.quality.registry.RegistryCheck;
import org.santeatlas.quality.validation.ValidationRuleCheck;
import org.santeatlas.quality.consistency.IndicatorCompletenessCheck;
import org.santeatlas.quality.consistency.InternalConsistencyCheck;
import org.santeatlas.quality.outliers.OutlierCheck;
import org.santeatlas.quality.outliers.OutlierMethod;
import org.santeatlas.quality.reporting.ReportingCheck;

/**
 * The registry of checks: every check SantéAtlas knows, and those a run uses when none are named.
 * A new check is one line in {@link #all()} (and, if it should run by default, in {@link #DEFAULT_IDS}).
 */
public final class QualityChecks {

    /**
     * The checks of a run with no {@code --checks}. Outliers: the seasonal method only, the one that keeps
     * rainy-season peaks and ordinary Poisson noise out of the extreme findings (measured on the demo
     * country: see {@code OutlierMethodsDemoTest}); the others are chosen by name.
     */
    public static final List<String> DEFAULT_IDS = List.of(ReportingCheck.ID, IndicatorCompletenessCheck.ID,
            OutlierMethod.SEASONAL.checkId(), ConsistencyOverTimeCheck.ID, InternalConsistencyCheck.ID,
            ValidationRuleCheck.ID, FacilityLocationCheck.ID, NearDuplicateCheck.ID, AreaCoverageCheck.ID,
            RegistryCheck.ID, ExternalConsistencyCheck.ID, PopulationConsistencyCheck.ID);

    private QualityChecks() {
    }

    /** Every check, new instances, in a stable order. */
    public static List<QualityCheck> all() {
        List<QualityCheck> all = new ArrayList<>();
        all.add(new ReportingCheck());
        all.add(new IndicatorCompletenessCheck());
        for (OutlierMethod m : OutlierMethod.values()) {
            all.add(new OutlierCheck(m));
        }
        all.add(new ConsistencyOverTimeCheck());
        all.add(new InternalConsistencyCheck());
        all.add(new ValidationRuleCheck());
        all.add(new FacilityLocationCheck());
        all.add(new NearDuplicateCheck());
        all.add(new AreaCoverageCheck());
        all.add(new RegistryCheck());
        all.add(new ExternalConsistencyCheck());
        all.add(new PopulationConsistencyCheck());
        return all;
    }

    public static List<QualityCheck> defaults() {
        return select(DEFAULT_IDS);
    }

    /**
     * The checks named by {@code names}: a check id ({@code outlier-zscore}), the id of a finding it reports
     * ({@code missing-report} selects {@code reporting}), a dimension id ({@code outliers}: every check of
     * that dimension), or {@code all}.
     *
     * @throws IllegalArgumentException naming the unknown names
     */
    public static List<QualityCheck> select(List<String> names) {
        Set<QualityCheck> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<QualityCheck> all = all();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (QualityCheck c : all) {
                if (name.equals("all") || c.id().equals(name) || c.findingChecks().contains(name)
                        || c.dimension().id().equals(name)) {
                    chosen.add(c);
                    found = true;
                }
            }
            if (!found) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unknown));
        }
        return List.copyOf(chosen);
    }

    /** Every id {@link #select} accepts, for help and error messages. */
    public static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (QualityCheck c : all()) {
            names.add(c.id());
            names.addAll(c.findingChecks());
        }
        return List.copyOf(names);
    }
}
