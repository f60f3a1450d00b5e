package org.santeatlas.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ui.Drawable;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.pdf.ReportFonts;

/**
 * The DQR summary scorecard as a heat table: one row per district (the highlighted one in bold), one
 * column per dimension and an overall column, each cell its score in percent on a red–yellow–green
 * background (red below {@code low}, green from {@code high}). Drawn directly on any Graphics2D (a
 * {@link Drawable}, like a JFreeChart, so the app can show it too); the numbers are printed in every cell,
 * so the table reads in black and white.
 */
public final class ScorecardHeatTable implements Drawable {

    /** A row: its label, scores 0–1 per column (NaN: nothing judged), whether to emphasise it. */
    public record Row(String label, double[] scores, boolean emphasis) {
        public Row {
            scores = scores.clone();
        }
    }

    private final List<String> columns;
    private final List<Row> rows;
    private final double low;
    private final double high;
    private final ReportText text;

    public ScorecardHeatTable(List<String> columns, List<Row> rows, double low, double high, ReportText text) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.low = low;
        this.high = high;
        this.text = text;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The height this table wants for {@code width}: header plus one line per row. */
    public double preferredHeight() {
        return 46 + rows.size() * 15.0;
    }

    /** Background of a score: red under {@code low}, yellow between, green from {@code high}; grey for none. */
    public Color colour(double score) {
        if (!Double.isFinite(score)) {
            return new Color(0xee, 0xee, 0xee);
        }
        if (score >= high) {
            return new Color(0xa6, 0xd9, 0x6a);
        }
        if (score >= low) {
            return new Color(0xfe, 0xe0, 0x8b);
        }
        return new Color(0xf4, 0x6d, 0x43);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        Font head = ReportFonts.awt(true, 6.8f);
        Font cell = ReportFonts.awt(false, 7.5f);
        Font bold = ReportFonts.awt(true, 7.5f);
        double labelW = Math.min(150, area.getWidth() * 0.24);
        double colW = (area.getWidth() - labelW) / Math.max(1, columns.size());
        double headerH = 46;
        double rowH = Math.min(15, (area.getHeight() - headerH) / Math.max(1, rows.size()));
        double x0 = area.getX();
        double y0 = area.getY();
        g.setColor(Color.WHITE);
        g.fill(area);
        // header: names wrapped on two or three lines
        g.setFont(head);
        g.setColor(new Color(0x33, 0x33, 0x33));
        FontMetrics hm = g.getFontMetrics();
        for (int c = 0; c < columns.size(); c++) {
            List<String> lines = wrap(columns.get(c), hm, colW - 4);
            double cx = x0 + labelW + c * colW + colW / 2;
            double ly = y0 + headerH - 4 - (lines.size() - 1) * (hm.getHeight() - 1);
            for (String l : lines) {
                g.drawString(l, (float) (cx - hm.stringWidth(l) / 2.0), (float) ly);
                ly += hm.getHeight() - 1;
            }
        }
        g.setColor(new Color(0x1a, 0x1a, 0x1a));
        g.draw(new Line2D.Double(x0, y0 + headerH + 0.5, x0 + area.getWidth(), y0 + headerH + 0.5));
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double ry = y0 + headerH + 1 + r * rowH;
            g.setFont(row.emphasis() ? bold : cell);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(new Color(0x1a, 0x1a, 0x1a));
            String label = fit(row.label(), fm, labelW - 6);
            g.drawString(label, (float) (x0 + 2), (float) (ry + rowH / 2 + fm.getAscent() / 2.0 - 1));
            for (int c = 0; c < columns.size() && c < row.scores().length; c++) {
                double s = row.scores()[c];
                Rectangle2D box = new Rectangle2D.Double(x0 + labelW + c * colW + 0.75, ry + 0.75, colW - 1.5,
                        rowH - 1.5);
                g.setColor(colour(s));
                g.fill(box);
                String v = text.percent(s, 1);
                g.setColor(new Color(0x1a, 0x1a, 0x1a));
                g.drawString(v, (float) (box.getCenterX() - fm.stringWidth(v) / 2.0),
                        (float) (ry + rowH / 2 + fm.getAscent() / 2.0 - 1));
            }
        }
    }

    private static String fit(String s, FontMetrics fm, double max) {
        if (fm.stringWidth(s) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static List<String> wrap(String s, FontMetrics fm, double max) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split(" ")) {
            String cand = line.isEmpty() ? w : line + " " + w;
            if (fm.stringWidth(cand) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(cand);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(w);
            }
        }
        lines.add(line.toString());
        return lines.size() > 3 ? List.of(lines.get(0), lines.get(1), fit(lines.get(2) + "…", fm, max)) : lines;
    }
}
