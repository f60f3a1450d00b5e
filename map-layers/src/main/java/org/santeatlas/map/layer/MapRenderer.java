package org.santeatlas.map.layer;

import java.util.ArrayList;
import java.util.List;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.label.LabelPlacer;
import org.santeatlas.map.label.PlacedLabel;

/**
 * Paints a map model: the visible layers bottom to top, each at its opacity, then every layer's labels in
 * one greedy placement on top, opaque (a faded layer keeps legible names). The painter's origin is the top-left corner of the viewport's screen; the
 * caller clips. Stateless; the thread of the painter.
 */
public final class MapRenderer {

    private MapRenderer() {
    }

    /** Paints the model and returns the labels that were placed. */
    public static List<PlacedLabel> render(MapPainter painter, MapModel model, RenderContext context) {
        List<LabelCandidate> candidates = new ArrayList<>();
        List<double[]> obstacles = new ArrayList<>();
        for (MapModel.Entry e : model.entries()) {
            if (!e.visible() || e.opacity() == 0) {
                continue;
            }
            painter.save();
            painter.multiplyOpacity(e.opacity());
            e.layer().draw(painter, context);
            painter.restore();
            e.layer().labels(context, candidates);
            e.layer().labelObstacles(context, obstacles);
        }
        List<PlacedLabel> placed = LabelPlacer.place(candidates, obstacles, painter, context.viewport().width(),
                context.viewport().height());
        for (PlacedLabel p : placed) {
            painter.drawText(p.text(), p.x(), p.y(), p.candidate().style());
        }
        return placed;
    }
}
