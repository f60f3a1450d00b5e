package org.santeatlas.map.layer;

import org.santeatlas.map.view.Viewport;

/**
 * What a layer needs to paint one frame: the viewport (screen in reference pixels) and the pixel ratio of
 * the device (2 for a 192-DPI print of a 96-DPI layout), which chooses finer simplified geometry.
 */
public record RenderContext(Viewport viewport, double pixelRatio) {

    public RenderContext {
        if (!(pixelRatio > 0)) {
            throw new IllegalArgumentException("pixel ratio must be positive: " + pixelRatio);
        }
    }

    public static RenderContext of(Viewport viewport) {
        return new RenderContext(viewport, 1);
    }

    /** World metres per device pixel: the resolution geometry is simplified for. */
    public double detailResolution() {
        return viewport.resolution() / pixelRatio;
    }
}
