package org.santeatlas.reports.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.pdf.ReportFonts;

/**
 * A district's health map for the reports: map-layers' printed layout ({@link HealthMapComposer}: health
 * areas, facilities by type, legend, scale bar, north arrow, fictional mark) framed on the district, painted
 * by its {@link Java2dPainter} on the report's Graphics2D (vector in the PDF), with optional rings around
 * facilities a report points at (geographic findings). One painting path: the layers are map-layers' own.
 */
public final class DistrictMap {

    /** A ring around a place (WGS 84 degrees); {@code strong}: thick red, else orange. */
    public record Marker(double lon, double lat, boolean strong) {}

    /** Points per reference pixel: PDF points are 1/72 inch, the layout's pixels 1/96. */
    static final double SCALE = 72.0 / 96.0;

    private final PrintLayout layout;

    private DistrictMap(PrintLayout layout) {
        this.layout = layout;
    }

    public PrintLayout layout() {
        return layout;
    }

    /** The health-area map framed on {@code district} (or on the whole country when it has no polygon). */
    public static DistrictMap of(Workspace ws, OrgUnitTree.Unit district, ReportText t, LocalDate today)
            throws SQLException {
        ReportFonts.registerAwt();
        MapRequest request = MapRequest.defaults().withLevel(MapRequest.AreaLevel.AREA).withLocale(t.locale())
                .madeOn(today);
        PrintLayout base = HealthMapComposer.compose(ws, request);
        Envelope focus = districtEnvelope(ws, district).orElse(base.focus());
        return new DistrictMap(new PrintLayout(base.model(), focus, district.name(), "", base.source(), base.fictional(),
                new MapMessages(t.locale())));
    }

    /** A map of the whole country (the atlas overview). */
    public static DistrictMap country(Workspace ws, ReportText t, LocalDate today, String title) throws SQLException {
        ReportFonts.registerAwt();
        MapRequest request = MapRequest.defaults().withLevel(MapRequest.AreaLevel.DISTRICT).withLocale(t.locale())
                .madeOn(today);
        PrintLayout base = HealthMapComposer.compose(ws, request);
        return new DistrictMap(new PrintLayout(base.model(), base.focus(), title, "", base.source(), base.fictional(),
                new MapMessages(t.locale())));
    }

    /**
     * The same map framed on {@code envelope} (world metres) under another title, sharing the composed layers:
     * the atlas draws every district from one composition.
     */
    public DistrictMap focus(Envelope envelope, String title) {
        return new DistrictMap(new PrintLayout(layout.model(), envelope == null ? layout.focus() : envelope, title, "",
                layout.source(), layout.fictional(), layout.messages()));
    }

    /** The world envelope (Web Mercator metres) of every org unit of {@code level} with a polygon, by UID. */
    public static java.util.Map<String, Envelope> envelopes(Workspace ws, int level) throws SQLException {
        java.util.Map<String, Envelope> out = new java.util.HashMap<>();
        MapDataRepository repo = new MapDataRepository(ws.connection());
        for (OrgUnitLevel l : repo.levels()) {
            if (l.level() == level && l.polygons() > 0) {
                for (MapFeature f : repo.boundaries(level).features()) {
                    out.put(f.uid(), f.world().getEnvelopeInternal());
                }
            }
        }
        return out;
    }

    static java.util.Optional<Envelope> districtEnvelope(Workspace ws, OrgUnitTree.Unit district) throws SQLException {
        MapDataRepository repo = new MapDataRepository(ws.connection());
        List<OrgUnitLevel> levels = repo.levels();
        for (OrgUnitLevel l : levels) {
            if (l.level() == district.level() && l.polygons() > 0) {
                FeatureSet set = repo.boundaries(l.level());
                for (MapFeature f : set.features()) {
                    if (district.uid().equals(f.uid())) {
                        return java.util.Optional.of(f.world().getEnvelopeInternal());
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Paints the map page in {@code width × height} points on {@code g}, then the markers. */
    public void paint(Graphics2D g, double width, double height, List<Marker> markers) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.scale(SCALE, SCALE);
            double w = width / SCALE;
            double h = height / SCALE;
            Java2dPainter painter = new Java2dPainter(g2);
            layout.paint(painter, w, h, 1);
            if (!markers.isEmpty()) {
                PrintLayout.Frame f = layout.frame(painter, w, h);
                Viewport v = layout.viewport(painter, w, h);
                g2.translate(f.x(), f.y());
                g2.clipRect(0, 0, v.width(), v.height());
                for (Marker m : markers) {
                    Coordinate c = v.toScreen(m.lon(), m.lat());
                    double r = m.strong() ? 9 : 7;
                    g2.setColor(m.strong() ? new Color(0xb2, 0x18, 0x2b) : new Color(0xe6, 0x55, 0x0d));
                    g2.setStroke(new BasicStroke(m.strong() ? 2.2f : 1.6f));
                    g2.draw(new Ellipse2D.Double(c.x - r, c.y - r, 2 * r, 2 * r));
                }
            }
        } finally {
            g2.dispose();
        }
    }
}
