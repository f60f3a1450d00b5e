package org.santeatlas.app.quality;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.santeatlas.app.shell.BackgroundTasks;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.app.shell.TaskExecutor;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityMessages;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.engine.FollowUpExport;
import org.santeatlas.quality.engine.QualityChecks;
import org.santeatlas.quality.engine.QualityRun;
import org.santeatlas.quality.engine.QualityRunStore;
import org.santeatlas.quality.engine.RunResult;
import org.santeatlas.quality.reporting.Scorecard;

/**
 * The data-quality dashboard: runs the recommended checks (as {@code santeatlas quality} does) in the
 * background with progress and cancel, and holds the district × dimension scorecard and the findings
 * table with its filters and follow-up marks. UI thread only.
 */
public final class QualityViewModel {

    /** Score bands of the scorecard, from the settings (shares 0–1). */
    public record Thresholds(double good, double fair) {
        /** WHO DQR's usual benchmark for completeness is 90 %; below 75 % a district needs attention. */
        public static final Thresholds DEFAULT = new Thresholds(0.90, 0.75);

        public Thresholds {
            if (!(fair >= 0 && fair <= good && good <= 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 ≤ fair ≤ good ≤ 1: " + fair + ", " + good);
            }
        }

        /** good, fair, poor, or none (NaN: nothing to judge). */
        public String band(double score) {
            if (Double.isNaN(score)) {
                return "none";
            }
            return score >= good ? "good" : score >= fair ? "fair" : "poor";
        }
    }

    /** One line of the findings table. */
    public static final class Row {
        private final long id;
        private final Finding finding;
        private final String orgUnitName;
        private final String districtUid;
        private final String districtName;
        private final String dataElementName;
        private final String message;
        private final BooleanProperty followUp;

        Row(long id, Finding finding, String orgUnitName, String districtUid, String districtName, String dataElementName,
                String message, boolean followUp) {
            this.id = id;
            this.finding = finding;
            this.orgUnitName = orgUnitName;
            this.districtUid = districtUid;
            this.districtName = districtName;
            this.dataElementName = dataElementName;
            this.message = message;
            this.followUp = new SimpleBooleanProperty(followUp);
        }

        public long id() {
            return id;
        }

        public Finding finding() {
            return finding;
        }

        public String orgUnitName() {
            return orgUnitName;
        }

        public String districtUid() {
            return districtUid;
        }

        public String districtName() {
            return districtName;
        }

        public String dataElementName() {
            return dataElementName;
        }

        public String message() {
            return message;
        }

        public BooleanProperty followUpProperty() {
            return followUp;
        }
    }

    /** A district of the filter. */
    public record District(String uid, String name) {}

    /** What a run or a reload hands back from the worker. */
    record Loaded(Scorecard scorecard, List<Row> rows) {}

    private final TaskExecutor executor;
    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private Messages messages;
    private Thresholds thresholds = Thresholds.DEFAULT;

    private final ReadOnlyObjectWrapper<Scorecard> scorecard = new ReadOnlyObjectWrapper<>(this, "scorecard");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows);
    private final ObservableList<District> districts = FXCollections.observableArrayList();
    private final ObjectProperty<Dimension> dimensionFilter = new SimpleObjectProperty<>(this, "dimension");
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severity");
    private final ObjectProperty<District> districtFilter = new SimpleObjectProperty<>(this, "district");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private TaskExecutor.Handle handle;
    private Object token;
    private Consumer<String> onFinished = s -> { };

    public QualityViewModel(Messages messages, TaskExecutor executor, BackgroundTasks tasks, Supplier<Workspace> workspace) {
        this.messages = Objects.requireNonNull(messages);
        this.executor = Objects.requireNonNull(executor);
        this.tasks = Objects.requireNonNull(tasks);
        this.workspace = Objects.requireNonNull(workspace);
        dimensionFilter.addListener((o, a, b) -> refilter());
        severityFilter.addListener((o, a, b) -> refilter());
        districtFilter.addListener((o, a, b) -> refilter());
    }

    // ---- running ----------------------------------------------------------------------------------

