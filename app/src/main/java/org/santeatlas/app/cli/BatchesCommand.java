package org.santeatlas.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.Callable;
import org.santeatlas.core.store.ImportBatch;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code santeatlas batches -w WORKSPACE [--json]}: the import log. */
@Command(name = "batches", description = "List the imports recorded in a workspace (file, SHA-256, format, counts, duration).")
final class BatchesCommand implements Callable<Integer> {

    @Mixin
    ReportOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        List<ImportBatch> batches;
        try (Workspace ws = Workspace.open(options.workspace, AccessMode.READ_ONLY)) {
            batches = ImportBatch.list(ws.connection());
        }
        PrintWriter out = spec.commandLine().getOut();
        Messages m = Messages.forDefaultLocale();
        if (options.json) {
            out.print(toJson(batches));
        } else if (batches.isEmpty()) {
            out.println(m.get("batches.none"));
        } else {
            NumberFormat n = NumberFormat.getIntegerInstance(m.locale());
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(m.locale());
            for (ImportBatch b : batches) {
                out.println(m.get("batches.line", b.id(), when.format(b.started()), Path.of(b.fileName()).getFileName(),
                        b.format(), n.format(b.created()), n.format(b.updated()), n.format(b.unchanged()),
                        n.format(b.deleted()), n.format(b.rejected()), b.duration().toMillis() / 1000.0));
                out.println("    " + b.fileName() + "  sha256:" + b.sha256());
            }
        }
        out.flush();
        return 0;
    }

    static String toJson(List<ImportBatch> batches) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (ImportBatch b : batches) {
                g.writeStartObject();
                g.writeNumberField("id", b.id());
                g.writeStringField("file", b.fileName());
                g.writeStringField("sha256", b.sha256());
                g.writeNumberField("fileSize", b.fileSize());
                g.writeStringField("format", b.format());
                g.writeStringField("started", b.started().toString());
                g.writeStringField("finished", b.finished().toString());
                g.writeNumberField("durationMillis", b.duration().toMillis());
                g.writeNumberField("created", b.created());
                g.writeNumberField("updated", b.updated());
                g.writeNumberField("unchanged", b.unchanged());
                g.writeNumberField("deleted", b.deleted());
                g.writeNumberField("rejected", b.rejected());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w + System.lineSeparator();
    }
}
