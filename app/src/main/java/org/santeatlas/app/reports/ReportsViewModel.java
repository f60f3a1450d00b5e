package org.santeatlas.app.reports;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.santeatlas.app.shell.BackgroundTasks;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.app.shell.TaskExecutor;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.atlas.AtlasReport;
import org.santeatlas.reports.data.ReportException;
import org.santeatlas.reports.dqr.DqrAnalysis;
import org.santeatlas.reports.dqr.DqrReport;
import org.santeatlas.reports.facility.FacilityReport;
import org.santeatlas.reports.pdf.Paper;

/**
 * Reports › District data-quality review, Atlas, Facility sheets: writes the report the dialog describes
 * in the background, through the same {@code reports} module as {@code santeatlas report}, and answers
 * with the PDF's path or a readable sentence. No JavaFX scene here: the dialog binds to it.
 */
public final class ReportsViewModel {

    /** The three reports of the menu. */
    public enum Type { DQR, ATLAS, FACILITY }

    /**
     * What to print.
     *
     * @param district the district's UID or name; null for the atlas of every district
     * @param period a year (2025), quarter (2025Q1) or month (2025-03); null: the last year with data
     * @param folder where the PDF goes
     */
    public record Request(Type type, String district, String districtName, String period, Locale locale, Paper paper,
            Path folder) {
        public Request {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(folder, "folder");
            if (district == null && type != Type.ATLAS) {
                throw new IllegalArgumentException(type + " needs a district");
            }
        }

        /** "revue-qualite-belgou-2024.pdf": the report, the district, the period; plain letters only. */
        public String fileName() {
            String base = switch (type) {
                case DQR -> locale.getLanguage().equals("fr") ? "revue-qualite" : "data-quality-review";
                case ATLAS -> "atlas";
                case FACILITY -> locale.getLanguage().equals("fr") ? "fiches-formations" : "facility-sheets";
            };
            StringBuilder b = new StringBuilder(base);
            if (districtName != null) {
                b.append('-').append(slug(districtName));
            }
            if (period != null && type != Type.ATLAS) {
                b.append('-').append(slug(period));
            }
            return b.append(".pdf").toString();
        }
    }

    /** The outcome: the PDF written, or the sentence saying why not. */
    public record Outcome(Path file, String message, boolean ok) {}

    private final Supplier<Workspace> workspace;
    private final TaskExecutor executor;
    private final BackgroundTasks tasks;
    private final Messages messages;

    public ReportsViewModel(Supplier<Workspace> workspace, TaskExecutor executor, BackgroundTasks tasks,
            Messages messages) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    /** The default folder of the reports: {@code <data home>/reports}. */
    public static Path defaultFolder() {
        return org.santeatlas.app.AppDirectories.dataHome().resolve("reports");
    }

    /** Writes the report in the background; {@code done} hears the outcome on the UI thread. */
    public TaskExecutor.Handle generate(Request r, java.util.function.Consumer<Outcome> done) {
        Workspace ws = workspace.get();
        if (ws == null) {
            done.accept(new Outcome(null, messages.get("reports.noWorkspace"), false));
            return () -> { };
        }
        Object token = tasks.begin(messages.get("reports.running", messages.get("reports.type." + r.type().name())));
        return executor.execute(context -> write(ws, r), new TaskExecutor.Listener<Path>() {
            @Override
            public void succeeded(Path file) {
                tasks.end(token);
                done.accept(new Outcome(file, messages.get("reports.done", file.toString()), true));
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                done.accept(new Outcome(null, describe(error), false));
            }

            @Override
            public void cancelled() {
                tasks.end(token);
                done.accept(new Outcome(null, messages.get("reports.cancelled"), false));
            }
        });
    }

    /** Blocking: the worker thread. Written beside the target and moved into place (never half a PDF). */
    static Path write(Workspace ws, Request r) throws Exception {
        Files.createDirectories(r.folder());
        Path target = r.folder().resolve(r.fileName());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        ReportText text = new ReportText(r.locale());
        LocalDate today = LocalDate.now();
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                switch (r.type()) {
                    case DQR -> new DqrReport(DqrAnalysis.run(ws, r.district(), r.period(), QualityParameters.DEFAULTS),
                            text, r.paper(), today).write(o);
                    case FACILITY -> FacilityReport.write(ws, r.district(), r.period(), text, r.paper(), today, o);
                    case ATLAS -> AtlasReport.write(ws, r.district(), text, r.paper(), today, o);
                    default -> throw new IllegalStateException(r.type().toString());
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** A sentence for the user: the reports module's own reasons (unknown period, no data), else the error's message. */
    String describe(Throwable error) {
        if (error instanceof ReportException e && messages.has("reports.error." + e.key())) {
            return messages.get("reports.error." + e.key(), e.typed(), String.join(", ", e.choices()));
        }
        return messages.get("reports.failed", String.valueOf(error.getMessage()));
    }

    static String slug(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
