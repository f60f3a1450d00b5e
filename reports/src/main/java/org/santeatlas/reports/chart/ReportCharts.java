package org.santeatlas.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.santeatlas.quality.Severity;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.pdf.ReportFonts;

/**
 * The report charts as JFreeChart objects, built from plain data (no workspace access, no drawing): the PDF
 * draws them through the PDFBox Graphics2D bridge (vector, text kept as text), and the app can show the
 * very same objects on screen (JFreeChart's JavaFX viewer, or an image). Styled for print: the report
 * font, white background, light grid, colours that stay distinguishable in grey (dark and light bars,
 * shapes as well as colours for severities). Numbers follow {@link ReportText}'s locale (French: decimal
 * comma, narrow no-break space between thousands).
 */
public final class ReportCharts {

    /** Severity colours (ColorBrewer RdYlBu ends), also told apart by shape and size. */
    public static final Color HIGH = new Color(0xb2, 0x18, 0x2b);
    public static final Color MEDIUM = new Color(0xef, 0x8a, 0x62);
    public static final Color LOW = new Color(0xfd, 0xdb, 0x6d);
    static final Color DARK = new Color(0x2c, 0x5a, 0x8c);
    static final Color LIGHT = new Color(0x9e, 0xc3, 0xe0);
    static final Color BAND = new Color(0x74, 0xc4, 0x76, 70);
    static final Color GRID = new Color(0xd9, 0xd9, 0xd9);
    static final Color TARGET = new Color(0x1a, 0x1a, 0x1a);

    private ReportCharts() {
    }

    /** A monthly series of one data element at one facility or area. */
    public record MonthlyData(String title, String seriesName, List<YearMonth> months, double[] values,
                              List<Flag> flags, double bandLow, double bandHigh, String bandLabel) {
        public MonthlyData {
            months = List.copyOf(months);
            values = values.clone();
            flags = List.copyOf(flags);
            if (values.length != months.size()) {
                throw new IllegalArgumentException("one value per month");
            }
        }
    }

    /** A flagged month of a monthly series. */
    public record Flag(YearMonth month, double value, Severity severity) {}

    /** One district's reporting rates (shares 0–1, NaN when none expected). */
    public record Rate(String district, double completeness, double timeliness) {}

    /** One district's ratio (internal consistency: A / B; over time: current year / reference). */
    public record Ratio(String district, double ratio) {}

    /** One district's current-year total and the reference it is compared with (mean of earlier years). */
    public record YearOnYear(String district, double current, double reference) {}

