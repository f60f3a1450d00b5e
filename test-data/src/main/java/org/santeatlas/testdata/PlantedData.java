package org.santeatlas.testdata;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.santeatlas.testdata.Catalog.Rule;
import org.santeatlas.testdata.Catalog.Slot;

/**
 * Planted errors in the data values: outliers and validation-rule violations. Chosen on reported
 * facility-months of ordinary CSIs and cases de santé, at most one per facility-month, never on a
 * left-hand side of a validation rule (so an outlier never makes an unplanned violation).
 */
final class PlantedData {

    /** How an outlier came about. */
    enum OutlierKind {
        /** A misplaced decimal: the true value times ten (e.g. 125 → 1250), on values ≥ 100. */
        DIGIT_SLIP_X10,
        /** A zero typed twice at the end of a two-digit value (e.g. 45 → 450). */
        EXTRA_ZERO,
        /** The value typed twice (e.g. 125 → 125125). */
        DUPLICATED_DIGITS
    }

    record Outlier(OutlierKind kind, Facility facility, int period, Slot slot, int originalValue, int value) {}

    /** The rule's left side was raised above its right side by changing {@code slot}. */
    record Violation(Rule rule, Facility facility, int period, Slot slot, int originalValue, int value,
            int leftSide, int rightSide) {}

    private record Change(Slot slot, int value) {}

    /** Slots that may carry an outlier: never a rule's left side, never MAS (its rule is kept). */
    private static final Set<Slot> OUTLIER_SLOTS = EnumSet.of(Slot.CONS_U5, Slot.CONS_5P, Slot.PALU_TEST,
            Slot.PALU_TRAIT, Slot.CPN1, Slot.CPN2, Slot.CPN3, Slot.ACC, Slot.BCG, Slot.PENTA1, Slot.RR1,
            Slot.VAT2, Slot.PF);

    final List<Outlier> outliers = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();
    private final Map<Long, Change> changes = new HashMap<>();
    private final int periodCount;

    PlantedData(List<Facility> facilities, Reporting reporting, Activity activity, Catalog catalog,
            SizeProfile profile, long seed) {
        this.periodCount = reporting.periods.size();
        SplittableRandom r = new SplittableRandom(seed ^ 0x0071_1E25L);
        List<Facility> pool = new ArrayList<>();
        for (Facility f : facilities) {
            if ((f.type.isCsi() || f.type == Facility.Type.CASE) && f.duplicateOf == null) {
                pool.add(f);
            }
        }
        for (OutlierKind kind : OutlierKind.values()) {
            int planted = 0;
            for (int guard = 0; planted < profile.outliersPerKind(); guard++) {
                check(guard);
                Facility f = pool.get(r.nextInt(pool.size()));
                int p = r.nextInt(periodCount);
                Slot slot = Activity.SLOTS[r.nextInt(Activity.SLOTS.length)];
                if (!free(reporting, f, p) || !OUTLIER_SLOTS.contains(slot) || !Activity.offers(f.type, slot)) {
                    continue;
                }
                int original = activity.values(f, reporting.periods.get(p))[slot.ordinal()];
                int value = switch (kind) {
                    case DIGIT_SLIP_X10 -> original >= 100 ? original * 10 : -1;
                    case EXTRA_ZERO -> original >= 12 && original <= 99 ? original * 10 : -1;
                    case DUPLICATED_DIGITS -> original >= 10 && original <= 999
                            ? Integer.parseInt(original + "" + original) : -1;
                };
                if (value < 0) {
                    continue;
                }
                changes.put(key(f, p), new Change(slot, value));
                outliers.add(new Outlier(kind, f, p, slot, original, value));
                planted++;
            }
        }
        for (Rule rule : List.of(catalog.malariaRule, catalog.pentaRule, catalog.ancRule)) {
            int planted = 0;
            for (int guard = 0; planted < profile.violationsPerRule(); guard++) {
                check(guard);
                Facility f = pool.get(r.nextInt(pool.size()));
                int p = r.nextInt(periodCount);
                if (!free(reporting, f, p) || !Activity.offers(f.type, rule.left())) {
                    continue;
                }
                int[] v = activity.values(f, reporting.periods.get(p));
                int right = v[rule.right().ordinal()];
                if (right < 5) {
                    continue;
                }
                int left = right + 1 + r.nextInt(Math.max(2, right / 3));
                changes.put(key(f, p), new Change(rule.left(), left));
                violations.add(new Violation(rule, f, p, rule.left(), v[rule.left().ordinal()], left, left, right));
                planted++;
            }
        }
    }

    private boolean free(Reporting reporting, Facility f, int p) {
        return reporting.status[f.index][p] == Reporting.REPORTED && !changes.containsKey(key(f, p));
    }

    private static void check(int guard) {
        if (guard > 1_000_000) {
            throw new IllegalStateException("Cannot find facility-months to plant data errors");
        }
    }

    private long key(Facility f, int period) {
        return (long) f.index * periodCount + period;
    }

    /** Applies the planted change of this facility-month, if any, to freshly generated values. */
    void apply(Facility f, int period, int[] values) {
        Change c = changes.get(key(f, period));
        if (c != null) {
            values[c.slot().ordinal()] = c.value();
        }
    }
}
