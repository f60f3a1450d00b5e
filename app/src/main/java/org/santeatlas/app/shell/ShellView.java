package org.santeatlas.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.santeatlas.app.details.DetailsView;
import org.santeatlas.app.importing.ImportWizard;
import org.santeatlas.app.map.MapSidebar;
import org.santeatlas.app.map.MapView;
import org.santeatlas.app.map.MapViewModel;
import org.santeatlas.app.quality.QualityView;
import org.santeatlas.app.reports.ReportsDialog;
import org.santeatlas.app.reports.ReportsViewModel;
import org.santeatlas.app.settings.SettingsDialog;
import org.santeatlas.app.shell.WorkspaceSummaryViewModel.State;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.print.MapExport;

/**
 * The main window: menu bar and toolbar; in the middle the layers and data picker (left), the map and
 * the workspace summary (centre, in tabs), the selection's details (right) and the data-quality
 * dashboard (bottom); a status bar. While a workspace opens, fails or is closed, the middle shows that
 * instead. Builds nodes and binds; the decisions are the view models'. A language switch builds a new
 * view on the same view models, so nothing the user did is lost.
 */
public final class ShellView {

    /** Window size in screen px: a common 1366×768 laptop screen, less the taskbar. */
    static final double WIDTH = 1366;
    static final double HEIGHT = 740;

    private final ShellViewModel viewModel;
    private final Messages messages;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private MapView mapView;
    private MapSidebar sidebar;
    private QualityView qualityView;
    private TabPane centreTabs;

