package org.santeatlas.reports.atlas;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageInput;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.coverage.FacilitySelection;
import org.santeatlas.map.coverage.SiteSuggestion;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapFeature;
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
 * The carte sanitaire atlas: the national overview map with the coverage of every district, then per district
 * (every district, or the one asked for) a landscape page with its map (health areas, facilities by type, the
 * coverage zone and the localities covered / not covered), its coverage figures per health area, the facility
 * table (type, health area, population served, distance to the district hospital) and the suggested sites.
 *
 * <p>Every coverage figure comes from one run of map-layers' {@link CoverageAnalysis} over the whole workspace
 * (every open facility counts, each locality's latest population), and the sites from {@link SiteSuggestion} on
 * that run: the atlas prints what {@code santeatlas coverage} and {@code santeatlas site} print.
 */
public final class AtlasReport {

    /** Suggested sites per district. */
    public static final int SITES_PER_DISTRICT = 3;

    private static final Color TOTAL_FILL = new Color(0xee, 0xee, 0xee);

    private AtlasReport() {
    }

    /** The atlas at the default radius ({@link CoverageAnalysis#DEFAULT_RADIUS}). */
    public static int write(Workspace ws, String districtName, ReportText t, Paper paper, LocalDate today,
                            OutputStream out) throws SQLException, IOException {
        return write(ws, districtName, CoverageAnalysis.DEFAULT_RADIUS, t, paper, today, out);
    }

    /**
     * Writes the atlas of every district ({@code districtName} null or blank) or of one district.
     *
     * @param radius the coverage radius, metres
     * @return the number of district pages
     */
    public static int write(Workspace ws, String districtName, double radius, ReportText t, Paper paper,
                            LocalDate today, OutputStream out) throws SQLException, IOException {
        int level = QualityParameters.DEFAULTS.districtLevel();
        OrgUnitTree tree = OrgUnitTree.load(ws.connection());
        List<OrgUnitTree.Unit> districts = districtName == null || districtName.isBlank() ? tree.atLevel(level)
                : List.of(Districts.resolve(tree, level, districtName));
        if (districts.isEmpty()) {
            throw new ReportException("report.noDistricts", "", List.of());
        }
        CoverageResult coverage;
        try {
            CoverageInput input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
            coverage = CoverageAnalysis.run(input, radius, FacilitySelection.ALL);
        } catch (CoverageRepository.NoBoundariesException e) {
            throw new ReportException("report.noBoundaries", "", List.of());
        }
        Figures figures = new Figures(coverage);
        WorkspaceData data = new WorkspaceData(ws.connection());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        Map<String, FacilityType> types = new HashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        var facilityLevel = MapDataRepository.facilityLevel(repo.levels());
        if (facilityLevel.isPresent()) {
            MapDataRepository.Facilities f = repo.facilities(facilityLevel.get().level());
            for (FacilityType ft : f.types()) {
                types.put(ft.groupUid(), ft);
            }
            for (MapFeature m : f.features().features()) {
                if (m.category() != null) {
                    typeOf.put(m.uid(), m.category());
                }
            }
        }
        String scope = districts.size() == 1 ? districts.get(0).name() : t.get("atlas.allDistricts");
        ReportDocument d = new ReportDocument(paper, ReportCovers.cover(ws, data, t, t.get("atlas.title"), scope, "",
                today), t);
        try {
            overview(d, DistrictMap.country(ws, t, today, t.get("atlas.overview")), figures, t);
            DistrictMap areas = DistrictMap.of(ws, districts.get(0), t, today).withCoverage(ws.connection(), coverage);
            Map<String, Envelope> envelopes = DistrictMap.envelopes(ws, level);
            for (OrgUnitTree.Unit district : districts) {
                int u = coverage.input().unitIndex(district.uid());
                // the map's own sentence, with the figures written as the tables write them
                String subtitle = u < 0 ? "" : areas.layout().messages().get("subtitle.coverage",
                        t.format(coverage.unit(u).coveragePercent(), 1), figures.radiusKm(t));
                DistrictMap map = areas.focus(envelopes.get(district.uid()), district.name(), subtitle,
                        figures.localityIds(u));
                district(d, tree, map, district, u, figures, types, typeOf, t);
            }
            d.save(out);
        } catch (RuntimeException | SQLException | IOException e) {
            d.close();
            throw e;
        }
        return districts.size();
    }

    /**
     * What the pages print, derived once from the analysis: the population each facility serves and the
     * localities of each district.
     */
    static final class Figures {
        final CoverageResult result;
        final Map<String, Integer> facilityByUid = new HashMap<>();
        /**
         * Population served by facility f: the inhabitants of the localities whose nearest facility f is and that
         * lie within the radius of it. Summed over every facility it is the covered population of the country.
         */
        final long[] served;
        private final Map<Integer, Set<Integer>> localitiesByDistrict = new HashMap<>();

        Figures(CoverageResult result) {
            this.result = result;
            CoverageInput in = result.input();
            for (int f = 0; f < in.facilities().size(); f++) {
                facilityByUid.put(in.facilities().get(f).uid(), f);
            }
            served = new long[in.facilities().size()];
            for (int i = 0; i < in.localities().size(); i++) {
                CoverageInput.Locality l = in.localities().get(i);
                int f = result.nearestFacility(i);
                if (f >= 0 && result.isCovered(i)) {
                    served[f] += l.population();
                }
                int district = l.unit() < 0 ? -1 : in.ancestorAt(l.unit(), in.districtLevel());
                if (district >= 0) {
                    localitiesByDistrict.computeIfAbsent(district, k -> new HashSet<>()).add(l.id());
                }
            }
        }

        /** {@code LOCALITY.ID} of the localities of district unit u (none when u is -1). */
        Set<Integer> localityIds(int u) {
            return localitiesByDistrict.getOrDefault(u, Set.of());
        }

        String radiusKm(ReportText t) {
            return t.format(result.radiusMetres() / 1000, result.radiusMetres() % 1000 == 0 ? 0 : 2);
        }
    }

    private static void overview(ReportDocument d, DistrictMap overview, Figures figures, ReportText t) {
        d.section(t.get("atlas.overview"), Orientation.LANDSCAPE);
        float w = d.textWidth();
        float h = d.remaining() - 10;
        d.graphic(w, h, g -> overview.paint(g, w, h, List.of()));
        CoverageResult r = figures.result;
        CoverageInput in = r.input();
        d.heading(2, t.get("atlas.nationalCoverage", figures.radiusKm(t)));
        Table tb = coverageTable(t.get("atlas.col.district"), figures, t);
        for (CoverageResult.Stats s : r.atLevel(in.districtLevel())) {
            coverageRow(tb, s, false, t);
        }
        coverageRow(tb, new CoverageResult.Stats(null, t.get("atlas.country"), 0, r.total().population(),
                r.total().covered(), r.total().facilities()), true, t);
        d.table(tb.fontSize(8));
        d.note(t.get("atlas.coverageNote", figures.radiusKm(t)));
        if (r.unassignedPopulation() > 0 || in.localitiesWithoutPoint() > 0) {
            d.note(t.get("atlas.countryNote", t.format(r.unassignedPopulation(), 0),
                    t.format(in.localitiesWithoutPoint(), 0)));
        }
    }

    private static Table coverageTable(String first, Figures figures, ReportText t) {
        return Table.of(Table.Column.text(first, 3.2), Table.Column.number(t.get("atlas.col.population"), 1.4),
                Table.Column.number(t.get("atlas.col.covered", figures.radiusKm(t)), 1.6),
                Table.Column.number(t.get("atlas.col.percent"), 1.1),
                Table.Column.number(t.get("atlas.col.facilities"), 1.1),
                Table.Column.number(t.get("atlas.col.per10000"), 1.6));
    }

    private static void coverageRow(Table tb, CoverageResult.Stats s, boolean total, ReportText t) {
        String[] cells = {s.name(), t.format(s.population(), 0), t.format(s.covered(), 0),
            t.percent(s.coveragePercent() / 100, 1), t.format(s.facilities(), 0), t.format(s.facilitiesPer10000(), 2)};
        Color[] fills = null;
        if (total) {
            fills = new Color[cells.length];
            java.util.Arrays.fill(fills, TOTAL_FILL);
        }
        tb.row(cells, fills);
    }

    private static void district(ReportDocument d, OrgUnitTree tree, DistrictMap map, OrgUnitTree.Unit district, int u,
                                 Figures figures, Map<String, FacilityType> types, Map<String, String> typeOf,
                                 ReportText t) {
        CoverageResult r = figures.result;
        CoverageInput in = r.input();
        SiteSuggestion.Plan plan = u < 0 ? null : SiteSuggestion.suggest(r, SITES_PER_DISTRICT, u);
        List<DistrictMap.Marker> sites = plan == null ? List.of() : plan.sites().stream().map(s -> {
            CoverageInput.Locality l = in.localities().get(s.locality());
            return new DistrictMap.Marker(l.lon(), l.lat(), false);
        }).toList();
        d.section(district.name(), Orientation.LANDSCAPE);
        float w = d.textWidth();
        float h = d.remaining() - 4;
        d.graphic(w, h, g -> map.paint(g, w, h, sites));

        // ---- coverage per health area ----
        d.heading(2, t.get("atlas.coverage", figures.radiusKm(t)));
        if (u >= 0) {
            Table tb = coverageTable(t.get("atlas.area"), figures, t);
            for (CoverageResult.Stats s : r.atLevelWithin(in.areaLevel(), u)) {
                if (s.level() != in.districtLevel()) {
                    coverageRow(tb, s, false, t);
                }
            }
            CoverageResult.Stats s = r.unit(u);
            coverageRow(tb, new CoverageResult.Stats(s.uid(), t.get("atlas.districtTotal"), s.level(), s.population(),
                    s.covered(), s.facilities()), true, t);
            d.table(tb.fontSize(8));
        }
        d.note(t.get("atlas.coverageNote", figures.radiusKm(t)));

        // ---- facilities ----
        List<OrgUnitTree.Unit> facilities = tree.facilitiesUnder(district);
        d.heading(2, t.get("atlas.facilities", facilities.size()));
        Table tb = Table.of(Table.Column.text(t.get("col.facility"), 3), Table.Column.text(t.get("atlas.type"), 2),
                Table.Column.text(t.get("atlas.area"), 2.4), Table.Column.number(t.get("atlas.served"), 1.4),
                Table.Column.number(t.get("atlas.distance"), 1.4), Table.Column.text(t.get("atlas.hospital"), 2.6));
        for (OrgUnitTree.Unit f : facilities) {
            FacilityType ft = types.get(typeOf.get(f.uid()));
            Integer x = figures.facilityByUid.get(f.uid());
            String served = "–";
            String distance = "–";
            String hospital = "";
            if (x != null) {
                served = t.format(figures.served[x], 0);
                OptionalDouble m = r.hospitalDistance(x);
                if (m.isPresent()) {
                    distance = t.format(m.getAsDouble() / 1000, 1);
                    hospital = in.facilities().get(r.districtHospital(x)).name();
                }
            }
            tb.row(f.name(), ft == null ? "–" : ft.name(), tree.parentName(f), served, distance, hospital);
        }
        d.table(tb.fontSize(7.5f));
        d.note(t.get("atlas.facilityNote", figures.radiusKm(t)));

        // ---- suggested sites ----
        if (plan != null) {
            d.heading(2, t.get("atlas.sites", plan.sites().size()));
            if (plan.sites().isEmpty()) {
                d.paragraph(t.get("atlas.noSites", figures.radiusKm(t)));
            } else {
                Table st = Table.of(Table.Column.number("#", 0.5), Table.Column.text(t.get("atlas.col.locality"), 2.6),
                        Table.Column.text(t.get("atlas.area"), 2.4), Table.Column.text(t.get("atlas.col.position"), 2),
                        Table.Column.number(t.get("atlas.col.population"), 1.3),
                        Table.Column.number(t.get("atlas.col.gain"), 1.6),
                        Table.Column.number(t.get("atlas.col.cumulative"), 1.6),
                        Table.Column.number(t.get("atlas.col.cumulativePercent"), 1.4));
                int rank = 0;
                for (SiteSuggestion.Site s : plan.sites()) {
                    CoverageInput.Locality l = in.localities().get(s.locality());
                    st.row(Integer.toString(++rank), l.name(), l.unit() < 0 ? "–" : in.units().get(l.unit()).name(),
                            t.format(l.lat(), 4) + (t.french() ? " ; " : ", ") + t.format(l.lon(), 4), t.format(l.population(), 0),
                            t.format(s.gain(), 0), t.format(s.cumulativeCovered(), 0),
                            t.percent(s.cumulativePercent() / 100, 1));
                }
                d.table(st.fontSize(8));
            }
            d.note(t.get("atlas.sitesNote", figures.radiusKm(t), t.percent(plan.percentBefore() / 100, 1)));
        }
    }
}
