package org.santeatlas.reports.dqr;

import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.consistency.ConsistencyOverTimeCheck;
import org.santeatlas.quality.consistency.InternalConsistencyCheck;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.RunProgress;
import org.santeatlas.quality.engine.RunResult;
import org.santeatlas.quality.reporting.Scorecard;
import org.santeatlas.reports.data.Districts;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.data.ReportPeriod;
import org.santeatlas.reports.data.WorkspaceData;

/**
 * Everything a district data-quality review shows, computed by the quality engine ({@code org.santeatlas.quality})
 * and nothing else: the report only selects, sorts and formats these figures, so that every number printed
 * equals what {@code santeatlas quality} and the app show for the same periods and parameters.
 *
 * <p>Three engine runs, none stored (a report does not write to the workspace):
 * <ol>
 * <li>the <b>main run</b>: the default checks except consistency over time, over the report's period —
 *     completeness, timeliness, indicator completeness, outliers, internal and external consistency,
 *     validation rules, geography, registry, and the scorecard;</li>
 * <li>the <b>over-time run</b>: consistency over time over the period and the {@code consistencyYears}
 *     years before it (WHO DQR metric 2c compares the current year with the three preceding years, which
 *     lie outside the period), with the published tolerance — its findings and its scorecard column join
 *     the main run's;</li>
 * <li>the <b>spread run</b>: consistency over time and internal consistency with zero tolerance over the
 *     same span, so that every district gets a finding carrying its ratio — the charts draw all districts,
 *     not only the flagged ones. Nothing is flagged from this run.</li>
 * </ol>
 * A stored run is not reused: stored findings lack the message arguments the charts read and the store
 * keeps no scorecard tallies.
 */
public final class DqrAnalysis {

    /** One district's figures of an internal-consistency pair or a data element over time. */
    public record DistrictRatio(String district, String districtUid, double ratio, double national, double current,
                                double reference) {}

    /**
     * @param district          the district reviewed
     * @param period            the report period
     * @param parameters        the main run's parameters (thresholds; periods = the report period)
     * @param main              the main run
     * @param overTime          the over-time run
     * @param scorecard         the main run's scorecard with the over-time run's consistency column merged in
     * @param findings          the district's findings (main run, plus the over-time run's), in run order
     * @param internal          pair name → every district's ratio (spread run), districts by name
     * @param overTimeSpread    data element UID → every district's current year and reference (spread run)
     */
    public record Result(Workspace workspace, OrgUnitTree tree, WorkspaceData data, OrgUnitTree.Unit district,
                         Period period, QualityParameters parameters, RunResult main, RunResult overTime,
                         Scorecard scorecard, List<Finding> findings, Map<String, List<DistrictRatio>> internal,
                         Map<String, List<DistrictRatio>> overTimeSpread, double seconds) {

        /** The district's findings of these checks (finding check ids), in run order. */
        public List<Finding> findings(Set<String> checks) {
            return findings.stream().filter(f -> checks.contains(f.check())).toList();
        }

        /** The district's scorecard row (empty when no check scored it). */
        public Optional<Scorecard.Row> row() {
            return scorecard.districts().stream().filter(r -> district.uid().equals(r.orgUnit())).findFirst();
        }
    }

    private DqrAnalysis() {
    }

