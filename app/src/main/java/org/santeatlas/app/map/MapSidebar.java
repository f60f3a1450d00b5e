package org.santeatlas.app.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.santeatlas.app.map.MapViewModel.OrgUnitNode;
import org.santeatlas.app.map.MapViewModel.LevelChoice;
import org.santeatlas.app.map.MapViewModel.PeriodChoice;
import org.santeatlas.app.map.MapViewModel.ThemeItem;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.text.NameKey;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Classifier;

/**
 * The left panel: the layers (visibility, opacity, order) and the data picker — the org unit tree with
 * an accent-insensitive search ({@link NameKey}), the data element, the period type and a period slider
 * with a play button that steps through the periods.
 */
public final class MapSidebar {

    /** Time between two periods while playing. */
    static final Duration PLAY_STEP = Duration.millis(1200);
    /** Search results shown at most. */
    static final int MAX_RESULTS = 40;

    private final MapViewModel viewModel;
    private final Messages messages;
    private final VBox root = new VBox(10);
    private final VBox layerRows = new VBox(6);
    private final TreeView<OrgUnitNode> tree = new TreeView<>();
    private final ListView<OrgUnitNode> results = new ListView<>();
    private final Map<String, TreeItem<OrgUnitNode>> items = new HashMap<>();
    private final Timeline player = new Timeline();
    private boolean updatingSlider;

    public MapSidebar(MapViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.messages = Objects.requireNonNull(messages);
        root.setId("sidebar");
        root.getStyleClass().add("sidebar");
        root.setPadding(new Insets(10));
        CheckBox coverage = new CheckBox();
        coverage.setId("coverage-toggle");
        coverage.setWrapText(true);
        Runnable coverageText = () -> coverage.setText(messages.get("sidebar.coverage",
                viewModel.formatNumber(viewModel.coverageRadiusKm())));
        coverageText.run();
        viewModel.coverageProperty().addListener((o, a, b) -> coverageText.run());
        viewModel.modelProperty().addListener((o, a, b) -> coverageText.run());
        coverage.selectedProperty().bindBidirectional(viewModel.coverageShownProperty());
        root.getChildren().addAll(heading("sidebar.layers"), layerRows, coverage, heading("sidebar.data"), dataPicker(),
                heading("sidebar.orgUnits"), orgUnitPicker());
        viewModel.modelProperty().addListener((o, a, b) -> refreshLayers());
        viewModel.dataProperty().addListener((o, a, b) -> refreshTree());
        refreshLayers();
        refreshTree();
    }

    public Region root() {
        return root;
    }

    /** Stops the period animation (the window is being replaced). */
    public void dispose() {
        player.stop();
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("panel-heading");
        return l;
    }

    // ---- layers -----------------------------------------------------------------------------------

