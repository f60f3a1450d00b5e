package org.santeatlas.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageInput;
import org.santeatlas.map.coverage.CoverageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas coverage -w W [--radius-km 5] [--level region|district|area] [--district NAME|UID]
 * [--facility-types T,…] [--year Y] [--json]}: the population living within the radius of a facility (geodesic
 * distance), per region, district or health area, with facilities per 10,000 inhabitants. JSON keys
 * ({@code radiusKm, population, covered, coveragePercent, areas[uid, name, …]}) are a public interface.
 */
@Command(name = "coverage", description = "Population within a radius (default 5 km) of a health facility, per area.")
final class CoverageCommand implements Callable<Integer> {

    enum Level { region, district, area }

    @Mixin
    CoverageOptions options;

    @Option(names = "--level", description = "Rows: ${COMPLETION-CANDIDATES} (default: district; area with --district).")
    Level level;

    @Spec
    CommandSpec spec;

    /** The figures printed: the scope's and its units'. */
    record Report(double radiusKm, CoverageResult.Stats scope, Level level, List<CoverageResult.Stats> rows,
            CoverageResult result) {}

    @Override
    public Integer call() throws IOException, SQLException {
        Messages m = Messages.forDefaultLocale();
        Report report;
        try (Workspace ws = Workspace.open(options.workspace, AccessMode.READ_ONLY)) {
            CoverageOptions.Run run = options.run(ws, m);
            CoverageResult r = run.result();
            CoverageInput in = r.input();
            Level l = level != null ? level : run.district() >= 0 ? Level.area : Level.district;
            int lv = switch (l) {
                case region -> in.regionLevel();
                case district -> in.districtLevel();
                case area -> in.areaLevel();
            };
            if (run.district() >= 0 && lv < in.districtLevel()) {
                throw new UserException(m.get("coverage.levelAboveDistrict", l));
            }
            CoverageResult.Stats scope = run.district() >= 0 ? r.unit(run.district()) : r.total();
            List<CoverageResult.Stats> rows = run.district() >= 0 ? r.atLevelWithin(lv, run.district()) : r.atLevel(lv);
            report = new Report(options.radiusKm, scope, l, rows, r);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(options.json ? json(report) : text(report, m));
        out.flush();
        return 0;
    }

    static String json(Report r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("radiusKm", r.radiusKm());
            if (r.scope().uid() != null) {
                g.writeStringField("uid", r.scope().uid());
                g.writeStringField("name", r.scope().name());
            }
            figures(g, r.scope());
            g.writeStringField("level", r.level().name());
            g.writeNumberField("localities", r.result().input().localities().size());
            g.writeNumberField("localitiesWithoutPoint", r.result().input().localitiesWithoutPoint());
            if (r.scope().uid() == null) {
                g.writeNumberField("unassignedPopulation", r.result().unassignedPopulation());
            }
            g.writeArrayFieldStart("areas");
            for (CoverageResult.Stats s : r.rows()) {
                g.writeStartObject();
                g.writeStringField("uid", s.uid());
                g.writeStringField("name", s.name());
                g.writeNumberField("radiusKm", r.radiusKm());
                figures(g, s);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + System.lineSeparator();
    }

    private static void figures(JsonGenerator g, CoverageResult.Stats s) throws IOException {
        g.writeNumberField("population", s.population());
        g.writeNumberField("covered", s.covered());
        number(g, "coveragePercent", s.coveragePercent());
        g.writeNumberField("facilities", s.facilities());
        number(g, "facilitiesPer10000", s.facilitiesPer10000());
    }

    /** A number, or null for NaN (nobody lives there): JSON has no NaN. */
    static void number(JsonGenerator g, String key, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(key, v);
        } else {
            g.writeNullField(key);
        }
    }

    static String text(Report r, Messages m) {
        NumberFormat n = NumberFormat.getIntegerInstance(m.locale());
        NumberFormat km = NumberFormat.getNumberInstance(m.locale());
        km.setMaximumFractionDigits(2);
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        CoverageResult.Stats s = r.scope();
        b.append(m.get("coverage.title", km.format(r.radiusKm()), s.uid() == null ? m.get("coverage.country") : s.name()))
                .append(nl);
        b.append(m.get("coverage.totals", n.format(s.population()), n.format(s.covered()), percent(s.coveragePercent(), m),
                n.format(s.facilities()), decimal(s.facilitiesPer10000(), m))).append(nl);
        if (s.uid() == null && r.result().unassignedPopulation() > 0) {
            b.append(m.get("coverage.unassigned", n.format(r.result().unassignedPopulation()))).append(nl);
        }
        if (r.result().input().localitiesWithoutPoint() > 0) {
            b.append(m.get("coverage.withoutPoint", n.format(r.result().input().localitiesWithoutPoint()))).append(nl);
        }
        b.append(nl);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.get("coverage.level." + r.level().name()), m.get("coverage.col.population"),
            m.get("coverage.col.covered"), m.get("coverage.col.percent"), m.get("coverage.col.facilities"),
            m.get("coverage.col.per10000")});
        for (CoverageResult.Stats x : r.rows()) {
            rows.add(new String[] {x.name(), n.format(x.population()), n.format(x.covered()), percent(x.coveragePercent(), m),
                n.format(x.facilities()), decimal(x.facilitiesPer10000(), m)});
        }
        b.append(table(rows, new boolean[] {false, true, true, true, true, true}));
        return b.toString();
    }

    static String percent(double v, Messages m) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(m.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return m.get("coverage.percent", f.format(v));
    }

    static String decimal(double v, Messages m) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(m.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    /** Columns padded to their widest cell, two spaces apart; {@code right[c]} right-aligns column c. */
    static String table(List<String[]> rows, boolean[] right) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }
}
