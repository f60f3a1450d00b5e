package org.santeatlas.map.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.ScreenPath;
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
 * A printed map page: title and subtitle on top, the map in a frame with its scale bar, north arrow and —
 * for the demo workspace — the "fictional data" mark, the legends of the visible layers on the right, and
 * the source and date line at the bottom. Sizes are reference pixels (1/96 inch); {@link MapExport} scales
 * the page to the output's DPI. Painted through {@link MapPainter} only, like the layers.
 *
 * @param focus the world envelope (Web Mercator metres) the map frame must show whole
 * @param subtitle a second line under the title, or empty
 * @param source the source line ("Source : …"), already in the user's language
 * @param fictional whether to stamp the fictional-data mark (demo workspace)
 */
public record PrintLayout(MapModel model, Envelope focus, String title, String subtitle, String source,
        boolean fictional, MapMessages messages) implements PrintPage {

    static final double MARGIN = 18;
    static final double LEGEND_WIDTH = 230;
    static final double GAP = 14;
    static final TextStyle TITLE = TextStyle.plain(20, Rgba.hex("#111111")).asBold();
    static final TextStyle SUBTITLE = TextStyle.plain(13, Rgba.hex("#4d4d4d"));
    static final TextStyle SOURCE = TextStyle.plain(9.5, Rgba.hex("#636363"));
    static final TextStyle MARK = TextStyle.plain(13, Rgba.hex("#b2182b")).asBold();
    static final TextStyle NORTH = TextStyle.plain(11, Rgba.hex("#252525")).asBold().withHalo(Rgba.WHITE, 2);
    static final LineStyle FRAME = LineStyle.solid(Rgba.hex("#525252"), 1);

    public PrintLayout {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(messages, "messages");
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        source = source == null ? "" : source;
    }

    /** Where the map frame sits on a page of this size (reference pixels). */
    public record Frame(double x, double y, double width, double height) {}

    /** The map frame of a page. */
    public Frame frame(MapPainter measure, double pageWidth, double pageHeight) {
        double top = MARGIN + measure.measureText("Ég", TITLE).height();
        if (!subtitle.isEmpty()) {
            top += 4 + measure.measureText("Ég", SUBTITLE).height();
        }
        top += GAP;
        double bottom = MARGIN + measure.measureText("Ég", SOURCE).height() + 8;
        boolean side = pageWidth >= 600;
        double width = pageWidth - 2 * MARGIN - (side ? LEGEND_WIDTH + GAP : 0);
        return new Frame(MARGIN, top, Math.max(10, width), Math.max(10, pageHeight - top - bottom));
    }

    /** The viewport of the map frame. */
    public Viewport viewport(MapPainter measure, double pageWidth, double pageHeight) {
        Frame f = frame(measure, pageWidth, pageHeight);
        return Viewport.fit(focus, (int) Math.floor(f.width()), (int) Math.floor(f.height()), 12);
    }

    /** Paints the whole page; {@code pixelRatio} is device pixels per reference pixel. */
    @Override
    public void paint(MapPainter p, double pageWidth, double pageHeight, double pixelRatio) {
        p.fillRect(0, 0, pageWidth, pageHeight, Rgba.WHITE);
        double y = MARGIN;
        TextBounds tb = p.measureText(title, TITLE);
        p.drawText(LegendPainter.fit(p, title, TITLE, pageWidth - 2 * MARGIN), MARGIN, y + tb.ascent(), TITLE);
        y += tb.height();
        if (!subtitle.isEmpty()) {
            TextBounds sb = p.measureText(subtitle, SUBTITLE);
            p.drawText(LegendPainter.fit(p, subtitle, SUBTITLE, pageWidth - 2 * MARGIN), MARGIN, y + 4 + sb.ascent(),
                    SUBTITLE);
        }

        Frame f = frame(p, pageWidth, pageHeight);
        Viewport v = viewport(p, pageWidth, pageHeight);
        p.save();
        p.translate(f.x(), f.y());
        p.clipRect(0, 0, v.width(), v.height());
        p.fillRect(0, 0, v.width(), v.height(), Rgba.hex("#f7f7f7"));
        MapRenderer.render(p, model, new RenderContext(v, pixelRatio));
        ScaleBar.paint(p, v, 14, v.height() - 14, Math.min(180, v.width() / 3.0), messages);
        northArrow(p, v.width() - 26, 16);
        if (fictional) {
            fictionalMark(p, 12, 12);
        }
        p.restore();
        p.strokeRect(f.x(), f.y(), v.width(), v.height(), FRAME);

        if (pageWidth >= 600) {
            double lx = f.x() + f.width() + GAP;
            double ly = f.y();
            for (Legend legend : legends()) {
                ly += LegendPainter.paint(p, legend, lx, ly, LEGEND_WIDTH) + 12;
            }
        }

        TextBounds srcb = p.measureText(source, SOURCE);
        p.drawText(LegendPainter.fit(p, source, SOURCE, pageWidth - 2 * MARGIN), MARGIN,
                pageHeight - MARGIN - srcb.descent(), SOURCE);
    }

    /**
     * The legends of the visible layers, bottom layer first (the theme, then facilities), then the rows of
     * untitled legends — the boundary levels, finest first — gathered in one "boundaries" block.
     */
    public List<Legend> legends() {
        List<Legend> out = new ArrayList<>();
        List<Legend.Row> boundaries = new ArrayList<>();
        for (MapModel.Entry e : model.entries()) {
            if (e.visible()) {
                for (Legend l : e.layer().legends(messages)) {
                    if (l.rows().isEmpty()) {
                        continue;
                    }
                    if (l.title().isBlank()) {
                        boundaries.addAll(l.rows());
                    } else {
                        out.add(l);
                    }
                }
            }
        }
        if (!boundaries.isEmpty()) {
            out.add(new Legend(messages.get("legend.boundaries"), boundaries));
        }
        return out;
    }

    /** A north arrow centred on x, its tip at y: north is up everywhere on a Web Mercator map. */
    private void northArrow(MapPainter p, double x, double y) {
        double h = 26;
        double w = 8;
        ScreenPath left = new ScreenPath().moveTo(x, y).lineTo(x - w, y + h).lineTo(x, y + h * 0.72).close();
        ScreenPath right = new ScreenPath().moveTo(x, y).lineTo(x + w, y + h).lineTo(x, y + h * 0.72).close();
        LineStyle edge = LineStyle.solid(Rgba.hex("#252525"), 0.8);
        p.fillPath(left, Rgba.hex("#252525"));
        p.fillPath(right, Rgba.WHITE);
        p.strokePath(left, edge);
        p.strokePath(right, edge);
        String n = messages.get("north.letter");
        TextBounds b = p.measureText(n, NORTH);
        p.drawText(n, x - b.width() / 2, y + h + 4 + b.ascent(), NORTH);
    }

    private void fictionalMark(MapPainter p, double x, double y) {
        String text = messages.get("mark.fictional");
        TextBounds b = p.measureText(text, MARK);
        double padX = 8;
        double padY = 5;
        p.fillRect(x, y, b.width() + 2 * padX, b.height() + 2 * padY, Rgba.WHITE.withOpacity(0.85));
        p.strokeRect(x, y, b.width() + 2 * padX, b.height() + 2 * padY, LineStyle.solid(MARK.color(), 1.5));
        p.drawText(text, x + padX, y + padY + b.ascent(), MARK);
    }
}
