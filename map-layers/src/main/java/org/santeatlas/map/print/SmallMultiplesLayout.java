package org.santeatlas.map.print;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.TextBounds;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/**
 * Small multiples: the same map for up to 12 periods side by side on one page, every panel classed by one
 * shared classification so that a colour means the same value everywhere, and one legend for all (its
 * counts are area-periods). Title and subtitle on top, panels in the grid that makes them largest, the
 * legend on the right, a scale bar in the first panel, the source line at the bottom. Reference pixels;
 * painted through {@link MapPainter} only, like {@link PrintLayout}.
 *
 * @param panels one model per period, in order, with its caption
 */
public record SmallMultiplesLayout(List<Panel> panels, Envelope focus, String title, String subtitle, Legend legend,
        String source, boolean fictional, MapMessages messages) implements PrintPage {

    /** At most this many panels: beyond, each map gets too small to read on A4. */
    public static final int MAX_PANELS = 12;

    static final TextStyle CAPTION = TextStyle.plain(11, Rgba.hex("#252525")).asBold();
    static final LineStyle PANEL_FRAME = LineStyle.solid(Rgba.hex("#969696"), 0.6);
    static final double PANEL_GAP = 8;

    /** One panel: a caption (the period) and its map. */
    public record Panel(String caption, MapModel model) {
        public Panel {
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(model, "model");
        }
    }

    public SmallMultiplesLayout {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || panels.size() > MAX_PANELS) {
            throw new IllegalArgumentException("1.." + MAX_PANELS + " panels: " + panels.size());
        }
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(legend, "legend");
    }

    /** Columns and rows of the grid that gives the largest map in {@code width × height}. */
    int[] grid(double width, double height, double captionHeight) {
        double aspect = focus.getWidth() / Math.max(1, focus.getHeight());
        int bestCols = 1;
        double bestScale = -1;
        for (int cols = 1; cols <= panels.size(); cols++) {
            int rows = (panels.size() + cols - 1) / cols;
            double w = (width - (cols - 1) * PANEL_GAP) / cols;
            double h = (height - (rows - 1) * PANEL_GAP) / rows - captionHeight;
            double scale = Math.min(w, h * aspect);
            if (scale > bestScale) {
                bestScale = scale;
                bestCols = cols;
            }
        }
        return new int[] {bestCols, (panels.size() + bestCols - 1) / bestCols};
    }

    @Override
    public void paint(MapPainter p, double pageWidth, double pageHeight, double pixelRatio) {
        p.fillRect(0, 0, pageWidth, pageHeight, Rgba.WHITE);
        double m = PrintLayout.MARGIN;
        double y = m;
        TextBounds tb = p.measureText(title, PrintLayout.TITLE);
        p.drawText(LegendPainter.fit(p, title, PrintLayout.TITLE, pageWidth - 2 * m), m, y + tb.ascent(), PrintLayout.TITLE);
        y += tb.height();
        if (!subtitle.isEmpty()) {
            TextBounds sb = p.measureText(subtitle, PrintLayout.SUBTITLE);
            p.drawText(LegendPainter.fit(p, subtitle, PrintLayout.SUBTITLE, pageWidth - 2 * m), m, y + 4 + sb.ascent(),
                    PrintLayout.SUBTITLE);
            y += 4 + sb.height();
        }
        y += PrintLayout.GAP;
        double bottom = m + p.measureText("Ég", PrintLayout.SOURCE).height() + 8;
        boolean side = pageWidth >= 600;
        double gridWidth = pageWidth - 2 * m - (side ? PrintLayout.LEGEND_WIDTH + PrintLayout.GAP : 0);
        double gridHeight = pageHeight - y - bottom;
        double captionHeight = p.measureText("Ég", CAPTION).height() + 4;
        int[] grid = grid(gridWidth, gridHeight, captionHeight);
        int cols = grid[0];
        int rows = grid[1];
        double cellW = (gridWidth - (cols - 1) * PANEL_GAP) / cols;
        double cellH = (gridHeight - (rows - 1) * PANEL_GAP) / rows;
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            double px = m + (i % cols) * (cellW + PANEL_GAP);
            double py = y + (i / cols) * (cellH + PANEL_GAP);
            TextBounds cb = p.measureText(panel.caption(), CAPTION);
            p.drawText(LegendPainter.fit(p, panel.caption(), CAPTION, cellW), px, py + cb.ascent(), CAPTION);
            int w = (int) Math.floor(cellW);
            int h = (int) Math.floor(cellH - captionHeight);
            if (w < 10 || h < 10) {
                continue;
            }
            Viewport v = Viewport.fit(focus, w, h, 4);
            p.save();
            p.translate(px, py + captionHeight);
            p.clipRect(0, 0, w, h);
            p.fillRect(0, 0, w, h, Rgba.hex("#f7f7f7"));
            MapRenderer.render(p, panel.model(), new RenderContext(v, pixelRatio));
            if (i == 0) {
                ScaleBar.paint(p, v, 8, h - 8, Math.min(120, w / 2.5), messages);
            }
            p.restore();
            p.strokeRect(px, py + captionHeight, w, h, PANEL_FRAME);
        }
        if (side) {
            double lx = pageWidth - m - PrintLayout.LEGEND_WIDTH;
            double ly = y;
            if (fictional) {
                String mark = messages.get("mark.fictional");
                TextBounds b = p.measureText(mark, PrintLayout.MARK);
                p.drawText(mark, lx, ly + b.ascent(), PrintLayout.MARK);
                ly += b.height() + 12;
            }
            LegendPainter.paint(p, legend, lx, ly, PrintLayout.LEGEND_WIDTH);
        }
        TextBounds srcb = p.measureText(source, PrintLayout.SOURCE);
        p.drawText(LegendPainter.fit(p, source, PrintLayout.SOURCE, pageWidth - 2 * m), m,
                pageHeight - m - srcb.descent(), PrintLayout.SOURCE);
    }
}
