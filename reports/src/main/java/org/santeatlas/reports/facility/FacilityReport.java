package org.santeatlas.reports.facility;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityMessages;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.consistency.ConsistencyOverTimeCheck;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.RunProgress;
import org.santeatlas.quality.engine.RunResult;
import org.santeatlas.quality.reporting.ReportingCheck;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.chart.ReportCharts;
import org.santeatlas.reports.data.Districts;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.data.ReportPeriod;
import org.santeatlas.reports.data.WorkspaceData;
import org.santeatlas.reports.dqr.DqrAnalysis;
import org.santeatlas.reports.dqr.DqrReport;
import org.santeatlas.reports.dqr.FindingText;
import org.santeatlas.reports.dqr.ReportCovers;
import org.santeatlas.reports.map.DistrictMap;
import org.santeatlas.reports.pdf.Orientation;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.ReportDocument;
import org.santeatlas.reports.pdf.Table;

/**
 * Facility sheets: one page per facility of a district — identity and registry data, a location map, the
 * last twelve months of its key data elements (a table and a chart of the busiest one), its reporting record
 * month by month, and its open data-quality findings. The findings come from one quality-engine run over those
 * twelve months (not stored), so a sheet says what the app says for the same months.
 */
public final class FacilityReport {

    /** Data elements shown per facility: the ones with the most values over the twelve months. */
    static final int KEY_ELEMENTS = 6;
    static final int MAX_FINDINGS = 10;

    private FacilityReport() {
    }

    /** Writes the sheets of every facility of {@code districtName} for the twelve months ending with the period. */
    public static int write(Workspace ws, String districtName, String periodText, ReportText t, Paper paper,
                            LocalDate today, OutputStream out) throws SQLException, IOException {
        QualityParameters base = QualityParameters.DEFAULTS;
        OrgUnitTree tree = OrgUnitTree.load(ws.connection());
        OrgUnitTree.Unit district = Districts.resolve(tree, base.districtLevel(), districtName);
        Period period = ReportPeriod.resolve(periodText, ws.summary().periods());
        WorkspaceData data = new WorkspaceData(ws.connection());
        YearMonth end = YearMonth.from(period.endDate());
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = end.minusMonths(11); !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        QualityParameters p = base.withPeriods(Optional.of(ReportPeriod.monthIso(months.get(0))),
                Optional.of(ReportPeriod.monthIso(end)));
        List<QualityCheck> checks = QualityChecks.defaults().stream()
                .filter(c -> !c.id().equals(ConsistencyOverTimeCheck.ID)).toList();
        RunResult run = new QualityRun(ws.connection(), checks, p, RunProgress.NONE).store(false).execute();
        Map<String, List<Finding>> byUnit = new HashMap<>();
        for (Finding f : run.findings()) {
            if (f.orgUnit() != null) {
                byUnit.computeIfAbsent(f.orgUnit(), k -> new ArrayList<>()).add(f);
            }
        }
        String label = ReportPeriod.monthIso(months.get(0)) + "–" + ReportPeriod.monthIso(end);
        ReportDocument d = new ReportDocument(paper, ReportCovers.cover(ws, data, t, t.get("facility.title"),
                district.name(), label, today), t);
        int pages = 0;
        try {
            DistrictMap map = DistrictMap.of(ws, district, t, today);
            // each sheet's map frames the facility's health area (its parent), drawn from one composition
            Map<String, org.locationtech.jts.geom.Envelope> areas = DistrictMap.envelopes(ws, tree.facilityLevel() - 1);
            QualityMessages qm = new QualityMessages(t.locale());
            List<OrgUnitTree.Unit> facilities = tree.facilitiesUnder(district);
            Map<Integer, Map<String, double[]>> values = data.monthly(
                    facilities.stream().map(OrgUnitTree.Unit::id).collect(java.util.stream.Collectors.toSet()), months);
            for (OrgUnitTree.Unit f : facilities) {
                OrgUnitTree.Unit area = tree.byId(f.parentId()).orElse(district);
                sheet(d, ws, tree, data, f, months, values.getOrDefault(f.id(), Map.of()),
                        byUnit.getOrDefault(f.uid(), List.of()),
                        map.focus(areas.getOrDefault(area.uid(), map.layout().focus()), area.name()), t, qm);
                pages++;
            }
            if (pages == 0) {
                d.section(district.name(), Orientation.PORTRAIT);
                d.paragraph(t.get("facility.none"));
            }
            d.save(out);
        } catch (RuntimeException | SQLException | IOException e) {
            d.close();
            throw e;
        }
        return pages;
    }

