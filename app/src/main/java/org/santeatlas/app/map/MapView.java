package org.santeatlas.app.map;

import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.map.draw.ScreenPath;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.view.Viewport;

/**
 * The map on a {@link Canvas} that follows the size of its pane. A change only marks the map dirty; one
 * paint per pulse (an {@link AnimationTimer}) draws the layers through {@link FxMapPainter} with the
 * geometries {@code map-layers} simplified once per zoom level. Drag pans, the wheel and +/− zoom about
 * the cursor, a double-click zooms in, shift-drag zooms to a box, Home fits the country; hovering shows
 * name, type and value, a click selects.
 */
public final class MapView {

    /** Wheel notch: one click of a mouse wheel (40 px of delta in JavaFX) zooms by this factor. */
    static final double WHEEL_FACTOR = 1.25;

    private final MapViewModel viewModel;
    private final Messages messages;
    private final Canvas canvas = new Canvas();
    private final Pane canvasHolder = new Pane(canvas);
    private final Label tooltip = new Label();
    private final StackPane root;
    private boolean dirty = true;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean boxZoom;
    private double[] box;
    private LongConsumer firstFrame;
    private final AnimationTimer timer;

    public MapView(MapViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        canvas.setId("map-canvas");
        canvas.setFocusTraversable(true);
        canvasHolder.setMinSize(0, 0);
        canvasHolder.getStyleClass().add("map");
        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> resized());
        canvas.heightProperty().addListener((o, a, b) -> resized());

        tooltip.setId("map-tooltip");
        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setVisible(false);
        tooltip.setManaged(false);
        tooltip.setMouseTransparent(true);

        Button zoomIn = mapButton("+", "map-zoom-in", messages.get("map.zoomIn"));
        zoomIn.setOnAction(e -> zoomCentre(2));
        Button zoomOut = mapButton("−", "map-zoom-out", messages.get("map.zoomOut"));
        zoomOut.setOnAction(e -> zoomCentre(0.5));
        Button home = mapButton("⌂", "map-home", messages.get("map.home"));
        home.setOnAction(e -> viewModel.home());
        VBox buttons = new VBox(4, zoomIn, zoomOut, home);
        buttons.setPickOnBounds(false);
        buttons.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        StackPane.setMargin(buttons, new Insets(10));

