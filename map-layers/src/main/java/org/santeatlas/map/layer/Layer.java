package org.santeatlas.map.layer;

import java.util.List;
import java.util.Optional;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.view.Viewport;

/**
 * One layer of the map. It paints only through a {@link MapPainter}, so the same code draws on screen and
 * on paper; it skips what the viewport does not show; it offers its labels to the shared placement
 * rather than writing them itself, so that no two layers' labels overlap. Layers hold prepared data and
 * styles, and are immutable: visibility and opacity live in the {@link MapModel}.
 */
public interface Layer {

    /** A stable identifier (for the layer list and saved map settings). */
    String id();

    /** Paints the layer's features. */
    void draw(MapPainter painter, RenderContext context);

    /** Adds the labels this layer would like shown. */
    default void labels(RenderContext context, List<LabelCandidate> out) {
    }

    /**
     * Adds screen boxes ({x, y, width, height}, pixels) that labels must not cover, such as the symbols of
     * hospitals: they are reserved before any label is placed.
     */
    default void labelObstacles(RenderContext context, List<double[]> out) {
    }

    /** What lies under a screen point within a pixel tolerance, nearest first. */
    default List<Hit> hitTest(Viewport viewport, double sx, double sy, double tolerancePx) {
        return List.of();
    }

    /** The layer's legend, in the messages' language; empty for layers that need none. */
    default Optional<Legend> legend(MapMessages messages) {
        return Optional.empty();
    }

    /** Every legend block of the layer (a sized symbol layer has two: colours, then sizes); by default its legend. */
    default List<Legend> legends(MapMessages messages) {
        return legend(messages).map(List::of).orElse(List.of());
    }
}