    private void refreshLayers() {
        List<MapModel.Entry> entries = new ArrayList<>(viewModel.model().entries());
        java.util.Collections.reverse(entries); // top layer first, as map programs list them
        List<javafx.scene.Node> rows = new ArrayList<>();
        for (MapModel.Entry e : entries) {
            String id = e.layer().id();
            CheckBox visible = new CheckBox(viewModel.layerTitle(id));
            visible.setId("layer-visible-" + id);
            visible.setSelected(e.visible());
            visible.setOnAction(x -> viewModel.setVisible(id, visible.isSelected()));
            visible.setMaxWidth(Double.MAX_VALUE);
            visible.setMinWidth(0);
            visible.setTooltip(new Tooltip(viewModel.layerTitle(id)));
            HBox.setHgrow(visible, Priority.ALWAYS);
            Slider opacity = new Slider(0, 1, e.opacity());
            opacity.setId("layer-opacity-" + id);
            opacity.setPrefWidth(54);
            opacity.setMinWidth(40);
            opacity.setTooltip(new Tooltip(messages.get("sidebar.opacity")));
            opacity.valueChangingProperty().addListener((o, was, changing) -> {
                if (!changing) {
                    viewModel.setOpacity(id, opacity.getValue());
                }
            });
            opacity.setOnMouseReleased(x -> viewModel.setOpacity(id, opacity.getValue()));
            Button up = small("▲", messages.get("sidebar.up"));
            up.setOnAction(x -> viewModel.move(id, 1));
            Button down = small("▼", messages.get("sidebar.down"));
            down.setOnAction(x -> viewModel.move(id, -1));
            HBox row = new HBox(4, visible, opacity, up, down);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        layerRows.getChildren().setAll(rows);
    }

    private static Button small(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().add("small-button");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    // ---- data element and period -----------------------------------------------------------------

    private VBox dataPicker() {
        ComboBox<ThemeItem> element = new ComboBox<>();
        element.setId("theme-item");
        element.setPromptText(messages.get("sidebar.chooseElement"));
        element.setMaxWidth(Double.MAX_VALUE);
        element.setVisibleRowCount(16);
        element.setConverter(converter(viewModel::themeLabel));
        viewModel.dataProperty().addListener((o, a, d) -> element.getItems().setAll(d == null ? List.of() : d.themeItems()));
        if (viewModel.dataProperty().get() != null) {
            element.getItems().setAll(viewModel.dataProperty().get().themeItems());
        }
        element.setValue(viewModel.themeProperty().get());
        element.valueProperty().addListener((o, a, b) -> viewModel.themeProperty().set(b));
        viewModel.themeProperty().addListener((o, a, b) -> element.setValue(b));

        ComboBox<PeriodChoice> type = new ComboBox<>();
        type.setId("period-type");
        type.getItems().setAll(PeriodChoice.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(PeriodChoice c) {
                return c == null ? "" : messages.get("period.type." + c.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public PeriodChoice fromString(String s) {
                return null;
            }
        });
        type.valueProperty().bindBidirectional(viewModel.periodChoiceProperty());

        Slider slider = new Slider(0, 1, 0);
        slider.setId("period-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label periodLabel = new Label();
        periodLabel.setId("period-label");
        periodLabel.getStyleClass().add("period-label");
        Runnable sync = () -> {
            updatingSlider = true;
            int n = viewModel.periods().size();
            slider.setMax(Math.max(1, n - 1));
            slider.setDisable(n < 2);
            int i = viewModel.periods().indexOf(viewModel.periodProperty().get());
            slider.setValue(Math.max(0, i));
            periodLabel.setText(viewModel.periodLabel(viewModel.periodProperty().get()));
            updatingSlider = false;
        };
        viewModel.periods().addListener((javafx.collections.ListChangeListener<Period>) c -> sync.run());
        viewModel.periodProperty().addListener((o, a, b) -> sync.run());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updatingSlider && !slider.isValueChanging()) {
                pickSlider(slider);
            }
        });
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                pickSlider(slider);
            }
        });
        sync.run();

        ToggleButton play = new ToggleButton("▶");
        play.setId("period-play");
        play.setTooltip(new Tooltip(messages.get("sidebar.play")));
        player.getKeyFrames().setAll(new KeyFrame(PLAY_STEP, e -> viewModel.stepPeriod()));
        player.setCycleCount(Timeline.INDEFINITE);
        play.selectedProperty().addListener((o, a, on) -> {
            play.setText(on ? "⏸" : "▶");
            if (on) {
                player.play();
            } else {
                player.stop();
            }
        });
        play.disableProperty().bind(slider.disableProperty());
        HBox sliderRow = new HBox(6, play, slider);
        sliderRow.setAlignment(Pos.CENTER_LEFT);
        Label typeLabel = new Label(messages.get("sidebar.periodType"));
        HBox typeRow = new HBox(6, typeLabel, type);
        typeRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, element, typeRow, sliderRow, periodLabel, classificationRows(), legendBox());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Classification method, number of classes and the boundaries the theme is drawn by. */
    private VBox classificationRows() {
        ComboBox<ClassificationMethod> method = new ComboBox<>();
        method.setId("class-method");
        // A legend set needs its name: the print path's --legend-set; the window offers the computed methods.
        for (ClassificationMethod m : ClassificationMethod.values()) {
            if (m != ClassificationMethod.LEGEND_SET) {
                method.getItems().add(m);
            }
        }
        method.setConverter(converter(m -> messages.get("classes.method." + m.name())));
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        method.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(method, Priority.ALWAYS);
        ComboBox<Integer> count = new ComboBox<>();
        count.setId("class-count");
        for (int k = Classifier.MIN_CLASSES; k <= Classifier.MAX_CLASSES; k++) {
            count.getItems().add(k);
        }
        count.valueProperty().bindBidirectional(viewModel.classesProperty());
        count.setTooltip(new Tooltip(messages.get("classes.count")));
        count.setMinWidth(64);
        ComboBox<LevelChoice> level = new ComboBox<>();
        level.setId("theme-level");
        level.getItems().setAll(LevelChoice.values());
        level.setConverter(converter(l -> messages.get("classes.level." + l.name())));
        level.valueProperty().bindBidirectional(viewModel.levelProperty());
        level.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(level, Priority.ALWAYS);
        HBox methodRow = new HBox(6, method, count);
        methodRow.setAlignment(Pos.CENTER_LEFT);
        Label levelLabel = new Label(messages.get("classes.levelLabel"));
        levelLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox levelRow = new HBox(6, levelLabel, level);
        levelRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, methodRow, levelRow);
    }

    /** The on-screen legend: the theme's title, each class's colour, range and count, then "no data". */
    private VBox legendBox() {
        VBox box = new VBox(3);
        box.setId("legend");
        box.getStyleClass().add("legend");
        Runnable fill = () -> {
            Legend legend = viewModel.legendProperty().get();
            box.getChildren().clear();
            if (legend == null) {
                return;
            }
            Label title = new Label(legend.title());
            title.setId("legend-title");
            title.setWrapText(true);
            title.setMaxWidth(Double.MAX_VALUE);
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.getStyleClass().add("legend-title");
            box.getChildren().add(title);
            int i = 0;
            for (Legend.Row row : legend.rows()) {
                javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(16, 12);
                if (row.key() instanceof Legend.Swatch s && s.style().fill() != null) {
                    Rgba c = s.style().fill();
                    swatch.setFill(javafx.scene.paint.Color.rgb(c.red(), c.green(), c.blue(), c.alpha() / 255.0));
                    swatch.setStroke(javafx.scene.paint.Color.gray(0.6));
                }
                Label text = new Label(row.label());
                text.setId("legend-row-" + i);
                text.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(text, Priority.ALWAYS);
                Label n = new Label(row.count().isPresent() ? viewModel.formatNumber(row.count().getAsInt()) : "");
                n.setId("legend-count-" + i);
                HBox line = new HBox(6, swatch, text, n);
                line.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(line);
                i++;
            }
        };
        viewModel.legendProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        return box;
    }

    private void pickSlider(Slider slider) {
        int i = (int) Math.round(slider.getValue());
        if (i >= 0 && i < viewModel.periods().size()) {
            viewModel.periodProperty().set(viewModel.periods().get(i));
        }
    }

    // ---- org units --------------------------------------------------------------------------------

    private VBox orgUnitPicker() {
        TextField search = new TextField();
        search.setId("orgunit-search");
        search.setPromptText(messages.get("sidebar.search"));
        results.setId("orgunit-results");
        results.setPrefHeight(120);
        results.setVisible(false);
        results.setManaged(false);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(OrgUnitNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.name());
            }
        });
        search.textProperty().addListener((o, a, text) -> {
            List<OrgUnitNode> found = search(text);
            results.getItems().setAll(found);
            boolean show = !text.isBlank();
            results.setVisible(show);
            results.setManaged(show);
        });
        search.setOnAction(e -> {
            if (!results.getItems().isEmpty()) {
                go(results.getItems().get(0));
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null) {
                go(n);
            }
        });
        tree.setId("orgunit-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OrgUnitNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.name());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null && n.getValue() != null) {
                viewModel.focusOn(n.getValue().uid());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        tree.setPrefHeight(220);
        VBox box = new VBox(6, search, results, tree);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Org units whose name contains the typed words, accents and case aside; names that start with them first. */
    List<OrgUnitNode> search(String text) {
        MapViewModel.MapData d = viewModel.dataProperty().get();
        String key = NameKey.of(text);
        if (d == null || key.isEmpty()) {
            return List.of();
        }
        List<OrgUnitNode> starts = new ArrayList<>();
        List<OrgUnitNode> contains = new ArrayList<>();
        for (OrgUnitNode n : d.orgUnits()) {
            String k = NameKey.of(n.name());
            if (k.startsWith(key)) {
                starts.add(n);
            } else if (k.contains(key)) {
                contains.add(n);
            }
        }
        starts.addAll(contains);
        return starts.subList(0, Math.min(MAX_RESULTS, starts.size()));
    }

    private void go(OrgUnitNode n) {
        TreeItem<OrgUnitNode> item = items.get(n.uid());
        if (item != null) {
            for (TreeItem<OrgUnitNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(row);
            }
        }
        viewModel.focusOn(n.uid());
    }

    private void refreshTree() {
        items.clear();
        TreeItem<OrgUnitNode> rootItem = new TreeItem<>();
        MapViewModel.MapData d = viewModel.dataProperty().get();
        if (d != null) {
            for (OrgUnitNode n : d.orgUnits()) {
                items.put(n.uid(), new TreeItem<>(n));
            }
            for (OrgUnitNode n : d.orgUnits()) {
                TreeItem<OrgUnitNode> parent = n.parentUid() == null ? null : items.get(n.parentUid());
                (parent != null ? parent : rootItem).getChildren().add(items.get(n.uid()));
            }
            rootItem.getChildren().forEach(c -> c.setExpanded(true));
        }
        tree.setRoot(rootItem);
    }
}
