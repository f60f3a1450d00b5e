package org.santeatlas.quality.validation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.store.PeriodIndex;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.MonthlySeries;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.SeriesCheck;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.Explanations;

/**
 * DHIS2 validation rules (table VALIDATION_RULE), evaluated per org unit, period of the rule's period
 * type and attribute option combo, as DHIS2's validation analysis does (DHIS2 Web API documentation,
 * "Validation": operators and missing value strategies; behaviour checked against the cases of DHIS2
 * core's ValidationServiceTest):
 * <ul>
 *   <li>an item {@code #{de}} (or {@code #{de.*}}) is the sum over the data element's category option
 *       combos; values of shorter periods are summed into the rule's period (weekly or monthly values
 *       for a quarterly rule); a value of a longer period than the rule's is not used;</li>
 *   <li>a side whose strategy is {@code SKIP_IF_ANY_VALUE_MISSING} and lacks one value, or
 *       {@code SKIP_IF_ALL_VALUES_MISSING} (DHIS2's default) and lacks them all, is skipped, and so is
 *       the rule there; otherwise a missing value counts as 0 ({@code NEVER_SKIP} never skips);</li>
 *   <li>a rule is evaluated only where at least one of its items has a value (DHIS2 reports nothing
 *       for an org unit and period without data);</li>
 *   <li>{@code compulsory_pair}: a violation when exactly one side has a value; {@code exclusive_pair}:
 *       when both have one; the missing-value strategies do not apply to these two;</li>
 *   <li>a side divided by zero has no value, and the rule is skipped there.</li>
 * </ul>
 * Rules are evaluated wherever values are stored (in the SNIS: the facilities); the rules'
 * organisation-unit levels are not stored in the workspace. Each violation lists both sides' values.
 *
 * <p>The values come from the run's one pass over the stored series (every value as stored, every period
 * type: {@link Pass#acceptStored}); the rules are evaluated when the pass is over. The findings keep their
 * place among those of the checks that read no values ({@link #findingsInCheckOrder()}).
 */
public final class ValidationRuleCheck implements SeriesCheck {

    public static final String ID = "validation-rules";
    public static final String VIOLATION = "validation-rule";
    public static final String NOT_EVALUABLE = "validation-rule-not-evaluable";

    /** Relative tolerance of equality comparisons (values are stored as doubles). */
    private static final double EPSILON = 1e-9;

