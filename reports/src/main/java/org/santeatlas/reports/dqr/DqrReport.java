package org.santeatlas.reports.dqr;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityMessages;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.consistency.ConsistencyOverTimeCheck;
import org.santeatlas.quality.consistency.IndicatorCompletenessCheck;
import org.santeatlas.quality.consistency.InternalConsistencyCheck;
import org.santeatlas.quality.reporting.ReportingCheck;
import org.santeatlas.quality.reporting.Scorecard;
import org.santeatlas.quality.validation.ValidationRuleCheck;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.chart.ReportCharts;
import org.santeatlas.reports.chart.ScorecardHeatTable;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.map.DistrictMap;
import org.santeatlas.reports.pdf.Orientation;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.ReportDocument;
import org.santeatlas.reports.pdf.Table;

/**
 * The district data-quality review, in the layout of the WHO Data Quality Review (DQR) toolkit: summary
 * scorecard; completeness and timeliness of reporting; completeness of indicator data; outliers (the top
 * ones with a chart each, then a table); consistency over time; internal and external consistency;
 * validation rules; geography with a map; registry reconciliation; and the values to verify with the
 * facilities, by impact. Every figure comes from {@link DqrAnalysis} (the quality engine); this class
 * only lays them out.
 */
public final class DqrReport {

    /** How many outliers get a chart of their own before the table. */
    public static final int TOP_OUTLIERS = 5;
    /** Rows of the long tables (outliers, values to verify) before "… and N more". */
    public static final int MAX_ROWS = 80;

    static final float CHART_W = 495;

    private final DqrAnalysis.Result r;
    private final ReportText t;
    private final QualityMessages qm;
    private final Paper paper;
    private final LocalDate today;

    public DqrReport(DqrAnalysis.Result result, ReportText text, Paper paper, LocalDate today) {
        this.r = result;
        this.t = text;
        this.qm = new QualityMessages(text.locale());
        this.paper = paper;
        this.today = today;
    }

    /** Lays the report out and writes the PDF. */
    public void write(OutputStream out) throws IOException, SQLException {
        ReportDocument d = build();
        d.save(out);
    }

    /** Lays the report out; the caller saves (or closes) the document. */
    public ReportDocument build() throws SQLException {
        ReportDocument d = new ReportDocument(paper, cover(), t);
        try {
            summary(d);
            reporting(d);
            indicatorCompleteness(d);
            outliers(d);
            overTime(d);
            internal(d);
            external(d);
            validation(d);
            geography(d);
            registry(d);
            toVerify(d);
            parameters(d);
            return d;
        } catch (RuntimeException | SQLException e) {
            d.close();
            throw e;
        }
    }

    private ReportDocument.Cover cover() throws SQLException {
        return ReportCovers.cover(r.workspace(), r.data(), t, t.get("dqr.title"), r.district().name(),
                periodLabel(r.period(), t), today);
    }

