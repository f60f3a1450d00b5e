package org.santeatlas.app.shell;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first view of an open workspace: its name, the fictional-data banner, a grid of counts, the
 * months covered by the data and the geographic extent. Only binds to {@link WorkspaceSummaryViewModel}.
 */
final class WorkspaceSummaryView {

    /** Count tiles per row: 12 counts make three even rows in a 1100 px window. */
    private static final int TILE_COLUMNS = 4;

    private final WorkspaceSummaryViewModel viewModel;
    private final Messages messages;
    private final ScrollPane root;
    private final GridPane tiles = new GridPane();

    WorkspaceSummaryView(WorkspaceSummaryViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = new ScrollPane(content());
        root.setFitToWidth(true);
        root.setId("summary-view");
        root.getStyleClass().add("summary");
    }

    Region root() {
        return root;
    }

    private VBox content() {
        Label name = new Label();
        name.setId("workspace-name");
        name.getStyleClass().add("workspace-name");
        name.textProperty().bind(viewModel.workspaceNameProperty());

        Label file = new Label();
        file.setId("workspace-file");
        file.getStyleClass().add("workspace-file");
        file.textProperty().bind(viewModel.workspaceFileProperty());

        // The banner stays above everything on a demo: figures from it must never pass for real ones.
        Label bannerTitle = new Label(messages.get("summary.demo_banner.title"));
        bannerTitle.setId("demo-banner-title");
        bannerTitle.getStyleClass().add("demo-banner-title");
        Label bannerText = new Label(messages.get("summary.demo_banner.text"));
        bannerText.setWrapText(true);
        bannerText.getStyleClass().add("demo-banner-text");
        VBox banner = new VBox(2, bannerTitle, bannerText);
        banner.setId("demo-banner");
        banner.getStyleClass().add("demo-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(viewModel.demoProperty());
        banner.managedProperty().bind(banner.visibleProperty());

        tiles.getStyleClass().add("count-tiles");
        tiles.setHgap(12);
        tiles.setVgap(12);
        for (int i = 0; i < TILE_COLUMNS; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / TILE_COLUMNS);
            column.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(column);
        }
        viewModel.counts().addListener((ListChangeListener<WorkspaceSummaryViewModel.Count>) c -> fillTiles());
        fillTiles();

        Label periods = new Label();
        periods.setId("period-range");
        periods.getStyleClass().add("fact");
        periods.textProperty().bind(viewModel.periodRangeProperty());

        Label longitudes = new Label();
        longitudes.setId("extent-longitudes");
        longitudes.getStyleClass().add("fact");
        longitudes.textProperty().bind(viewModel.longitudesProperty());
        Label latitudes = new Label();
        latitudes.setId("extent-latitudes");
        latitudes.getStyleClass().add("fact");
        latitudes.textProperty().bind(viewModel.latitudesProperty());

        VBox header = new VBox(2, name, file);
        VBox box = new VBox(16,
                header,
                banner,
                section("summary.section.contents"),
                tiles,
                section("summary.section.periods"),
                periods,
                section("summary.section.extent"),
                new VBox(4, longitudes, latitudes));
        box.setPadding(new Insets(24, 32, 32, 32));
        box.getStyleClass().add("summary-content");
        return box;
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("section");
        return label;
    }

    /** One tile per count: the number large, its label below. */
    private void fillTiles() {
        tiles.getChildren().clear();
        List<WorkspaceSummaryViewModel.Count> counts = viewModel.counts();
        for (int i = 0; i < counts.size(); i++) {
            WorkspaceSummaryViewModel.Count count = counts.get(i);
            Label value = new Label(count.value());
            value.setId("count-" + count.id());
            value.getStyleClass().add("count-value");
            Label label = new Label(count.label());
            label.getStyleClass().add("count-label");
            label.setWrapText(true);
            VBox tile = new VBox(2, value, label);
            tile.getStyleClass().add("count-tile");
            tile.setMaxWidth(Double.MAX_VALUE);
            tiles.add(tile, i % TILE_COLUMNS, i / TILE_COLUMNS);
        }
    }
}
