package org.santeatlas.map.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

/**
 * The Java2D painter: draws on any {@link Graphics2D} — a {@code BufferedImage} for PNG and golden tests,
 * JFreeSVG's {@code SVGGraphics2D} for SVG and PDFBox graphics2d's {@code PdfBoxGraphics2D} for PDF. Rendering hints are pinned (antialiasing,
 * grey-scale text antialiasing, fractional metrics, pure stroke control) so that an image is the same on
 * every run. Text is written with {@code drawString} (it stays text in vector output); only the halo is a
 * stroked outline.
 */
public final class Java2dPainter implements MapPainter {

    /** DejaVu Sans, shipped with the module ({@link MapFonts}): every French accent, the same on every machine. */
    static final String FAMILY = MapFonts.family();

    private final Graphics2D g;
    private final Deque<State> saved = new ArrayDeque<>();
    private final Map<Long, Font> fonts = new HashMap<>();
    private double opacity = 1;

    private record State(AffineTransform transform, Shape clip, double opacity) {}

    /** Paints on {@code g}, which it configures; the caller keeps ownership (and disposes it). */
    public Java2dPainter(Graphics2D g) {
        this.g = g;
        pinHints(g);
    }

    /** The rendering hints every SantéAtlas Java2D drawing uses (also for golden images). */
    public static void pinHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    @Override
    public void save() {
        saved.push(new State(g.getTransform(), g.getClip(), opacity));
    }

    @Override
    public void restore() {
        State s = saved.pop();
        g.setTransform(s.transform());
        g.setClip(s.clip());
        opacity = s.opacity();
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }

    @Override
    public void clipPath(ScreenPath path) {
        g.clip(shape(path));
    }

    @Override
    public void multiplyOpacity(double factor) {
        opacity *= Math.max(0, Math.min(1, factor));
    }

    @Override
    public void fillPath(ScreenPath path, Rgba fill) {
        if (path.isEmpty() || fill.alpha() == 0) {
            return;
        }
        g.setColor(color(fill));
        g.fill(shape(path));
    }

    @Override
    public void strokePath(ScreenPath path, LineStyle line) {
        if (path.isEmpty() || line.color().alpha() == 0) {
            return;
        }
        g.setColor(color(line.color()));
        g.setStroke(stroke(line));
        g.draw(shape(path));
    }

    @Override
    public void drawText(String text, double x, double y, TextStyle style) {
        if (text.isEmpty()) {
            return;
        }
        Font font = font(style);
        if (style.hasHalo()) {
            TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            g.setColor(color(style.halo()));
            g.setStroke(new BasicStroke((float) (2 * style.haloWidth()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(color(style.color()));
        g.setFont(font);
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public TextBounds measureText(String text, TextStyle style) {
        if (text.isEmpty()) {
            return new TextBounds(0, 0, 0);
        }
        FontRenderContext frc = g.getFontRenderContext();
        TextLayout layout = new TextLayout(text, font(style), frc);
        return new TextBounds(layout.getAdvance(), layout.getAscent(), layout.getDescent());
    }

    private Font font(TextStyle style) {
        long key = Double.doubleToLongBits(style.size()) ^ (style.bold() ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> MapFonts.font(style.bold(), style.size()));
    }

    private Color color(Rgba c) {
        return new Color(c.red(), c.green(), c.blue(), (int) Math.round(c.alpha() * opacity));
    }

    private static BasicStroke stroke(LineStyle line) {
        double[] dash = line.dash();
        if (dash == null) {
            return new BasicStroke((float) line.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] d = new float[dash.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) dash[i];
        }
        return new BasicStroke((float) line.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }

    private static Path2D shape(ScreenPath path) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD, path.size());
        for (int i = 0; i < path.size(); i++) {
            switch (path.op(i)) {
                case ScreenPath.MOVE -> p.moveTo(path.x(i), path.y(i));
                case ScreenPath.LINE -> p.lineTo(path.x(i), path.y(i));
                default -> p.closePath();
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "Java2dPainter[" + FAMILY + ", opacity " + opacity + "]";
    }
}