    enum Operator {
        EQUAL_TO("="), NOT_EQUAL_TO("≠"), GREATER_THAN(">"), GREATER_THAN_OR_EQUAL_TO("≥"), LESS_THAN("<"),
        LESS_THAN_OR_EQUAL_TO("≤"), COMPULSORY_PAIR("[compulsory pair]"), EXCLUSIVE_PAIR("[exclusive pair]");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double l, double r) {
            double eps = EPSILON * Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
            return switch (this) {
                case EQUAL_TO -> Math.abs(l - r) <= eps;
                case NOT_EQUAL_TO -> Math.abs(l - r) > eps;
                case GREATER_THAN -> l > r + eps;
                case GREATER_THAN_OR_EQUAL_TO -> l >= r - eps;
                case LESS_THAN -> l < r - eps;
                case LESS_THAN_OR_EQUAL_TO -> l <= r + eps;
                case COMPULSORY_PAIR, EXCLUSIVE_PAIR -> true;
            };
        }
    }

    enum MissingValueStrategy { SKIP_IF_ANY_VALUE_MISSING, SKIP_IF_ALL_VALUES_MISSING, NEVER_SKIP }

    /** A data item resolved to surrogate keys; -1: any category option combo / the evaluated AOC. */
    private record Resolved(int dataElement, int coc, int aoc) {
    }

    private record Rule(String uid, String code, String name, Severity severity, Operator operator,
                        PeriodType periodType, Side left, Side right) {
    }

    private record Side(Expression expression, String description, MissingValueStrategy strategy, int[] slots) {
    }

    /** An org unit × rule period where values were found: their sums per AOC (-1: items with a fixed AOC). */
    private static final class Cell {
        final int orgUnit;
        final Period period;
        final Map<Integer, double[]> byAoc = new HashMap<>();

        Cell(int orgUnit, Period period) {
            this.orgUnit = orgUnit;
            this.period = period;
        }

        Period period() {
            return period;
        }

        int orgUnit() {
            return orgUnit;
        }
    }

    /** The cells of one period type, found by org unit then by the index of the rule period. */
    private static final class TypeCells {
        final PeriodType type;
        final List<Period> periods = new ArrayList<>();
        final Map<Period, Integer> periodIndex = new HashMap<>();
        /** Rule-period index of each stored PERIOD.ID: -2 not yet looked at, -1 none (longer, or straddling). */
        int[] slotOfPeriodId = new int[0];
        final Map<Integer, Cell[]> byOrgUnit = new HashMap<>();

        TypeCells(PeriodType type) {
            this.type = type;
        }

        int slot(int periodId, PeriodIndex index) {
            if (periodId < 0) {
                return -1;
            }
            if (periodId >= slotOfPeriodId.length) {
                int old = slotOfPeriodId.length;
                slotOfPeriodId = Arrays.copyOf(slotOfPeriodId, Math.max(periodId + 1, old * 2));
                Arrays.fill(slotOfPeriodId, old, slotOfPeriodId.length, -2);
            }
            int s = slotOfPeriodId[periodId];
            if (s == -2) {
                Period p = rulePeriod(type, index.period(periodId));
                if (p == null) {
                    s = -1;
                } else {
                    Integer known = periodIndex.get(p);
                    if (known == null) {
                        known = periods.size();
                        periods.add(p);
                        periodIndex.put(p, known);
                    }
                    s = known;
                }
                slotOfPeriodId[periodId] = s;
            }
            return s;
        }

        Cell[] cellsOf(int orgUnit) {
            Cell[] cells = byOrgUnit.get(orgUnit);
            if (cells == null || cells.length < periods.size()) {
                Cell[] grown = new Cell[Math.max(periods.size(), 16)];
                if (cells != null) {
                    System.arraycopy(cells, 0, grown, 0, cells.length);
                }
                cells = grown;
                byOrgUnit.put(orgUnit, cells);
            }
            return cells;
        }

        /** Every cell, ordered by period then org unit UID (the order of the findings). */
        List<Cell> sorted(Lookup lookup) {
            Integer[] order = new Integer[periods.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(periods::get));
            // Org units ordered by UID once (a few thousand; a stable sort keeps the map's order among equal
            // UIDs), then the cells read off period by period: no sort of the hundred thousand cells of a
            // national run.
            List<Integer> units = new ArrayList<>(byOrgUnit.keySet());
            Comparator<String> uidOrder = Comparator.nullsFirst(Comparator.naturalOrder());
            units.sort((a, b) -> uidOrder.compare(lookup.orgUnitUid(a), lookup.orgUnitUid(b)));
            List<Cell[]> unitCells = new ArrayList<>(units.size());
            for (int u : units) {
                unitCells.add(byOrgUnit.get(u));
            }
            List<Cell> out = new ArrayList<>();
            for (int r = 0; r < order.length; r++) {
                int slot = order[r];
                for (Cell[] cells : unitCells) {
                    if (slot < cells.length && cells[slot] != null) {
                        out.add(cells[slot]);
                    }
                }
            }
            return out;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.VALIDATION_RULES;
    }

    @Override
    public boolean findingsInCheckOrder() {
        return true;
    }

    @Override
    public Pass begin(QualityContext context, Consumer<Finding> findings) throws SQLException {
        Lookup lookup = new Lookup(context);
        // Items are numbered per period type: a slot is an index into that type's value arrays.
        Map<PeriodType, List<Rule>> rules = new LinkedHashMap<>();
        Map<PeriodType, List<Resolved>> slots = new LinkedHashMap<>();
        try (Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT UID, CODE, NAME, IMPORTANCE, OPERATOR, PERIOD_TYPE,"
                     + " LEFT_EXPRESSION, LEFT_DESCRIPTION, LEFT_MISSING_VALUE_STRATEGY, RIGHT_EXPRESSION,"
                     + " RIGHT_DESCRIPTION, RIGHT_MISSING_VALUE_STRATEGY FROM VALIDATION_RULE ORDER BY UID")) {
            while (rs.next()) {
                String uid = rs.getString(1);
                String name = rs.getString(3);
                try {
                    Operator op = enumOf(Operator.class, rs.getString(5), null, "operator");
                    PeriodType type = rs.getString(6) == null ? PeriodType.MONTHLY : PeriodType.fromDhis2Name(rs.getString(6));
                    List<Resolved> typeSlots = slots.computeIfAbsent(type, k -> new ArrayList<>());
                    Side left = side(rs.getString(7), rs.getString(8), rs.getString(9), lookup, typeSlots);
                    Side right = side(rs.getString(10), rs.getString(11), rs.getString(12), lookup, typeSlots);
                    rules.computeIfAbsent(type, k -> new ArrayList<>()).add(new Rule(uid, rs.getString(2), name,
                            severity(rs.getString(4)), op, type, left, right));
                } catch (Expression.ParseError | IllegalArgumentException e) {
                    List<Object> args = List.of(name, e.getMessage());
                    findings.accept(new Finding(NOT_EVALUABLE, Dimension.VALIDATION_RULES, Severity.LOW, null, null,
                            null, null, null, null, 0, "DHIS2 validation rule " + uid, "validation.notEvaluable", args,
                            Explanations.english("validation.notEvaluable", args)));
                }
            }
        }
        if (rules.isEmpty()) {
            return new Pass() {
                @Override
                public void accept(MonthlySeries series) {
                }

                @Override
                public void finish() {
                }
            };
        }
        Gatherer gatherer = new Gatherer(PeriodIndex.load(context.connection()), slots);
        return new Pass() {
            @Override
            public boolean readsStoredValues() {
                return true;
            }

            @Override
            public void acceptStored(SeriesReader reader) {
                gatherer.accept(reader);
            }

            @Override
            public void accept(MonthlySeries series) {
            }

            @Override
            public void finish() {
                evaluateAll(context, lookup, rules, slots, gatherer.stores, findings);
            }
        };
    }

    private void evaluateAll(QualityContext context, Lookup lookup, Map<PeriodType, List<Rule>> rules,
                             Map<PeriodType, List<Resolved>> slots, Map<PeriodType, TypeCells> stores,
                             Consumer<Finding> findings) {
        Period from = context.parameters().from().map(Period::parse).orElse(null);
        Period to = context.parameters().to().map(Period::parse).orElse(null);
        for (Map.Entry<PeriodType, List<Rule>> e : rules.entrySet()) {
            TypeCells store = stores.get(e.getKey());
            List<Cell> cells = store == null ? List.of() : store.sorted(lookup);
            for (Cell cell : cells) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if ((from != null && cell.period().endDate().isBefore(from.startDate()))
                        || (to != null && cell.period().startDate().isAfter(to.endDate()))) {
                    continue;
                }
                Map<Integer, double[]> byAoc = cell.byAoc;
                double[] fixed = byAoc.get(-1);
                Set<Integer> aocs = new LinkedHashSet<>(byAoc.keySet());
                aocs.remove(-1);
                if (aocs.isEmpty()) {
                    aocs.add(-1);
                }
                boolean first = true;
                for (int aoc : aocs) {
                    for (Rule rule : e.getValue()) {
                        if (!first && allFixed(rule, slots.get(e.getKey()))) {
                            continue;
                        }
                        evaluate(rule, cell, aoc, byAoc.get(aoc), fixed, slots.get(e.getKey()), lookup, findings);
                    }
                    first = false;
                }
            }
        }
    }

    private static Side side(String expression, String description, String strategy, Lookup lookup,
                             List<Resolved> typeSlots) throws Expression.ParseError {
        Expression e = Expression.parse(expression);
        int[] s = new int[e.items().size()];
        for (int i = 0; i < s.length; i++) {
            Expression.Item item = e.items().get(i);
            Resolved r = new Resolved(lookup.id(lookup.dataElements, item.dataElement(), "data element"),
                    item.categoryOptionCombo() == null ? -1
                            : lookup.id(lookup.optionCombos, item.categoryOptionCombo(), "category option combo"),
                    item.attributeOptionCombo() == null ? -1
                            : lookup.id(lookup.optionCombos, item.attributeOptionCombo(), "attribute option combo"));
            int at = typeSlots.indexOf(r);
            if (at < 0) {
                at = typeSlots.size();
                typeSlots.add(r);
            }
            s[i] = at;
        }
        return new Side(e, description == null ? expression : description,
                enumOf(MissingValueStrategy.class, strategy, MissingValueStrategy.SKIP_IF_ALL_VALUES_MISSING,
                        "missing value strategy"), s);
    }

    /**
     * Sums every stored value of the data elements the rules use per org unit × rule period × AOC × slot, series by
     * series as the run's pass reads them (series of other data elements are passed over at once).
     */
    private static final class Gatherer {
        final PeriodIndex periods;
        final Map<PeriodType, List<Resolved>> slots;
        final Map<PeriodType, TypeCells> stores = new HashMap<>();
        /** Whether a DATA_ELEMENT.ID is named by some rule. */
        boolean[] used = new boolean[0];

        Gatherer(PeriodIndex periods, Map<PeriodType, List<Resolved>> slots) {
            this.periods = periods;
            this.slots = slots;
            for (List<Resolved> l : slots.values()) {
                for (Resolved r : l) {
                    if (r.dataElement() >= used.length) {
                        used = Arrays.copyOf(used, r.dataElement() + 1);
                    }
                    used[r.dataElement()] = true;
                }
            }
        }

        void accept(SeriesReader r) {
            int de = r.dataElementId();
            if (de < 0 || de >= used.length || !used[de]) {
                return;
            }
            int coc = r.categoryOptionComboId();
            int aoc = r.attributeOptionComboId();
            for (Map.Entry<PeriodType, List<Resolved>> e : slots.entrySet()) {
                List<Resolved> typeSlots = e.getValue();
                PeriodType type = e.getKey();
                for (int k = 0; k < typeSlots.size(); k++) {
                    Resolved item = typeSlots.get(k);
                    if (item.dataElement() != de || (item.coc() >= 0 && item.coc() != coc)
                            || (item.aoc() >= 0 && item.aoc() != aoc)) {
                        continue;
                    }
                    int key = item.aoc() >= 0 ? -1 : aoc;
                    TypeCells store = stores.computeIfAbsent(type, TypeCells::new);
                    Cell[] cells = null;
                    for (int i = 0; i < r.size(); i++) {
                        double v = r.number(i);
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        int slot = store.slot(r.periodId(i), periods);
                        if (slot < 0) {
                            continue;
                        }
                        if (cells == null || slot >= cells.length) {
                            cells = store.cellsOf(r.orgUnitId());
                        }
                        Cell cell = cells[slot];
                        if (cell == null) {
                            cell = new Cell(r.orgUnitId(), store.periods.get(slot));
                            cells[slot] = cell;
                        }
                        double[] values = cell.byAoc.get(key);
                        if (values == null) {
                            values = nanArray(typeSlots.size());
                            cell.byAoc.put(key, values);
                        }
                        values[k] = Double.isNaN(values[k]) ? v : values[k] + v;
                    }
                }
            }
        }
    }

    /** The period of {@code type} that contains {@code p} whole, or null (p longer, or straddling). */
    private static Period rulePeriod(PeriodType type, Period p) {
        if (p == null) {
            return null;
        }
        Period container = type.periodContaining(p.startDate());
        return container.contains(p) ? container : null;
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private void evaluate(Rule rule, Cell cell, int aoc, double[] values, double[] fixed, List<Resolved> typeSlots,
                          Lookup lookup, Consumer<Finding> findings) {
        int days = (int) ChronoUnit.DAYS.between(cell.period().startDate(), cell.period().endDate()) + 1;
        double[] left = gather(rule.left(), values, fixed, typeSlots);
        double[] right = gather(rule.right(), values, fixed, typeSlots);
        int leftPresent = present(left);
        int rightPresent = present(right);
        if (leftPresent + rightPresent == 0) {
            return;
        }
        double l = rule.left().expression().evaluate(zeroed(left), days);
        double r = rule.right().expression().evaluate(zeroed(right), days);
        boolean violated;
        if (rule.operator() == Operator.COMPULSORY_PAIR) {
            violated = (leftPresent > 0) != (rightPresent > 0);
        } else if (rule.operator() == Operator.EXCLUSIVE_PAIR) {
            violated = leftPresent > 0 && rightPresent > 0;
        } else {
            if (skipped(rule.left(), left.length, leftPresent) || skipped(rule.right(), right.length, rightPresent)
                    || Double.isNaN(l) || Double.isNaN(r)) {
                return;
            }
            violated = !rule.operator().holds(l, r);
        }
        if (!violated) {
            return;
        }
        if (Double.isNaN(l)) {
            l = 0;
        }
        if (Double.isNaN(r)) {
            r = 0;
        }
        String dataElement = null;
        String coc = null;
        Set<Integer> leftElements = new LinkedHashSet<>();
        for (int s : rule.left().slots()) {
            leftElements.add(typeSlots.get(s).dataElement());
        }
        if (leftElements.size() == 1) {
            dataElement = lookup.dataElementUid(leftElements.iterator().next());
            if (rule.left().slots().length == 1 && typeSlots.get(rule.left().slots()[0]).coc() >= 0) {
                coc = lookup.optionComboUid(typeSlots.get(rule.left().slots()[0]).coc());
            }
        }
        String key;
        String expected;
        if (rule.operator() == Operator.COMPULSORY_PAIR) {
            key = "validation.compulsoryPair";
            expected = "both sides filled";
        } else if (rule.operator() == Operator.EXCLUSIVE_PAIR) {
            key = "validation.exclusivePair";
            expected = "at most one side filled";
        } else {
            key = "validation.violation";
            expected = rule.operator().symbol + " " + number(r);
        }
        List<Object> args = List.of(rule.name(), rule.left().description(), l, rule.operator().symbol,
                rule.right().description(), r, cell.period().iso());
        String method = "DHIS2 validation rule " + rule.uid() + (rule.code() == null ? "" : " " + rule.code())
                + ": " + rule.left().expression().text() + " " + rule.operator().symbol + " "
                + rule.right().expression().text() + " (" + number(l) + " vs " + number(r) + ")"
                + (aoc >= 0 && !lookup.optionComboUid(aoc).equals("HllvX50cXC0")
                        ? ", attribute option combo " + lookup.optionComboUid(aoc) : "");
        findings.accept(new Finding(VIOLATION, Dimension.VALIDATION_RULES, rule.severity(),
                lookup.orgUnitUid(cell.orgUnit()), dataElement, coc, cell.period().iso(), number(l), expected,
                Math.abs(l - r) / Math.max(1, Math.abs(r)), method, key, args, Explanations.english(key, args)));
    }

    /** Whether every item names its attribute option combo: the rule then does not vary by AOC. */
    private static boolean allFixed(Rule rule, List<Resolved> typeSlots) {
        for (Side side : List.of(rule.left(), rule.right())) {
            for (int s : side.slots()) {
                if (typeSlots.get(s).aoc() < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean skipped(Side side, int items, int present) {
        if (items == 0) {
            return false;
        }
        return switch (side.strategy()) {
            case SKIP_IF_ANY_VALUE_MISSING -> present < items;
            case SKIP_IF_ALL_VALUES_MISSING -> present == 0;
            case NEVER_SKIP -> false;
        };
    }

    private static double[] gather(Side side, double[] values, double[] fixed, List<Resolved> typeSlots) {
        double[] out = new double[side.slots().length];
        for (int i = 0; i < out.length; i++) {
            int s = side.slots()[i];
            double[] source = typeSlots.get(s).aoc() >= 0 ? fixed : values;
            out[i] = source == null ? Double.NaN : source[s];
        }
        return out;
    }

    private static int present(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    private static double[] zeroed(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static Severity severity(String importance) {
        if (importance == null) {
            return Severity.MEDIUM;
        }
        return switch (importance.toUpperCase(Locale.ROOT)) {
            case "HIGH" -> Severity.HIGH;
            case "LOW" -> Severity.LOW;
            default -> Severity.MEDIUM;
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, E fallback, String what) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("no " + what);
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + text + "'");
        }
    }

    /** UIDs ↔ surrogate keys of the tables the rules name. */
    private static final class Lookup {
        final Map<String, Integer> dataElements = new HashMap<>();
        final Map<String, Integer> optionCombos = new HashMap<>();
        final Map<Integer, String> dataElementUids = new HashMap<>();
        final Map<Integer, String> optionComboUids = new HashMap<>();
        final Map<Integer, String> orgUnitUids = new HashMap<>();

        Lookup(QualityContext context) throws SQLException {
            try (Statement st = context.connection().createStatement()) {
                load(st, "DATA_ELEMENT", dataElements, dataElementUids);
                load(st, "CATEGORY_OPTION_COMBO", optionCombos, optionComboUids);
                load(st, "ORG_UNIT", new HashMap<>(), orgUnitUids);
            }
        }

        private static void load(Statement st, String table, Map<String, Integer> ids, Map<Integer, String> uids)
                throws SQLException {
            try (ResultSet rs = st.executeQuery("SELECT ID, UID FROM " + table)) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getInt(1));
                    uids.put(rs.getInt(1), rs.getString(2));
                }
            }
        }

        int id(Map<String, Integer> ids, String uid, String what) throws Expression.ParseError {
            Integer id = ids.get(uid);
            if (id == null) {
                throw new Expression.ParseError("unknown " + what + " " + uid);
            }
            return id;
        }

        String dataElementUid(int id) {
            return dataElementUids.get(id);
        }

        String optionComboUid(int id) {
            return optionComboUids.get(id);
        }

        String orgUnitUid(int id) {
            return orgUnitUids.get(id);
        }
    }
}
