package org.santeatlas.app.quality;

import java.text.NumberFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.santeatlas.app.quality.QualityViewModel.District;
import org.santeatlas.app.quality.QualityViewModel.Row;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.reporting.Scorecard;

/**
 * The bottom panel: Run checks with progress and Cancel, the district × dimension scorecard coloured
 * by the thresholds, and the findings table (sortable by any column; filtered by dimension, severity
 * and district with plain combo boxes). Selecting a finding hands its org unit to {@code onFinding}.
 */
public final class QualityView {

    private final QualityViewModel viewModel;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final GridPane scorecard = new GridPane();
    private final TableView<Row> table = new TableView<>();
    private org.controlsfx.control.table.TableFilter<Row> tableFilter;

    public QualityView(QualityViewModel viewModel, Messages messages, Consumer<String> onFinding) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.messages = Objects.requireNonNull(messages);
        root.setId("quality");
        root.getStyleClass().add("quality");
        HBox[] bars = toolbars();
        scorecard.setId("scorecard");
        scorecard.getStyleClass().add("scorecard");
        scorecard.setHgap(2);
        scorecard.setVgap(2);
        scorecard.setPadding(new Insets(6));
        ScrollPane cardScroll = new ScrollPane(scorecard);
        cardScroll.setFitToHeight(false);
        buildTable();
        BorderPane left = new BorderPane(cardScroll);
        left.setTop(bars[0]);
        BorderPane right = new BorderPane(table);
        right.setTop(bars[1]);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        root.setCenter(split);
        viewModel.scorecardProperty().addListener((o, a, s) -> showScorecard(s));
        showScorecard(viewModel.scorecardProperty().get());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.finding().orgUnit() != null) {
                onFinding.accept(r.finding().orgUnit());
            }
        });
    }

    public Region root() {
        return root;
    }

    public TableView<Row> table() {
        return table;
    }

    /** ControlsFX's column-header filters of the findings table. */
    public org.controlsfx.control.table.TableFilter<Row> tableFilter() {
        return tableFilter;
    }

    /** The scorecard's bar (run, cancel, progress) and the table's (filters, follow-up). */
    private HBox[] toolbars() {
        Button run = new Button(messages.get("quality.run"));
        run.setId("quality-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(viewModel.runningProperty());
        run.setOnAction(e -> viewModel.run());
        Button cancel = new Button(messages.get("action.cancel"));
        cancel.setId("quality-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("quality-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        Label status = new Label();
        status.setId("quality-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);

        ComboBox<Dimension> dimension = filter("quality-filter-dimension", List.of(Dimension.values()),
                d -> messages.get("dimension." + d.id()), messages.get("quality.allDimensions"));
        dimension.valueProperty().bindBidirectional(viewModel.dimensionFilterProperty());
        ComboBox<Severity> severity = filter("quality-filter-severity", List.of(Severity.values()),
                s -> messages.get("severity." + s.id()), messages.get("quality.allSeverities"));
        severity.valueProperty().bindBidirectional(viewModel.severityFilterProperty());
        ComboBox<District> district = new ComboBox<>();
        district.setId("quality-filter-district");
        district.setPromptText(messages.get("quality.allDistricts"));
        district.setConverter(converter(d -> d.name(), messages.get("quality.allDistricts")));
        viewModel.districts().addListener((javafx.collections.ListChangeListener<District>) c -> {
            District keep = district.getValue();
            district.getItems().setAll(viewModel.districts());
            district.getItems().add(0, null);
            district.setValue(keep);
        });
        district.getItems().setAll(viewModel.districts());
        district.getItems().add(0, null);
        district.valueProperty().bindBidirectional(viewModel.districtFilterProperty());

        Button follow = new Button(messages.get("quality.markFollowUp"));
        follow.setId("quality-follow-up");
        follow.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        follow.setOnAction(e -> viewModel.markFollowUp(List.copyOf(table.getSelectionModel().getSelectedItems()), true));
        Button export = new Button(messages.get("quality.exportFollowUps"));
        export.setId("quality-export");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("quality.exportFollowUps"));
            chooser.setInitialFileName("suivi.json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                viewModel.exportFollowUps(f.toPath());
            }
        });
        run.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        follow.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        for (ComboBox<?> c : List.of(dimension, severity, district)) {
            c.setMaxWidth(170);
            HBox.setHgrow(c, Priority.SOMETIMES);
        }
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox left = new HBox(8, run, cancel, bar, status);
        HBox right = new HBox(6, dimension, severity, district, follow, export);
        for (HBox b : List.of(left, right)) {
            b.setAlignment(Pos.CENTER_LEFT);
            b.setPadding(new Insets(5, 8, 5, 8));
            b.getStyleClass().add("panel-toolbar");
            b.setMinHeight(38);
        }
        return new HBox[] {left, right};
    }

    private <T> ComboBox<T> filter(String id, List<T> values, java.util.function.Function<T, String> label, String all) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setPromptText(all);
        box.setConverter(converter(label, all));
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void buildTable() {
        table.setId("findings-table");
        table.setPlaceholder(new Label(messages.get("quality.noFindings")));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Row, Severity> severitySorted = new TableColumn<>(messages.get("quality.col.severity"));
        severitySorted.setPrefWidth(70);
        severitySorted.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().finding().severity()));
        severitySorted.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("severity-high", "severity-medium", "severity-low");
                if (empty || s == null) {
                    setText(null);
                } else {
                    setText(messages.get("severity." + s.id()));
                    getStyleClass().add("severity-" + s.id());
                }
            }
        });
        TableColumn<Row, String> dimension = column("quality.col.dimension", 120,
                r -> messages.get("dimension." + r.finding().dimension().id()));
        TableColumn<Row, String> district = column("quality.col.district", 110, Row::districtName);
        TableColumn<Row, String> orgUnit = column("quality.col.orgUnit", 160, Row::orgUnitName);
        TableColumn<Row, String> element = column("quality.col.element", 140, Row::dataElementName);
        TableColumn<Row, String> period = column("quality.col.period", 70, r -> r.finding().period() == null ? ""
                : r.finding().period());
        TableColumn<Row, String> message = column("quality.col.message", 480, Row::message);
        TableColumn<Row, Boolean> follow = new TableColumn<>(messages.get("quality.col.followUp"));
        follow.setPrefWidth(60);
        follow.setCellValueFactory(c -> c.getValue().followUpProperty());
        follow.setCellFactory(CheckBoxTableCell.forTableColumn(follow));
        follow.setEditable(false);
        table.getColumns().setAll(List.of(severitySorted, dimension, district, orgUnit, element, period, message, follow));
        SortedList<Row> sorted = new SortedList<>(viewModel.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // ControlsFX's column filters (right-click a column header) on top of the combo boxes' filters.
        tableFilter = org.controlsfx.control.table.TableFilter.forTableView(table).lazy(true).apply();
    }

    private TableColumn<Row, String> column(String key, double width, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private void showScorecard(Scorecard s) {
        scorecard.getChildren().clear();
        if (s == null) {
            Label hint = new Label(messages.get("quality.scorecardHint"));
            hint.setWrapText(true);
            hint.setMaxWidth(420);
            hint.getStyleClass().add("hint");
            scorecard.add(hint, 0, 0);
            return;
        }
        NumberFormat pct = NumberFormat.getPercentInstance(messages.locale());
        scorecard.add(header(messages.get("quality.col.district")), 0, 0);
        int col = 1;
        for (Dimension d : s.dimensions()) {
            scorecard.add(header(messages.get("dimension.short." + d.id())), col++, 0);
        }
        scorecard.add(header(messages.get("quality.overall")), col, 0);
        int row = 1;
        for (Scorecard.Row r : s.districts()) {
            addRow(s, r, row++, pct, false);
        }
        addRow(s, s.country(), row, pct, true);
    }

    private void addRow(Scorecard s, Scorecard.Row r, int row, NumberFormat pct, boolean total) {
        Label name = new Label(total ? messages.get("quality.country") : r.name());
        name.getStyleClass().add(total ? "score-total" : "score-name");
        scorecard.add(name, 0, row);
        int col = 1;
        for (Dimension d : s.dimensions()) {
            scorecard.add(cell(r.score(d), pct, "score-" + (r.orgUnit() == null ? "country" : r.orgUnit()) + "-" + d.id()),
                    col++, row);
        }
        scorecard.add(cell(r.overall(), pct, null), col, row);
    }

    private Label cell(double score, NumberFormat pct, String id) {
        Label l = new Label(Double.isNaN(score) ? "–" : pct.format(score));
        l.getStyleClass().addAll("score", "score-" + viewModel.thresholds().band(score));
        l.setMinWidth(54);
        l.setAlignment(Pos.CENTER);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("score-header");
        l.setWrapText(true);
        l.setMaxWidth(90);
        return l;
    }
}
