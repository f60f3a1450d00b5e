package org.santeatlas.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.FacilityLocationCheck;
import org.santeatlas.quality.geo.NearDuplicateCheck;
import org.santeatlas.quality.outliers.OutlierMethod;
import org.santeatlas.quality.registry.RegistryCheck;
import org.santeatlas.quality.reporting.ReportingCheck;
import org.santeatlas.quality.validation.ValidationRuleCheck;

/**
 * Scores a run's findings against the problems planted in a generated country ({@code ground-truth.json}
 * of module test-data): per category, how many planted items some finding points at (recall) and how many
 * of the findings of the checks aimed at that category point at a planted item (precision).
 *
 * <p>{@link #CATEGORIES} is the one place that says which check finds which category and how a finding
 * matches a planted item: by the listed keys, compared with the finding's component of the same name
 * ({@code orgUnit}, {@code period}, {@code dataElement}, {@code categoryOptionCombo}); the key {@code code}
 * (registry records, which have no UID) matches the finding's {@code orgUnit} or {@code value}.
 */
public final class GroundTruthScore {

    /**
     * A planted category and the findings aimed at it.
     *
     * @param name        the array's name in ground-truth.json
     * @param checks      {@link Finding#check()} values that target it (empty: no check yet)
     * @param minSeverity findings below it are not counted (extreme outliers only: moderate ones are
     *                    leads, not claims)
     * @param keys        the planted item's fields that a finding must equal
     * @param alsoPlanted other categories whose planted items, when a finding of this category points at
     *                    one (by the same keys), make that finding right rather than a false alarm: an
     *                    outlier finding on a value planted as a validation-rule violation (the generator
     *                    multiplied it) is a real error found. They count for precision, never for recall.
     */
    public record Category(String name, List<String> checks, Severity minSeverity, List<String> keys,
                           List<String> alsoPlanted) {

        public Category(String name, List<String> checks, Severity minSeverity, List<String> keys) {
            this(name, checks, minSeverity, keys, List.of());
        }
    }

    /** The result for one category; recall or precision NaN when undefined (nothing planted, nothing found). */
    public record Score(String category, int planted, int found, int findings, int matchingFindings) {
        public double recall() {
            return planted == 0 ? Double.NaN : (double) found / planted;
        }

        public double precision() {
            return findings == 0 ? Double.NaN : (double) matchingFindings / findings;
        }
    }

    private static final List<String> OU = List.of("orgUnit");
    private static final List<String> OU_PE = List.of("orgUnit", "period");
    private static final List<String> OU_PE_DE = List.of("orgUnit", "period", "dataElement", "categoryOptionCombo");
    private static final List<String> CODE = List.of("code");

    /**
     * Category → checks. The geographic, registry and validation-rule checks (other packages) add their ids
     * to the lists left empty or marked here.
     */
    public static final List<Category> CATEGORIES = List.of(
            new Category("outliers", List.of(OutlierMethod.SEASONAL.checkId()), Severity.HIGH, OU_PE_DE,
                    List.of("validationViolations")),
            new Category("missingReports", List.of(ReportingCheck.MISSING), Severity.LOW, OU_PE),
            new Category("lateReports", List.of(ReportingCheck.LATE), Severity.LOW, OU_PE),
            new Category("interruptedReporting", List.of(ReportingCheck.INTERRUPTED), Severity.LOW, OU),
            // validation rules (org.santeatlas.quality.validation): add its check id here
            new Category("validationViolations", List.of(ValidationRuleCheck.VIOLATION), Severity.LOW, OU_PE),
            new Category("swappedCoordinates", List.of(FacilityLocationCheck.SWAPPED), Severity.LOW, OU),
            new Category("outsideDistrict", List.of(FacilityLocationCheck.OUTSIDE_DISTRICT), Severity.LOW, OU),
            new Category("missingCoordinates", List.of(FacilityLocationCheck.MISSING), Severity.LOW, OU),
            new Category("nearDuplicates", List.of(NearDuplicateCheck.NEAR_DUPLICATE), Severity.LOW, OU),
            new Category("registryOnly", List.of(RegistryCheck.REGISTRY_ONLY), Severity.LOW, CODE),
            new Category("snisOnly", List.of(RegistryCheck.SNIS_ONLY), Severity.LOW, OU),
            new Category("registryMissingCoordinates", List.of(RegistryCheck.MISSING_COORDINATES), Severity.LOW, CODE),
            new Category("openedDuringPeriod", List.of(ReportingCheck.OPENED), Severity.LOW, OU),
            new Category("closedFacilities", List.of(ReportingCheck.CLOSED_ASSIGNED), Severity.LOW, OU));

    private GroundTruthScore() {
    }

    /** Scores with the default {@link #CATEGORIES}. */
    public static List<Score> score(Path groundTruth, List<Finding> findings) throws IOException {
        return score(new ObjectMapper().readTree(groundTruth.toFile()), findings, CATEGORIES);
    }

    public static List<Score> score(JsonNode truth, List<Finding> findings, List<Category> categories) {
        List<Score> out = new ArrayList<>();
        for (Category c : categories) {
            List<Map<String, String>> planted = planted(truth.path(c.name()), c.keys());
            List<Map<String, String>> others = new ArrayList<>();
            for (String other : c.alsoPlanted()) {
                others.addAll(planted(truth.path(other), c.keys()));
            }
            Set<Integer> found = new HashSet<>();
            int considered = 0;
            int matching = 0;
            for (Finding f : findings) {
                if (!c.checks().contains(f.check()) || f.severity().ordinal() > c.minSeverity().ordinal()) {
                    continue;
                }
                considered++;
                boolean any = false;
                for (int i = 0; i < planted.size(); i++) {
                    if (matches(planted.get(i), f)) {
                        found.add(i);
                        any = true;
                    }
                }
                for (int i = 0; i < others.size() && !any; i++) {
                    any = matches(others.get(i), f);
                }
                matching += any ? 1 : 0;
            }
            out.add(new Score(c.name(), planted.size(), found.size(), considered, matching));
        }
        return out;
    }

    private static List<Map<String, String>> planted(JsonNode array, List<String> fields) {
        List<Map<String, String>> planted = new ArrayList<>();
        for (JsonNode item : array) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (String k : fields) {
                JsonNode v = item.get(k);
                keys.put(k, v == null || v.isNull() ? null : v.asText());
            }
            planted.add(keys);
        }
        return planted;
    }

    private static boolean matches(Map<String, String> planted, Finding f) {
        for (var e : planted.entrySet()) {
            String want = e.getValue();
            if (want == null) {
                continue;
            }
            boolean ok = switch (e.getKey()) {
                case "orgUnit" -> want.equals(f.orgUnit());
                case "period" -> want.equals(f.period());
                case "dataElement" -> want.equals(f.dataElement());
                case "categoryOptionCombo" -> want.equals(f.categoryOptionCombo());
                case "code" -> want.equals(f.orgUnit()) || want.equals(f.value());
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
