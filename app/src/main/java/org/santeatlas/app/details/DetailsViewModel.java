package org.santeatlas.app.details;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.locationtech.jts.geom.Coordinate;
import org.santeatlas.app.map.MapViewModel;
import org.santeatlas.app.map.MapViewModel.Selection;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.app.shell.TaskExecutor;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.MapDataRepository.DataElementInfo;
import org.santeatlas.map.view.WebMercator;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityMessages;
import org.santeatlas.quality.engine.QualityRunStore;

/**
 * The details of the map's selection, read in the background when it changes: for a facility its
 * identity, type, coordinates, registry entry, reporting record over 12 months, a 12-month series of a
 * key data element and its open findings; for an area its population (from the localities), its
 * facilities and localities. UI thread only.
 */
public final class DetailsViewModel {

    /** Months in the reporting record and the sparkline. */
    public static final int MONTHS = 12;
    /** Findings listed on the card at most. */
    static final int MAX_FINDINGS = 6;

    /** A labelled line of the card. */
    public record Fact(String label, String value) {}

    /** What the card shows. {@code series} has {@link #MONTHS} values (NaN: none), oldest first. */
    public record Details(String title, String subtitle, List<Fact> facts, String seriesTitle, double[] series,
            List<String> seriesMonths, List<String> findings) {}

    private final MapViewModel map;
    private final TaskExecutor executor;
    private final Supplier<Workspace> workspace;
    private Messages messages;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details");
    private int generation;