    /** {@code quit} ends the application ({@code Platform::exit}; tests pass their own). */
    public ShellView(ShellViewModel viewModel, Messages messages, Runnable quit) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.quit = Objects.requireNonNull(quit, "quit");
        build();
    }

    public Parent root() {
        return root;
    }

    public MapView mapView() {
        return mapView;
    }

    QualityView qualityView() {
        return qualityView;
    }

    /** Puts the window's scene on {@code stage}, binds its title and shows it. */
    public void show(Stage stage) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(ShellView.class.getResource("shell.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.show();
    }

    /** Stops this view's animations before another replaces it (language switch). */
    public void dispose() {
        mapView.dispose();
        sidebar.dispose();
    }

    private void build() {
        root.getStyleClass().add("shell");
        root.setTop(new VBox(menuBar(), toolBar()));
        WorkspaceSummaryViewModel summary = viewModel.summary();
        StackPane content = new StackPane(
                showWhen(welcomePane(), summary, State.IDLE),
                showWhen(progressPane(summary), summary, State.LOADING),
                showWhen(workspacePane(summary), summary, State.LOADED),
                showWhen(errorPane(summary), summary, State.FAILED),
                showWhen(cancelledPane(summary), summary, State.CANCELLED));
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(statusBar());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        viewModel.noticeProperty().addListener((o, a, text) -> {
            if (text != null && !text.isEmpty()) {
                inform("notice-dialog", messages.get("app.name"), text);
                viewModel.clearNotice();
            }
        });
    }

    // ---- menus and toolbar ------------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu workspace = new Menu(messages.get("menu.workspace"));
        workspace.setId("menu-workspace");
        MenuItem newItem = item("menu.workspace.new", "menu-new", e -> newWorkspace());
        newItem.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem openItem = item("menu.workspace.open", "menu-open", e -> openWorkspace());
        openItem.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        Menu recent = new Menu(messages.get("menu.workspace.recent"));
        recent.setId("menu-recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem demo = item("menu.workspace.demo", "menu-demo", e -> viewModel.openDemo());
        MenuItem resetDemo = item("menu.workspace.resetDemo", "menu-reset-demo", e -> confirmResetDemo());
        MenuItem close = item("menu.workspace.close", "menu-close", e -> viewModel.close());
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.disableProperty().bind(viewModel.summary().stateProperty().isNotEqualTo(State.LOADED));
        MenuItem settings = item("menu.workspace.settings", "menu-settings", e -> openSettings());
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem quitItem = item("menu.file.quit", "menu-quit", e -> quit.run());
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        workspace.getItems().addAll(newItem, openItem, recent, new SeparatorMenuItem(), demo, resetDemo,
                new SeparatorMenuItem(), close, new SeparatorMenuItem(), settings, new SeparatorMenuItem(), quitItem);

        Menu data = new Menu(messages.get("menu.data"));
        data.setId("menu-data");
        MenuItem importItem = item("menu.data.import", "menu-import", e -> openImport(List.of()));
        importItem.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        MenuItem pull = item("menu.data.pull", "menu-pull", e -> showPull());
        MenuItem checks = item("menu.data.checks", "menu-checks", e -> viewModel.quality().run());
        checks.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        MenuItem export = item("menu.data.export", "menu-export", e -> exportMap());
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        for (MenuItem m : List.of(importItem, pull, checks, export)) {
            m.disableProperty().bind(viewModel.summary().stateProperty().isNotEqualTo(State.LOADED));
        }
        data.getItems().addAll(importItem, pull, new SeparatorMenuItem(), checks, new SeparatorMenuItem(), export);

        Menu reports = new Menu(messages.get("menu.reports"));
        reports.setId("menu-reports");
        for (ReportsViewModel.Type t : ReportsViewModel.Type.values()) {
            MenuItem r = item("menu.reports." + t.name(), "menu-report-" + t.name().toLowerCase(Locale.ROOT),
                    e -> openReport(t));
            r.disableProperty().bind(viewModel.summary().stateProperty().isNotEqualTo(State.LOADED));
            reports.getItems().add(r);
        }

        Menu language = new Menu(messages.get("menu.language"));
        language.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem fr = new RadioMenuItem("Français");
        fr.setId("menu-lang-fr");
        fr.setToggleGroup(group);
        fr.setSelected(messages.locale().getLanguage().equals("fr"));
        fr.setOnAction(e -> viewModel.setLanguage(Locale.FRANCE));
        RadioMenuItem en = new RadioMenuItem("English");
        en.setId("menu-lang-en");
        en.setToggleGroup(group);
        en.setSelected(!fr.isSelected());
        en.setOnAction(e -> viewModel.setLanguage(Locale.UK));
        language.getItems().addAll(fr, en);

        Menu help = new Menu(messages.get("menu.help"));
        help.setId("menu-help");
        MenuItem shortcuts = item("menu.help.shortcuts", "menu-shortcuts", e -> inform("shortcuts-dialog",
                messages.get("menu.help.shortcuts"), messages.get("shortcuts.text")));
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem sources = item("menu.help.sources", "menu-sources", e -> viewModel.dataSources(text ->
                inform("sources-dialog", messages.get("menu.help.sources"), messages.get("sources.header") + "\n\n" + text)));
        MenuItem about = item("menu.help.about", "menu-about", e -> showAbout());
        help.getItems().addAll(shortcuts, sources, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(workspace, data, reports, language, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(String key, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(messages.get(key));
        m.setId(id);
        m.setOnAction(action);
        return m;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<Path> files = viewModel.recent();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.workspace.recentNone"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
        for (Path p : files) {
            MenuItem m = new MenuItem(p.getFileName().toString());
            m.setOnAction(e -> viewModel.open(p));
            recent.getItems().add(m);
        }
    }

    private ToolBar toolBar() {
        Button demo = toolButton("toolbar.demo", "tool-demo", () -> viewModel.openDemo());
        Button open = toolButton("toolbar.open", "tool-open", this::openWorkspace);
        Button importButton = toolButton("toolbar.import", "tool-import", () -> openImport(List.of()));
        Button checks = toolButton("toolbar.checks", "tool-checks", () -> viewModel.quality().run());
        Button export = toolButton("toolbar.export", "tool-export", this::exportMap);
        Button home = toolButton("toolbar.home", "tool-home", () -> viewModel.map().home());
        for (Button b : List.of(importButton, checks, export, home)) {
            b.disableProperty().bind(viewModel.summary().stateProperty().isNotEqualTo(State.LOADED));
        }
        checks.disableProperty().unbind();
        checks.disableProperty().bind(viewModel.summary().stateProperty().isNotEqualTo(State.LOADED)
                .or(viewModel.quality().runningProperty()));
        ToolBar bar = new ToolBar(demo, open, new Separator(), importButton, checks, export, new Separator(), home);
        bar.setId("toolbar");
        return bar;
    }

    private Button toolButton(String key, String id, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(messages.get(key + ".tip")));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- actions ----------------------------------------------------------------------------------

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void newWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.workspace.new"));
        chooser.setInitialFileName("espace" + Workspace.FILE_SUFFIX);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            viewModel.create(f.toPath());
        }
    }

    private void openWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.workspace.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("workspace.filter"),
                "*" + Workspace.FILE_SUFFIX));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            viewModel.open(f.toPath());
        }
    }

    private void confirmResetDemo() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, messages.get("workspace.resetDemoConfirm"));
        confirm.initOwner(window());
        confirm.setHeaderText(messages.get("menu.workspace.resetDemo"));
        confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> viewModel.resetDemo());
    }

    /** Opens the import wizard, with files already chosen when they were dropped on the window. */
    public ImportWizard openImport(List<Path> files) {
        var vm = viewModel.newImport();
        ImportWizard wizard = new ImportWizard(vm, messages);
        wizard.show(window());
        if (!files.isEmpty()) {
            vm.addFiles(files);
        }
        return wizard;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && viewModel.summary().stateProperty().get() == State.LOADED) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            openImport(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void exportMap() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.data.export"));
        chooser.setInitialFileName(messages.get("export.fileName") + ".png");
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter(messages.get("export.type.png"), "*.png");
        FileChooser.ExtensionFilter svg = new FileChooser.ExtensionFilter(messages.get("export.type.svg"), "*.svg");
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter(messages.get("export.type.pdf"), "*.pdf");
        chooser.getExtensionFilters().addAll(png, svg, pdf);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
            String ext = chosen == svg ? ".svg" : chosen == pdf ? ".pdf" : ".png";
            viewModel.exportMap(withExtension(f.toPath(), ext),
                    text -> inform("export-dialog", messages.get("menu.data.export"), text));
        }
    }

    /** The chosen file, or the file with the chosen type's extension when its name ends with none of the three. */
    static Path withExtension(Path p, String ext) {
        if (MapExport.Format.of(p).isPresent()) {
            return p;
        }
        return p.resolveSibling(p.getFileName() + ext);
    }

    /** Reports › …: the dialog with the map's districts, the selected one preselected, and the periods with data. */
    void openReport(ReportsViewModel.Type type) {
        MapViewModel.MapData d = viewModel.map().dataProperty().get();
        List<org.santeatlas.map.data.MapFeature> districts = d == null ? List.of() : d.districts().features();
        List<String> periods = new ArrayList<>();
        if (d != null) {
            java.util.LinkedHashSet<String> years = new java.util.LinkedHashSet<>();
            java.util.LinkedHashSet<String> quarters = new java.util.LinkedHashSet<>();
            List<String> months = new ArrayList<>();
            for (int i = d.months().size() - 1; i >= 0; i--) {
                java.time.LocalDate start = d.months().get(i).startDate();
                years.add(Integer.toString(start.getYear()));
                quarters.add(start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1));
                months.add(String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue()));
            }
            periods.addAll(years);
            periods.addAll(quarters);
            periods.addAll(months);
        }
        ReportsDialog dialog = new ReportsDialog(type, viewModel.reports(), messages, districts,
                viewModel.map().selectedDistrict().orElse(null), periods, window());
        dialog.show();
    }

    private void showPull() {
        String ws = viewModel.summary().workspaceFileProperty().get();
        String url = viewModel.settings().dhis2Url().isEmpty() ? "https://…" : viewModel.settings().dhis2Url();
        inform("pull-dialog", messages.get("menu.data.pull"), messages.get("pull.text", ws, url));
    }

    private void openSettings() {
        SettingsDialog d = new SettingsDialog(viewModel.settings(), messages, window());
        d.showAndWait().ifPresent(r -> {
            viewModel.settingsChanged();
            if (r.languageChanged()) {
                viewModel.setLanguage(r.language().equals("fr") ? Locale.FRANCE : Locale.UK);
            }
        });
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(window());
        about.setTitle(viewModel.aboutTitle());
        about.setHeaderText(viewModel.aboutHeader());
        about.setContentText(viewModel.aboutText());
        about.getDialogPane().setId("about-dialog");
        about.show();
    }

    /** A non-blocking information window whose text can be selected and copied. */
    private Alert inform(String id, String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        if (window() != null) {
            a.initOwner(window());
        }
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(22, text.split("\n").length + 1));
        area.setPrefColumnCount(60);
        a.getDialogPane().setContent(area);
        a.getDialogPane().setId(id);
        a.show();
        return a;
    }

    // ---- panes ------------------------------------------------------------------------------------

    private Region workspacePane(WorkspaceSummaryViewModel summary) {
        mapView = new MapView(viewModel.map(), messages);
        sidebar = new MapSidebar(viewModel.map(), messages);
        DetailsView details = new DetailsView(viewModel.details(), messages);
        qualityView = new QualityView(viewModel.quality(), messages, uid -> viewModel.map().focusOn(uid));

        Tab mapTab = new Tab(messages.get("tab.map"), mapView.root());
        mapTab.setId("tab-map");
        mapTab.setClosable(false);
        Tab summaryTab = new Tab(messages.get("tab.summary"), new WorkspaceSummaryView(summary, messages).root());
        summaryTab.setId("tab-summary");
        summaryTab.setClosable(false);
        centreTabs = new TabPane(mapTab, summaryTab);
        centreTabs.setId("centre-tabs");

        javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(sidebar.root());
        left.setFitToWidth(true);
        left.setFitToHeight(true);
        left.setMinWidth(250);
        Region right = details.root();
        right.setMinWidth(270);
        SplitPane horizontal = new SplitPane(left, centreTabs, right);
        horizontal.setDividerPositions(0.215, 0.77);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        SplitPane vertical = new SplitPane(horizontal, qualityView.root());
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(qualityView.root(), false);
        vertical.setId("workspace-pane");
        return vertical;
    }

    private Region statusBar() {
        Label name = new Label();
        name.setId("status-workspace");
        name.getStyleClass().add("status-name");
        name.textProperty().bind(viewModel.summary().workspaceNameProperty());
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(viewModel.statusCountsProperty());
        Label lastImport = new Label();
        lastImport.setId("status-import");
        lastImport.textProperty().bind(viewModel.statusImportProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(viewModel.tasks().labelProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("status-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(viewModel.tasks().progressProperty());
        bar.visibleProperty().bind(viewModel.tasks().busyProperty());
        HBox status = new HBox(16, name, counts, lastImport, spacer, task, bar);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");
        status.setId("status-bar");
        return status;
    }

    private Region welcomePane() {
        Label heading = new Label(messages.get("welcome.heading"));
        heading.getStyleClass().add("heading");
        Label text = new Label(messages.get("welcome.text"));
        text.setWrapText(true);
        Button demo = new Button(messages.get("menu.workspace.demo"));
        demo.setId("welcome-demo");
        demo.setDefaultButton(true);
        demo.setOnAction(e -> viewModel.openDemo());
        Button open = new Button(messages.get("menu.workspace.open"));
        open.setOnAction(e -> openWorkspace());
        Button create = new Button(messages.get("menu.workspace.new"));
        create.setOnAction(e -> newWorkspace());
        HBox actions = new HBox(10, demo, open, create);
        VBox pane = new VBox(14, heading, text, actions);
        pane.setId("welcome-pane");
        pane.getStyleClass().add("notice");
        return centered(pane);
    }

    private Region progressPane(WorkspaceSummaryViewModel summary) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(72, 72);
        Label status = new Label();
        status.setId("progress-status");
        status.getStyleClass().add("status");
        status.textProperty().bind(summary.statusProperty());
        Button cancel = new Button(messages.get("action.cancel"));
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(summary.loadingProperty().not());
        cancel.setOnAction(e -> summary.cancel());
        VBox pane = new VBox(18, spinner, status, cancel);
        pane.setAlignment(Pos.CENTER);
        pane.setId("progress-pane");
        return pane;
    }

    private Region errorPane(WorkspaceSummaryViewModel summary) {
        Label heading = new Label(messages.get("error.heading"));
        heading.getStyleClass().add("heading");
        Label message = new Label();
        message.setId("error-message");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        message.textProperty().bind(summary.errorProperty());
        VBox pane = new VBox(14, heading, message, actions(summary));
        pane.setId("error-pane");
        pane.getStyleClass().add("notice");
        return centered(pane);
    }

    private Region cancelledPane(WorkspaceSummaryViewModel summary) {
        Label heading = new Label(messages.get("progress.cancelled"));
        heading.getStyleClass().add("heading");
        Label hint = new Label(messages.get("cancelled.hint"));
        hint.setWrapText(true);
        VBox pane = new VBox(14, heading, hint, actions(summary));
        pane.setId("cancelled-pane");
        pane.getStyleClass().add("notice");
        return centered(pane);
    }

    private HBox actions(WorkspaceSummaryViewModel summary) {
        Button retry = new Button(messages.get("action.retry"));
        retry.setDefaultButton(true);
        retry.setOnAction(e -> summary.retry());
        Button demo = new Button(messages.get("menu.workspace.demo"));
        demo.setOnAction(e -> viewModel.openDemo());
        Button quitButton = new Button(messages.get("menu.file.quit"));
        quitButton.setOnAction(e -> quit.run());
        HBox actions = new HBox(10, retry, demo, quitButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** A notice box of readable width, centred in the window. */
    private static Region centered(VBox box) {
        box.setMaxWidth(620);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(box);
        StackPane.setAlignment(box, Pos.CENTER);
        return holder;
    }

    private static Region showWhen(Region pane, WorkspaceSummaryViewModel summary, State state) {
        pane.visibleProperty().bind(summary.stateProperty().isEqualTo(state));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    /** Shows the summary tab (tests and the status bar's link). */
    public void showSummaryTab() {
        centreTabs.getSelectionModel().select(1);
    }
}
