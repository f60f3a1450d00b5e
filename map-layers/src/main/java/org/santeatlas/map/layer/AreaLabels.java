package org.santeatlas.map.layer;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/**
 * Label candidates for the areas of a feature set: the name at the area's interior point (inside even a
 * crescent-shaped area; computed once per area), larger areas first, dropped when wider than the area on
 * screen. Shared by the boundary and choropleth layers.
 */
final class AreaLabels {

    private final FeatureSet areas;
    private final AtomicReferenceArray<Coordinate> anchors;

    AreaLabels(FeatureSet areas) {
        this.areas = areas;
        this.anchors = new AtomicReferenceArray<>(areas.size());
    }

    void add(RenderContext ctx, TextStyle style, int basePriority, List<LabelCandidate> out) {
        Viewport v = ctx.viewport();
        for (int i : areas.visible(v, 0)) {
            Geometry g = areas.get(i).world();
            Envelope e = g.getEnvelopeInternal();
            double screenWidth = e.getWidth() / v.resolution();
            if (screenWidth < 12) {
                continue;
            }
            Coordinate c = anchors.get(i);
            if (c == null) {
                c = g.getInteriorPoint().getCoordinate();
                anchors.compareAndSet(i, null, c);
            }
            // Priority grows with the area's size on screen (log scale keeps it in a small int range).
            int priority = basePriority + (int) Math.round(10 * Math.log1p(g.getArea() / (v.resolution() * v.resolution())));
            out.add(LabelCandidate.centered(areas.get(i).name(), areas.get(i).shortName(), v.screenX(c.x), v.screenY(c.y), priority, style,
                    screenWidth * 0.95));
        }
    }
}