    private static void sheet(ReportDocument d, Workspace ws, OrgUnitTree tree, WorkspaceData data, OrgUnitTree.Unit f,
                              List<YearMonth> months, Map<String, double[]> values, List<Finding> findings, DistrictMap map, ReportText t,
                              QualityMessages qm) throws SQLException {
        d.section(f.name(), Orientation.PORTRAIT);
        // identity and registry, beside the location map
        Map<String, String> id = new LinkedHashMap<>();
        id.put(t.get("facility.type"), String.join(", ", groups(ws, f.id())));
        id.put(t.get("facility.area"), tree.parentName(f));
        id.put(t.get("facility.codeUid"), (f.code() == null ? "–" : f.code()) + " / " + f.uid());
        id.put(t.get("facility.opened"), f.opened() == null ? "–" : t.date(f.opened())
                + (f.closed() == null ? "" : " — " + t.get("facility.closed", t.date(f.closed()))));
        id.put(t.get("facility.location"), Double.isFinite(f.lat()) ? t.format(f.lat(), 5) + " ; " + t.format(f.lon(), 5)
                : t.get("facility.noLocation"));
        registry(ws, f).ifPresent(r -> id.put(t.get("facility.registry"), r));
        float top = d.y();
        float mapW = 215;
        float mapH = 165;
        Table ident = Table.of(Table.Column.text("", 1.2), Table.Column.text("", 2.2)).fontSize(8);
        id.forEach((k, v) -> ident.row(k, v));
        List<DistrictMap.Marker> here = Double.isFinite(f.lon()) ? List.of(new DistrictMap.Marker(f.lon(), f.lat(), true))
                : List.of();
        d.drawGraphic(d.left() + d.textWidth() - mapW, top, mapW, mapH, g -> map.paint(g, mapW, mapH, here));
        d.tableIn(ident, d.textWidth() - mapW - 10);
        d.space(Math.max(0, top + mapH + 6 - d.y()));

        // last twelve months of the key data elements
        d.heading(2, t.get("facility.data", DqrReport.periodLabel(Period.parse(ReportPeriod.monthIso(months.get(0))), t),
                DqrReport.periodLabel(Period.parse(ReportPeriod.monthIso(months.get(months.size() - 1))), t)));
        List<Object[]> rows = new ArrayList<>();
        for (WorkspaceData.DataElement de : data.dataElements()) {
            double[] v = values.get(de.uid());
            if (v == null) {
                continue;
            }
            int n = 0;
            double sum = 0;
            for (double x : v) {
                if (Double.isFinite(x)) {
                    n++;
                    sum += x;
                }
            }
            if (n > 0) {
                rows.add(new Object[] {de, v, n, sum});
            }
        }
        rows.sort((a, b) -> Double.compare((double) b[3], (double) a[3]));
        List<Table.Column> cols = new ArrayList<>();
        cols.add(Table.Column.text(t.get("col.dataElement"), 3.2));
        for (YearMonth m : months) {
            cols.add(Table.Column.number(m.format(java.time.format.DateTimeFormatter.ofPattern("MMM",
                    t.french() ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH)), 1));
        }
        Table recent = new Table(cols).fontSize(7);
        for (Object[] row : rows.subList(0, Math.min(KEY_ELEMENTS, rows.size()))) {
            String[] cells = new String[months.size() + 1];
            cells[0] = ((WorkspaceData.DataElement) row[0]).name();
            double[] v = (double[]) row[1];
            for (int i = 0; i < v.length; i++) {
                cells[i + 1] = Double.isFinite(v[i]) ? t.format(v[i], 0) : "–";
            }
            recent.row(cells);
        }
        if (rows.isEmpty()) {
            d.paragraph(t.get("facility.noData"));
        } else {
            d.table(recent);
            WorkspaceData.DataElement top1 = (WorkspaceData.DataElement) rows.get(0)[0];
            List<ReportCharts.Flag> flags = new ArrayList<>();
            for (Finding x : findings) {
                if (x.dimension() == Dimension.OUTLIERS && top1.uid().equals(x.dataElement()) && x.period() != null
                        && x.period().length() == 6) {
                    flags.add(new ReportCharts.Flag(YearMonth.of(Integer.parseInt(x.period().substring(0, 4)),
                            Integer.parseInt(x.period().substring(4))), FindingText.number(x.value()), x.severity()));
                }
            }
            JFreeChart chart = ReportCharts.monthly(new ReportCharts.MonthlyData(top1.name(), top1.name(), months,
                    (double[]) rows.get(0)[1], flags, Double.NaN, Double.NaN, ""), t);
            d.graphic(d.textWidth(), 140, g -> ReportCharts.draw(chart, g, d.textWidth(), 140));
        }

        // reporting record: the months with a missing or late report
        d.heading(2, t.get("facility.reporting"));
        Map<String, String> status = new HashMap<>();
        for (Finding x : findings) {
            if (x.check().equals(ReportingCheck.MISSING)) {
                status.put(x.period(), t.get("facility.missing"));
            } else if (x.check().equals(ReportingCheck.LATE)) {
                status.put(x.period(), t.get("facility.late"));
            }
        }
        List<Table.Column> rc = new ArrayList<>();
        for (YearMonth m : months) {
            rc.add(Table.Column.text(m.format(java.time.format.DateTimeFormatter.ofPattern("MMM yy",
                    t.french() ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH)), 1));
        }
        Table record = new Table(rc).fontSize(7);
        String[] cells = new String[months.size()];
        for (int i = 0; i < months.size(); i++) {
            cells[i] = status.getOrDefault(ReportPeriod.monthIso(months.get(i)), t.get("facility.onTime"));
        }
        record.row(cells);
        d.table(record);

        // open findings
        List<Finding> open = findings.stream()
                .filter(x -> !x.check().equals(ReportingCheck.MISSING) && !x.check().equals(ReportingCheck.LATE))
                .sorted(DqrAnalysis.BY_IMPACT).toList();
        d.heading(2, t.get("facility.findings", open.size()));
        if (open.isEmpty()) {
            d.paragraph(t.get("dqr.none"));
        } else {
            Table ft = Table.of(Table.Column.text(t.get("col.severity"), 0.9), Table.Column.text(t.get("col.explanation"), 6))
                    .fontSize(7.5f);
            for (Finding x : open.subList(0, Math.min(MAX_FINDINGS, open.size()))) {
                ft.row(t.get("severity." + x.severity().id()), qm.message(x));
            }
            d.table(ft);
            if (open.size() > MAX_FINDINGS) {
                d.note(t.get("dqr.more", open.size() - MAX_FINDINGS));
            }
        }
    }

