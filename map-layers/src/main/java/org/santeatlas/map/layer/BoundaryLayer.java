package org.santeatlas.map.layer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.ScreenPath;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/**
 * The boundaries of one org unit level (regions, districts, health areas): an optional fill and an outline,
 * and optionally their names as labels. All outlines of a frame are stroked as one path.
 *
 * @param title the level's name for the legend ("District sanitaire")
 * @param labels the label style, or null for no labels
 */
public final class BoundaryLayer implements Layer {

    private final String id;
    private final String title;
    private final FeatureSet areas;
    private final AreaStyle style;
    private final TextStyle labels;
    private final int labelPriority;
    private final AreaLabels areaLabels;

    public BoundaryLayer(String id, String title, FeatureSet areas, AreaStyle style, TextStyle labels, int labelPriority) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.areas = Objects.requireNonNull(areas, "areas");
        this.style = Objects.requireNonNull(style, "style");
        this.labels = labels;
        this.labelPriority = labelPriority;
        this.areaLabels = new AreaLabels(areas);
    }

    @Override
    public String id() {
        return id;
    }

    public FeatureSet areas() {
        return areas;
    }

    public AreaStyle style() {
        return style;
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        int[] visible = areas.visible(v, 2);
        if (visible.length == 0) {
            return;
        }
        ScreenPath all = new ScreenPath();
        if (style.fill() != null) {
            for (int i : visible) {
                all.append(areas.geometry(i, ctx.detailResolution()), v);
            }
            painter.fillPath(all, style.fill());
        }
        if (style.outline() != null) {
            all.clear();
            boolean solid = style.outline().dash() == null;
            for (int i : visible) {
                // Solid outlines: each shared border once (a dash pattern keeps its phase along whole rings).
                all.append(solid ? areas.borders(i, ctx.detailResolution()) : areas.geometry(i, ctx.detailResolution()), v);
            }
            painter.strokePath(all, style.outline());
        }
    }

    @Override
    public void labels(RenderContext ctx, List<LabelCandidate> out) {
        if (labels != null) {
            areaLabels.add(ctx, labels, labelPriority, out);
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return areas.hitTest(v, sx, sy, tolerancePx);
    }

    @Override
    public Optional<Legend> legend(MapMessages messages) {
        if (style.outline() == null) {
            return Optional.empty();
        }
        return Optional.of(new Legend("", List.of(new Legend.Row(new Legend.Line(style.outline()), title,
                OptionalInt.of(areas.size())))));
    }
}
