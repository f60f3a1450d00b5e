package org.santeatlas.app.map;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.ScreenPath;
import org.santeatlas.map.draw.TextBounds;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

/**
 * The JavaFX painter: the same layers that print through Java2D draw on a {@link javafx.scene.canvas.Canvas}
 * through this adapter (thousands of facilities on one canvas, not one node each). FX thread only: a
 * canvas's graphics context belongs to it.
 */
public final class FxMapPainter implements MapPainter {

    /** DejaVu Sans when the system has it (every French accent), else JavaFX's default family. */
    static final String FAMILY = Font.getFamilies().contains("DejaVu Sans") ? "DejaVu Sans" : Font.getDefault().getFamily();

    private final GraphicsContext gc;
    private final Deque<Double> opacities = new ArrayDeque<>();
    private final Map<Long, Font> fonts = new HashMap<>();
    private final Text measurer = new Text();
    private double opacity = 1;

    public FxMapPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setFillRule(FillRule.EVEN_ODD);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        measurer.setBoundsType(TextBoundsType.LOGICAL);
    }

    @Override
    public void save() {
        gc.save();
        opacities.push(opacity);
    }

    @Override
    public void restore() {
        gc.restore();
        opacity = opacities.pop();
    }

    @Override
    public void translate(double dx, double dy) {
        gc.translate(dx, dy);
    }

    @Override
    public void clipPath(ScreenPath path) {
        trace(path);
        gc.clip();
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
        trace(path);
        gc.setFill(color(fill));
        gc.setFillRule(FillRule.EVEN_ODD);
        gc.fill();
    }

    @Override
    public void strokePath(ScreenPath path, LineStyle line) {
        if (path.isEmpty() || line.color().alpha() == 0) {
            return;
        }
        trace(path);
        gc.setStroke(color(line.color()));
        gc.setLineWidth(line.width());
        double[] dash = line.dash();
        gc.setLineDashes(dash == null ? new double[0] : dash);
        gc.setLineCap(dash == null ? StrokeLineCap.ROUND : StrokeLineCap.BUTT);
        gc.stroke();
    }

    @Override
    public void drawText(String text, double x, double y, TextStyle style) {
        if (text.isEmpty()) {
            return;
        }
        gc.setFont(font(style));
        gc.setTextBaseline(javafx.geometry.VPos.BASELINE);
        if (style.hasHalo()) {
            gc.setStroke(color(style.halo()));
            gc.setLineWidth(2 * style.haloWidth());
            gc.setLineDashes(new double[0]);
            gc.setLineJoin(StrokeLineJoin.ROUND);
            gc.strokeText(text, x, y);
        }
        gc.setFill(color(style.color()));
        gc.fillText(text, x, y);
    }

    @Override
    public TextBounds measureText(String text, TextStyle style) {
        if (text.isEmpty()) {
            return new TextBounds(0, 0, 0);
        }
        measurer.setFont(font(style));
        measurer.setText(text);
        Bounds b = measurer.getLayoutBounds();
        double ascent = -b.getMinY();
        return new TextBounds(b.getWidth(), ascent, b.getMaxY());
    }

    private void trace(ScreenPath path) {
        gc.beginPath();
        for (int i = 0; i < path.size(); i++) {
            switch (path.op(i)) {
                case ScreenPath.MOVE -> gc.moveTo(path.x(i), path.y(i));
                case ScreenPath.LINE -> gc.lineTo(path.x(i), path.y(i));
                default -> gc.closePath();
            }
        }
    }

    private Font font(TextStyle style) {
        long key = Double.doubleToLongBits(style.size()) ^ (style.bold() ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font(FAMILY, style.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                style.size()));
    }

    private Color color(Rgba c) {
        return Color.rgb(c.red(), c.green(), c.blue(), c.opacity() * opacity);
    }
}