    /** "2025", "T1 2025" / "Q1 2025", "mars 2025" / "March 2025". */
    public static String periodLabel(Period p, ReportText t) {
        if (p.type() == PeriodType.MONTHLY) {
            return YearMonth.from(p.startDate()).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                    t.french() ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH));
        }
        if (p.type() == PeriodType.QUARTERLY) {
            return t.get("period.quarter", (p.startDate().getMonthValue() - 1) / 3 + 1,
                    Integer.toString(p.startDate().getYear()));
        }
        return p.iso();
    }

    // ------------------------------------------------------------------ 1 summary

    private void summary(ReportDocument d) {
        d.section(t.get("dqr.summary"), Orientation.PORTRAIT);
        QualityParameters p = r.parameters();
        d.paragraph(t.get("dqr.summary.intro", r.district().name(), periodLabel(r.period(), t)));
        Scorecard sc = r.scorecard();
        List<Dimension> dims = sc.dimensions();
        List<String> columns = new ArrayList<>();
        for (Dimension dim : dims) {
            columns.add(dimension(dim));
        }
        columns.add(t.get("dqr.overall"));
        List<ScorecardHeatTable.Row> rows = new ArrayList<>();
        for (Scorecard.Row row : sc.districts()) {
            rows.add(new ScorecardHeatTable.Row(row.name(), scores(row, dims), r.district().uid().equals(row.orgUnit())));
        }
        rows.add(new ScorecardHeatTable.Row(t.get("dqr.country"), scores(sc.country(), dims), true));
        ScorecardHeatTable heat = new ScorecardHeatTable(columns, rows, 0.75, p.completenessThreshold(), t);
        d.graphic(CHART_W, (float) heat.preferredHeight(), g -> ReportCharts.draw(heat, g, CHART_W, heat.preferredHeight()));
        d.note(t.get("dqr.summary.colours", t.percent(0.75, 0), t.percent(p.completenessThreshold(), 0)));

        d.heading(2, t.get("dqr.summary.district", r.district().name()));
        Table tb = Table.of(Table.Column.text(t.get("col.dimension"), 3), Table.Column.number(t.get("col.district"), 1.2),
                Table.Column.number(t.get("col.country"), 1.2), Table.Column.number(t.get("col.findings"), 1));
        Scorecard.Row mine = r.row().orElse(new Scorecard.Row(r.district().uid(), r.district().name(), Map.of(),
                Double.NaN));
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        for (Finding f : r.findings()) {
            counts.merge(f.dimension(), 1, Integer::sum);
        }
        for (Dimension dim : Dimension.values()) {
            if (!dims.contains(dim) && !counts.containsKey(dim)) {
                continue;
            }
            tb.row(dimension(dim), t.percent(mine.score(dim), 1), t.percent(sc.country().score(dim), 1),
                    Integer.toString(counts.getOrDefault(dim, 0)));
        }
        tb.row(t.get("dqr.overall"), t.percent(mine.overall(), 1), t.percent(sc.country().overall(), 1),
                Integer.toString(r.findings().size()));
        d.table(tb);
    }

    private static double[] scores(Scorecard.Row row, List<Dimension> dims) {
        double[] s = new double[dims.size() + 1];
        for (int i = 0; i < dims.size(); i++) {
            s[i] = row.score(dims.get(i));
        }
        s[dims.size()] = row.overall();
        return s;
    }

    private String dimension(Dimension d) {
        return t.get("dimension." + d.id());
    }

    // ------------------------------------------------------------------ 2 reporting

    private void reporting(ReportDocument d) {
        QualityParameters p = r.parameters();
        d.section(t.get("dqr.reporting"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.reporting.intro", t.percent(p.completenessThreshold(), 0),
                t.percent(p.timelinessThreshold(), 0)));
        List<ReportCharts.Rate> rates = new ArrayList<>();
        for (Scorecard.Row row : r.scorecard().districts()) {
            rates.add(new ReportCharts.Rate(shortName(row.name()), row.score(Dimension.COMPLETENESS),
                    row.score(Dimension.TIMELINESS)));
        }
        JFreeChart chart = ReportCharts.reportingRates(rates, p.completenessThreshold(), p.timelinessThreshold(), t);
        d.graphic(CHART_W, 260, g -> ReportCharts.draw(chart, g, CHART_W, 260));

        d.heading(2, t.get("dqr.reporting.rates"));
        findingTable(d, r.findings(Set.of(ReportingCheck.COMPLETENESS, ReportingCheck.TIMELINESS)), false);

        d.heading(2, t.get("dqr.reporting.facilities"));
        Map<String, int[]> perFacility = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Finding f : r.findings(Set.of(ReportingCheck.MISSING, ReportingCheck.LATE))) {
            int[] c = perFacility.computeIfAbsent(r.tree().name(f.orgUnit()), k -> new int[2]);
            c[f.check().equals(ReportingCheck.MISSING) ? 0 : 1]++;
        }
        if (perFacility.isEmpty()) {
            d.paragraph(t.get("dqr.none"));
        } else {
            Table tb = Table.of(Table.Column.text(t.get("col.facility"), 3),
                    Table.Column.number(t.get("col.missing"), 1), Table.Column.number(t.get("col.late"), 1));
            perFacility.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> tb.row(e.getKey(), Integer.toString(e.getValue()[0]), Integer.toString(e.getValue()[1])));
            d.table(tb);
        }
        d.heading(2, t.get("dqr.reporting.structure"));
        findingTable(d, r.findings(Set.of(ReportingCheck.INTERRUPTED, ReportingCheck.NO_DATA_SET,
                ReportingCheck.CLOSED_ASSIGNED, ReportingCheck.OPENED)), false);
    }

    // ------------------------------------------------------------------ 3 indicator completeness

    private void indicatorCompleteness(ReportDocument d) {
        d.section(t.get("dqr.indicator"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.indicator.intro", t.percent(r.parameters().indicatorCompletenessThreshold(), 0)));
        findingTable(d, r.findings(Set.of(IndicatorCompletenessCheck.ID)), true);
        d.heading(2, t.get("dqr.indicator.gaps"));
        findingTable(d, r.findings(Set.of(IndicatorCompletenessCheck.GAPS)), true);
    }

    // ------------------------------------------------------------------ 4 outliers

    /** The district's outliers by impact (severity, then score). */
    public static List<Finding> outliers(DqrAnalysis.Result r) {
        return r.findings().stream().filter(f -> f.dimension() == Dimension.OUTLIERS)
                .sorted(DqrAnalysis.BY_IMPACT).toList();
    }

    private void outliers(ReportDocument d) throws SQLException {
        d.section(t.get("dqr.outliers"), Orientation.PORTRAIT);
        List<Finding> all = outliers(r);
        long high = all.stream().filter(f -> f.severity() == Severity.HIGH).count();
        long medium = all.stream().filter(f -> f.severity() == Severity.MEDIUM).count();
        d.paragraph(t.get("dqr.outliers.intro", all.size(), high, medium));
        int n = 0;
        for (Finding f : all) {
            if (n == TOP_OUTLIERS) {
                break;
            }
            n++;
            d.heading(2, t.get("dqr.outliers.one", n, r.tree().name(f.orgUnit()), r.data().dataElementName(f.dataElement()),
                    f.period()));
            d.paragraph(qm.message(f), 9, false, Color.DARK_GRAY);
            JFreeChart chart = outlierChart(f);
            d.graphic(CHART_W, 200, g -> ReportCharts.draw(chart, g, CHART_W, 200));
        }
        d.heading(2, t.get("dqr.outliers.table"));
        if (all.isEmpty()) {
            d.paragraph(t.get("dqr.none"));
            return;
        }
        Table tb = Table.of(Table.Column.text(t.get("col.facility"), 2.4), Table.Column.text(t.get("col.dataElement"), 2.4),
                Table.Column.text(t.get("col.period"), 1), Table.Column.number(t.get("col.value"), 1.1),
                Table.Column.number(t.get("col.expected"), 1.5), Table.Column.text(t.get("col.severity"), 1));
        for (Finding f : all.subList(0, Math.min(MAX_ROWS, all.size()))) {
            tb.row(r.tree().name(f.orgUnit()), r.data().dataElementName(f.dataElement()), f.period(),
                    FindingText.value(f.value(), t), FindingText.value(f.expected(), t), severity(f.severity()));
        }
        d.table(tb);
        if (all.size() > MAX_ROWS) {
            d.note(t.get("dqr.more", all.size() - MAX_ROWS));
        }
    }

    /** The flagged series over the three years to the end of the period, the finding's expected range shaded. */
    JFreeChart outlierChart(Finding f) throws SQLException {
        YearMonth end = YearMonth.from(r.period().endDate());
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = end.minusMonths(35); !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        OrgUnitTree.Unit facility = r.tree().byUid(f.orgUnit()).orElseThrow();
        double[] values = r.data().monthly(f.dataElement(), facility.id(), f.categoryOptionCombo(), months);
        List<ReportCharts.Flag> flags = new ArrayList<>();
        for (Finding o : r.findings()) {
            if (o.dimension() == Dimension.OUTLIERS && o.orgUnit().equals(f.orgUnit())
                    && o.dataElement().equals(f.dataElement()) && java.util.Objects.equals(o.categoryOptionCombo(),
                    f.categoryOptionCombo()) && o.period() != null && o.period().length() == 6) {
                YearMonth m = YearMonth.of(Integer.parseInt(o.period().substring(0, 4)),
                        Integer.parseInt(o.period().substring(4)));
                flags.add(new ReportCharts.Flag(m, FindingText.number(o.value()), o.severity()));
            }
        }
        double[] band = FindingText.range(f.expected());
        return ReportCharts.monthly(new ReportCharts.MonthlyData(r.tree().name(f.orgUnit()) + " — "
                + r.data().dataElementName(f.dataElement()), r.data().dataElementName(f.dataElement()), months, values,
                flags, band[0], band[1], t.get("chart.expected", f.period(), FindingText.value(f.expected(), t))), t);
    }

    // ------------------------------------------------------------------ 5 consistency over time

    private void overTime(ReportDocument d) {
        QualityParameters p = r.parameters();
        d.section(t.get("dqr.overTime"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.overTime.intro", p.consistencyYears(), t.percent(p.consistencyOverTime(), 0)));
        List<Finding> flagged = r.findings(Set.of(ConsistencyOverTimeCheck.ID));
        findingTable(d, flagged, true);
        d.heading(2, t.get("dqr.overTime.all", r.district().name()));
        Table tb = Table.of(Table.Column.text(t.get("col.dataElement"), 3), Table.Column.number(t.get("col.current"), 1.2),
                Table.Column.number(t.get("col.reference"), 1.2), Table.Column.number(t.get("col.ratio"), 0.9),
                Table.Column.number(t.get("col.nationalRatio"), 1));
        String worst = null;
        double worstGap = -1;
        for (Map.Entry<String, List<DqrAnalysis.DistrictRatio>> e : r.overTimeSpread().entrySet()) {
            for (DqrAnalysis.DistrictRatio x : e.getValue()) {
                if (x.districtUid().equals(r.district().uid())) {
                    tb.row(r.data().dataElementName(e.getKey()), t.format(x.current(), 0), t.format(x.reference(), 0),
                            t.format(x.ratio(), 2), t.format(x.national(), 2));
                    double gap = Math.abs(x.ratio() / x.national() - 1);
                    if (gap > worstGap) {
                        worstGap = gap;
                        worst = e.getKey();
                    }
                }
            }
        }
        if (tb.isEmpty()) {
            d.paragraph(t.get("dqr.overTime.noHistory"));
            return;
        }
        d.table(tb);
        if (worst != null) {
            String element = r.data().dataElementName(worst);
            List<ReportCharts.YearOnYear> rows = new ArrayList<>();
            for (DqrAnalysis.DistrictRatio x : r.overTimeSpread().get(worst)) {
                rows.add(new ReportCharts.YearOnYear(shortName(x.district()), x.current(), x.reference()));
            }
            JFreeChart chart = ReportCharts.yearOnYear(t.get("chart.overTime.title", element),
                    t.get("chart.overTime.current", Integer.toString(r.period().endDate().getYear())),
                    t.get("chart.overTime.reference", p.consistencyYears()), rows, t);
            d.graphic(CHART_W, 250, g -> ReportCharts.draw(chart, g, CHART_W, 250));
        }
    }

    // ------------------------------------------------------------------ 6 internal consistency

    private void internal(ReportDocument d) {
        QualityParameters p = r.parameters();
        d.section(t.get("dqr.internal"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.internal.intro", t.percent(p.internalConsistency(), 0)));
        for (Map.Entry<String, List<DqrAnalysis.DistrictRatio>> e : r.internal().entrySet()) {
            List<ReportCharts.Ratio> ratios = new ArrayList<>();
            double national = Double.NaN;
            for (DqrAnalysis.DistrictRatio x : e.getValue()) {
                ratios.add(new ReportCharts.Ratio(shortName(x.district()), x.ratio()));
                national = x.national();
            }
            d.ensure(290);
            d.heading(2, e.getKey());
            JFreeChart chart = ReportCharts.ratioAgainstNational(t.get("chart.ratio.title", e.getKey()), ratios, national,
                    p.internalConsistency(), t);
            d.graphic(CHART_W, 220, g -> ReportCharts.draw(chart, g, CHART_W, 220));
            for (DqrAnalysis.DistrictRatio x : e.getValue()) {
                if (x.districtUid().equals(r.district().uid())) {
                    boolean flagged = Math.abs(x.ratio() / x.national() - 1) > p.internalConsistency();
                    d.paragraph(t.get(flagged ? "dqr.internal.outside" : "dqr.internal.inside", r.district().name(),
                            t.format(x.ratio(), 3), t.format(x.national(), 3)));
                }
            }
        }
        d.heading(2, t.get("dqr.internal.flagged"));
        findingTable(d, r.findings(Set.of(InternalConsistencyCheck.ID)), true);
        d.heading(2, t.get("dqr.internal.impossible"));
        findingTable(d, r.findings(Set.of(InternalConsistencyCheck.IMPOSSIBLE)), true);
    }

    // ------------------------------------------------------------------ 7 external, population

    private void external(ReportDocument d) {
        d.section(t.get("dqr.external"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.external.intro", t.percent(r.parameters().externalConsistency(), 0)));
        findingTable(d, r.findings().stream().filter(f -> f.dimension() == Dimension.EXTERNAL_CONSISTENCY).toList(), true);
        d.heading(2, t.get("dqr.population"));
        findingTable(d, r.findings().stream().filter(f -> f.dimension() == Dimension.POPULATION).toList(), true);
    }

    // ------------------------------------------------------------------ 8 validation rules

    private void validation(ReportDocument d) {
        d.section(t.get("dqr.validation"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.validation.intro"));
        findingTable(d, r.findings(Set.of(ValidationRuleCheck.VIOLATION, ValidationRuleCheck.NOT_EVALUABLE)), true);
    }

    // ------------------------------------------------------------------ 9 geography

    private void geography(ReportDocument d) throws SQLException {
        d.section(t.get("dqr.geography"), Orientation.PORTRAIT);
        List<Finding> geo = r.findings().stream().filter(f -> f.dimension() == Dimension.GEOGRAPHY)
                .sorted(DqrAnalysis.BY_IMPACT).toList();
        d.paragraph(t.get("dqr.geography.intro", geo.size()));
        List<DistrictMap.Marker> markers = new ArrayList<>();
        for (Finding f : geo) {
            r.tree().byUid(f.orgUnit()).ifPresent(u -> {
                if (Double.isFinite(u.lon())) {
                    markers.add(new DistrictMap.Marker(u.lon(), u.lat(), f.severity() == Severity.HIGH));
                }
            });
        }
        float h = 330;
        DistrictMap map = DistrictMap.of(r.workspace(), r.district(), t, today);
        d.graphic(CHART_W, h, g -> map.paint(g, CHART_W, h, markers));
        d.note(t.get("dqr.geography.mapNote"));
        findingTable(d, geo, false);
    }

    // ------------------------------------------------------------------ 10 registry

    private void registry(ReportDocument d) {
        d.section(t.get("dqr.registry"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.registry.intro"));
        findingTable(d, r.findings().stream().filter(f -> f.dimension() == Dimension.REGISTRY).toList(), false);
    }

    // ------------------------------------------------------------------ 11 values to verify

    /**
     * The values a team should check with the facility: findings about one value (a data element in a period at
     * a facility) — outliers, impossible relations, validation-rule violations — by impact.
     */
    public static List<Finding> valuesToVerify(DqrAnalysis.Result r) {
        return r.findings().stream()
                .filter(f -> f.dataElement() != null && f.period() != null && f.orgUnit() != null
                        && r.tree().byUid(f.orgUnit()).map(u -> u.level() == r.tree().facilityLevel()).orElse(false)
                        && (f.dimension() == Dimension.OUTLIERS || f.check().equals(InternalConsistencyCheck.IMPOSSIBLE)
                        || f.check().equals(ValidationRuleCheck.VIOLATION))
                        && f.severity() != Severity.LOW)
                .sorted(DqrAnalysis.BY_IMPACT).toList();
    }

    private void toVerify(ReportDocument d) {
        d.section(t.get("dqr.verify"), Orientation.LANDSCAPE);
        List<Finding> list = valuesToVerify(r);
        d.paragraph(t.get("dqr.verify.intro", list.size()));
        if (list.isEmpty()) {
            d.paragraph(t.get("dqr.none"));
            return;
        }
        Table tb = Table.of(Table.Column.number("#", 0.4), Table.Column.text(t.get("col.facility"), 2),
                Table.Column.text(t.get("col.dataElement"), 2), Table.Column.text(t.get("col.period"), 0.8),
                Table.Column.number(t.get("col.value"), 0.9), Table.Column.number(t.get("col.expected"), 1.2),
                Table.Column.text(t.get("col.why"), 5), Table.Column.text(t.get("col.checked"), 1));
        int i = 0;
        for (Finding f : list.subList(0, Math.min(MAX_ROWS, list.size()))) {
            tb.row(Integer.toString(++i), r.tree().name(f.orgUnit()), r.data().dataElementName(f.dataElement()), f.period(),
                    FindingText.value(f.value(), t), FindingText.value(f.expected(), t), qm.message(f), "☐");
        }
        d.table(tb.fontSize(7.5f));
        if (list.size() > MAX_ROWS) {
            d.note(t.get("dqr.more", list.size() - MAX_ROWS));
        }
    }

    // ------------------------------------------------------------------ parameters

    private void parameters(ReportDocument d) {
        QualityParameters p = r.parameters();
        d.section(t.get("dqr.parameters"), Orientation.PORTRAIT);
        d.paragraph(t.get("dqr.parameters.intro"));
        Table tb = Table.of(Table.Column.text(t.get("col.parameter"), 4), Table.Column.number(t.get("col.setting"), 1.5));
        tb.row(t.get("param.completeness"), t.percent(p.completenessThreshold(), 0));
        tb.row(t.get("param.timeliness"), t.percent(p.timelinessThreshold(), 0));
        tb.row(t.get("param.indicator"), t.percent(p.indicatorCompletenessThreshold(), 0));
        tb.row(t.get("param.seasonal"), t.format(p.seasonalExtreme(), 1) + " / " + t.format(p.seasonalModerate(), 1));
        tb.row(t.get("param.overTime"), "±" + t.percent(p.consistencyOverTime(), 0));
        tb.row(t.get("param.internal"), "±" + t.percent(p.internalConsistency(), 0));
        tb.row(t.get("param.external"), "±" + t.percent(p.externalConsistency(), 0));
        tb.row(t.get("param.location"), t.format(p.locationToleranceMetres(), 0) + " m");
        tb.row(t.get("param.periods"), p.from().orElse("") + "–" + p.to().orElse(""));
        d.table(tb);
        d.note(t.get("dqr.parameters.runs", t.format(r.seconds(), 1)));
    }

    // ------------------------------------------------------------------ shared

    /** A table of findings: org unit, (data element), period, value, expected, explanation. */
    private void findingTable(ReportDocument d, List<Finding> findings, boolean withElement) {
        if (findings.isEmpty()) {
            d.paragraph(t.get("dqr.none"));
            return;
        }
        List<Table.Column> cols = new ArrayList<>();
        cols.add(Table.Column.text(t.get("col.orgUnit"), 2));
        if (withElement) {
            cols.add(Table.Column.text(t.get("col.dataElement"), 1.8));
        }
        cols.add(Table.Column.text(t.get("col.period"), 0.9));
        cols.add(Table.Column.number(t.get("col.value"), 1));
        cols.add(Table.Column.number(t.get("col.expected"), 1.1));
        cols.add(Table.Column.text(t.get("col.explanation"), 4));
        Table tb = new Table(cols).fontSize(7.5f);
        int n = 0;
        for (Finding f : findings) {
            if (n++ == MAX_ROWS) {
                break;
            }
            List<String> cells = new ArrayList<>();
            cells.add(r.tree().name(f.orgUnit()));
            if (withElement) {
                cells.add(r.data().dataElementName(f.dataElement()));
            }
            cells.add(f.period() == null ? "" : f.period());
            cells.add(FindingText.value(f.value(), t));
            cells.add(FindingText.value(f.expected(), t));
            cells.add(qm.message(f));
            tb.row(cells.toArray(String[]::new));
        }
        d.table(tb);
        if (findings.size() > MAX_ROWS) {
            d.note(t.get("dqr.more", findings.size() - MAX_ROWS));
        }
    }

    private String severity(Severity s) {
        return t.get("severity." + s.id());
    }

    /** "Belgou" for "District sanitaire de Belgou": chart axes have little room. */
    static String shortName(String name) {
        String[] prefixes = {"District sanitaire de ", "District sanitaire d'", "District sanitaire du ",
            "District sanitaire des ", "District sanitaire ", "District de ", "District "};
        for (String p : prefixes) {
            if (name.startsWith(p) && name.length() > p.length()) {
                return name.substring(p.length());
            }
        }
        return name;
    }
}
