package org.santeatlas.app.map;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.app.shell.BackgroundTasks;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.app.shell.TaskExecutor;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.MapDataRepository.DataElementInfo;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.layer.LocalityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageLayer;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.MapRequest.ThemeKind;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.map.view.WebMercator;

/**
 * The interactive map's state: the workspace's features (read once, in the background, projected and
 * indexed by {@code map-layers}), the layer stack with each layer's visibility, opacity and order, the
 * viewport, the data element and period shown as a choropleth, the hover text and the selection.
 *
 * <p>UI thread only; every read of the workspace runs as executor work. Painting reads {@link #model()}
 * and {@link #viewport()}, whose geometries {@link FeatureSet} simplifies once per zoom level.
 */
public final class MapViewModel {

    /** Layer ids, bottom first. */
    public static final String DISTRICTS = "districts";
    public static final String AREAS = "areas";
    public static final String COUNTRY = "country";
    public static final String LOCALITIES = "localities";
    public static final String FACILITIES = "facilities";
    /** The coverage discs around the facilities and the localities coloured covered / not covered. */
    public static final String COVERAGE = "coverage";
    public static final String COVERAGE_LOCALITIES = "coverageLocalities";

    /** Hover and click tolerance, screen px: a finger-sized target around a 10 px symbol. */
    public static final double HIT_TOLERANCE_PX = 6;
    /** Free pixels around the country when the map is fitted (Home). */
    static final double FIT_PADDING_PX = 24;
    /** Closest zoom a "go to facility" uses: about 40 m per pixel, the facility's neighbourhood. */
    static final double FOCUS_RESOLUTION = 40;

    static final Rgba LAND = Rgba.hex("#fbfaf3");
    static final LineStyle AREA_LINE = LineStyle.solid(Rgba.hex("#969696"), 0.6);
    static final LineStyle THEME_LINE = LineStyle.solid(Rgba.hex("#ffffff"), 0.8);
    static final LineStyle COUNTRY_LINE = LineStyle.solid(Rgba.hex("#252525"), 2);
    static final TextStyle AREA_LABEL = TextStyle.plain(11, Rgba.hex("#252525")).withHalo(Rgba.WHITE, 1.8);

    /** A node of the org unit tree (for the picker), parent by uid. */
    public record OrgUnitNode(int id, String uid, String name, int level, String parentUid) {}

    /** What was read from the workspace for the map; immutable, shared with the worker. */
    public record MapData(String workspaceName, List<OrgUnitLevel> levels, OrgUnitLevel districtLevel,
            OrgUnitLevel facilityLevel, FeatureSet districts, FeatureSet areas, FeatureSet country,
            MapDataRepository.Facilities facilities, FeatureSet localities, List<DataElementInfo> dataElements,
            List<Period> months, List<OrgUnitNode> orgUnits, Optional<OffsetDateTime> lastImport, boolean demo,
            List<ThemeItem> themeItems) {

        public Envelope bounds() {
            Envelope e = districts.bounds();
            if (e.isNull()) {
                e = facilities.features().bounds();
            }
            return e;
        }
    }

    /**
     * What the picker offers: a data element, an indicator, a data set's reporting rate or the quality score
     * (the findings of the latest run), with the key the print path's {@link MapRequest.Theme} takes.
     */
    public record ThemeItem(ThemeKind kind, String key, String name) {
        public ThemeItem {
            Objects.requireNonNull(kind, "kind");
        }

        static ThemeItem of(DataElementInfo de) {
            return new ThemeItem(ThemeKind.DATA_ELEMENT, de.uid(), de.name());
        }
    }

    /** The boundaries a theme is drawn by. */
    public enum LevelChoice { DISTRICT, AREA }

    /** What the user clicked: a facility or an area, with its layer's name for the details card. */
    public record Selection(Kind kind, MapFeature feature, int index) {
        public enum Kind { FACILITY, AREA }
    }

    /** A period type offered by the picker. */
    public enum PeriodChoice {
        MONTHLY(PeriodType.MONTHLY), QUARTERLY(PeriodType.QUARTERLY), YEARLY(PeriodType.YEARLY);

        final PeriodType type;

