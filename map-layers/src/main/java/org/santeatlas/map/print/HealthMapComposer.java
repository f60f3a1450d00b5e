package org.santeatlas.map.print;

import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

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

        MapRequestException(String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.key = key;
            this.args = args.clone();
        }

        /** The message key (in the CLI's bundle: map.noBoundaries, map.unknownDataElement, map.badPeriod). */
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
        List<OrgUnitLevel> levels = repo.levels();
        Optional<OrgUnitLevel> area = MapDataRepository.areaLevel(levels);
        if (area.isEmpty()) {
            throw new MapRequestException("map.noBoundaries");
        }
        OrgUnitLevel target = request.level() == MapRequest.AreaLevel.AREA ? area.get()
                : MapDataRepository.districtLevel(levels).orElse(area.get());
        FeatureSet targetAreas = repo.boundaries(target.level());

        MapModel model = MapModel.of();
        String title;
        String subtitle;
        if (request.theme().isPresent()) {
            MapRequest.Theme theme = request.theme().get();
            MapDataRepository.DataElementInfo de = repo.dataElement(theme.dataElement())
                    .orElseThrow(() -> new MapRequestException("map.unknownDataElement", theme.dataElement()));
            Period period = Period.tryParse(theme.period())
                    .orElseThrow(() -> new MapRequestException("map.badPeriod", theme.period()));
            double[] values = repo.sumByArea(targetAreas, target.level(), de.id(), period);
            model = model.with(ChoroplethLayer.classify("theme", de.label(), targetAreas, values, request.method(),
                    request.classes(), request.palette(), THEME_LINE, AREA_LABEL));
            title = m.get("title.theme", de.name());
            String when = periodLabel(period, m);
            subtitle = m.get("subtitle.theme", when.equals(period.iso()) ? when : when + " (" + period.iso() + ")",
                    target.name().toLowerCase(request.locale()));
        } else {
            model = model.with(new BoundaryLayer("areas", target.name(), targetAreas, AreaStyle.filled(LAND, AREA_LINE),
                    AREA_LABEL, 100));
            title = m.get("title.map", countryName(repo, levels).orElse(ws.name()));
            subtitle = "";
        }
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
        Optional<OrgUnitLevel> facilityLevel = MapDataRepository.facilityLevel(levels);
        if (facilityLevel.isPresent()) {
            MapDataRepository.Facilities f = repo.facilities(facilityLevel.get().level());
            List<FacilityKind> labelled = request.theme().isPresent() ? List.of() : List.of(FacilityKind.HOSPITAL);
            model = model.with(new FacilityLayer("facilities", m.get("legend.facilities"), f.features(), f.types(),
                    FacilityLayer.defaultSymbols(f.types()), FACILITY_LABEL, labelled));
        }

        Envelope focus = targetAreas.bounds();
        String made = request.madeOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.locale()));
        String source = m.get("source.line", ws.name(), made);
        if (ws.isDemo()) {
            source = source + " " + m.get("source.fictional");
        }
        return new PrintLayout(model, focus, title, subtitle, source, ws.isDemo(), m);
    }

    private static Optional<String> countryName(MapDataRepository repo, List<OrgUnitLevel> levels) throws SQLException {
        if (levels.isEmpty() || levels.get(0).polygons() != 1) {
            return Optional.empty();
        }
        FeatureSet top = repo.boundaries(levels.get(0).level());
        return top.isEmpty() ? Optional.empty() : Optional.of(top.get(0).name());
    }

    /** "janvier 2024" / "January 2024" for a month, the year for a year, the DHIS2 id otherwise. */
    static String periodLabel(Period p, MapMessages m) {
        if (p.type() == PeriodType.MONTHLY) {
            return p.startDate().format(DateTimeFormatter.ofPattern("MMMM yyyy", m.locale()));
        }
        if (p.type() == PeriodType.YEARLY) {
            return Integer.toString(p.startDate().getYear());
        }
        return p.iso();
    }

    /** The layers of a composed map, for callers that want to show them on screen too. */
    public static List<Layer> layers(PrintLayout layout) {
        return layout.model().entries().stream().map(MapModel.Entry::layer).toList();
    }
}
