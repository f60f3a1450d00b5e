package org.santeatlas.reports.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.sql.SQLException;
import java.time.LocalDate;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.coverage.CoverageLayer;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.layer.LocalityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.style.Rgba;
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

    /** Largest locality dot on the coverage map, reference pixels (as map-layers' coverage map). */
    static final double LOCALITY_DOT = 14;

    private final PrintLayout layout;
    /** Every locality with a point (Web Mercator), for the per-district coverage dots; null without coverage. */
    private final FeatureSet localities;
    private final LocalityLayer.Coverage coverage;

    private DistrictMap(PrintLayout layout) {
        this(layout, null, null);
    }

    private DistrictMap(PrintLayout layout, FeatureSet localities, LocalityLayer.Coverage coverage) {
        this.layout = layout;
        this.localities = localities;
        this.coverage = coverage;
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

    /**
     * The same map with the carte sanitaire analysis: the geodesic coverage zone of {@code result} (its discs
     * merged once, here, for every district page) above the boundaries and under the facilities, and the
     * localities coloured covered / not covered — on each district page only the district's own localities
     * (see {@link #focus(Envelope, String, String, Set)}), so that the legend counts are the district's.
     * Reads the localities once. Blocking; the workspace's thread.
     */
    public DistrictMap withCoverage(Connection connection, CoverageResult result) throws SQLException {
        List<MapModel.Entry> entries = new ArrayList<>(layout.model().entries());
        int at = entries.size();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).layer().id().equals("facilities")) {
                at = i;
                break;
            }
        }
        entries.add(at, new MapModel.Entry(CoverageLayer.of(COVERAGE, result), true, 1));
        PrintLayout l = new PrintLayout(new MapModel(entries), layout.focus(), layout.title(), layout.subtitle(),
                layout.source(), layout.fictional(), layout.messages());
        return new DistrictMap(l, new MapDataRepository(connection).localities(), CoverageLayer.localityCoverage(result));
    }

    /** Layer ids of the coverage zone and of the coloured localities. */
    public static final String COVERAGE = "coverage";
    public static final String COVERAGE_LOCALITIES = "coverage-localities";

    /**
     * The same map framed on {@code envelope} (world metres) under a title and subtitle, with the coverage dots
     * of the localities whose {@code LOCALITY.ID} is in {@code localityIds} only (when {@link #withCoverage}
     * added coverage). Shares the composed layers and the coverage zone.
     */
    public DistrictMap focus(Envelope envelope, String title, String subtitle, Set<Integer> localityIds) {
        MapModel model = layout.model();
        if (localities != null) {
            List<MapFeature> mine = new ArrayList<>();
            for (MapFeature f : localities.features()) {
                if (localityIds.contains(f.id())) {
                    mine.add(f);
                }
            }
            LocalityLayer dots = new LocalityLayer(COVERAGE_LOCALITIES, layout.messages().get("legend.localities"),
                    new FeatureSet(mine), Rgba.hex("#555555"), LOCALITY_DOT, coverage);
            List<MapModel.Entry> entries = new ArrayList<>(model.entries());
            int zone = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).layer().id().equals(COVERAGE)) {
                    zone = i;
                }
            }
            entries.add(zone + 1, new MapModel.Entry(dots, true, 1));
            model = new MapModel(entries);
        }
        return new DistrictMap(new PrintLayout(model, envelope == null ? layout.focus() : envelope, title, subtitle,
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
