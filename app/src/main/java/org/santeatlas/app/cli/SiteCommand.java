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
import org.santeatlas.map.coverage.SiteSuggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas site -w W --new K [--district NAME|UID] [--radius-km 5] [--facility-types …] [--json]}: K new
 * sites among the localities, chosen one after the other for the population each adds within the radius
 * (greedy maximal coverage), with the gain of each and the coverage reached. JSON keys are a public interface.
 */
@Command(name = "site", description = "Suggest sites for new facilities: the localities that add the most covered population.")
final class SiteCommand implements Callable<Integer> {

    /** Most sites asked at once. */
    static final int MAX_SITES = 1_000;

    @Mixin
    CoverageOptions options;

    @Option(names = "--new", required = true, paramLabel = "K", description = "How many new sites to suggest.")
    int count;

    @Spec
    CommandSpec spec;

    record Report(int asked, double radiusKm, String scopeUid, String scopeName, SiteSuggestion.Plan plan, CoverageResult result) {}

    @Override
    public Integer call() throws IOException, SQLException {
        Messages m = Messages.forDefaultLocale();
        if (count < 1 || count > MAX_SITES) {
            throw new UserException(m.get("site.badCount", count, MAX_SITES));
        }
        Report report;
        try (Workspace ws = Workspace.open(options.workspace, AccessMode.READ_ONLY)) {
            CoverageOptions.Run run = options.run(ws, m);
            SiteSuggestion.Plan plan = SiteSuggestion.suggest(run.result(), count, run.district());
            CoverageInput.Unit scope = run.district() >= 0 ? run.result().input().units().get(run.district()) : null;
            report = new Report(count, options.radiusKm, scope == null ? null : scope.uid(), scope == null ? null : scope.name(),
                    plan, run.result());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(options.json ? json(report) : text(report, m));
        out.flush();
        return 0;
    }

    static String json(Report r) throws IOException {
        StringWriter w = new StringWriter();
        CoverageInput in = r.result().input();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("radiusKm", r.radiusKm());
            if (r.scopeUid() != null) {
                g.writeStringField("uid", r.scopeUid());
                g.writeStringField("name", r.scopeName());
            }
            g.writeNumberField("population", r.plan().population());
            g.writeNumberField("coveredBefore", r.plan().coveredBefore());
            CoverageCommand.number(g, "coveragePercentBefore", r.plan().percentBefore());
            g.writeArrayFieldStart("sites");
            int rank = 0;
            for (SiteSuggestion.Site s : r.plan().sites()) {
                CoverageInput.Locality l = in.localities().get(s.locality());
                g.writeStartObject();
                g.writeNumberField("rank", ++rank);
                g.writeStringField("code", l.code());
                g.writeStringField("name", l.name());
                if (l.unit() >= 0) {
                    g.writeStringField("areaUid", in.units().get(l.unit()).uid());
                    g.writeStringField("area", in.units().get(l.unit()).name());
                }
                g.writeNumberField("latitude", l.lat());
                g.writeNumberField("longitude", l.lon());
                g.writeNumberField("population", l.population());
                g.writeNumberField("gain", s.gain());
                g.writeNumberField("cumulativeCovered", s.cumulativeCovered());
                CoverageCommand.number(g, "cumulativeCoveragePercent", s.cumulativePercent());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + System.lineSeparator();
    }

    static String text(Report r, Messages m) {
        NumberFormat n = NumberFormat.getIntegerInstance(m.locale());
        NumberFormat km = NumberFormat.getNumberInstance(m.locale());
        km.setMaximumFractionDigits(2);
        NumberFormat deg = NumberFormat.getNumberInstance(m.locale());
        deg.setMinimumFractionDigits(5);
        deg.setMaximumFractionDigits(5);
        deg.setGroupingUsed(false);
        String nl = System.lineSeparator();
        CoverageInput in = r.result().input();
        SiteSuggestion.Plan p = r.plan();
        StringBuilder b = new StringBuilder();
        b.append(m.get("site.title", p.sites().size(), km.format(r.radiusKm()),
                r.scopeName() == null ? m.get("coverage.country") : r.scopeName())).append(nl);
        b.append(m.get("site.before", n.format(p.population()), n.format(p.coveredBefore()),
                CoverageCommand.percent(p.percentBefore(), m))).append(nl);
        if (p.sites().isEmpty()) {
            b.append(m.get("site.none")).append(nl);
            return b.toString();
        }
        b.append(nl);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", m.get("site.col.locality"), m.get("site.col.code"), m.get("site.col.area"),
            m.get("site.col.latitude"), m.get("site.col.longitude"), m.get("site.col.gain"), m.get("site.col.cumulative")});
        int rank = 0;
        for (SiteSuggestion.Site s : p.sites()) {
            CoverageInput.Locality l = in.localities().get(s.locality());
            rows.add(new String[] {Integer.toString(++rank), l.name(), l.code(),
                l.unit() >= 0 ? in.units().get(l.unit()).name() : "–", deg.format(l.lat()), deg.format(l.lon()),
                n.format(s.gain()), CoverageCommand.percent(s.cumulativePercent(), m)});
        }
        b.append(CoverageCommand.table(rows, new boolean[] {true, false, false, false, true, true, true, true}));
        if (p.sites().size() < r.asked()) {
            b.append(m.get("site.fewer", r.asked())).append(nl);
        }
        return b.toString();
    }
}
