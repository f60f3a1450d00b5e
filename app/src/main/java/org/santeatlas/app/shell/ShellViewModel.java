package org.santeatlas.app.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.santeatlas.app.AppDirectories;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.details.DetailsViewModel;
import org.santeatlas.app.importing.ImportViewModel;
import org.santeatlas.app.map.MapViewModel;
import org.santeatlas.app.quality.QualityViewModel;
import org.santeatlas.app.settings.AppSettings;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The main window's state and actions: the title, the open workspace (through the summary view model),
 * and the feature view models that share it — map, details, quality — with the status bar's text, the
 * workspace actions (new, open, recent, demo, reset demo, close), map export and the language. UI thread only.
 */
public final class ShellViewModel {

    /** Exported map size: A4 landscape at 150 dpi, as {@code santeatlas map} writes it. */
    static final int EXPORT_WIDTH = 1754;
    static final int EXPORT_HEIGHT = 1240;
    static final int EXPORT_DPI = 150;

    private Messages messages;
    private final WorkspaceSummaryViewModel summary;
    private final String version;
    private final TaskExecutor executor;
    private final BackgroundTasks tasks;
    private final AppSettings settings;
    private final MapViewModel map;
    private final DetailsViewModel details;
    private final QualityViewModel quality;
    private final ObjectProperty<Locale> language;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper statusCounts = new ReadOnlyStringWrapper(this, "statusCounts", "");
    private final ReadOnlyStringWrapper statusImport = new ReadOnlyStringWrapper(this, "statusImport", "");

