package org.santeatlas.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.HandBuiltWorkspace;

class ValidationRuleCheckTest {

    @TempDir
    Path dir;

    private static final String A = "DeAAAAAAAAA";
    private static final String B = "DeBBBBBBBBB";
    private static final String C = "DeCCCCCCCCC";
    private static final String LT5 = "CocLt5AAAAA";
    private static final String GE5 = "CocGe5AAAAA";
    private static final String PARTNER = "AocPartner1";

    private HandBuiltWorkspace workspace() throws Exception {
        HandBuiltWorkspace w = new HandBuiltWorkspace(dir);
        w.orgUnit("Country0001", "C", "Pays", null, null);
        for (int i = 1; i <= 9; i++) {
            w.orgUnit("Facilty000" + i, "F" + i, "CSI " + i, "Country0001", null);
        }
        w.dataElement(A, "A", "Confirmés");
        w.dataElement(B, "B", "Testés");
        w.dataElement(C, "C", "Autres");
        w.categoryOptionCombo(LT5, "< 5 ans");
        w.categoryOptionCombo(GE5, "5 ans et plus");
        w.categoryOptionCombo(PARTNER, "Partenaire");
        return w;
    }

    private static void rule(HandBuiltWorkspace w, String uid, String operator, String periodType, String left,
                             String leftStrategy, String right, String rightStrategy) throws Exception {
        w.sql("INSERT INTO VALIDATION_RULE(UID, CODE, NAME, IMPORTANCE, OPERATOR, PERIOD_TYPE, LEFT_EXPRESSION,"
                + " LEFT_DESCRIPTION, LEFT_MISSING_VALUE_STRATEGY, RIGHT_EXPRESSION, RIGHT_DESCRIPTION,"
                + " RIGHT_MISSING_VALUE_STRATEGY) VALUES ('" + uid + "', '" + uid + "', 'Règle " + uid + "', 'HIGH', '"
                + operator + "', " + (periodType == null ? "NULL" : "'" + periodType + "'") + ", '" + left
                + "', 'gauche', " + (leftStrategy == null ? "NULL" : "'" + leftStrategy + "'") + ", '" + right
                + "', 'droite', " + (rightStrategy == null ? "NULL" : "'" + rightStrategy + "'") + ")");
    }

