package org.santeatlas.map.layer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.label.PlacedLabel;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.view.Viewport;

/**
 * The last painted frame of a map kept as an image, for raster screens: a repaint with the same model and
 * viewport (a window uncovered, a tooltip gone, a selection drawn on top) is one copy of the image instead
 * of painting the layers again, and a pan can show the last frame shifted by the pan
 * ({@link #paintShifted}) while the new one is painted. Any change of the model (data, classes, visibility,
 * opacity: the model is an immutable value) or of the viewport paints a new frame.
 *
 * <p>One thread at a time (the painting thread).
 */
public final class MapFrameCache {

    private BufferedImage image;
    private MapModel model;
    private Viewport viewport;
    private double pixelRatio;
    private Rgba background;
    private List<PlacedLabel> labels = List.of();

    /**
     * Draws the frame of {@code model} seen through the context's viewport on {@code target} at its origin
     * (device pixels = viewport pixels × pixel ratio), painting it first when the cached one is for another
     * model, viewport, pixel ratio or background.
     *
     * @return true when the cached frame was copied, false when a new frame was painted
     */
    public boolean paint(Graphics2D target, MapModel model, RenderContext context, Rgba background) {
        boolean hit = isCurrent(model, context, background);
        if (!hit) {
            render(model, context, background);
        }
        target.drawImage(image, 0, 0, context.viewport().width(), context.viewport().height(), null);
        return hit;
    }

    /** Whether the cached frame is the one of this model, viewport, pixel ratio and background. */
    public boolean isCurrent(MapModel model, RenderContext context, Rgba background) {
        return image != null && model.equals(this.model) && context.viewport().equals(viewport)
                && context.pixelRatio() == pixelRatio && background.equals(this.background);
    }

    /**
     * Draws the cached frame where its content lies in another viewport of the same resolution and size (a
     * pan): shifted by the pan, the uncovered strip left as it is on the target.
     *
     * @return false (nothing drawn) when there is no frame or it was painted at another resolution or size
     */
    public boolean paintShifted(Graphics2D target, Viewport v) {
        if (image == null || v.resolution() != viewport.resolution() || v.width() != viewport.width()
                || v.height() != viewport.height()) {
            return false;
        }
        double dx = viewport.screenX(v.worldX(0));
        double dy = viewport.screenY(v.worldY(0));
        target.drawImage(image, (int) Math.round(-dx), (int) Math.round(-dy), v.width(), v.height(), null);
        return true;
    }

    /** The labels placed on the cached frame (empty before the first frame). */
    public List<PlacedLabel> labels() {
        return labels;
    }

    /** Forgets the frame: the next {@link #paint} paints. */
    public void invalidate() {
        model = null;
        viewport = null;
    }

    private void render(MapModel m, RenderContext context, Rgba bg) {
        Viewport v = context.viewport();
        int w = (int) Math.ceil(v.width() * context.pixelRatio());
        int h = (int) Math.ceil(v.height() * context.pixelRatio());
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = image.createGraphics();
        try {
            g.scale(context.pixelRatio(), context.pixelRatio());
            Java2dPainter p = new Java2dPainter(g);
            p.fillRect(0, 0, v.width(), v.height(), bg);
            labels = MapRenderer.render(p, m, context);
        } finally {
            g.dispose();
        }
        this.model = m;
        this.viewport = v;
        this.pixelRatio = context.pixelRatio();
        this.background = bg;
    }
}