    /**
     * Monthly values as a line, the expected range as a shaded band, flagged months marked by severity
     * (extreme: large red diamond, moderate: orange circle, low: small yellow circle).
     */
    public static JFreeChart monthly(MonthlyData d, ReportText text) {
        TimeSeries values = new TimeSeries(d.seriesName());
        TimeSeries[] flagged = {
            new TimeSeries(text.get("chart.severity.high")),
            new TimeSeries(text.get("chart.severity.medium")),
            new TimeSeries(text.get("chart.severity.low"))};
        for (int i = 0; i < d.months().size(); i++) {
            if (Double.isFinite(d.values()[i])) {
                values.addOrUpdate(month(d.months().get(i)), d.values()[i]);
            }
        }
        for (Flag f : d.flags()) {
            flagged[f.severity().ordinal()].addOrUpdate(month(f.month()), f.value());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone(ZoneOffset.UTC));
        data.addSeries(values);
        for (TimeSeries t : flagged) {
            data.addSeries(t);
        }
        DateAxis x = new DateAxis();
        SimpleDateFormat monthFormat = new SimpleDateFormat("MMM yy", text.french() ? java.util.Locale.FRENCH
                : java.util.Locale.ENGLISH);
        monthFormat.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        x.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        x.setDateFormatOverride(monthFormat);
        int span = d.months().size();
        x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, span > 36 ? 6 : span > 18 ? 3 : span > 9 ? 2 : 1));
        NumberAxis y = new NumberAxis(d.seriesName());
        y.setNumberFormatOverride(text.number(0));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, DARK);
        r.setSeriesStroke(0, new BasicStroke(1.3f));
        r.setSeriesShape(0, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        Color[] colours = {HIGH, MEDIUM, LOW};
        double[] sizes = {9, 7, 5};
        for (int k = 0; k < 3; k++) {
            r.setSeriesLinesVisible(k + 1, false);
            r.setSeriesPaint(k + 1, colours[k]);
            double s = sizes[k];
            r.setSeriesShape(k + 1, k == 0 ? diamond(s) : new Ellipse2D.Double(-s / 2, -s / 2, s, s));
            r.setSeriesVisibleInLegend(k + 1, !flagged[k].isEmpty());
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        if (Double.isFinite(d.bandLow()) && Double.isFinite(d.bandHigh())) {
            IntervalMarker band = new IntervalMarker(d.bandLow(), d.bandHigh(), BAND);
            band.setLabel(d.bandLabel());
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            band.setLabelFont(ReportFonts.awt(false, 7.5f));
            plot.addRangeMarker(band, Layer.BACKGROUND);
        }
        return finish(new JFreeChart(d.title(), ReportFonts.awt(true, 10.5f), plot, true));
    }

    /**
     * Completeness and timeliness of reporting per district (percent), with the thresholds as lines; the
     * bars carry their values so the figure reads in black and white.
     */
    public static JFreeChart reportingRates(List<Rate> rates, double completenessTarget, double timelinessTarget,
                                            ReportText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String c = text.get("chart.completeness");
        String t = text.get("chart.timeliness");
        for (Rate r : rates) {
            data.addValue(percentOrNull(r.completeness()), c, r.district());
            data.addValue(percentOrNull(r.timeliness()), t, r.district());
        }
        NumberAxis y = new NumberAxis("%");
        y.setRange(0, 105);
        y.setNumberFormatOverride(text.number(0));
        CategoryAxis x = new CategoryAxis();
        if (rates.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, DARK);
        r.setSeriesPaint(1, LIGHT);
        r.setItemMargin(0.05);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", text.number(0)));
        r.setDefaultItemLabelsVisible(rates.size() <= 12);
        r.setDefaultItemLabelFont(ReportFonts.awt(false, 6.5f));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.addRangeMarker(target(100 * completenessTarget, text.get("chart.target.completeness",
                text.percent(completenessTarget, 0)), DARK, new float[] {6, 3}));
        if (Math.abs(timelinessTarget - completenessTarget) > 1e-9) {
            plot.addRangeMarker(target(100 * timelinessTarget, text.get("chart.target.timeliness",
                    text.percent(timelinessTarget, 0)), TARGET, new float[] {2, 2}));
        }
        return finish(new JFreeChart(text.get("chart.reporting.title"), ReportFonts.awt(true, 10.5f), plot, true));
    }

    /**
     * Internal consistency: each district's ratio A / B as a point, the national ratio as a line and the
     * tolerated band (±{@code tolerance}) shaded around it.
     */
    public static JFreeChart ratioAgainstNational(String title, List<Ratio> ratios, double national, double tolerance,
                                                  ReportText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String inside = text.get("chart.ratio.inside");
        String outside = text.get("chart.ratio.outside");
        for (Ratio r : ratios) {
            boolean flagged = Math.abs(r.ratio() / national - 1) > tolerance;
            data.addValue(flagged ? null : r.ratio(), inside, r.district());
            data.addValue(flagged ? r.ratio() : null, outside, r.district());
        }
        NumberAxis y = new NumberAxis(text.get("chart.ratio.axis"));
        y.setNumberFormatOverride(text.number(2));
        y.setAutoRangeIncludesZero(false);
        CategoryAxis x = new CategoryAxis();
        if (ratios.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        LineAndShapeRenderer r = new LineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, DARK);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(1, HIGH);
        r.setSeriesShape(1, diamond(10));
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        IntervalMarker band = new IntervalMarker(national * (1 - tolerance), national * (1 + tolerance), BAND);
        band.setLabel(text.get("chart.ratio.band", text.percent(tolerance, 0)));
        band.setLabelFont(ReportFonts.awt(false, 7.5f));
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(band, Layer.BACKGROUND);
        plot.addRangeMarker(target(national, text.get("chart.ratio.national", text.format(national, 3)), TARGET,
                new float[] {6, 3}));
        // keep the band in view even when every district sits inside it
        double lo = national * (1 - 2 * tolerance);
        double hi = national * (1 + 2 * tolerance);
        for (Ratio q : ratios) {
            lo = Math.min(lo, q.ratio());
            hi = Math.max(hi, q.ratio());
        }
        double pad = (hi - lo) * 0.08;
        y.setRange(Math.max(0, lo - pad), hi + pad);
        return finish(new JFreeChart(title, ReportFonts.awt(true, 10.5f), plot, true));
    }

    /** Consistency over time: per district, the current year's total beside the mean of the earlier years. */
    public static JFreeChart yearOnYear(String title, String currentLabel, String referenceLabel,
                                        List<YearOnYear> rows, ReportText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (YearOnYear r : rows) {
            data.addValue(r.reference(), referenceLabel, r.district());
            data.addValue(r.current(), currentLabel, r.district());
        }
        NumberAxis y = new NumberAxis();
        y.setNumberFormatOverride(text.number(0));
        CategoryAxis x = new CategoryAxis();
        if (rows.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, LIGHT);
        r.setSeriesPaint(1, DARK);
        r.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        return finish(new JFreeChart(title, ReportFonts.awt(true, 10.5f), plot, true));
    }

    private static ValueMarker target(double value, String label, Color colour, float[] dash) {
        ValueMarker m = new ValueMarker(value, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, dash, 0));
        m.setLabel(label);
        m.setLabelFont(ReportFonts.awt(false, 7.5f));
        m.setLabelPaint(colour);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static Double percentOrNull(double share) {
        return Double.isFinite(share) ? 100 * share : null;
    }

    private static Month month(YearMonth ym) {
        return new Month(ym.getMonthValue(), ym.getYear());
    }

    private static java.awt.Shape diamond(double s) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -s / 2);
        p.lineTo(s / 2, 0);
        p.lineTo(0, s / 2);
        p.lineTo(-s / 2, 0);
        p.closePath();
        return p;
    }

    /** The print theme: report font everywhere, white background, light grid, no borders. */
    static JFreeChart finish(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("SantéAtlas print");
        theme.setExtraLargeFont(ReportFonts.awt(true, 10.5f));
        theme.setLargeFont(ReportFonts.awt(true, 8.5f));
        theme.setRegularFont(ReportFonts.awt(false, 8f));
        theme.setSmallFont(ReportFonts.awt(false, 7f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.DARK_GRAY);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // keep the renderers' own colours: apply the theme's fonts and backgrounds, then restore the paints
        java.util.Map<Integer, java.awt.Paint> keep = new java.util.HashMap<>();
        Object r = chart.getPlot() instanceof XYPlot xy ? xy.getRenderer()
                : chart.getPlot() instanceof CategoryPlot cp ? cp.getRenderer() : null;
        for (int i = 0; i < 8; i++) {
            if (r instanceof org.jfree.chart.renderer.xy.AbstractXYItemRenderer x && x.getSeriesPaint(i) != null) {
                keep.put(i, x.getSeriesPaint(i));
            } else if (r instanceof org.jfree.chart.renderer.category.AbstractCategoryItemRenderer c
                    && c.getSeriesPaint(i) != null) {
                keep.put(i, c.getSeriesPaint(i));
            }
        }
        theme.apply(chart);
        keep.forEach((i, p) -> {
            if (r instanceof org.jfree.chart.renderer.xy.AbstractXYItemRenderer x) {
                x.setSeriesPaint(i, p);
            } else if (r instanceof org.jfree.chart.renderer.category.AbstractCategoryItemRenderer c) {
                c.setSeriesPaint(i, p);
            }
        });
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(ReportFonts.awt(false, 7.5f));
        }
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setFont(ReportFonts.awt(true, 10.5f));
            t.setPaint(new Color(0x1a, 0x1a, 0x1a));
        }
        return chart;
    }

    /** Draws a chart (or any {@link org.jfree.chart.ui.Drawable}) in the rectangle {@code 0, 0, w, h}. */
    public static void draw(org.jfree.chart.ui.Drawable chart, java.awt.Graphics2D g, double w, double h) {
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    }
}
