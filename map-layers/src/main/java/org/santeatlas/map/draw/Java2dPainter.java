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
import org.santeatlas.map.style.SymbolStyle;
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

    /**
     * On a raster surface, symbols are stamped: each style is drawn once (same path code, same hints) into a
     * small image at the device scale, then copied to each position rounded to the device pixel — a few µs a
     * symbol instead of an anti-aliased fill and stroke (national map: 5,000 facilities). Vector surfaces
     * (SVG, PDF) get paths, never images. Runs of one, and hospital crosses, are drawn as paths.
     */
    @Override
    public void drawSymbols(double[] xy, int count, SymbolStyle symbol) {
        AffineTransform t = g.getTransform();
        boolean raster = g.getClass().getName().equals("sun.java2d.SunGraphics2D");
        boolean plain = t.getShearX() == 0 && t.getShearY() == 0 && t.getScaleX() == t.getScaleY() && t.getScaleX() > 0;
        if (!raster || !plain || count < 8) {
            MapPainter.super.drawSymbols(xy, count, symbol);
            return;
        }
        double scale = t.getScaleX();
        Sprite sprite = sprites.computeIfAbsent(new SpriteKey(symbol, scale, opacity), k -> sprite(symbol, scale));
        g.setTransform(new AffineTransform());
        try {
            for (int k = 0; k < count; k++) {
                double dx = xy[2 * k] * scale + t.getTranslateX();
                double dy = xy[2 * k + 1] * scale + t.getTranslateY();
                g.drawImage(sprite.image(), (int) Math.round(dx - sprite.centre()), (int) Math.round(dy - sprite.centre()),
                        null);
            }
        } finally {
            g.setTransform(t);
        }
    }

    private record SpriteKey(SymbolStyle symbol, double scale, double opacity) {}

    private record Sprite(java.awt.image.BufferedImage image, double centre) {}

    private final Map<SpriteKey, Sprite> sprites = new HashMap<>();

    private Sprite sprite(SymbolStyle symbol, double scale) {
        double reach = symbol.size() * 0.7 + (symbol.outline() == null ? 0 : symbol.outline().width()) + 1;
        int side = (int) Math.ceil(2 * reach * scale) + 2;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D sg = image.createGraphics();
        try {
            Java2dPainter p = new Java2dPainter(sg);
            p.opacity = opacity;
            sg.scale(scale, scale);
            double c = side / 2.0 / scale;
            p.drawSymbol(c, c, symbol);
        } finally {
            sg.dispose();
        }
        return new Sprite(image, side / 2.0);
    }

    @Override
    public void fillPathNonZero(ScreenPath path, Rgba fill) {
        if (path.isEmpty() || fill.alpha() == 0) {
            return;
        }
        g.setColor(color(fill));
        Path2D p = shape(path);
        p.setWindingRule(Path2D.WIND_NON_ZERO);
        g.fill(p);
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
        AffineTransform t = g.getTransform();
        if (style.hasHalo() && stampsText(t)) {
            stampText(text, x, y, style, font, t);
            return;
        }
        drawTextDirect(text, x, y, style, font);
    }

    /** Raster surface, no rotation, one scale: haloed labels can be stamped from a pre-drawn image. */
    private boolean stampsText(AffineTransform t) {
        return g.getClass().getName().equals("sun.java2d.SunGraphics2D") && t.getShearX() == 0 && t.getShearY() == 0
                && t.getScaleX() == t.getScaleY() && t.getScaleX() > 0;
    }

    /**
     * A haloed label on a raster surface: the halo (a round-joined stroke of the glyph outlines, the costly
     * part) is drawn once per text, style, scale, opacity and quarter-pixel phase into a small image, with
     * the same hints, then copied at the whole device pixel — a national map writes 1,000 labels a frame,
     * and the same names again on the next frame. The text itself is written as before (glyphs from the
     * font cache: cheap, and placed exactly as on every other surface).
     */
    private void stampText(String text, double x, double y, TextStyle style, Font font, AffineTransform t) {
        double scale = t.getScaleX();
        double dx = x * scale + t.getTranslateX();
        double dy = y * scale + t.getTranslateY();
        int ix = (int) Math.floor(dx);
        int iy = (int) Math.floor(dy);
        int phaseX = (int) Math.floor((dx - ix) * 4);
        int phaseY = (int) Math.floor((dy - iy) * 4);
        LabelKey key = new LabelKey(text, style, scale, opacity, phaseX, phaseY);
        LabelSprite sprite = LABELS.get(key);
        if (sprite == null) {
            sprite = labelSprite(text, style, font, scale, phaseX / 4.0, phaseY / 4.0);
            LABELS.put(key, sprite);
        }
        g.setTransform(IDENTITY);
        try {
            g.drawImage(sprite.image(), ix - sprite.originX(), iy - sprite.originY(), null);
        } finally {
            g.setTransform(t);
        }
        g.setColor(color(style.color()));
        g.setFont(font);
        g.drawString(text, (float) x, (float) y);
    }

    private static final AffineTransform IDENTITY = new AffineTransform();

    private LabelSprite labelSprite(String text, TextStyle style, Font font, double scale, double fx, double fy) {
        TextBounds b = measureText(text, style);
        double halo = style.haloWidth() + 1;
        int originX = (int) Math.ceil(halo * scale) + 1;
        int originY = (int) Math.ceil((b.ascent() + halo) * scale) + 1;
        int w = originX + (int) Math.ceil((b.width() + halo) * scale) + 2;
        int h = originY + (int) Math.ceil((b.descent() + halo) * scale) + 2;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D sg = image.createGraphics();
        try {
            Java2dPainter p = new Java2dPainter(sg);
            p.opacity = opacity;
            sg.translate(originX + fx, originY + fy);
            sg.scale(scale, scale);
            p.drawHalo(text, 0, 0, style, font);
        } finally {
            sg.dispose();
        }
        return new LabelSprite(image, originX, originY);
    }

    private record LabelKey(String text, TextStyle style, double scale, double opacity, int phaseX, int phaseY) {}

    private record LabelSprite(java.awt.image.BufferedImage image, int originX, int originY) {}

    /** Label images shared by every Java2D painter: at most 6,000 (a few MB), least recently used out. */
    private static final Map<LabelKey, LabelSprite> LABELS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<LabelKey, LabelSprite> eldest) {
                    return size() > 6_000;
                }
            });

    private void drawHalo(String text, double x, double y, TextStyle style, Font font) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setColor(color(style.halo()));
        g.setStroke(new BasicStroke((float) (2 * style.haloWidth()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
    }

    private void drawTextDirect(String text, double x, double y, TextStyle style, Font font) {
        if (style.hasHalo()) {
            drawHalo(text, x, y, style, font);
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
        // Label placement measures every area's name on every frame (1,600 at national scale); a TextLayout
        // costs tens of µs, so measures are kept, keyed by everything that changes them.
        MeasureKey key = new MeasureKey(text, style.size(), style.bold(), frc);
        TextBounds known = MEASURES.get(key);
        if (known != null) {
            return known;
        }
        TextLayout layout = new TextLayout(text, font(style), frc);
        TextBounds b = new TextBounds(layout.getAdvance(), layout.getAscent(), layout.getDescent());
        MEASURES.put(key, b);
        return b;
    }

    private record MeasureKey(String text, double size, boolean bold, FontRenderContext frc) {}

    /** Text measures shared by every Java2D painter: at most ~20,000 (a national map's names, twice), oldest out. */
    private static final Map<MeasureKey, TextBounds> MEASURES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<MeasureKey, TextBounds> eldest) {
                    return size() > 20_000;
                }
            });

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