    /** A window on its own (tests): a synchronous executor is enough. */
    public ShellViewModel(Messages messages, WorkspaceSummaryViewModel summary, String version, TaskExecutor executor,
            AppSettings settings) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.version = Objects.requireNonNull(version, "version");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tasks = new BackgroundTasks();
        this.language = new SimpleObjectProperty<>(this, "language", messages.locale());
        this.map = new MapViewModel(messages, executor, tasks);
        map.setCoverageRadiusKm(settings.radiusKm());
        this.details = new DetailsViewModel(messages, map, executor, summary::workspace);
        this.quality = new QualityViewModel(messages, executor, tasks, summary::workspace);
        quality.setThresholds(new QualityViewModel.Thresholds(settings.goodThreshold(), settings.fairThreshold()));
        quality.setOnFinished(s -> details.reload());
        summary.stateProperty().addListener((o, a, state) -> {
            if (state == WorkspaceSummaryViewModel.State.LOADED) {
                map.setWorkspace(summary.workspace());
                quality.loadLatest();
                Path file = Path.of(summary.workspaceFileProperty().get());
                if (!(summary.target() instanceof DesktopLauncher.Target.OpenDemo)) {
                    settings.addRecent(file);
                    saveQuietly();
                }
            } else {
                map.setWorkspace(null);
                quality.clear();
            }
            updateTitle();
        });
        summary.workspaceNameProperty().addListener((o, a, b) -> updateTitle());
        summary.counts().addListener((javafx.collections.ListChangeListener<WorkspaceSummaryViewModel.Count>) c -> updateStatus());
        map.dataProperty().addListener((o, a, b) -> updateStatus());
        updateTitle();
    }

    private void saveQuietly() {
        try {
            settings.save();
        } catch (IOException e) {
            System.getLogger(ShellViewModel.class.getName()).log(System.Logger.Level.WARNING, "settings not saved", e);
        }
    }

    /**
     * The version in the app jar's manifest ({@code Implementation-Version}), or {@code dev} when
     * running from classes (IDE, tests) where there is no manifest.
     */
    public static String applicationVersion() {
        return org.santeatlas.app.AppVersion.current();
    }

    private void updateTitle() {
        String name = summary.workspaceNameProperty().get();
        title.set(name.isEmpty() ? messages.get("app.name") : messages.get("window.title", name));
    }

    private void updateStatus() {
        String orgUnits = "";
        String values = "";
        for (WorkspaceSummaryViewModel.Count c : summary.counts()) {
            if (c.id().equals("orgUnits")) {
                orgUnits = c.value();
            } else if (c.id().equals("dataValues")) {
                values = c.value();
            }
        }
        MapViewModel.MapData d = map.dataProperty().get();
        int facilities = d == null ? 0 : d.facilities().features().size();
        statusCounts.set(summary.counts().isEmpty() ? ""
                : messages.get("status.counts", orgUnits, facilities, values));
        statusImport.set(d == null || d.lastImport().isEmpty() ? ""
                : messages.get("status.lastImport", d.lastImport().get().toLocalDateTime()
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(messages.locale()))));
    }

    // ---- workspace actions -------------------------------------------------------------------------

    public void openDemo() {
        summary.load(DesktopLauncher.Target.defaultDemo());
    }

    public void open(Path file) {
        summary.load(DesktopLauncher.Target.workspace(file));
    }

    /** Creates an empty workspace at {@code file} (in the background) and opens it. */
    public void create(Path file) {
        Object token = tasks.begin(messages.get("workspace.creating"));
        executor.execute(context -> {
            Workspace.create(file).close();
            return file;
        }, new TaskExecutor.Listener<Path>() {
            @Override
            public void succeeded(Path created) {
                tasks.end(token);
                open(created);
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                notice.set(summary.describeError(error));
            }

            @Override
            public void cancelled() {
                tasks.end(token);
            }
        });
    }

    /** Rebuilds the demo from its generator (for trainers: every change undone) and opens it. */
    public void resetDemo() {
        summary.closeToIdle();
        Path folder = AppDirectories.demo();
        Object token = tasks.begin(messages.get("workspace.resettingDemo"));
        executor.execute(context -> {
            DemoWorkspaces.build(folder, DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, context::progress);
            return folder;
        }, new TaskExecutor.Listener<Path>() {
            @Override
            public void succeeded(Path f) {
                tasks.end(token);
                summary.load(DesktopLauncher.Target.demo(f));
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                notice.set(summary.describeError(error));
            }

            @Override
            public void cancelled() {
                tasks.end(token);
            }
        });
    }

    public void close() {
        summary.closeToIdle();
    }

    public List<Path> recent() {
        return new ArrayList<>(settings.recent());
    }

    /**
     * The map as a page (title, legend, scale bar) in the format the file's extension names (PNG, SVG or
     * PDF), through the print path with the current view's theme, period, classification and level, and the
     * selected district when one is selected.
     */
    public void exportMap(Path file, Consumer<String> done) {
        Workspace ws = summary.workspace();
        if (ws == null) {
            return;
        }
        MapRequest request = map.request();
        Optional<org.santeatlas.map.data.MapFeature> district = map.selectedDistrict();
        if (district.isPresent()) {
            request = request.withDistrict(district.get().uid());
        }
        MapRequest r = request;
        Object token = tasks.begin(messages.get("export.running"));
        executor.execute(context -> {
            PrintLayout layout = HealthMapComposer.compose(ws, r);
            MapExport.write(layout, file, EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_DPI);
            return file;
        }, new TaskExecutor.Listener<Path>() {
            @Override
            public void succeeded(Path f) {
                tasks.end(token);
                done.accept(messages.get("export.done", f.toString()));
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                String why = error instanceof HealthMapComposer.MapRequestException e && messages.has("map.error." + e.key())
                        ? messages.get("map.error." + e.key(), e.args()) : String.valueOf(error.getMessage());
                done.accept(messages.get("export.failed", why));
            }

            @Override
            public void cancelled() {
                tasks.end(token);
            }
        });
    }

    /** The import batches of the workspace (Help › Data sources), read in the background. */
    public void dataSources(Consumer<String> done) {
        Workspace ws = summary.workspace();
        if (ws == null) {
            done.accept(messages.get("sources.none"));
            return;
        }
        Locale locale = messages.locale();
        executor.execute(context -> {
            StringBuilder b = new StringBuilder();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT FILE_NAME, FORMAT, FINISHED, CREATED_COUNT + UPDATED_COUNT"
                         + " FROM IMPORT_BATCH ORDER BY ID")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
                    java.time.OffsetDateTime t = rs.getObject(3, java.time.OffsetDateTime.class);
                    b.append(messages.get("sources.line", name.substring(slash + 1), rs.getString(2),
                            t == null ? "" : t.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                    .withLocale(locale)), rs.getLong(4))).append('\n');
                }
            }
            return b.toString();
        }, new TaskExecutor.Listener<String>() {
            @Override
            public void succeeded(String text) {
                done.accept(text.isEmpty() ? messages.get("sources.none") : text);
            }

            @Override
            public void failed(Throwable error) {
                done.accept(String.valueOf(error.getMessage()));
            }

            @Override
            public void cancelled() {
            }
        });
    }

    /** A new import wizard's state on the open workspace. */
    public ImportViewModel newImport() {
        ImportViewModel vm = new ImportViewModel(messages, executor, tasks, summary::workspace);
        vm.setOnChanged(() -> {
            summary.refresh();
            map.setWorkspace(summary.workspace());
        });
        return vm;
    }

    // ---- language --------------------------------------------------------------------------------

    /** Switches the language of the window; the view rebuilds itself, the state stays. */
    public void setLanguage(Locale locale) {
        Messages m = Messages.forLocale(locale);
        this.messages = m;
        summary.relocalize(m);
        map.relocalize(m);
        details.relocalize(m);
        quality.relocalize(m);
        settings.setLanguage(m.locale().getLanguage().equals("fr") ? "fr" : "en");
        saveQuietly();
        updateTitle();
        updateStatus();
        language.set(m.locale());
    }

    /** The settings changed (Settings dialog): thresholds apply at once. */
    public void settingsChanged() {
        quality.setThresholds(new QualityViewModel.Thresholds(settings.goodThreshold(), settings.fairThreshold()));
        map.setCoverageRadiusKm(settings.radiusKm());
    }

    // ---- properties ------------------------------------------------------------------------------

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public Messages messages() {
        return messages;
    }

    public WorkspaceSummaryViewModel summary() {
        return summary;
    }

    public MapViewModel map() {
        return map;
    }

    public DetailsViewModel details() {
        return details;
    }

    public QualityViewModel quality() {
        return quality;
    }

    /** Reports › …: made when asked for, in the current language (nothing of the reports module loads at start). */
    public org.santeatlas.app.reports.ReportsViewModel reports() {
        return new org.santeatlas.app.reports.ReportsViewModel(summary::workspace, executor, tasks, messages);
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public AppSettings settings() {
        return settings;
    }

    /** "SantéAtlas — name of the workspace". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** A message for the user from a workspace action (failed creation…), shown then cleared by the view. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clearNotice() {
        notice.set("");
    }

    public ReadOnlyStringProperty statusCountsProperty() {
        return statusCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusImportProperty() {
        return statusImport.getReadOnlyProperty();
    }

    public String version() {
        return version;
    }

    public String aboutTitle() {
        return messages.get("about.title");
    }

    public String aboutHeader() {
        return messages.get("app.name");
    }

    public String aboutText() {
        return messages.get("about.text", version, System.getProperty("java.version", "?"));
    }
}