        Label status = new Label();
        status.setId("map-theme-status");
        status.getStyleClass().add("map-status");
        status.textProperty().bind(viewModel.themeStatusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        StackPane.setMargin(status, new Insets(8));
        status.setMouseTransparent(true);

        Pane overlay = new Pane(tooltip);
        overlay.setMouseTransparent(true);
        root = new StackPane(canvasHolder, overlay, status, buttons);
        root.setId("map-view");
        root.setMinSize(100, 100);

        viewModel.modelProperty().addListener((o, a, b) -> dirty = true);
        viewModel.viewportProperty().addListener((o, a, b) -> dirty = true);
        viewModel.selectionProperty().addListener((o, a, b) -> dirty = true);
        wireMouse();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    paint();
                }
            }
        };
        timer.start();
    }

    public Region root() {
        return root;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Called once with {@code System.nanoTime()} when the first frame with features has been painted. */
    public void onFirstFrame(LongConsumer callback) {
        this.firstFrame = callback;
    }

    /** Stops repainting (the window is being replaced). */
    public void dispose() {
        timer.stop();
    }

    /** Paints now rather than at the next pulse (tests, snapshots). */
    public void paintNow() {
        dirty = false;
        paint();
    }

    private static Button mapButton(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("map-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private void resized() {
        viewModel.resize((int) Math.round(canvas.getWidth()), (int) Math.round(canvas.getHeight()));
        dirty = true;
    }

    private void zoomCentre(double factor) {
        Viewport v = viewModel.viewport();
        if (v != null) {
            viewModel.zoomAbout(factor, v.width() / 2.0, v.height() / 2.0);
        }
    }

    private void wireMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
            boxZoom = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
            hideTooltip();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
                dragged = true;
            }
            if (boxZoom) {
                box = new double[] {pressX, pressY, e.getX(), e.getY()};
                dirty = true;
            } else if (dragged) {
                viewModel.pan(e.getX() - lastX, e.getY() - lastY);
                canvas.setCursor(Cursor.CLOSED_HAND);
            }
            lastX = e.getX();
            lastY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            canvas.setCursor(Cursor.DEFAULT);
            if (boxZoom && box != null) {
                viewModel.zoomToBox(box[0], box[1], box[2], box[3]);
                box = null;
                dirty = true;
            }
            boxZoom = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                viewModel.zoomAbout(2, e.getX(), e.getY());
            } else {
                viewModel.selectAt(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideTooltip());
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                double factor = Math.pow(WHEEL_FACTOR, e.getDeltaY() / 40.0);
                viewModel.zoomAbout(factor, e.getX(), e.getY());
                hideTooltip();
            }
            e.consume();
        });
        canvas.setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS) {
                zoomCentre(2);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                zoomCentre(0.5);
            } else if (k == KeyCode.HOME) {
                viewModel.home();
            } else if (k == KeyCode.ESCAPE) {
                viewModel.clearSelection();
            } else {
                return;
            }
            e.consume();
        });
    }

    /** Shows the hover text beside the cursor (kept inside the map). */
    void hover(double x, double y) {
        var text = viewModel.describeAt(x, y);
        if (text.isEmpty()) {
            hideTooltip();
            return;
        }
        tooltip.setText(text.get());
        tooltip.autosize();
        double tx = Math.min(x + 14, canvas.getWidth() - tooltip.getWidth() - 4);
        double ty = Math.min(y + 16, canvas.getHeight() - tooltip.getHeight() - 4);
        tooltip.relocate(Math.max(4, tx), Math.max(4, ty));
        tooltip.setVisible(true);
    }

    private void hideTooltip() {
        tooltip.setVisible(false);
    }

    private void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setFill(Color.web("#dfe9f0"));
        gc.fillRect(0, 0, w, h);
        Viewport v = viewModel.viewport();
        if (v == null || w < 1 || h < 1 || viewModel.dataProperty().get() == null) {
            return;
        }
        gc.save();
        FxMapPainter painter = new FxMapPainter(gc);
        MapRenderer.render(painter, viewModel.model(), RenderContext.of(v));
        paintSelection(painter, v);
        gc.restore();
        if (box != null) {
            gc.setStroke(Color.web("#1d3557"));
            gc.setLineWidth(1.5);
            gc.setLineDashes(6, 4);
            gc.strokeRect(Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.abs(box[2] - box[0]),
                    Math.abs(box[3] - box[1]));
            gc.setLineDashes((double[]) null);
            gc.setFill(Color.web("#1d3557", 0.08));
            gc.fillRect(Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.abs(box[2] - box[0]),
                    Math.abs(box[3] - box[1]));
        }
        if (firstFrame != null) {
            LongConsumer c = firstFrame;
            firstFrame = null;
            c.accept(System.nanoTime());
        }
    }

    private void paintSelection(FxMapPainter painter, Viewport v) {
        MapViewModel.Selection s = viewModel.selectionProperty().get();
        if (s == null) {
            return;
        }
        Geometry g = s.feature().world();
        LineStyle halo = LineStyle.solid(Rgba.hex("#ffffff"), 5);
        LineStyle line = LineStyle.solid(Rgba.hex("#d62828"), 2.5);
        ScreenPath path = new ScreenPath();
        if (g instanceof Point p) {
            double x = v.screenX(p.getX());
            double y = v.screenY(p.getY());
            double r = 11;
            path.moveTo(x - r, y);
            for (int i = 1; i <= 32; i++) {
                double a = 2 * Math.PI * i / 32;
                path.lineTo(x - r * Math.cos(a), y + r * Math.sin(a));
            }
        } else {
            path.append(g, v);
        }
        painter.strokePath(path, halo);
        painter.strokePath(path, line);
    }
}