    /** Runs the recommended checks on the open workspace and stores the run (Run checks). */
    public void run() {
        Workspace ws = workspace.get();
        if (ws == null || running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        status.set(messages.get("quality.starting"));
        token = tasks.begin(messages.get("quality.running"));
        Locale locale = messages.locale();
        handle = executor.execute(context -> {
            QualityRun run = new QualityRun(ws.connection(), QualityChecks.defaults(), QualityParameters.DEFAULTS,
                    (stage, share) -> {
                        // The run checks this between checks and every 1 024 series: stopping here stores nothing.
                        if (context.isCancelled() && !"done".equals(stage)) {
                            throw new CancellationException("quality run cancelled");
                        }
                        context.progress(stage + "|" + share);
                    });
            RunResult result = run.execute();
            return read(ws.connection(), result.scorecard(), result.runId(), locale);
        }, new TaskExecutor.Listener<Loaded>() {
            @Override
            public void progress(String message) {
                int bar = message.lastIndexOf('|');
                if (bar > 0) {
                    double share = Double.parseDouble(message.substring(bar + 1));
                    progress.set(share);
                    tasks.progress(token, share);
                    status.set(messages.get("quality.progress", message.substring(0, bar), share));
                }
            }

            @Override
            public void succeeded(Loaded result) {
                finish();
                show(result);
                status.set(messages.get("quality.done", result.rows().size()));
                onFinished.accept(status.get());
            }

            @Override
            public void failed(Throwable error) {
                finish();
                status.set(error instanceof CancellationException ? messages.get("quality.cancelled")
                        : messages.get("quality.failed", String.valueOf(error.getMessage())));
            }

            @Override
            public void cancelled() {
                finish();
                status.set(messages.get("quality.cancelled"));
            }
        });
    }

    public void cancel() {
        if (handle != null) {
            status.set(messages.get("quality.cancelling"));
            handle.cancel();
        }
    }

    private void finish() {
        running.set(false);
        handle = null;
        if (token != null) {
            tasks.end(token);
            token = null;
        }
    }

    /** Shows the findings of the workspace's latest stored run (the scorecard comes with the next run). */
    public void loadLatest() {
        Workspace ws = workspace.get();
        clear();
        if (ws == null) {
            return;
        }
        Locale locale = messages.locale();
        executor.execute(context -> {
            OptionalInt latest = new QualityRunStore(ws.connection()).latestRun();
            return latest.isEmpty() ? null : read(ws.connection(), null, latest, locale);
        }, new TaskExecutor.Listener<Loaded>() {
            @Override
            public void succeeded(Loaded result) {
                if (result != null && workspace.get() == ws) {
                    show(result);
                    status.set(messages.get("quality.latest", result.rows().size()));
                }
            }

            @Override
            public void failed(Throwable error) {
                status.set(messages.get("quality.failed", String.valueOf(error.getMessage())));
            }

            @Override
            public void cancelled() {
            }
        });
    }

    public void clear() {
        rows.clear();
        districts.clear();
        scorecard.set(null);
        status.set("");
        progress.set(0);
    }

    /** Blocking, worker thread: the stored findings of a run with their org unit, district and element names. */
    static Loaded read(Connection c, Scorecard card, OptionalInt runId, Locale locale) throws SQLException {
        List<Row> out = new ArrayList<>();
        if (runId.isEmpty()) {
            return new Loaded(card, out);
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> districtOf = new HashMap<>();
        int districtLevel = MapDataRepository.districtLevel(new MapDataRepository(c).levels())
                .map(OrgUnitLevel::level).orElse(-1);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UID, NAME, PATH FROM ORG_UNIT")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
                String path = rs.getString(3);
                if (path != null && districtLevel > 0) {
                    String[] parts = path.split("/");
                    if (parts.length > districtLevel) {
                        districtOf.put(rs.getString(1), parts[districtLevel]);
                    }
                }
            }
        }
        Map<String, String> elements = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UID, NAME FROM DATA_ELEMENT")) {
            while (rs.next()) {
                elements.put(rs.getString(1), rs.getString(2));
            }
        }
        QualityMessages qm = new QualityMessages(locale);
        for (QualityRunStore.StoredFinding s : StoredFindings.of(c, runId.getAsInt())) {
            Finding f = s.finding();
            String district = f.orgUnit() == null ? null : districtOf.get(f.orgUnit());
            out.add(new Row(s.id(), f, names.getOrDefault(f.orgUnit(), nz(f.orgUnit())), district,
                    district == null ? "" : names.getOrDefault(district, district),
                    f.dataElement() == null ? "" : elements.getOrDefault(f.dataElement(), f.dataElement()),
                    qm.message(f), s.followUp()));
        }
        return new Loaded(card, out);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void show(Loaded loaded) {
        if (loaded.scorecard() != null) {
            scorecard.set(loaded.scorecard());
        }
        rows.setAll(loaded.rows());
        Map<String, String> seen = new java.util.TreeMap<>();
        for (Row r : loaded.rows()) {
            if (r.districtUid() != null) {
                seen.put(r.districtName() + "\u0000" + r.districtUid(), r.districtUid());
            }
        }
        List<District> list = new ArrayList<>();
        seen.forEach((k, uid) -> list.add(new District(uid, k.substring(0, k.indexOf('\u0000')))));
        districts.setAll(list);
    }

