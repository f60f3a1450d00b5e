package org.santeatlas.map.print;

import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.draw.TextBounds;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

/** Paints a {@link Legend} as a block: title lines, then one row per key with its label and count. */
public final class LegendPainter {

    static final TextStyle TITLE = TextStyle.plain(12, Rgba.hex("#252525")).asBold();
    static final TextStyle ROW = TextStyle.plain(11, Rgba.hex("#252525"));
    static final TextStyle COUNT = TextStyle.plain(10, Rgba.hex("#636363"));
    static final double KEY = 16;
    static final double ROW_HEIGHT = 19;

    private LegendPainter() {
    }

    /** Paints the legend with its top-left corner at (x, y) within {@code width}; returns its height. */
    public static double paint(MapPainter p, Legend legend, double x, double y, double width) {
        double cy = y;
        if (!legend.title().isBlank()) {
            for (String line : legend.title().split("\n")) {
                TextStyle style = cy == y ? TITLE : COUNT;
                TextBounds b = p.measureText(line, style);
                String shown = fit(p, line, style, width);
                p.drawText(shown, x, cy + b.ascent(), style);
                cy += b.height() + 3;
            }
            cy += 3;
        }
        // Proportional circles may be wider than a key: the key column and each row grow to hold them.
        double keyWidth = KEY;
        for (Legend.Row row : legend.rows()) {
            if (row.key() instanceof Legend.Symbol s) {
                keyWidth = Math.max(keyWidth, s.style().size() + 2);
            }
        }
        for (Legend.Row row : legend.rows()) {
            double rowHeight = row.key() instanceof Legend.Symbol s ? Math.max(ROW_HEIGHT, s.style().size() + 4) : ROW_HEIGHT;
            double keyY = cy + (rowHeight - KEY) / 2;
            Legend.Key key = row.key();
            if (key instanceof Legend.Swatch s) {
                swatch(p, s.style(), x, keyY);
            } else if (key instanceof Legend.Symbol s) {
                p.drawSymbol(x + keyWidth / 2, cy + rowHeight / 2, s.style());
            } else if (key instanceof Legend.Line l) {
                line(p, l.style(), x, keyY);
            }
            double countWidth = 0;
            if (row.count().isPresent()) {
                String count = "(" + row.count().getAsInt() + ")";
                countWidth = p.measureText(count, COUNT).width();
                TextBounds cb = p.measureText(count, COUNT);
                p.drawText(count, x + width - countWidth, cy + rowHeight / 2 + cb.ascent() / 2 - 1, COUNT);
            }
            TextBounds b = p.measureText(row.label(), ROW);
            String label = fit(p, row.label(), ROW, width - keyWidth - 8 - countWidth - 6);
            p.drawText(label, x + keyWidth + 8, cy + rowHeight / 2 + b.ascent() / 2 - 1, ROW);
            cy += rowHeight;
        }
        return cy - y;
    }

    private static void swatch(MapPainter p, AreaStyle s, double x, double y) {
        if (s.fill() != null) {
            p.fillRect(x, y, KEY, KEY, s.fill());
        }
        p.strokeRect(x, y, KEY, KEY, s.outline() != null ? LineStyle.solid(s.outline().color(), 0.8)
                : LineStyle.solid(Rgba.hex("#969696"), 0.8));
    }

    private static void line(MapPainter p, LineStyle s, double x, double y) {
        p.drawLine(x, y + KEY / 2, x + KEY, y + KEY / 2, s);
    }

    /** The text, cut with an ellipsis to fit a width. */
    static String fit(MapPainter p, String text, TextStyle style, double width) {
        if (p.measureText(text, style).width() <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && p.measureText(t + "…", style).width() > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }
}
