package org.santeatlas.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityMessages;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.engine.FollowUpExport;
import org.santeatlas.quality.engine.GroundTruthScore;
import org.santeatlas.quality.engine.ParametersJson;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.QualityRunStore;
import org.santeatlas.quality.engine.RunProgress;
import org.santeatlas.quality.engine.RunResult;
import org.santeatlas.quality.reporting.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas quality -w W [--from P --to P] [--checks a,b] [--format table|json|csv] [--out F]}: runs the
 * data-quality checks, stores the run in the workspace and prints its findings;
 * {@code --score-against ground-truth.json} prints recall and precision per planted category instead;
 * {@code --follow-up ID,…} marks stored findings for follow-up and {@code --export-followups F.json} writes
 * their values as a DHIS2 data value set. JSON keys are a public interface.
 */
@Command(name = "quality", description = "Run the data-quality checks (WHO DQR, DHIS2 outliers) and print the findings.")
final class QualityCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Option(names = {"-w", "--workspace"}, required = true, description = "The workspace file (NAME or NAME.mv.db).")
    Path workspace;

    @Option(names = "--from", paramLabel = "PERIOD", description = "First period looked at (DHIS2 id, e.g. 202401).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "Last period looked at (DHIS2 id, e.g. 202412).")
    String to;

    @Option(names = "--checks", split = ",", paramLabel = "CHECK",
            description = "Checks to run: ids (outlier-seasonal, missing-report…), dimensions (outliers…) or all."
                    + " Default: the recommended set.")
    List<String> checks;

    @Option(names = "--format", description = "Output: ${COMPLETION-CANDIDATES} (default: table).")
    Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of the terminal.")
    Path out;

    @Option(names = "--score-against", paramLabel = "GROUND_TRUTH",
            description = "Print recall and precision per planted category of a generated country's ground-truth.json.")
    Path scoreAgainst;

    @Option(names = "--follow-up", split = ",", paramLabel = "ID",
            description = "Mark stored findings (their ids) for follow-up, and do nothing else.")
    List<Long> followUp;

    @Option(names = "--export-followups", paramLabel = "FILE",
            description = "Write the values of the findings marked for follow-up as a DHIS2 data value set JSON.")
    Path exportFollowUps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        Messages m = Messages.forDefaultLocale();
        PrintWriter stdout = spec.commandLine().getOut();
        if (scoreAgainst != null && !Files.isRegularFile(scoreAgainst)) {
            throw new UserException(m.get("import.fileNotFound", scoreAgainst));
        }
        for (String p : new String[] {from, to}) {
            if (p != null && Period.tryParse(p).isEmpty()) {
                throw new UserException(m.get("quality.badPeriod", p));
            }
        }
        List<QualityCheck> selected;
        try {
            selected = checks == null || checks.isEmpty() ? QualityChecks.defaults() : QualityChecks.select(checks);
        } catch (IllegalArgumentException e) {
            throw new UserException(m.get("quality.unknownCheck", e.getMessage(), String.join(", ", QualityChecks.names())));
        }
        try (Workspace ws = Workspace.open(workspace, AccessMode.READ_WRITE)) {
            if (followUp != null && !followUp.isEmpty()) {
                int n = new QualityRunStore(ws.connection()).markFollowUp(followUp, true);
                stdout.println(m.get("quality.followUpMarked", n));
                if (exportFollowUps == null) {
                    return 0;
                }
            }
            if (exportFollowUps != null) {
                int n = FollowUpExport.write(ws.connection(), exportFollowUps);
                stdout.println(m.get("quality.followUpsExported", n, exportFollowUps));
                return 0;
            }
            QualityParameters parameters = QualityParameters.DEFAULTS.withPeriods(Optional.ofNullable(from),
                    Optional.ofNullable(to));
            RunResult result = new QualityRun(ws.connection(), selected, parameters, progress(m)).execute();
            List<Long> ids = new ArrayList<>();
            if (result.runId().isPresent()) {
                for (QualityRunStore.StoredFinding s : new QualityRunStore(ws.connection()).findings(result.runId().getAsInt())) {
                    ids.add(s.id());
                }
            }
            String text;
            if (scoreAgainst != null) {
                List<GroundTruthScore.Score> scores = GroundTruthScore.score(scoreAgainst, result.findings());
                text = format == Format.json ? scoresJson(scores) : scoresText(scores, m);
            } else {
                text = switch (format) {
                    case json -> json(result, ids);
                    case csv -> csv(result, ids);
                    case table -> table(result, ids, m);
                };
            }
            if (out != null) {
                Files.writeString(out, text, StandardCharsets.UTF_8);
                stdout.println(m.get("quality.written", result.findings().size(), out));
            } else {
                stdout.print(text);
            }
            stdout.flush();
        }
        return 0;
    }

    private RunProgress progress(Messages m) {
        if (System.console() == null) {
            return RunProgress.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        long[] last = {0};
        return (stage, share) -> {
            long now = System.nanoTime();
            if (now - last[0] < 500_000_000L && share < 1) {
                return;
            }
            last[0] = now;
            err.print("\r" + m.get("quality.progress", stage, share) + "      ");
            if (share >= 1) {
                err.println();
            }
            err.flush();
        };
    }

    static String json(RunResult r, List<Long> ids) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("run");
            if (r.runId().isPresent()) {
                g.writeNumberField("id", r.runId().getAsInt());
            }
            g.writeStringField("started", r.started().toString());
            g.writeStringField("finished", r.finished().toString());
            g.writeArrayFieldStart("checks");
            for (String c : r.checks()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeFieldName("parameters");
            ParametersJson.write(g, r.parameters());
            g.writeNumberField("findingCount", r.findings().size());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (int i = 0; i < r.findings().size(); i++) {
                Finding f = r.findings().get(i);
                g.writeStartObject();
                if (i < ids.size()) {
                    g.writeNumberField("id", ids.get(i));
                }
                g.writeStringField("check", f.check());
                g.writeStringField("dimension", f.dimension().id());
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("orgUnit", f.orgUnit());
                g.writeStringField("dataElement", f.dataElement());
                g.writeStringField("categoryOptionCombo", f.categoryOptionCombo());
                g.writeStringField("period", f.period());
                g.writeStringField("value", f.value());
                g.writeStringField("expected", f.expected());
                g.writeNumberField("score", Double.isFinite(f.score()) ? f.score() : 0);
                g.writeStringField("method", f.method());
                g.writeStringField("messageKey", f.messageKey());
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("scorecard");
            scorecard(g, r.scorecard());
            g.writeEndObject();
        }
        return w + System.lineSeparator();
    }

    private static void scorecard(JsonGenerator g, Scorecard s) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("districts");
        for (Scorecard.Row row : s.districts()) {
            row(g, row);
        }
        g.writeEndArray();
        g.writeFieldName("country");
        row(g, s.country());
        g.writeEndObject();
    }

    private static void row(JsonGenerator g, Scorecard.Row row) throws IOException {
        g.writeStartObject();
        g.writeStringField("orgUnit", row.orgUnit());
        g.writeStringField("name", row.name());
        g.writeObjectFieldStart("scores");
        for (Map.Entry<Dimension, Double> e : row.scores().entrySet()) {
            g.writeNumberField(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        if (Double.isFinite(row.overall())) {
            g.writeNumberField("overall", row.overall());
        } else {
            g.writeNullField("overall");
        }
        g.writeEndObject();
    }

    static String csv(RunResult r, List<Long> ids) {
        StringBuilder b = new StringBuilder();
        b.append("id,check,dimension,severity,orgUnit,dataElement,categoryOptionCombo,period,value,expected,score,"
                + "method,message\n");
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            String[] cells = {i < ids.size() ? String.valueOf(ids.get(i)) : "", f.check(), f.dimension().id(),
                f.severity().id(), f.orgUnit(), f.dataElement(), f.categoryOptionCombo(), f.period(), f.value(),
                f.expected(), String.format(Locale.ROOT, "%.3f", f.score()), f.method(), f.message()};
            for (int c = 0; c < cells.length; c++) {
                if (c > 0) {
                    b.append(',');
                }
                b.append(csvCell(cells[c]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String table(RunResult r, List<Long> ids, Messages m) {
        QualityMessages qm = new QualityMessages(m.locale());
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        Map<String, Integer> perCheck = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            perCheck.merge(f.check(), 1, Integer::sum);
        }
        b.append(m.get("quality.summary", r.findings().size(), r.checks().size())).append(nl);
        perCheck.forEach((c, n) -> b.append("  ").append(c).append(": ").append(n).append(nl));
        if (!r.scorecard().districts().isEmpty()) {
            b.append(nl).append(m.get("quality.scorecard")).append(nl);
            List<Dimension> dims = r.scorecard().dimensions();
            b.append(String.format("  %-28s", ""));
            for (Dimension d : dims) {
                b.append(String.format(" %8.8s", d.id()));
            }
            b.append(String.format(" %8s", m.get("quality.overall"))).append(nl);
            List<Scorecard.Row> rows = new ArrayList<>(r.scorecard().districts());
            rows.add(new Scorecard.Row(null, m.get("quality.country"), r.scorecard().country().scores(),
                    r.scorecard().country().overall()));
            for (Scorecard.Row row : rows) {
                b.append(String.format("  %-28.28s", row.name()));
                for (Dimension d : dims) {
                    b.append(cell(row.score(d)));
                }
                b.append(cell(row.overall())).append(nl);
            }
        }
        b.append(nl);
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            b.append(i < ids.size() ? "#" + ids.get(i) + " " : "").append('[').append(f.severity().id()).append("] ")
                    .append(f.check()).append(": ").append(qm.message(f)).append(nl);
        }
        return b.toString();
    }

    private static String cell(double share) {
        return Double.isFinite(share) ? String.format(" %7.1f%%", 100 * share) : String.format(" %8s", "–");
    }

    static String scoresJson(List<GroundTruthScore.Score> scores) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("categories");
            for (GroundTruthScore.Score s : scores) {
                g.writeObjectFieldStart(s.category());
                g.writeNumberField("planted", s.planted());
                g.writeNumberField("found", s.found());
                number(g, "recall", s.recall());
                number(g, "precision", s.precision());
                g.writeNumberField("findings", s.findings());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w + System.lineSeparator();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    static String scoresText(List<GroundTruthScore.Score> scores, Messages m) {
        StringBuilder b = new StringBuilder();
        for (GroundTruthScore.Score s : scores) {
            b.append(m.get("quality.scoreLine", s.category(), s.planted(), s.found(), pct(s.recall()),
                    pct(s.precision()), s.findings())).append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "–";
    }
}
