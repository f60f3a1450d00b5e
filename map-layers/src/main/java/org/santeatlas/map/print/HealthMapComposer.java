package org.santeatlas.map.print;

import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.text.EditDistance;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.IndicatorExpression;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.theme.Classification;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Classifier;

/**
 * Builds the standard printed health map of a workspace: boundaries of the chosen level (filled by a
 * theme when one is asked), the level above and the country outlined over them, facilities by type, labels,
 * and the page's title, source line and fictional-data mark. Reads the workspace (blocking, the
 * workspace's thread).
 */
public final class HealthMapComposer {

    static final LineStyle AREA_LINE = LineStyle.solid(Rgba.hex("#969696"), 0.6);
    static final LineStyle THEME_LINE = LineStyle.solid(Rgba.hex("#ffffff"), 0.7);
    static final LineStyle PARENT_LINE = LineStyle.solid(Rgba.hex("#525252"), 1.3);
    static final LineStyle COUNTRY_LINE = LineStyle.solid(Rgba.hex("#252525"), 2);
    static final Rgba LAND = Rgba.hex("#fbfaf3");
    static final TextStyle AREA_LABEL = TextStyle.plain(10, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 1.8);
    static final TextStyle FACILITY_LABEL = TextStyle.plain(9, Rgba.hex("#67001f")).withHalo(Rgba.WHITE, 1.6);

    private HealthMapComposer() {
    }