    private static List<String> groups(Workspace ws, int orgUnitId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = ws.connection().prepareStatement("SELECT G.NAME FROM ORG_UNIT_GROUP_MEMBER M"
                + " JOIN ORG_UNIT_GROUP G ON G.ID = M.GROUP_ID WHERE M.ORG_UNIT_ID = ? ORDER BY G.NAME")) {
            st.setInt(1, orgUnitId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The registry record with the facility's code, or mapped to it: "source code — name (type, status)". */
    private static Optional<String> registry(Workspace ws, OrgUnitTree.Unit f) throws SQLException {
        try (PreparedStatement st = ws.connection().prepareStatement("SELECT R.SOURCE, R.CODE, R.NAME, R.FACILITY_TYPE,"
                + " R.STATUS FROM REGISTRY_RECORD R LEFT JOIN REGISTRY_MAPPING M ON M.SOURCE = R.SOURCE AND"
                + " M.REGISTRY_CODE = R.CODE WHERE M.ORG_UNIT_UID = ? OR (? IS NOT NULL AND R.CODE = ?)"
                + " ORDER BY R.SOURCE FETCH FIRST 1 ROWS ONLY")) {
            st.setString(1, f.uid());
            st.setString(2, f.code());
            st.setString(3, f.code());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    StringBuilder s = new StringBuilder(rs.getString(2)).append(" — ").append(rs.getString(3));
                    List<String> extra = new ArrayList<>();
                    for (int i = 4; i <= 5; i++) {
                        if (rs.getString(i) != null && !rs.getString(i).isBlank()) {
                            extra.add(rs.getString(i));
                        }
                    }
                    if (!extra.isEmpty()) {
                        s.append(" (").append(String.join(", ", extra)).append(')');
                    }
                    return Optional.of(s.append(" [").append(rs.getString(1)).append(']').toString());
                }
            }
        }
        return Optional.empty();
    }
}
