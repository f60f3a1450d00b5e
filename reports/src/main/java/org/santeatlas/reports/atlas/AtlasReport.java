package org.santeatlas.reports.atlas;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.data.Districts;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.data.ReportException;
import org.santeatlas.reports.data.WorkspaceData;
import org.santeatlas.reports.dqr.ReportCovers;
import org.santeatlas.reports.map.DistrictMap;
import org.santeatlas.reports.pdf.Orientation;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.ReportDocument;
import org.santeatlas.reports.pdf.Table;

/**
 * The carte sanitaire atlas: the national overview map, then per district (every district, or the one
 * asked for) a landscape page with its map (health areas, facilities by type) and a facility table (type,
 * health area, distance to the nearest hospital of the district).
 *
 * <p>Coverage figures, the population served and the suggested sites come from the coverage analysis of
 * map-layers, which is being written separately; until it is wired in, each district page says plainly that
 * coverage is not yet available instead of printing a number (see {@link #COVERAGE_PENDING}).
 */
public final class AtlasReport {

    /**
     * Marks the place where the coverage analysis (5 km coverage, population served, suggested sites) is to be
     * wired: TODO(issue 6 / coverage analysis in map-layers) replace the notice by its figures.
     */
    public static final String COVERAGE_PENDING = "atlas.coveragePending";

    private AtlasReport() {
    }

    /**
     * Writes the atlas of every district ({@code districtName} null or blank) or of one district.
     *
     * @return the number of district pages
     */
    public static int write(Workspace ws, String districtName, ReportText t, Paper paper, LocalDate today,
                            OutputStream out) throws SQLException, IOException {
        int level = QualityParameters.DEFAULTS.districtLevel();
        OrgUnitTree tree = OrgUnitTree.load(ws.connection());
        List<OrgUnitTree.Unit> districts = districtName == null || districtName.isBlank() ? tree.atLevel(level)
                : List.of(Districts.resolve(tree, level, districtName));
        if (districts.isEmpty()) {
            throw new ReportException("report.noDistricts", "", List.of());
        }
        WorkspaceData data = new WorkspaceData(ws.connection());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        List<OrgUnitLevel> levels = repo.levels();
        Map<String, FacilityType> types = new HashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        MapDataRepository.facilityLevel(levels).ifPresent(l -> {
            try {
                MapDataRepository.Facilities f = repo.facilities(l.level());
                for (FacilityType ft : f.types()) {
                    types.put(ft.groupUid(), ft);
                }
                for (MapFeature m : f.features().features()) {
                    if (m.category() != null) {
                        typeOf.put(m.uid(), m.category());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String scope = districts.size() == 1 ? districts.get(0).name() : t.get("atlas.allDistricts");
        ReportDocument d = new ReportDocument(paper, ReportCovers.cover(ws, data, t, t.get("atlas.title"), scope, "",
                today), t);
        try {
            DistrictMap overview = DistrictMap.country(ws, t, today, t.get("atlas.overview"));
            d.section(t.get("atlas.overview"), Orientation.LANDSCAPE);
            float w = d.textWidth();
            float h = d.remaining() - 10;
            d.graphic(w, h, g -> overview.paint(g, w, h, List.of()));
            DistrictMap areas = DistrictMap.of(ws, districts.get(0), t, today);
            Map<String, org.locationtech.jts.geom.Envelope> envelopes = DistrictMap.envelopes(ws, level);
            for (OrgUnitTree.Unit district : districts) {
                district(d, tree, areas.focus(envelopes.get(district.uid()), district.name()), district, types, typeOf, t);
            }
            d.save(out);
        } catch (RuntimeException | SQLException | IOException e) {
            d.close();
            throw e;
        }
        return districts.size();
    }

    private static void district(ReportDocument d, OrgUnitTree tree, DistrictMap map,
                                 OrgUnitTree.Unit district, Map<String, FacilityType> types, Map<String, String> typeOf,
                                 ReportText t) {
        d.section(district.name(), Orientation.LANDSCAPE);
        float w = d.textWidth();
        float h = d.remaining() - 60;
        d.graphic(w, h, g -> map.paint(g, w, h, List.of()));
        d.notice(t.get(COVERAGE_PENDING));

        List<OrgUnitTree.Unit> facilities = tree.facilitiesUnder(district);
        List<OrgUnitTree.Unit> hospitals = new ArrayList<>();
        for (OrgUnitTree.Unit f : facilities) {
            FacilityType ft = types.get(typeOf.get(f.uid()));
            if (ft != null && ft.kind() == FacilityKind.HOSPITAL && Double.isFinite(f.lon())) {
                hospitals.add(f);
            }
        }
        d.heading(2, t.get("atlas.facilities", facilities.size()));
        Table tb = Table.of(Table.Column.text(t.get("col.facility"), 3), Table.Column.text(t.get("atlas.type"), 2),
                Table.Column.text(t.get("atlas.area"), 2.4), Table.Column.number(t.get("atlas.distance"), 1.4),
                Table.Column.text(t.get("atlas.hospital"), 2.6));
        for (OrgUnitTree.Unit f : facilities) {
            FacilityType ft = types.get(typeOf.get(f.uid()));
            String distance = "–";
            String nearest = "";
            if (Double.isFinite(f.lon())) {
                double best = Double.POSITIVE_INFINITY;
                for (OrgUnitTree.Unit hsp : hospitals) {
                    double km = kilometres(f.lat(), f.lon(), hsp.lat(), hsp.lon());
                    if (km < best) {
                        best = km;
                        nearest = hsp.name();
                    }
                }
                if (Double.isFinite(best)) {
                    distance = t.format(best, 1);
                }
            }
            tb.row(f.name(), ft == null ? "–" : ft.name(), tree.parentName(f), distance, nearest);
        }
        d.table(tb.fontSize(7.5f));
        d.note(t.get("atlas.distanceNote"));
    }

    /** Great-circle distance on a sphere of the mean Earth radius (6 371 km), kilometres. */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
