package org.santeatlas.app.details;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.santeatlas.app.details.DetailsViewModel.Details;
import org.santeatlas.app.details.DetailsViewModel.Fact;
import org.santeatlas.app.shell.Messages;

/** The right panel: the card of the map's selection, with a 12-month sparkline drawn on a canvas. */
public final class DetailsView {

    static final double SPARK_WIDTH = 250;
    static final double SPARK_HEIGHT = 56;

    private final Messages messages;
    private final VBox card = new VBox(8);
    private final ScrollPane root = new ScrollPane(card);

    public DetailsView(DetailsViewModel viewModel, Messages messages) {
        this.messages = Objects.requireNonNull(messages);
        root.setId("details");
        root.setFitToWidth(true);
        root.getStyleClass().add("details");
        card.setPadding(new Insets(12));
        card.getStyleClass().add("details-card");
        viewModel.detailsProperty().addListener((o, a, d) -> show(d));
        show(viewModel.detailsProperty().get());
    }

    public Region root() {
        return root;
    }

    private void show(Details d) {
        card.getChildren().clear();
        if (d == null) {
            Label hint = new Label(messages.get("details.hint"));
            hint.setId("details-hint");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            card.getChildren().add(hint);
            return;
        }
        Label title = new Label(d.title());
        title.setId("details-title");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        Label subtitle = new Label(d.subtitle());
        subtitle.setId("details-subtitle");
        subtitle.getStyleClass().add("details-subtitle");
        card.getChildren().addAll(title, subtitle);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, values);
        int row = 0;
        for (Fact f : d.facts()) {
            Label k = new Label(f.label());
            k.getStyleClass().add("fact-label");
            Label v = new Label(f.value());
            v.setWrapText(true);
            v.setMinWidth(0);
            v.setMaxWidth(Double.MAX_VALUE);
            k.setMinWidth(Region.USE_PREF_SIZE);
            v.getStyleClass().add("fact-value");
            grid.addRow(row++, k, v);
        }
        card.getChildren().add(grid);
        if (d.series().length > 0 && !d.seriesTitle().isEmpty()) {
            Label st = new Label(messages.get("details.series", d.seriesTitle()));
            st.getStyleClass().add("panel-heading");
            st.setWrapText(true);
            Canvas spark = sparkline(d.series());
            spark.setId("details-sparkline");
            String range = d.seriesMonths().isEmpty() ? ""
                    : d.seriesMonths().get(0) + " – " + d.seriesMonths().get(d.seriesMonths().size() - 1);
            Label months = new Label(range);
            months.getStyleClass().add("hint");
            card.getChildren().addAll(st, spark, months);
        }
        Label fh = new Label(messages.get("details.findings"));
        fh.getStyleClass().add("panel-heading");
        card.getChildren().add(fh);
        for (String f : d.findings()) {
            Label l = new Label("• " + f);
            l.setWrapText(true);
            l.getStyleClass().add("finding-line");
            card.getChildren().add(l);
        }
    }

    /** A line of the values (gaps where none), the last one marked. */
    static Canvas sparkline(double[] values) {
        Canvas c = new Canvas(SPARK_WIDTH, SPARK_HEIGHT);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.web("#f4f6f8"));
        g.fillRect(0, 0, SPARK_WIDTH, SPARK_HEIGHT);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return c;
        }
        min = Math.min(0, min);
        double span = max > min ? max - min : 1;
        double pad = 6;
        double step = (SPARK_WIDTH - 2 * pad) / Math.max(1, values.length - 1);
        g.setStroke(Color.web("#1d6fa5"));
        g.setLineWidth(2);
        boolean open = false;
        double lx = 0;
        double ly = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                if (open) {
                    g.stroke();
                }
                open = false;
                continue;
            }
            double x = pad + i * step;
            double y = SPARK_HEIGHT - pad - (values[i] - min) / span * (SPARK_HEIGHT - 2 * pad);
            if (!open) {
                g.beginPath();
                g.moveTo(x, y);
                open = true;
            } else {
                g.lineTo(x, y);
            }
            lx = x;
            ly = y;
        }
        if (open) {
            g.stroke();
        }
        g.setFill(Color.web("#d62828"));
        g.fillOval(lx - 3, ly - 3, 6, 6);
        return c;
    }
}