    public DetailsViewModel(Messages messages, MapViewModel map, TaskExecutor executor, Supplier<Workspace> workspace) {
        this.messages = Objects.requireNonNull(messages);
        this.map = Objects.requireNonNull(map);
        this.executor = Objects.requireNonNull(executor);
        this.workspace = Objects.requireNonNull(workspace);
        map.selectionProperty().addListener((o, a, s) -> reload());
        map.itemProperty().addListener((o, a, s) -> reload());
        // The area card's coverage figures arrive with the analysis (run once per workspace and radius).
        map.coverageProperty().addListener((o, a, c) -> {
            Selection s = map.selectionProperty().get();
            if (s != null && s.kind() == Selection.Kind.AREA) {
                reload();
            }
        });
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public void relocalize(Messages newMessages) {
        this.messages = newMessages;
        reload();
    }

    /** Reads the selection's details again (after a quality run, an import). */
    public void reload() {
        Selection s = map.selectionProperty().get();
        Workspace ws = workspace.get();
        int g = ++generation;
        if (s == null || ws == null) {
            details.set(null);
            return;
        }
        DataElementInfo key = map.itemProperty().get() != null ? map.itemProperty().get()
                : map.dataProperty().get() != null && !map.dataProperty().get().dataElements().isEmpty()
                        ? map.dataProperty().get().dataElements().get(0) : null;
        Period until = map.periodProperty().get();
        String typeName = s.kind() == Selection.Kind.FACILITY ? map.typeName(s.feature().category()) : "";
        String levelName = map.dataProperty().get() != null && map.dataProperty().get().districtLevel() != null
                ? map.dataProperty().get().districtLevel().name() : "";
        Messages m = messages;
        org.santeatlas.map.coverage.CoverageResult coverage = map.coverageProperty().get();
        if (s.kind() == Selection.Kind.AREA && coverage == null) {
            map.ensureCoverage();
        }
        executor.execute(context -> s.kind() == Selection.Kind.FACILITY
                        ? facility(ws.connection(), s, typeName, key, until, m)
                        : withCoverage(area(ws.connection(), s, levelName, m), s, coverage, map.coverageRadiusKm(), m),
                new TaskExecutor.Listener<Details>() {
                    @Override
                    public void succeeded(Details result) {
                        if (g == generation) {
                            details.set(result);
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        if (g == generation) {
                            details.set(new Details(s.feature().name(), "", List.of(new Fact(
                                    m.get("details.error"), String.valueOf(error.getMessage()))), "", new double[0],
                                    List.of(), List.of()));
                        }
                    }

                    @Override
                    public void cancelled() {
                    }
                });
    }

    // ---- worker thread ----------------------------------------------------------------------------

    static Details facility(Connection c, Selection s, String typeName, DataElementInfo key, Period until, Messages m)
            throws SQLException {
        String uid = s.feature().uid();
        List<Fact> facts = new ArrayList<>();
        int orgUnitId = s.feature().id();
        String path = null;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT CODE, OPENING_DATE, PATH FROM ORG_UNIT WHERE ID = ?")) {
            st.setInt(1, orgUnitId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    facts.add(new Fact(m.get("details.code"), nz(rs.getString(1))));
                    facts.add(new Fact(m.get("details.uid"), uid));
                    if (rs.getDate(2) != null) {
                        facts.add(new Fact(m.get("details.opened"), rs.getDate(2).toLocalDate().toString()));
                    }
                    path = rs.getString(3);
                }
            }
        }
        facts.add(new Fact(m.get("details.type"), typeName));
        facts.add(new Fact(m.get("details.parents"), parents(c, path, uid)));
        Coordinate wgs = WebMercator.toWgs84(s.feature().world().getCoordinate().x, s.feature().world().getCoordinate().y);
        facts.add(new Fact(m.get("details.coordinates"), String.format(m.locale(), "%.5f°, %.5f°", wgs.y, wgs.x)));
        try (PreparedStatement st = c.prepareStatement("SELECT R.SOURCE, R.NAME, R.FACILITY_TYPE, R.STATUS, R.OWNERSHIP,"
                + " M.DECISION FROM REGISTRY_MAPPING M JOIN REGISTRY_RECORD R ON R.SOURCE = M.SOURCE"
                + " AND R.CODE = M.REGISTRY_CODE WHERE M.ORG_UNIT_UID = ? ORDER BY R.SOURCE LIMIT 1")) {
            st.setString(1, uid);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    facts.add(new Fact(m.get("details.registry"), m.get("details.registryValue", nz(rs.getString(2)),
                            nz(rs.getString(3)), nz(rs.getString(4)), nz(rs.getString(5)), nz(rs.getString(1)))));
                } else {
                    facts.add(new Fact(m.get("details.registry"), m.get("details.registryNone")));
                }
            }
        }
        List<int[]> months = lastMonths(c, until);
        if (!months.isEmpty()) {
            StringBuilder ids = new StringBuilder();
            for (int[] p : months) {
                ids.append(ids.length() == 0 ? "" : ",").append(p[0]);
            }
            long received;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(DISTINCT PERIOD_ID) FROM COMPLETE_REGISTRATION"
                    + " WHERE ORG_UNIT_ID = ? AND COMPLETED AND PERIOD_ID IN (" + ids + ")")) {
                st.setInt(1, orgUnitId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    received = rs.getLong(1);
                }
            }
            facts.add(new Fact(m.get("details.reporting"), m.get("details.reportingValue", received, months.size())));
        }
        double[] series = new double[months.size()];
        Arrays.fill(series, Double.NaN);
        List<String> labels = new ArrayList<>();
        for (int[] p : months) {
            labels.add(monthLabel(c, p[0], m));
        }
        String seriesTitle = "";
        if (key != null && !months.isEmpty()) {
            seriesTitle = key.label();
            Map<Integer, Integer> slot = new HashMap<>();
            for (int i = 0; i < months.size(); i++) {
                slot.put(months.get(i)[0], i);
            }
            try (SeriesReader r = SeriesReader.forDataElement(c, key.id())) {
                while (r.next()) {
                    if (r.orgUnitId() != orgUnitId) {
                        continue;
                    }
                    for (int i = 0; i < r.size(); i++) {
                        Integer k = slot.get(r.periodId(i));
                        double v = r.number(i);
                        if (k != null && Double.isFinite(v)) {
                            series[k] = Double.isNaN(series[k]) ? v : series[k] + v;
                        }
                    }
                }
            }
        }
        return new Details(s.feature().name(), typeName, facts, seriesTitle, series, labels, findings(c, uid, m));
    }

    static Details area(Connection c, Selection s, String levelName, Messages m) throws SQLException {
        String uid = s.feature().uid();
        List<Fact> facts = new ArrayList<>();
        String like = "%/" + uid + "%";
        long population = 0;
        long localities = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*), SUM((SELECT P.POPULATION FROM LOCALITY_POPULATION P"
                + " WHERE P.LOCALITY_ID = L.ID ORDER BY P.POPULATION_YEAR DESC LIMIT 1)) FROM LOCALITY L"
                + " JOIN ORG_UNIT O ON O.ID = L.ORG_UNIT_ID WHERE O.PATH LIKE ?")) {
            st.setString(1, like);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    localities = rs.getLong(1);
                    population = rs.getLong(2);
                }
            }
        }
        long facilities;
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM ORG_UNIT WHERE PATH LIKE ? AND UID <> ?"
                + " AND CLOSED_DATE IS NULL AND GEOMETRY IS NOT NULL AND ST_GeometryType(GEOMETRY) = 'POINT'")) {
            st.setString(1, like);
            st.setString(2, uid);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                facilities = rs.getLong(1);
            }
        }
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(m.locale());
        facts.add(new Fact(m.get("details.population"), localities == 0 ? m.get("details.unknown") : nf.format(population)));
        facts.add(new Fact(m.get("details.localities"), nf.format(localities)));
        facts.add(new Fact(m.get("details.facilities"), nf.format(facilities)));
        facts.add(new Fact(m.get("details.uid"), uid));
        return new Details(s.feature().name(), levelName, facts, "", new double[0], List.of(), findings(c, uid, m));
    }

    /**
     * The area card with the coverage analysis's figures for the area (beside the population of its
     * localities): within the radius of a facility and the share covered (or "being computed").
     */
    static Details withCoverage(Details d, Selection s, org.santeatlas.map.coverage.CoverageResult coverage, double km,
            Messages m) {
        List<Fact> facts = new ArrayList<>(d.facts());
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(m.locale());
        int at = Math.min(1, facts.size());
        if (coverage == null) {
            facts.add(at, new Fact(m.get("details.coverage", nf.format(km)), m.get("details.coverageRunning")));
        } else {
            int u = coverage.input().unitIndex(s.feature().uid());
            if (u >= 0) {
                org.santeatlas.map.coverage.CoverageResult.Stats st = coverage.unit(u);
                java.text.NumberFormat pct = java.text.NumberFormat.getNumberInstance(m.locale());
                pct.setMinimumFractionDigits(1);
                pct.setMaximumFractionDigits(1);
                facts.add(at, new Fact(m.get("details.coverage", pct.format(coverage.radiusMetres() / 1000)),
                        st.population() == 0 ? m.get("details.unknown") : pct.format(st.coveragePercent()) + " %"));
                facts.add(at, new Fact(m.get("details.coveredPopulation"), nf.format(st.covered())));
            }
        }
        return new Details(d.title(), d.subtitle(), facts, d.seriesTitle(), d.series(), d.seriesMonths(), d.findings());
    }

    /** The open findings of the latest quality run about this org unit, most severe first. */
    private static List<String> findings(Connection c, String uid, Messages m) throws SQLException {
        QualityRunStore store = new QualityRunStore(c);
        OptionalInt run = store.latestRun();
        if (run.isEmpty()) {
            return List.of(m.get("details.noRun"));
        }
        QualityMessages qm = new QualityMessages(m.locale());
        List<Finding> mine = new ArrayList<>();
        for (QualityRunStore.StoredFinding f : org.santeatlas.app.quality.StoredFindings.of(c, run.getAsInt())) {
            if (uid.equals(f.finding().orgUnit())) {
                mine.add(f.finding());
            }
        }
        mine.sort(java.util.Comparator.comparing(Finding::severity));
        List<String> out = new ArrayList<>();
        for (Finding f : mine.subList(0, Math.min(MAX_FINDINGS, mine.size()))) {
            out.add(qm.message(f));
        }
        if (mine.size() > MAX_FINDINGS) {
            out.add(m.get("details.moreFindings", mine.size() - MAX_FINDINGS));
        }
        if (mine.isEmpty()) {
            out.add(m.get("details.noFindings"));
        }
        return out;
    }

    /** The ids and order of the last {@link #MONTHS} monthly periods up to {@code until} (or the latest). */
    private static List<int[]> lastMonths(Connection c, Period until) throws SQLException {
        List<int[]> all = new ArrayList<>();
        String sql = "SELECT ID FROM PERIOD WHERE PERIOD_TYPE = 'Monthly'"
                + (until != null ? " AND START_DATE <= ?" : "") + " ORDER BY START_DATE DESC LIMIT " + MONTHS;
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (until != null) {
                st.setDate(1, java.sql.Date.valueOf(until.endDate()));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    all.add(new int[] {rs.getInt(1)});
                }
            }
        }
        java.util.Collections.reverse(all);
        return all;
    }

    private static String monthLabel(Connection c, int periodId, Messages m) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ISO FROM PERIOD WHERE ID = " + periodId)) {
            if (rs.next()) {
                Period p = Period.parse(rs.getString(1));
                return p.startDate().format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", m.locale()));
            }
        }
        return "";
    }

    /** "Région › District › Aire" from a materialised path of uids. */
    private static String parents(Connection c, String path, String self) throws SQLException {
        if (path == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT NAME FROM ORG_UNIT WHERE UID = ?")) {
            for (String u : path.split("/")) {
                if (u.isEmpty() || u.equals(self)) {
                    continue;
                }
                st.setString(1, u);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return String.join(" › ", names);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