    /** A request the workspace cannot answer (no boundaries, unknown data element, bad period). */
    public static final class MapRequestException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] args;

        public MapRequestException(String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.key = key;
            this.args = args.clone();
        }

        /**
         * The message key (in the CLI's bundle: map.noBoundaries, map.unknownDataElement, map.badPeriod,
         * map.unknownIndicator, map.indicatorUnsupported, map.unknownDataSet, map.noQualityRun,
         * map.noFacilities, map.unknownDistrict, map.unknownLegendSet, map.logNeedsPositive,
         * map.facilityNeedsPeriod, map.facilityNoDataSet, map.periodsNeedTheme, map.tooManyPeriods).
         */
        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public static PrintLayout compose(Workspace ws, MapRequest request) throws SQLException {
        MapMessages m = new MapMessages(request.locale());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        ThemeRepository themes = new ThemeRepository(ws.connection());
        List<OrgUnitLevel> levels = repo.levels();
        Optional<OrgUnitLevel> area = MapDataRepository.areaLevel(levels);
        if (area.isEmpty()) {
            throw new MapRequestException("map.noBoundaries");
        }
        // One district: its health areas, whatever --level says (one polygon alone is not a map).
        Optional<MapFeature> district = request.district().isPresent()
                ? Optional.of(findDistrict(repo, levels, request.district().get()))
                : Optional.empty();
        OrgUnitLevel target = request.level() == MapRequest.AreaLevel.AREA || district.isPresent() ? area.get()
                : MapDataRepository.districtLevel(levels).orElse(area.get());
        FeatureSet targetAreas = repo.boundaries(target.level());
        Set<String> inDistrict = district.isPresent() ? descendants(ws, district.get().uid()) : Set.of();
        if (district.isPresent()) {
            targetAreas = within(targetAreas, inDistrict);
        }

        MapModel model = MapModel.of();
        String title;
        String subtitle;
        Optional<Period> themePeriod = Optional.empty();
        if (request.theme().isPresent()) {
            ThemeResult t = theme(themes, repo, request.theme().get(), targetAreas, target, levels, m);
            themePeriod = Optional.of(t.period());
            model = model.with(choropleth(ws, request, t, targetAreas, m));
            title = t.title();
            subtitle = t.subtitle();
        } else {
            model = model.with(new BoundaryLayer("areas", target.name(), targetAreas, AreaStyle.filled(LAND, AREA_LINE),
                    AREA_LABEL, 100));
            title = m.get("title.map", countryName(repo, levels).orElse(ws.name()));
            subtitle = "";
        }
        if (district.isPresent()) {
            title = request.theme().isPresent() ? title : m.get("title.district", district.get().name());
            subtitle = subtitle.isEmpty() ? "" : subtitle + " · " + district.get().name();
            FeatureSet outline = new FeatureSet(List.of(district.get()));
            model = model.with(new BoundaryLayer("district", MapDataRepository.districtLevel(levels).map(OrgUnitLevel::name)
                    .orElse(""), outline, AreaStyle.outline(COUNTRY_LINE), null, 0));
        } else {
            // Finest outline first: the legend lists boundaries in layer order (district, region, country).
            List<OrgUnitLevel> finestFirst = new java.util.ArrayList<>(levels);
            java.util.Collections.reverse(finestFirst);
            for (OrgUnitLevel l : finestFirst) {
                boolean parent = l.level() == target.level() - 1 && l.level() > 1;
                if ((parent || l.level() == 1) && l.polygons() > 0) {
                    FeatureSet outlines = repo.boundaries(l.level());
                    model = model.with(new BoundaryLayer("level-" + l.level(), l.name(), outlines,
                            AreaStyle.outline(l.level() == 1 ? COUNTRY_LINE : PARENT_LINE), null, 0));
                }
            }
        }
        Optional<OrgUnitLevel> facilityLevel = MapDataRepository.facilityLevel(levels);
        if (facilityLevel.isPresent()) {
            MapDataRepository.Facilities f = repo.facilities(facilityLevel.get().level());
            FeatureSet features = district.isPresent() ? within(f.features(), inDistrict) : f.features();
            List<FacilityKind> labelled = district.isPresent() ? List.of(FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE)
                    : request.theme().isPresent() ? List.of() : List.of(FacilityKind.HOSPITAL);
            model = model.with(FacilityStyling.layer(ws, request, themePeriod, features, f.types(),
                    facilityLevel.get().level(), labelled, FACILITY_LABEL, m));
        }

        Envelope focus = targetAreas.isEmpty() ? district.map(d -> d.world().getEnvelopeInternal())
                .orElseGet(Envelope::new) : targetAreas.bounds();
        String made = request.madeOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.locale()));
        String source = m.get("source.line", ws.name(), made);
        if (ws.isDemo()) {
            source = source + " " + m.get("source.fictional");
        }
        return new PrintLayout(model, focus, title, subtitle, source, ws.isDemo(), m);
    }

    /**
     * Small multiples: the request's theme for each period (at most {@value SmallMultiplesLayout#MAX_PANELS}),
     * every panel classed by one classification computed over all the periods' values together (or the
     * request's legend set), one legend whose counts are area-periods. Panels show the areas, their parent
     * outlines and the district or country outline; no facilities or labels (too small to read).
     */
    public static SmallMultiplesLayout composeSeries(Workspace ws, MapRequest request, List<Period> periods)
            throws SQLException {
        if (request.theme().isEmpty()) {
            throw new MapRequestException("map.periodsNeedTheme");
        }
        if (periods.isEmpty() || periods.size() > SmallMultiplesLayout.MAX_PANELS) {
            throw new MapRequestException("map.tooManyPeriods", periods.size(), SmallMultiplesLayout.MAX_PANELS);
        }
        MapMessages m = new MapMessages(request.locale());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        ThemeRepository themes = new ThemeRepository(ws.connection());
        List<OrgUnitLevel> levels = repo.levels();
        OrgUnitLevel area = MapDataRepository.areaLevel(levels).orElseThrow(() -> new MapRequestException("map.noBoundaries"));
        Optional<MapFeature> district = request.district().isPresent()
                ? Optional.of(findDistrict(repo, levels, request.district().get()))
                : Optional.empty();
        OrgUnitLevel target = request.level() == MapRequest.AreaLevel.AREA || district.isPresent() ? area
                : MapDataRepository.districtLevel(levels).orElse(area);
        FeatureSet areas = repo.boundaries(target.level());
        if (district.isPresent()) {
            areas = within(areas, descendants(ws, district.get().uid()));
        }
        MapRequest.Theme base = request.theme().get();
        List<ThemeResult> results = new java.util.ArrayList<>();
        for (Period p : periods) {
            results.add(theme(themes, repo, new MapRequest.Theme(base.kind(), base.item(), p.iso()), areas, target, levels, m));
        }
        // One classification over every period's values: a colour means the same value in every panel.
        double[] all = new double[areas.size() * periods.size()];
        for (int i = 0; i < results.size(); i++) {
            System.arraycopy(results.get(i).values(), 0, all, i * areas.size(), areas.size());
        }
        java.util.List<MapFeature> repeated = new java.util.ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            repeated.addAll(areas.features());
        }
        ThemeResult first = results.get(0);
        ChoroplethLayer shared = choropleth(ws, request, new ThemeResult(first.title(), first.subtitle(),
                first.legendTitle(), all, first.period()), new FeatureSet(repeated), m);
        List<Layer> outlines = new java.util.ArrayList<>();
        if (district.isPresent()) {
            outlines.add(new BoundaryLayer("district", "", new FeatureSet(List.of(district.get())),
                    AreaStyle.outline(COUNTRY_LINE), null, 0));
        } else {
            for (OrgUnitLevel l : levels) {
                boolean parent = l.level() == target.level() - 1 && l.level() > 1;
                if ((parent || l.level() == 1) && l.polygons() > 0) {
                    outlines.add(0, new BoundaryLayer("level-" + l.level(), l.name(), repo.boundaries(l.level()),
                            AreaStyle.outline(l.level() == 1 ? COUNTRY_LINE : LineStyle.solid(PARENT_LINE.color(), 0.8)),
                            null, 0));
                }
            }
        }
        List<SmallMultiplesLayout.Panel> panels = new java.util.ArrayList<>();
        int decimals = ChoroplethLayer.decimalsFor(ChoroplethLayer.integers(all), shared.classification());
        for (int i = 0; i < periods.size(); i++) {
            ChoroplethLayer panelTheme = shared.forValues(areas, results.get(i).values(), decimals);
            MapModel model = MapModel.of(panelTheme);
            for (Layer o : outlines) {
                model = model.with(o);
            }
            panels.add(new SmallMultiplesLayout.Panel(periodLabel(periods.get(i), m), model));
        }
        Legend legend = shared.legend(m).orElseThrow();
        legend = new Legend(legend.title() + "\n" + m.get("legend.areaPeriods"), legend.rows());
        String span = periodLabel(periods.get(0), m) + " – " + periodLabel(periods.get(periods.size() - 1), m);
        String subtitle = m.get("subtitle.series", span, target.name().toLowerCase(m.locale()))
                + district.map(d -> " · " + d.name()).orElse("");
        Envelope focus = areas.isEmpty() ? district.map(d -> d.world().getEnvelopeInternal()).orElseGet(Envelope::new)
                : areas.bounds();
        String made = request.madeOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.locale()));
        String source = m.get("source.line", ws.name(), made) + (ws.isDemo() ? " " + m.get("source.fictional") : "");
        return new SmallMultiplesLayout(panels, focus, first.title(), subtitle, legend, source, ws.isDemo(), m);
    }

    /** The values of a theme and the words that go with them. */
    record ThemeResult(String title, String subtitle, String legendTitle, double[] values, Period period) {}

    static Period period(String iso) {
        return Period.tryParse(iso).orElseThrow(() -> new MapRequestException("map.badPeriod", iso));
    }

    /** Reads a theme's values per area of {@code areas} (org units of {@code target}). */
    static ThemeResult theme(ThemeRepository themes, MapDataRepository repo, MapRequest.Theme theme, FeatureSet areas,
            OrgUnitLevel target, List<OrgUnitLevel> levels, MapMessages m) throws SQLException {
        Period period = period(theme.period());
        String when = periodLabel(period, m);
        when = when.equals(period.iso()) ? when : when + " (" + period.iso() + ")";
        String by = target.name().toLowerCase(m.locale());
        switch (theme.kind()) {
            case DATA_ELEMENT -> {
                MapDataRepository.DataElementInfo de = repo.dataElement(theme.item())
                        .orElseThrow(() -> new MapRequestException("map.unknownDataElement", theme.item()));
                ThemeRepository.Aggregation agg = themes.aggregation(de.id());
                double[] values = themes.dataElementByArea(areas, target.level(), de.id(), -1, period, agg);
                return new ThemeResult(m.get("title.theme", de.name()), m.get("subtitle.theme." + agg.name(), when, by),
                        de.label(), values, period);
            }
            case INDICATOR -> {
                ThemeRepository.IndicatorInfo ind = themes.indicator(theme.item())
                        .orElseThrow(() -> new MapRequestException("map.unknownIndicator", theme.item()));
                IndicatorExpression num;
                IndicatorExpression den;
                try {
                    num = IndicatorExpression.parse(ind.numerator());
                    den = IndicatorExpression.parse(ind.denominator());
                } catch (IllegalArgumentException e) {
                    throw new MapRequestException("map.indicatorUnsupported", ind.name(), e.getMessage());
                }
                Map<Integer, Integer> ouToArea = themes.orgUnitToArea(areas, target.level());
                Map<Integer, Integer> periods = themes.periodsWithin(period);
                Map<IndicatorExpression.Operand, double[]> operandValues = new HashMap<>();
                Set<IndicatorExpression.Operand> operands = new HashSet<>(num.operands());
                operands.addAll(den.operands());
                for (IndicatorExpression.Operand o : operands) {
                    Optional<Integer> de = themes.dataElementId(o.dataElementUid());
                    Optional<Integer> coc = o.categoryOptionComboUid() == null ? Optional.of(-1)
                            : themes.categoryOptionComboId(o.categoryOptionComboUid());
                    double[] v = new double[areas.size()];
                    java.util.Arrays.fill(v, Double.NaN);
                    if (de.isPresent() && coc.isPresent()) {
                        v = themes.dataElementByArea(areas.size(), ouToArea, periods, de.get(), coc.get(),
                                themes.aggregation(de.get()));
                    }
                    operandValues.put(o, v);
                }
                double[] values = new double[areas.size()];
                for (int a = 0; a < values.length; a++) {
                    int i = a;
                    double n = num.evaluate(o -> operandValues.get(o)[i]);
                    double d = den.evaluate(o -> operandValues.get(o)[i]);
                    values[a] = Double.isNaN(n) || Double.isNaN(d) || d == 0 ? Double.NaN : n / d * ind.factor();
                }
                return new ThemeResult(m.get("title.theme", ind.name()), m.get("subtitle.indicator", when, by,
                        m.number(ind.factor(), 0)), ind.label(), values, period);
            }
            case REPORTING_RATE -> {
                ThemeRepository.DataSetInfo set = themes.dataSet(theme.item())
                        .orElseThrow(() -> new MapRequestException("map.unknownDataSet", theme.item()));
                double[] values = themes.reportingRateByArea(areas, target.level(), set, period);
                return new ThemeResult(m.get("title.reportingRate", set.name()), m.get("subtitle.reportingRate", when, by),
                        m.get("legend.reportingRate"), values, period);
            }
            case QUALITY -> {
                ThemeRepository.QualityRunInfo run = themes.latestQualityRun()
                        .orElseThrow(() -> new MapRequestException("map.noQualityRun"));
                OrgUnitLevel facilities = MapDataRepository.facilityLevel(levels)
                        .orElseThrow(() -> new MapRequestException("map.noFacilities"));
                double[] values = themes.findingsPerFacility(areas, target.level(), facilities.level(), run,
                        theme.item(), period);
                String ran = run.finished().toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(m.locale()));
                String what = theme.item() == null ? m.get("legend.quality.all") : m.get("legend.quality.check", theme.item());
                return new ThemeResult(m.get("title.quality"), m.get("subtitle.quality", when, by, ran),
                        m.get("legend.quality", what, ran), values, period);
            }
            default -> throw new IllegalStateException(theme.kind().toString());
        }
    }

    /** The choropleth of a theme: the request's classification, or the DHIS2 legend set it names. */
    static ChoroplethLayer choropleth(Workspace ws, MapRequest request, ThemeResult t, FeatureSet areas, MapMessages m)
            throws SQLException {
        return choropleth(ws, request, t, areas, m, "theme");
    }

    /**
     * The request's theme over {@code areas} (org units of {@code level}) as a choropleth layer with the
     * given id: the same values, classes and legend as the printed map, for the desktop map's own layer
     * stack. Blocking (the workspace's thread).
     */
    public static ChoroplethLayer themeLayer(Workspace ws, MapRequest request, String id, FeatureSet areas,
            OrgUnitLevel level) throws SQLException {
        MapRequest.Theme theme = request.theme().orElseThrow(() -> new MapRequestException("map.periodsNeedTheme"));
        MapMessages m = new MapMessages(request.locale());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        ThemeResult t = theme(new ThemeRepository(ws.connection()), repo, theme, areas, level, repo.levels(), m);
        return choropleth(ws, request, t, areas, m, id);
    }

    private static ChoroplethLayer choropleth(Workspace ws, MapRequest request, ThemeResult t, FeatureSet areas,
            MapMessages m, String id) throws SQLException {
        if (request.legendSet().isPresent()) {
            ThemeRepository.LegendSetInfo set = new ThemeRepository(ws.connection()).legendSet(request.legendSet().get())
                    .orElseThrow(() -> new MapRequestException("map.unknownLegendSet", request.legendSet().get()));
            return legendSetLayer(id, t.legendTitle(), areas, t.values(), set, m);
        }
        try {
            return ChoroplethLayer.classify(id, t.legendTitle(), areas, t.values(), request.method(),
                    request.classes(), request.palette(), THEME_LINE, AREA_LABEL);
        } catch (Classifier.NonPositiveValuesException e) {
            throw new MapRequestException("map.logNeedsPositive", e.count(), e.min());
        }
    }

    /**
     * A choropleth classed by a DHIS2 legend set: class i is legend i (sorted by start value), limits its
     * start values then the last end value, colours and names as defined. A value in a gap between legends
     * goes to the legend below it, one beyond either end to the nearest legend (the legend's limits show
     * where the set stops).
     */
    public static ChoroplethLayer legendSetLayer(String id, String title, FeatureSet areas, double[] values,
            ThemeRepository.LegendSetInfo set, MapMessages m) {
        List<ThemeRepository.LegendInfo> legends = set.legends();
        if (legends.isEmpty()) {
            throw new MapRequestException("map.unknownLegendSet", set.name());
        }
        double[] limits = new double[legends.size() + 1];
        List<Rgba> colors = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < legends.size(); i++) {
            limits[i] = legends.get(i).start();
            colors.add(Rgba.hex(legends.get(i).color()));
            names.add(legends.get(i).name());
        }
        limits[legends.size()] = legends.get(legends.size() - 1).end();
        Classification c = new Classification(ClassificationMethod.LEGEND_SET, limits);
        return new ChoroplethLayer(id, title, areas, values, c, colors, THEME_LINE, AREA_LABEL,
                ChoroplethLayer.decimalsFor(ChoroplethLayer.integers(values), c), names,
                m.get("legend.legendSet", set.name()));
    }

    /**
     * The district named by UID or name (case and accents ignored), or by the words its name ends with when
     * only one district's does; else the error names the three closest.
     */
    static MapFeature findDistrict(MapDataRepository repo, List<OrgUnitLevel> levels, String wanted) throws SQLException {
        OrgUnitLevel level = MapDataRepository.districtLevel(levels)
                .orElseThrow(() -> new MapRequestException("map.unknownDistrict", wanted, ""));
        FeatureSet districts = repo.boundaries(level.level());
        String key = fold(wanted);
        for (MapFeature f : districts.features()) {
            if (f.uid().equals(wanted) || fold(f.name()).equals(key)
                    || f.shortName() != null && fold(f.shortName()).equals(key)) {
                return f;
            }
        }
        // "Belgou" names "District sanitaire de Belgou" when no other district ends or starts that way.
        List<MapFeature> wordMatches = districts.features().stream()
                .filter(f -> nameDistance(key, fold(f.name())) == 1).toList();
        if (wordMatches.size() == 1) {
            return wordMatches.get(0);
        }
        List<MapFeature> byDistance = new java.util.ArrayList<>(districts.features());
        byDistance.sort(java.util.Comparator.comparingInt((MapFeature f) -> nameDistance(key, fold(f.name())))
                .thenComparing(MapFeature::name));
        String closest = String.join(", ", byDistance.stream().limit(3).map(MapFeature::name).toList());
        throw new MapRequestException("map.unknownDistrict", wanted, closest);
    }

    /** Lower case without accents: "Kélé" and "KELE" are the same name. */
    static String fold(String s) {
        return java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * How far a typed name is from a district's name: the edit distance to the name or, when smaller, to its
     * best-matching word-aligned part ("dosso" is close to "district sanitaire de dosso").
     */
    static int nameDistance(String typed, String name) {
        int best = EditDistance.levenshtein(typed, name);
        String[] words = name.split("[\\s'’-]+");
        for (int i = 0; i < words.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < words.length; j++) {
                sb.append(j > i ? " " : "").append(words[j]);
                best = Math.min(best, EditDistance.levenshtein(typed, sb.toString()) + 1);
            }
        }
        return best;
    }

    /** The UIDs of the org units whose path passes through {@code uid} (itself included). */
    static Set<String> descendants(Workspace ws, String uid) throws SQLException {
        Set<String> out = new HashSet<>();
        try (java.sql.PreparedStatement st = ws.connection().prepareStatement(
                "SELECT UID FROM ORG_UNIT WHERE PATH LIKE ? OR UID = ?")) {
            st.setString(1, "%/" + uid + "/%");
            st.setString(2, uid);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static FeatureSet within(FeatureSet features, Set<String> uids) {
        return new FeatureSet(features.features().stream().filter(f -> uids.contains(f.uid())).toList());
    }

    private static Optional<String> countryName(MapDataRepository repo, List<OrgUnitLevel> levels) throws SQLException {
        if (levels.isEmpty() || levels.get(0).polygons() != 1) {
            return Optional.empty();
        }
        FeatureSet top = repo.boundaries(levels.get(0).level());
        return top.isEmpty() ? Optional.empty() : Optional.of(top.get(0).name());
    }

    /** "janvier 2024" / "January 2024" for a month, "T3 2024" / "Q3 2024" for a quarter, the year for a year, the DHIS2 id otherwise. */
    static String periodLabel(Period p, MapMessages m) {
        if (p.type() == PeriodType.MONTHLY) {
            return p.startDate().format(DateTimeFormatter.ofPattern("MMMM yyyy", m.locale()));
        }
        if (p.type() == PeriodType.YEARLY) {
            return Integer.toString(p.startDate().getYear());
        }
        if (p.type() == PeriodType.QUARTERLY) {
            return m.get("period.quarter", (p.startDate().getMonthValue() + 2) / 3, Integer.toString(p.startDate().getYear()));
        }
        return p.iso();
    }

    /** The layers of a composed map, for callers that want to show them on screen too. */
    public static List<Layer> layers(PrintLayout layout) {
        return layout.model().entries().stream().map(MapModel.Entry::layer).toList();
    }
}