        PeriodChoice(PeriodType type) {
            this.type = type;
        }
    }

    private final TaskExecutor executor;
    private final BackgroundTasks tasks;
    private Messages messages;

    private final ReadOnlyObjectWrapper<MapData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<MapModel> model = new ReadOnlyObjectWrapper<>(this, "model", MapModel.of());
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<DataElementInfo> item = new SimpleObjectProperty<>(this, "item");
    private final ObjectProperty<PeriodChoice> periodChoice = new SimpleObjectProperty<>(this, "periodChoice",
            PeriodChoice.MONTHLY);
    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyStringWrapper themeStatus = new ReadOnlyStringWrapper(this, "themeStatus", "");
    private final ObjectProperty<ThemeItem> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<ClassificationMethod> method = new SimpleObjectProperty<>(this, "method",
            ClassificationMethod.JENKS);
    private final ObjectProperty<Integer> classes = new SimpleObjectProperty<>(this, "classes", 5);
    private final ObjectProperty<LevelChoice> level = new SimpleObjectProperty<>(this, "level", LevelChoice.DISTRICT);
    private final ReadOnlyObjectWrapper<Legend> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    /** The theme's choropleth (computed by map-layers' print path), or null. */
    private ChoroplethLayer themeLayer;
    private final javafx.beans.property.BooleanProperty coverageShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "coverageShown", false);
    private final ReadOnlyObjectWrapper<CoverageResult> coverage = new ReadOnlyObjectWrapper<>(this, "coverage");
    /** Coverage radius, km (Settings). */
    private double coverageRadiusKm = CoverageAnalysis.DEFAULT_RADIUS / 1000;
    /** Analyses of the open workspace by radius (km): the analysis runs once per workspace and radius. */
    private final Map<Double, CoverageResult> coverageCache = new HashMap<>();
    private boolean coverageRunning;

    /** The choropleth values of the districts and facilities for (item, period); null: no theme. */
    private double[] districtValues;
    private double[] facilityValues;
    private int loadGeneration;
    private int themeGeneration;
    private Runnable onLoaded = () -> { };

    public MapViewModel(Messages messages, TaskExecutor executor, BackgroundTasks tasks) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        // The data element property and the theme stay in step: the details card keys its charts on the former.
        item.addListener((obs, o, n) -> {
            if (n != null && (theme.get() == null || !n.uid().equals(theme.get().key()))) {
                theme.set(ThemeItem.of(n));
            } else if (n == null && theme.get() != null && theme.get().kind() == ThemeKind.DATA_ELEMENT) {
                theme.set(null);
            }
        });
        theme.addListener((obs, o, n) -> {
            DataElementInfo de = n == null || n.kind() != ThemeKind.DATA_ELEMENT ? null : dataElement(n.key());
            if (!Objects.equals(item.get(), de)) {
                item.set(de);
            }
            updateTheme();
        });
        period.addListener((obs, o, n) -> updateTheme());
        method.addListener((obs, o, n) -> updateTheme());
        classes.addListener((obs, o, n) -> updateTheme());
        level.addListener((obs, o, n) -> updateTheme());
        coverageShown.addListener((obs, o, on) -> {
            if (on) {
                ensureCoverage();
            }
            rebuildModel();
        });
        periodChoice.addListener((obs, o, n) -> updatePeriods());
    }

    // ---- loading ---------------------------------------------------------------------------------

    /** Reads the map's features from {@code workspace} in the background (the executor's thread). */
    public void load(Workspace workspace) {
        int generation = ++loadGeneration;
        Object token = tasks.begin(messages.get("map.loading"));
        executor.execute(context -> read(workspace), new TaskExecutor.Listener<MapData>() {
            @Override
            public void succeeded(MapData result) {
                tasks.end(token);
                if (generation == loadGeneration) {
                    show(result);
                }
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                themeStatus.set(messages.get("map.loadFailed", String.valueOf(error.getMessage())));
                System.getLogger(MapViewModel.class.getName()).log(System.Logger.Level.WARNING, "map load", error);
            }

            @Override
            public void cancelled() {
                tasks.end(token);
            }
        });
    }

    /** Forgets the workspace's map (Workspace › Close). */
    public void clear() {
        loadGeneration++;
        coverageCache.clear();
        coverage.set(null);
        themeGeneration++;
        data.set(null);
        districtValues = null;
        facilityValues = null;
        themeLayer = null;
        legend.set(null);
        selection.set(null);
        periods.clear();
        model.set(MapModel.of());
    }

    /** Called after each successful load (the first painted frame is measured from here). */
    public void setOnLoaded(Runnable onLoaded) {
        this.onLoaded = Objects.requireNonNull(onLoaded);
    }

    /** Blocking: the worker thread. */
    static MapData read(Workspace ws) throws SQLException {
        Connection c = ws.connection();
        MapDataRepository repo = new MapDataRepository(c);
        List<OrgUnitLevel> levels = repo.levels();
        Optional<OrgUnitLevel> area = MapDataRepository.areaLevel(levels);
        OrgUnitLevel district = MapDataRepository.districtLevel(levels).orElse(area.orElse(null));
        FeatureSet districts = district == null ? FeatureSet.empty() : repo.boundaries(district.level());
        FeatureSet areas = area.isPresent() && district != null && area.get().level() != district.level()
                ? repo.boundaries(area.get().level()) : FeatureSet.empty();
        FeatureSet country = !levels.isEmpty() && levels.get(0).polygons() > 0
                && (district == null || levels.get(0).level() != district.level())
                ? repo.boundaries(levels.get(0).level()) : FeatureSet.empty();
        OrgUnitLevel facilityLevel = MapDataRepository.facilityLevel(levels).orElse(null);
        MapDataRepository.Facilities facilities = facilityLevel == null
                ? new MapDataRepository.Facilities(FeatureSet.empty(), List.of()) : repo.facilities(facilityLevel.level());
        FeatureSet localities = repo.localities();
        List<DataElementInfo> elements = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, SHORT_NAME FROM DATA_ELEMENT ORDER BY NAME")) {
            while (rs.next()) {
                elements.add(new DataElementInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        List<Period> months = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ISO FROM PERIOD WHERE PERIOD_TYPE = 'Monthly' ORDER BY START_DATE")) {
            while (rs.next()) {
                Period.tryParse(rs.getString(1)).ifPresent(months::add);
            }
        }
        List<OrgUnitNode> nodes = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, NAME, LEVEL, PARENT_UID FROM ORG_UNIT ORDER BY LEVEL, NAME")) {
            while (rs.next()) {
                nodes.add(new OrgUnitNode(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
            }
        }
        List<ThemeItem> themeItems = new ArrayList<>();
        elements.forEach(e -> themeItems.add(ThemeItem.of(e)));
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT UID, NAME FROM INDICATOR ORDER BY NAME")) {
            while (rs.next()) {
                themeItems.add(new ThemeItem(ThemeKind.INDICATOR, rs.getString(1), rs.getString(2)));
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT UID, NAME FROM DATA_SET ORDER BY NAME")) {
            while (rs.next()) {
                themeItems.add(new ThemeItem(ThemeKind.REPORTING_RATE, rs.getString(1), rs.getString(2)));
            }
        }
        themeItems.add(new ThemeItem(ThemeKind.QUALITY, null, ""));
        Optional<OffsetDateTime> lastImport = Optional.empty();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(FINISHED) FROM IMPORT_BATCH")) {
            if (rs.next()) {
                lastImport = Optional.ofNullable(rs.getObject(1, OffsetDateTime.class));
            }
        }
        return new MapData(ws.name(), levels, district, facilityLevel, districts, areas, country, facilities,
                localities, elements, months, nodes, lastImport, ws.isDemo(), List.copyOf(themeItems));
    }

    private void show(MapData loaded) {
        data.set(loaded);
        districtValues = null;
        facilityValues = null;
        themeLayer = null;
        legend.set(null);
        selection.set(null);
        rebuildModel();
        updatePeriods();
        Viewport v = viewport.get();
        if (v != null) {
            home();
        }
        onLoaded.run();
        updateTheme();
    }

    // ---- layers ----------------------------------------------------------------------------------

    /** Builds the layer stack again, keeping each layer's visibility, opacity and place. */
    private void rebuildModel() {
        MapData d = data.get();
        if (d == null) {
            return;
        }
        List<Layer> layers = new ArrayList<>();
        String districtTitle = d.districtLevel() == null ? messages.get("layer.districts") : d.districtLevel().name();
        if (themeLayer != null) {
            layers.add(themeLayer);
        } else {
            layers.add(new BoundaryLayer(DISTRICTS, districtTitle, d.districts(), AreaStyle.filled(LAND, AREA_LINE),
                    AREA_LABEL, 100));
        }
        layers.add(new BoundaryLayer(AREAS, messages.get("layer.areas"), d.areas(), AreaStyle.outline(AREA_LINE), null, 0));
        layers.add(new BoundaryLayer(COUNTRY, messages.get("layer.country"), d.country(),
                AreaStyle.outline(COUNTRY_LINE), null, 0));
        layers.add(new LocalityLayer(LOCALITIES, messages.get("layer.localities"), d.localities(),
                Rgba.hex("#6a51a3"), 14));
        CoverageResult cov = coverage.get();
        if (coverageShown.get() && cov != null) {
            layers.add(CoverageLayer.of(COVERAGE, cov));
            layers.add(new LocalityLayer(COVERAGE_LOCALITIES, messages.get("layer.coverageLocalities"), d.localities(),
                    Rgba.hex("#555555"), 14, CoverageLayer.localityCoverage(cov)));
        }
        layers.add(new FacilityLayer(FACILITIES, messages.get("layer.facilities"), d.facilities().features(),
                d.facilities().types(), FacilityLayer.defaultSymbols(d.facilities().types()), null, List.of()));

        MapModel old = model.get();
        List<MapModel.Entry> entries = new ArrayList<>();
        Map<String, Layer> byId = new HashMap<>();
        layers.forEach(l -> byId.put(l.id(), l));
        // Keep the user's order and settings for the layers the old stack had.
        for (MapModel.Entry e : old.entries()) {
            Layer l = byId.remove(e.layer().id());
            if (l != null) {
                entries.add(new MapModel.Entry(l, e.visible(), e.opacity()));
            }
        }
        for (Layer l : layers) {
            if (byId.containsKey(l.id())) {
                boolean visible = !l.id().equals(LOCALITIES) && !l.id().equals(AREAS);
                MapModel.Entry e = new MapModel.Entry(l, visible, 1);
                int facilities = indexOf(entries, FACILITIES);
                // Coverage goes under the facilities, whose symbols stay readable over the discs.
                if ((l.id().equals(COVERAGE) || l.id().equals(COVERAGE_LOCALITIES)) && facilities >= 0) {
                    entries.add(facilities, e);
                } else {
                    entries.add(e);
                }
            }
        }
        model.set(new MapModel(entries));
    }

    private static int indexOf(List<MapModel.Entry> entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).layer().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // ---- coverage ---------------------------------------------------------------------------------

    /** The radius of the coverage discs, km (from Settings); a new radius shows (or computes) its analysis. */
    public void setCoverageRadiusKm(double km) {
        if (km == coverageRadiusKm) {
            return;
        }
        coverageRadiusKm = km;
        coverage.set(coverageCache.get(km));
        if (coverageShown.get()) {
            ensureCoverage();
        }
        rebuildModel();
    }

    public double coverageRadiusKm() {
        return coverageRadiusKm;
    }

    /**
     * Runs the carte sanitaire coverage analysis of the open workspace at the current radius in the
     * background, unless it has already run (cached per workspace and radius).
     */
    public void ensureCoverage() {
        double km = coverageRadiusKm;
        CoverageResult cached = coverageCache.get(km);
        Workspace ws = workspaceForTheme;
        if (cached != null) {
            coverage.set(cached);
            return;
        }
        if (ws == null || coverageRunning) {
            return;
        }
        coverageRunning = true;
        int generation = loadGeneration;
        Object token = tasks.begin(messages.get("map.coverageRunning", formatNumber(km)));
        executor.execute(context -> CoverageAnalysis.run(new CoverageRepository(ws.connection())
                .load(java.util.OptionalInt.empty()), km * 1000, org.santeatlas.map.coverage.FacilitySelection.ALL),
                new TaskExecutor.Listener<CoverageResult>() {
                    @Override
                    public void succeeded(CoverageResult result) {
                        tasks.end(token);
                        coverageRunning = false;
                        if (generation != loadGeneration) {
                            return;
                        }
                        coverageCache.put(km, result);
                        if (km == coverageRadiusKm) {
                            coverage.set(result);
                            rebuildModel();
                        } else if (coverageShown.get()) {
                            ensureCoverage();
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        tasks.end(token);
                        coverageRunning = false;
                        themeStatus.set(messages.get("map.coverageFailed", String.valueOf(error.getMessage())));
                    }

                    @Override
                    public void cancelled() {
                        tasks.end(token);
                        coverageRunning = false;
                    }
                });
    }

    /** Whether the coverage layers are on (the layers panel's toggle). */
    public javafx.beans.property.BooleanProperty coverageShownProperty() {
        return coverageShown;
    }

    /** The coverage analysis at the current radius, once computed; else null. */
    public ReadOnlyObjectProperty<CoverageResult> coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    public void setVisible(String layerId, boolean visible) {
        model.set(model.get().withVisible(layerId, visible));
    }

    public void setOpacity(String layerId, double opacity) {
        model.set(model.get().withOpacity(layerId, Math.max(0, Math.min(1, opacity))));
    }

    /** Moves a layer one place up (towards the top, +1) or down (−1). */
    public void move(String layerId, int delta) {
        List<MapModel.Entry> entries = model.get().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).layer().id().equals(layerId)) {
                model.set(model.get().moved(layerId, i + delta));
                return;
            }
        }
    }

    /** The layer's name in the user's language. */
    public String layerTitle(String layerId) {
        return messages.getOrDefault("layer." + layerId, layerId);
    }

    // ---- theme: data element and period ------------------------------------------------------------

    private void updatePeriods() {
        MapData d = data.get();
        List<Period> list = new ArrayList<>();
        if (d != null && !d.months().isEmpty()) {
            LinkedHashSet<Period> set = new LinkedHashSet<>();
            for (Period m : d.months()) {
                set.add(containing(m, periodChoice.get().type));
            }
            list.addAll(set);
        }
        Period previous = period.get();
        periods.setAll(list);
        if (list.isEmpty()) {
            period.set(null);
        } else if (previous == null || !list.contains(previous)) {
            // The same moment in the new period type, else the latest.
            Period match = null;
            if (previous != null) {
                for (Period p : list) {
                    if (p.contains(previous.startDate())) {
                        match = p;
                    }
                }
            }
            period.set(match != null ? match : list.get(list.size() - 1));
        }
    }

    private static Period containing(Period month, PeriodType type) {
        int y = month.startDate().getYear();
        int m = month.startDate().getMonthValue();
        return switch (type) {
            case QUARTERLY -> Period.parse(y + "Q" + ((m - 1) / 3 + 1));
            case YEARLY -> Period.parse(Integer.toString(y));
            default -> month;
        };
    }

    private void updateTheme() {
        MapData d = data.get();
        ThemeItem t = theme.get();
        Period p = period.get();
        int generation = ++themeGeneration;
        if (d == null || t == null || p == null) {
            if (themeLayer != null || districtValues != null) {
                districtValues = null;
                facilityValues = null;
                themeLayer = null;
                legend.set(null);
                rebuildModel();
            }
            themeStatus.set("");
            return;
        }
        Workspace ws = workspaceForTheme;
        if (ws == null) {
            return;
        }
        boolean byArea = level.get() == LevelChoice.AREA && !d.areas().isEmpty();
        FeatureSet areas = byArea ? d.areas() : d.districts();
        OrgUnitLevel areaLevel = byArea ? MapDataRepository.areaLevel(d.levels()).orElse(d.districtLevel())
                : d.districtLevel();
        MapRequest request = request();
        String label = themeLabel(t);
        Object token = tasks.begin(messages.get("map.theme", label, periodLabel(p)));
        executor.execute(context -> {
            // The printed map's own theme computation: one set of values, classes and legend for both.
            ChoroplethLayer layer = areaLevel == null ? null
                    : HealthMapComposer.themeLayer(ws, request, DISTRICTS, areas, areaLevel);
            double[] facilitySums = new double[0];
            if (t.kind() == ThemeKind.DATA_ELEMENT && d.facilityLevel() != null) {
                DataElementInfo de = dataElement(d, t.key());
                if (de != null) {
                    facilitySums = new MapDataRepository(ws.connection()).sumByArea(d.facilities().features(),
                            d.facilityLevel().level(), de.id(), p);
                }
            }
            return new Object[] {layer, facilitySums};
        }, new TaskExecutor.Listener<Object[]>() {
            @Override
            public void succeeded(Object[] result) {
                tasks.end(token);
                if (generation == themeGeneration) {
                    themeLayer = (ChoroplethLayer) result[0];
                    facilityValues = (double[]) result[1];
                    districtValues = themeLayer == null ? null : values(themeLayer, areas.size());
                    legend.set(themeLayer == null ? null : themeLayer.legend(new MapMessages(messages.locale()))
                            .orElse(null));
                    rebuildModel();
                    themeStatus.set(messages.get("map.themeShown", label, periodLabel(p)));
                }
            }

            @Override
            public void failed(Throwable error) {
                tasks.end(token);
                if (generation == themeGeneration) {
                    themeLayer = null;
                    districtValues = null;
                    legend.set(null);
                    rebuildModel();
                    themeStatus.set(themeError(error));
                }
            }

            @Override
            public void cancelled() {
                tasks.end(token);
            }
        });
    }

    private static double[] values(ChoroplethLayer layer, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = layer.value(i);
        }
        return v;
    }

    /** A readable sentence for a theme the workspace cannot compute (no quality run, log of zeros …). */
    String themeError(Throwable error) {
        if (error instanceof HealthMapComposer.MapRequestException e && messages.has("map.error." + e.key())) {
            return messages.get("map.error." + e.key(), e.args());
        }
        return messages.get("map.loadFailed", String.valueOf(error.getMessage()));
    }

    /**
     * The print path's request for what the map shows now: theme, period, classification, level, language;
     * the district when one is selected (export of the current view).
     */
    public MapRequest request() {
        MapRequest r = MapRequest.defaults().withLocale(messages.locale()).madeOn(java.time.LocalDate.now())
                .withClassification(method.get(), classes.get())
                .withLevel(level.get() == LevelChoice.AREA ? MapRequest.AreaLevel.AREA : MapRequest.AreaLevel.DISTRICT);
        ThemeItem t = theme.get();
        if (t != null && period.get() != null) {
            r = r.withTheme(new MapRequest.Theme(t.kind(), t.key(), period.get().iso()));
        }
        return r;
    }

    /** The district selected on the map (an area of the district level), if any. */
    public Optional<MapFeature> selectedDistrict() {
        Selection s = selection.get();
        MapData d = data.get();
        if (s == null || d == null || s.kind() != Selection.Kind.AREA) {
            return Optional.empty();
        }
        return d.districts().features().stream().filter(f -> f.uid().equals(s.feature().uid())).findFirst();
    }

    /** "Indicateur : Incidence du paludisme" — the picker's text for an item. */
    public String themeLabel(ThemeItem t) {
        if (t == null) {
            return "";
        }
        return switch (t.kind()) {
            case DATA_ELEMENT -> t.name();
            case QUALITY -> messages.get("picker.quality");
            default -> messages.get("picker." + t.kind().name(), t.name());
        };
    }

    private DataElementInfo dataElement(String uid) {
        return dataElement(data.get(), uid);
    }

    private static DataElementInfo dataElement(MapData d, String uid) {
        if (d == null || uid == null) {
            return null;
        }
        return d.dataElements().stream().filter(e -> e.uid().equals(uid)).findFirst().orElse(null);
    }

    private Workspace workspaceForTheme;

    /** The workspace the theme's sums are read from (set with {@link #load}). */
    public void setWorkspace(Workspace ws) {
        this.workspaceForTheme = ws;
        if (ws == null) {
            clear();
        } else {
            load(ws);
        }
    }

    /** "janvier 2024", "T3 2024", "2024" in the user's language. */
    public String periodLabel(Period p) {
        if (p == null) {
            return "";
        }
        return switch (p.type()) {
            case MONTHLY -> p.startDate().format(DateTimeFormatter.ofPattern("MMMM yyyy", messages.locale()));
            case QUARTERLY -> messages.get("period.quarter", (p.startDate().getMonthValue() - 1) / 3 + 1,
                    Integer.toString(p.startDate().getYear()));
            case YEARLY -> Integer.toString(p.startDate().getYear());
            default -> p.iso();
        };
    }

    /** Steps the period slider forward, wrapping to the first period (the play button's tick). */
    public void stepPeriod() {
        if (periods.isEmpty()) {
            return;
        }
        int i = periods.indexOf(period.get());
        period.set(periods.get((i + 1) % periods.size()));
    }

    // ---- viewport ---------------------------------------------------------------------------------

    /** The canvas has a new size (screen px). */
    public void resize(int width, int height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        Viewport v = viewport.get();
        if (v == null) {
            MapData d = data.get();
            viewport.set(d != null && !d.bounds().isNull() ? Viewport.fit(d.bounds(), width, height, FIT_PADDING_PX)
                    : Viewport.of(WebMercator.x(2), WebMercator.y(13), 2000, width, height));
        } else if (v.width() != width || v.height() != height) {
            viewport.set(v.withSize(width, height));
        }
    }

    /** Fits the whole country (Home). */
    public void home() {
        MapData d = data.get();
        Viewport v = viewport.get();
        if (d != null && v != null && !d.bounds().isNull()) {
            viewport.set(Viewport.fit(d.bounds(), v.width(), v.height(), FIT_PADDING_PX));
        }
    }

    public void pan(double dx, double dy) {
        Viewport v = viewport.get();
        if (v != null) {
            viewport.set(v.pan(dx, dy));
        }
    }

    public void zoomAbout(double factor, double sx, double sy) {
        Viewport v = viewport.get();
        if (v != null) {
            viewport.set(v.zoomAbout(factor, sx, sy));
        }
    }

    /** Zooms so that the screen box (px) fills the map (shift-drag). */
    public void zoomToBox(double x0, double y0, double x1, double y1) {
        Viewport v = viewport.get();
        if (v == null || Math.abs(x1 - x0) < 4 || Math.abs(y1 - y0) < 4) {
            return;
        }
        Envelope world = new Envelope(v.worldX(x0), v.worldX(x1), v.worldY(y0), v.worldY(y1));
        viewport.set(Viewport.fit(world, v.width(), v.height(), 0));
    }

    // ---- hover and selection ----------------------------------------------------------------------

    /** The feature under a screen point: a facility first, else a district. */
    public Optional<Selection> hitAt(double sx, double sy) {
        Viewport v = viewport.get();
        if (v == null || data.get() == null) {
            return Optional.empty();
        }
        for (String id : List.of(FACILITIES, DISTRICTS)) {
            Optional<MapModel.Entry> e = model.get().entry(id);
            if (e.isPresent() && e.get().visible() && e.get().opacity() > 0) {
                List<Hit> hits = e.get().layer().hitTest(v, sx, sy, HIT_TOLERANCE_PX);
                if (!hits.isEmpty()) {
                    Hit h = hits.get(0);
                    return Optional.of(new Selection(id.equals(FACILITIES) ? Selection.Kind.FACILITY
                            : Selection.Kind.AREA, h.feature(), h.index()));
                }
            }
        }
        return Optional.empty();
    }

    /** The tooltip at a screen point: name, type, value for the period; empty over nothing. */
    public Optional<String> describeAt(double sx, double sy) {
        return hitAt(sx, sy).map(this::describe);
    }

    String describe(Selection s) {
        MapData d = data.get();
        StringBuilder b = new StringBuilder(s.feature().name());
        double value;
        if (s.kind() == Selection.Kind.FACILITY) {
            b.append('\n').append(typeName(s.feature().category()));
            value = facilityValues != null && s.index() < facilityValues.length ? facilityValues[s.index()] : Double.NaN;
        } else {
            b.append('\n').append(d.districtLevel() != null ? d.districtLevel().name() : messages.get("layer.districts"));
            value = districtValues != null && s.index() < districtValues.length ? districtValues[s.index()] : Double.NaN;
        }
        if (theme.get() != null && period.get() != null && (districtValues != null)) {
            String v = Double.isNaN(value) ? messages.get("map.noData") : formatNumber(value);
            String what = item.get() != null ? item.get().label() : themeLabel(theme.get());
            b.append('\n').append(messages.get("map.valueFor", what, periodLabel(period.get()), v));
        }
        return b.toString();
    }

    /** The facility type's name, or "type unknown". */
    public String typeName(String groupUid) {
        MapData d = data.get();
        if (d != null && groupUid != null) {
            for (FacilityType t : d.facilities().types()) {
                if (t.groupUid().equals(groupUid)) {
                    return t.name();
                }
            }
        }
        return messages.get("map.typeUnknown");
    }

    public String formatNumber(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(messages.locale());
        f.setMaximumFractionDigits(v == Math.rint(v) ? 0 : 1);
        return f.format(v);
    }

    /** Selects what lies under a screen point (nothing: clears the selection). */
    public void selectAt(double sx, double sy) {
        selection.set(hitAt(sx, sy).orElse(null));
    }

    /** Selects an org unit by uid (tree, search, finding); returns whether the map has it. */
    public boolean select(String uid) {
        MapData d = data.get();
        if (d == null || uid == null) {
            return false;
        }
        FeatureSet f = d.facilities().features();
        for (int i = 0; i < f.size(); i++) {
            if (uid.equals(f.get(i).uid())) {
                selection.set(new Selection(Selection.Kind.FACILITY, f.get(i), i));
                return true;
            }
        }
        for (int i = 0; i < d.districts().size(); i++) {
            if (uid.equals(d.districts().get(i).uid())) {
                selection.set(new Selection(Selection.Kind.AREA, d.districts().get(i), i));
                return true;
            }
        }
        return false;
    }

    /** Selects an org unit and brings it into view: a facility centred, an area fitted. */
    public boolean focusOn(String uid) {
        if (!select(uid)) {
            return false;
        }
        Viewport v = viewport.get();
        if (v == null) {
            return true;
        }
        Selection s = selection.get();
        if (s.kind() == Selection.Kind.FACILITY) {
            Coordinate c = s.feature().world().getCoordinate();
            viewport.set(Viewport.of(c.x, c.y, Math.min(v.resolution(), FOCUS_RESOLUTION * 25), v.width(), v.height()));
        } else {
            viewport.set(Viewport.fit(s.feature().world().getEnvelopeInternal(), v.width(), v.height(), FIT_PADDING_PX));
        }
        return true;
    }

    public void clearSelection() {
        selection.set(null);
    }

    /** Relabels layers and texts in another language, keeping everything else. */
    public void relocalize(Messages newMessages) {
        this.messages = Objects.requireNonNull(newMessages);
        rebuildModel();
        updateTheme();
    }

    // ---- properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<MapData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public MapModel model() {
        return model.get();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport viewport() {
        return viewport.get();
    }

    public ObjectProperty<DataElementInfo> itemProperty() {
        return item;
    }

    public ObjectProperty<ThemeItem> themeProperty() {
        return theme;
    }

    public ObjectProperty<ClassificationMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<Integer> classesProperty() {
        return classes;
    }

    public ObjectProperty<LevelChoice> levelProperty() {
        return level;
    }

    /** The theme's legend (classes with their counts, "no data"), or null without a theme. */
    public ReadOnlyObjectProperty<Legend> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    public ObjectProperty<PeriodChoice> periodChoiceProperty() {
        return periodChoice;
    }

    public ObservableList<Period> periods() {
        return periods;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty themeStatusProperty() {
        return themeStatus.getReadOnlyProperty();
    }

    /** The district values of the theme shown (NaN: no data), or null. */
    public double[] districtValues() {
        return districtValues == null ? null : districtValues.clone();
    }

    public Messages messages() {
        return messages;
    }
}