    private void refilter() {
        Dimension d = dimensionFilter.get();
        Severity s = severityFilter.get();
        District district = districtFilter.get();
        filtered.setPredicate(r -> (d == null || r.finding().dimension() == d)
                && (s == null || r.finding().severity() == s)
                && (district == null || district.uid().equals(r.districtUid())));
    }

    // ---- follow-up ---------------------------------------------------------------------------------

    /** Marks (or unmarks) findings for follow-up, stored in the workspace. */
    public void markFollowUp(List<Row> selected, boolean mark) {
        Workspace ws = workspace.get();
        if (ws == null || selected.isEmpty()) {
            return;
        }
        List<Long> ids = selected.stream().map(Row::id).toList();
        List<Row> copy = List.copyOf(selected);
        executor.execute(context -> new QualityRunStore(ws.connection()).markFollowUp(ids, mark),
                new TaskExecutor.Listener<Integer>() {
                    @Override
                    public void succeeded(Integer n) {
                        copy.forEach(r -> r.followUpProperty().set(mark));
                        status.set(messages.get("quality.followUpMarked", n));
                    }

                    @Override
                    public void failed(Throwable error) {
                        status.set(messages.get("quality.failed", String.valueOf(error.getMessage())));
                    }

                    @Override
                    public void cancelled() {
                    }
                });
    }

    /** Writes the values of the findings marked for follow-up as a DHIS2 data value set (JSON). */
    public void exportFollowUps(Path file) {
        Workspace ws = workspace.get();
        if (ws == null) {
            return;
        }
        executor.execute(context -> FollowUpExport.write(ws.connection(), file), new TaskExecutor.Listener<Integer>() {
            @Override
            public void succeeded(Integer n) {
                status.set(messages.get("quality.followUpsExported", n, file.toString()));
            }

            @Override
            public void failed(Throwable error) {
                status.set(messages.get("quality.failed", String.valueOf(error.getMessage())));
            }

            @Override
            public void cancelled() {
            }
        });
    }

    // ---- properties -------------------------------------------------------------------------------

    public void setThresholds(Thresholds t) {
        this.thresholds = Objects.requireNonNull(t);
        Scorecard s = scorecard.get();
        scorecard.set(null);
        scorecard.set(s);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public void relocalize(Messages newMessages) {
        this.messages = newMessages;
        if (!rows.isEmpty()) {
            loadLatestKeepingScorecard();
        }
    }

    private void loadLatestKeepingScorecard() {
        Scorecard keep = scorecard.get();
        loadLatest();
        scorecard.set(keep);
    }

    public void setOnFinished(Consumer<String> onFinished) {
        this.onFinished = Objects.requireNonNull(onFinished);
    }

    public ReadOnlyObjectProperty<Scorecard> scorecardProperty() {
        return scorecard.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public FilteredList<Row> filteredRows() {
        return filtered;
    }

    public ObservableList<District> districts() {
        return districts;
    }

    public ObjectProperty<Dimension> dimensionFilterProperty() {
        return dimensionFilter;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public ObjectProperty<District> districtFilterProperty() {
        return districtFilter;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding idleProperty() {
        return Bindings.not(running);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