    /**
     * Runs the engine for {@code districtName} (name, code or UID) over {@code periodText} (empty: the last year
     * with data). Blocking: reads the whole workspace.
     *
     * @throws org.santeatlas.reports.data.ReportException for an unknown district or period
     */
    public static Result run(Workspace ws, String districtName, String periodText, QualityParameters base)
            throws SQLException {
        long t0 = System.nanoTime();
        OrgUnitTree tree = OrgUnitTree.load(ws.connection());
        OrgUnitTree.Unit district = Districts.resolve(tree, base.districtLevel(), districtName);
        Period period = ReportPeriod.resolve(periodText, ws.summary().periods());
        WorkspaceData data = new WorkspaceData(ws.connection());
        String from = ReportPeriod.monthIso(YearMonth.from(period.startDate()));
        String to = ReportPeriod.monthIso(YearMonth.from(period.endDate()));
        String spanFrom = ReportPeriod.monthIso(YearMonth.from(period.startDate()).minusYears(base.consistencyYears()));

        QualityParameters mainParams = base.withPeriods(Optional.of(from), Optional.of(to));
        List<QualityCheck> mainChecks = QualityChecks.defaults().stream()
                .filter(c -> !c.id().equals(ConsistencyOverTimeCheck.ID)).toList();
        RunResult main = new QualityRun(ws.connection(), mainChecks, mainParams, RunProgress.NONE).store(false)
                .execute();
        QualityParameters spanParams = base.withPeriods(Optional.of(spanFrom), Optional.of(to));
        RunResult overTime = new QualityRun(ws.connection(), QualityChecks.select(List.of(ConsistencyOverTimeCheck.ID)),
                spanParams, RunProgress.NONE).store(false).execute();
        RunResult spread = new QualityRun(ws.connection(), List.of(new ConsistencyOverTimeCheck(),
                new InternalConsistencyCheck()), tolerances(spanParams, 0, 0), RunProgress.NONE).store(false).execute();

        List<Finding> findings = new ArrayList<>();
        for (Finding f : main.findings()) {
            if (f.orgUnit() != null && tree.within(f.orgUnit(), district)) {
                findings.add(f);
            }
        }
        for (Finding f : overTime.findings()) {
            if (f.orgUnit() != null && tree.within(f.orgUnit(), district)) {
                findings.add(f);
            }
        }
        Map<String, List<DistrictRatio>> internal = new LinkedHashMap<>();
        Map<String, List<DistrictRatio>> overTimeSpread = new LinkedHashMap<>();
        for (Finding f : spread.findings()) {
            List<Object> a = f.messageArgs();
            if (f.check().equals(InternalConsistencyCheck.ID) && a.size() >= 5) {
                // consistency.ratio: district, pair, year, ratio, national, gap, tolerance
                internal.computeIfAbsent(String.valueOf(a.get(1)), k -> new ArrayList<>()).add(new DistrictRatio(
                        tree.name(f.orgUnit()), f.orgUnit(), num(a.get(3)), num(a.get(4)), Double.NaN, Double.NaN));
            } else if (f.check().equals(ConsistencyOverTimeCheck.ID) && a.size() >= 7) {
                // consistency.overTime: district, element, year, current, reference, ratio, national ratio, years, tol
                overTimeSpread.computeIfAbsent(f.dataElement(), k -> new ArrayList<>()).add(new DistrictRatio(
                        tree.name(f.orgUnit()), f.orgUnit(), num(a.get(5)), num(a.get(6)), num(a.get(3)),
                        num(a.get(4))));
            }
        }
        Comparator<DistrictRatio> byName = Comparator.comparing(DistrictRatio::district, String.CASE_INSENSITIVE_ORDER);
        internal.values().forEach(l -> l.sort(byName));
        overTimeSpread.values().forEach(l -> l.sort(byName));
        Scorecard scorecard = merge(main.scorecard(), overTime.scorecard(), Dimension.CONSISTENCY_OVER_TIME);
        return new Result(ws, tree, data, district, period, mainParams, main, overTime, scorecard, findings,
                internal, overTimeSpread, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {@code base} with the scores of {@code d} taken from {@code other}; each row's overall score is again the
     * unweighted mean of its dimensions' scores ({@link Scorecard}'s definition, WHO DQR).
     */
    static Scorecard merge(Scorecard base, Scorecard other, Dimension d) {
        Map<String, Scorecard.Row> otherRows = new HashMap<>();
        for (Scorecard.Row r : other.districts()) {
            otherRows.put(r.orgUnit(), r);
        }
        List<Scorecard.Row> rows = new ArrayList<>();
        for (Scorecard.Row r : base.districts()) {
            rows.add(withScore(r, otherRows.get(r.orgUnit()), d));
        }
        for (Scorecard.Row r : other.districts()) {
            if (base.districts().stream().noneMatch(b -> b.orgUnit() != null && b.orgUnit().equals(r.orgUnit()))) {
                rows.add(withScore(new Scorecard.Row(r.orgUnit(), r.name(), Map.of(), Double.NaN), r, d));
            }
        }
        rows.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        dims.addAll(base.dimensions());
        if (other.dimensions().contains(d)) {
            dims.add(d);
        }
        return new Scorecard(new ArrayList<>(dims), rows, withScore(base.country(), other.country(), d));
    }

    private static Scorecard.Row withScore(Scorecard.Row row, Scorecard.Row from, Dimension d) {
        Map<Dimension, Double> scores = new EnumMap<>(Dimension.class);
        scores.putAll(row.scores());
        scores.remove(d);
        if (from != null && from.scores().containsKey(d)) {
            scores.put(d, from.scores().get(d));
        }
        double overall = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Scorecard.Row(row.orgUnit(), row.name(), scores, overall);
    }

    /** {@code p} with other consistency tolerances (over time, internal), every other threshold kept. */
    static QualityParameters tolerances(QualityParameters p, double overTime, double internal) {
        return p.withConsistencyTolerances(overTime, internal);
    }

    /** Severity first (high before low), then score (larger impact first). */
    public static final Comparator<Finding> BY_IMPACT = Comparator.comparing(Finding::severity)
            .thenComparing(Comparator.comparingDouble((Finding f) -> Double.isFinite(f.score()) ? f.score() : 0)
                    .reversed());

    static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean high(Finding f) {
        return f.severity() == Severity.HIGH;
    }
}
