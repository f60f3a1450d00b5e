package org.santeatlas.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.NumberFormat;
import java.util.concurrent.Callable;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code santeatlas summary -w WORKSPACE [--json]}: counts per entity, period range and extent. */
@Command(name = "summary", description = "Print counts per entity, the period range and the extent of a workspace.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    ReportOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        WorkspaceSummary s;
        try (Workspace ws = Workspace.open(options.workspace, AccessMode.READ_ONLY)) {
            s = ws.summary();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(options.json ? toJson(s) : toText(s, Messages.forDefaultLocale()));
        out.flush();
        return 0;
    }

    static String toJson(WorkspaceSummary s) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("workspace", s.name());
            g.writeNumberField("schemaVersion", s.schemaVersion());
            g.writeBooleanField("demo", s.demo());
            g.writeNumberField("orgUnits", s.orgUnits());
            g.writeNumberField("orgUnitGroups", s.orgUnitGroups());
            g.writeNumberField("dataElements", s.dataElements());
            g.writeNumberField("categoryOptionCombos", s.categoryOptionCombos());
            g.writeNumberField("dataSets", s.dataSets());
            g.writeNumberField("indicators", s.indicators());
            g.writeNumberField("validationRules", s.validationRules());
            g.writeNumberField("dataValues", s.dataValues());
            g.writeNumberField("completeRegistrations", s.completeRegistrations());
            g.writeNumberField("localities", s.localities());
            g.writeNumberField("registryRecords", s.registryRecords());
            g.writeNumberField("importBatches", s.importBatches());
            g.writeFieldName("periods");
            if (s.periods().isPresent()) {
                g.writeStartObject();
                g.writeStringField("first", s.periods().get().first());
                g.writeStringField("last", s.periods().get().last());
                g.writeEndObject();
            } else {
                g.writeNull();
            }
            g.writeFieldName("extent");
            if (s.extent().isPresent()) {
                WorkspaceSummary.Extent e = s.extent().get();
                g.writeStartObject();
                g.writeNumberField("minLongitude", e.minLongitude());
                g.writeNumberField("minLatitude", e.minLatitude());
                g.writeNumberField("maxLongitude", e.maxLongitude());
                g.writeNumberField("maxLatitude", e.maxLatitude());
                g.writeEndObject();
            } else {
                g.writeNull();
            }
            g.writeEndObject();
        }
        return w + System.lineSeparator();
    }

    static String toText(WorkspaceSummary s, Messages m) {
        NumberFormat n = NumberFormat.getIntegerInstance(m.locale());
        NumberFormat d = NumberFormat.getNumberInstance(m.locale());
        d.setMaximumFractionDigits(4);
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(m.get("summary.workspace", s.name())).append(nl);
        if (s.demo()) {
            b.append(m.get("summary.fictional")).append(nl);
        }
        String[][] rows = {
            {"summary.orgUnits", n.format(s.orgUnits())},
            {"summary.orgUnitGroups", n.format(s.orgUnitGroups())},
            {"summary.dataElements", n.format(s.dataElements())},
            {"summary.categoryOptionCombos", n.format(s.categoryOptionCombos())},
            {"summary.dataSets", n.format(s.dataSets())},
            {"summary.indicators", n.format(s.indicators())},
            {"summary.validationRules", n.format(s.validationRules())},
            {"summary.dataValues", n.format(s.dataValues())},
            {"summary.completeRegistrations", n.format(s.completeRegistrations())},
            {"summary.localities", n.format(s.localities())},
            {"summary.registryRecords", n.format(s.registryRecords())},
            {"summary.importBatches", n.format(s.importBatches())},
        };
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, m.get(row[0]).length());
        }
        for (String[] row : rows) {
            String label = m.get(row[0]);
            b.append("  ").append(label).append(" ".repeat(width - label.length() + 2)).append(row[1]).append(nl);
        }
        b.append(s.periods().map(p -> m.get("summary.periods", p.first(), p.last()))
                .orElse(m.get("summary.noPeriods"))).append(nl);
        b.append(s.extent().map(e -> m.get("summary.extent", d.format(e.minLongitude()), d.format(e.minLatitude()),
                d.format(e.maxLongitude()), d.format(e.maxLatitude()))).orElse(m.get("summary.noExtent"))).append(nl);
        return b.toString();
    }
}