    private static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.orgUnit() + " " + f.period() + " " + f.value() + " " + f.expected()).toList();
    }

    @Test
    void neverSkipCountsAMissingValueAsZeroAndNeedsOneValueToEvaluate() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            rule(w, "RuleLeq0001", "less_than_or_equal_to", "Monthly", "#{" + A + "}", "NEVER_SKIP", "#{" + B + "}",
                    "NEVER_SKIP");
            w.value(A, "Facilty0001", "202401", "5").value(B, "Facilty0001", "202401", "3")   // 5 > 3
                    .value(A, "Facilty0001", "202402", "2").value(B, "Facilty0001", "202402", "3") // fine
                    .value(A, "Facilty0002", "202401", "4")                                         // 4 > 0
                    .value(B, "Facilty0003", "202401", "4")                                         // 0 ≤ 4
                    .value(C, "Facilty0004", "202401", "9")                                         // no item: nothing
                    .flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            assertThat(summary(findings)).containsExactly("Facilty0001 202401 5 ≤ 3", "Facilty0002 202401 4 ≤ 0");
            Finding f = findings.get(0);
            assertThat(f.check()).isEqualTo(ValidationRuleCheck.VIOLATION);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.dataElement()).isEqualTo(A);
            assertThat(f.method()).contains("RuleLeq0001").contains("5 vs 3");
            assertThat(f.message()).isEqualTo("Rule \"Règle RuleLeq0001\" is broken in 202401: gauche = 5 must be ≤ droite = 3."
                    + " One of the two figures was probably mistyped.");
            assertThat(f.score()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void skipStrategiesSkipASideWithMissingValues() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            // Left: A + C. SKIP_IF_ANY skips when C is missing; the default (SKIP_IF_ALL) counts it as 0.
            rule(w, "RuleAny0001", "less_than", "Monthly", "#{" + A + "} + #{" + C + "}", "SKIP_IF_ANY_VALUE_MISSING",
                    "#{" + B + "}", "NEVER_SKIP");
            rule(w, "RuleAll0001", "less_than", "Monthly", "#{" + A + "} + #{" + C + "}", null, "#{" + B + "}",
                    "NEVER_SKIP");
            w.value(A, "Facilty0001", "202401", "5").value(B, "Facilty0001", "202401", "3")
                    // Only B: the left side has no value at all; SKIP_IF_ALL skips it too.
                    .value(B, "Facilty0002", "202401", "0")
                    .flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            assertThat(findings).extracting(Finding::method).allMatch(m -> m.contains("RuleAll0001"));
            assertThat(summary(findings)).containsExactly("Facilty0001 202401 5 < 3");
        }
    }

    @Test
    void itemsSelectCategoryAndAttributeOptionCombos() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            rule(w, "RuleCoc0001", "less_than_or_equal_to", "Monthly", "#{" + A + "." + LT5 + "}", "NEVER_SKIP",
                    "#{" + B + "}", "NEVER_SKIP");
            rule(w, "RuleTot0001", "equal_to", "Monthly", "#{" + A + "}", "NEVER_SKIP", "#{" + A + ".*} * 2 - #{" + C
                    + "}", "NEVER_SKIP");
            rule(w, "RuleAoc0001", "less_than_or_equal_to", "Monthly", "#{" + A + "." + LT5 + "." + PARTNER + "}",
                    "NEVER_SKIP", "1", "NEVER_SKIP");
            w.value(A + "." + LT5, "Facilty0001", "202401", "4").value(A + "." + GE5, "Facilty0001", "202401", "6")
                    .value(B, "Facilty0001", "202401", "5").value(C, "Facilty0001", "202401", "10")
                    .value(A + "." + LT5 + "." + PARTNER, "Facilty0002", "202401", "3")
                    .value(B, "Facilty0002", "202401", "5")
                    .flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            // Facility 1: A<5 = 4 ≤ 5 holds; A = 10 = 10 × 2 − 10 holds. Facility 2, evaluated per attribute
            // option combo: the partner's A<5 = 3 > 1 (once: every item names its AOC); for the partner,
            // A<5 = 3 > B = 0 (B is stored for the default AOC only) and A = 3 ≠ 3 × 2 − 0; for the default
            // AOC, 0 ≤ 5 and 0 = 0 hold.
            assertThat(findings).extracting(f -> f.method().substring(22, 33) + " " + f.orgUnit() + " " + f.value()
                    + " " + f.expected()).containsExactlyInAnyOrder(
                    "RuleAoc0001 Facilty0002 3 ≤ 1", "RuleCoc0001 Facilty0002 3 ≤ 0", "RuleTot0001 Facilty0002 3 = 6");
            assertThat(findings).filteredOn(f -> f.method().contains("RuleCoc0001")).extracting(Finding::method)
                    .allMatch(m -> m.endsWith("attribute option combo " + PARTNER));
        }
    }

    @Test
    void pairOperatorsLookAtWhichSidesHaveValues() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            rule(w, "RuleComp001", "compulsory_pair", "Monthly", "#{" + A + "}", null, "#{" + B + "}", null);
            rule(w, "RuleExcl001", "exclusive_pair", "Monthly", "#{" + A + "}", null, "#{" + C + "}", null);
            w.value(A, "Facilty0001", "202401", "1")                                   // compulsory broken
                    .value(A, "Facilty0002", "202401", "1").value(B, "Facilty0002", "202401", "0") // fine
                    .value(A, "Facilty0003", "202401", "1").value(B, "Facilty0003", "202401", "2")
                    .value(C, "Facilty0003", "202401", "0")                            // exclusive broken
                    .value(B, "Facilty0004", "202401", "7")                            // compulsory broken
                    .flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            assertThat(findings).extracting(f -> f.method().substring(22, 33) + " " + f.orgUnit() + " " + f.value())
                    .containsExactlyInAnyOrder("RuleComp001 Facilty0001 1", "RuleExcl001 Facilty0003 1",
                            "RuleComp001 Facilty0004 0");
            assertThat(findings).extracting(Finding::messageKey)
                    .contains("validation.compulsoryPair", "validation.exclusivePair");
        }
    }

    @Test
    void aQuarterlyRuleSumsTheMonthsAndDivisionByZeroSkips() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            rule(w, "RuleQuart01", "less_than_or_equal_to", "Quarterly", "#{" + A + "}", "NEVER_SKIP", "#{" + B + "}",
                    "NEVER_SKIP");
            rule(w, "RuleRatio01", "less_than_or_equal_to", "Monthly", "#{" + A + "} / #{" + B + "}", "NEVER_SKIP",
                    "1", "NEVER_SKIP");
            w.value(A, "Facilty0001", "202401", "1").value(A, "Facilty0001", "202402", "1")
                    .value(A, "Facilty0001", "202403", "1").value(B, "Facilty0001", "202401", "2")
                    .value(A, "Facilty0002", "202404", "3").value(B, "Facilty0002", "202404", "0")
                    .flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            // Facility 1, 2024Q1: 3 > 2; its months: 1/2 fine, then 1/0 twice (no value). Facility 2:
            // 2024Q2: 3 > 0; 202404: 3/0 has no value.
            assertThat(summary(findings)).containsExactly("Facilty0001 2024Q1 3 ≤ 2", "Facilty0002 2024Q2 3 ≤ 0");
            List<Finding> april = w.run(new ValidationRuleCheck(),
                    QualityParameters.DEFAULTS.withPeriods(Optional.of("202404"), Optional.of("202406")));
            assertThat(summary(april)).containsExactly("Facilty0002 2024Q2 3 ≤ 0");
        }
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsReportedOnce() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            rule(w, "RuleConst01", "less_than", "Monthly", "#{" + A + "}", null, "C{ConstantAAA}", null);
            rule(w, "RuleUnknow1", "less_than", "Monthly", "#{NoSuchDeAAA}", null, "1", null);
            w.value(A, "Facilty0001", "202401", "5").flush();
            List<Finding> findings = w.run(new ValidationRuleCheck());
            assertThat(findings).extracting(Finding::check).containsOnly(ValidationRuleCheck.NOT_EVALUABLE);
            assertThat(findings).extracting(Finding::message).containsExactly(
                    "Rule \"Règle RuleConst01\" cannot be evaluated: unsupported 'C{ConstantAA' at 1 (only #{...},"
                            + " numbers, [days], + - * / and parentheses are evaluated).",
                    "Rule \"Règle RuleUnknow1\" cannot be evaluated: unknown data element NoSuchDeAAA.");
        }
    }

    @Test
    void expressionsFollowArithmeticPrecedence() throws Exception {
        Expression e = Expression.parse("(#{" + A + "} + #{" + B + "." + LT5 + "}) * 2 - -#{" + A + "} / 4 + [days]");
        assertThat(e.items()).extracting(Expression.Item::toString).containsExactly("#{" + A + "}",
                "#{" + B + "." + LT5 + "}");
        assertThat(e.evaluate(new double[] {8, 2}, 31)).isEqualTo((8 + 2) * 2 + 8 / 4.0 + 31);
        assertThat(Expression.parse("1e3 / (#{" + A + "} - 2)").evaluate(new double[] {2}, 30)).isNaN();
        assertThat(Expression.parse("#{" + A + ".*." + PARTNER + "}").items().get(0))
                .isEqualTo(new Expression.Item(A, null, PARTNER));
        assertThatThrownBy(() -> Expression.parse("#{" + A + "} +")).isInstanceOf(Expression.ParseError.class);
        assertThatThrownBy(() -> Expression.parse("(1 + 2")).hasMessageContaining("missing ')'");
    }
}
