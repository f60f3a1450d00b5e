package org.santeatlas.map.print;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.ThemeRepository;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.FacilityStatusLayer;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

/**
 * The facility layer of a printed map, symbolised as the request asks: by type (default), coloured by
 * reporting status or by quality findings of the period, and/or sized by a data element's value.
 * Good is white and problems run yellow – orange – red (ColorBrewer RdYlBu's warm half, ordered by lightness
 * so it reads without colour vision), each symbol edged dark: problems stand out over any choropleth, where a
 * blue "good" would vanish into blue areas.
 */
final class FacilityStyling {

    static final Rgba GOOD = Rgba.hex("#ffffff");
    static final Rgba FAIR = Rgba.hex("#fee090");
    static final Rgba POOR = Rgba.hex("#fdae61");
    static final Rgba BAD = Rgba.hex("#d7191c");
    /** Type colours for sized circles when status does not colour them. */
    static final Rgba NEUTRAL = Rgba.hex("#6a51a3");

    private FacilityStyling() {
    }

    static Layer layer(Workspace ws, MapRequest request, Optional<Period> period, FeatureSet facilities,
            List<FacilityType> types, int facilityLevel, List<FacilityKind> labelled, TextStyle label, MapMessages m)
            throws SQLException {
        boolean sized = request.facilitySize().isPresent();
        if (request.facilityColor() == MapRequest.FacilityColor.TYPE && !sized) {
            return new FacilityLayer("facilities", m.get("legend.facilities"), facilities, types,
                    FacilityLayer.defaultSymbols(types), label, labelled);
        }
        Period p = period.orElseThrow(() -> new HealthMapComposer.MapRequestException("map.facilityNeedsPeriod"));
        ThemeRepository themes = new ThemeRepository(ws.connection());
        MapDataRepository repo = new MapDataRepository(ws.connection());
        String when = HealthMapComposer.periodLabel(p, m);
        int[] status = new int[facilities.size()];
        List<FacilityStatusLayer.StatusClass> classes;
        String title;
        String none;
        switch (request.facilityColor()) {
            case REPORTING -> {
                ThemeRepository.DataSetInfo set = reportingSet(request, themes, repo);
                status = themes.reportingStatus(facilities, set, p);
                classes = List.of(new FacilityStatusLayer.StatusClass(m.get("legend.reporting.onTime"), GOOD),
                        new FacilityStatusLayer.StatusClass(m.get("legend.reporting.late"), POOR),
                        new FacilityStatusLayer.StatusClass(m.get("legend.reporting.missing"), BAD));
                title = m.get("legend.reporting", set.name(), when, (long) set.timelyDays());
                none = m.get("legend.reporting.notExpected");
            }
            case QUALITY -> {
                ThemeRepository.QualityRunInfo run = themes.latestQualityRun()
                        .orElseThrow(() -> new HealthMapComposer.MapRequestException("map.noQualityRun"));
                int[] findings = themes.findingsPerOrgUnit(facilities, run, p);
                for (int i = 0; i < status.length; i++) {
                    int f = findings[i];
                    status[i] = f == 0 ? 0 : f <= 2 ? 1 : f <= 5 ? 2 : 3;
                }
                classes = List.of(new FacilityStatusLayer.StatusClass(m.get("legend.findings.none"), GOOD),
                        new FacilityStatusLayer.StatusClass(m.get("legend.findings.range", 1, 2), FAIR),
                        new FacilityStatusLayer.StatusClass(m.get("legend.findings.range", 3, 5), POOR),
                        new FacilityStatusLayer.StatusClass(m.get("legend.findings.more", 6), BAD));
                String ran = run.finished().toLocalDate().format(java.time.format.DateTimeFormatter
                        .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(m.locale()));
                title = m.get("legend.findings", when, ran);
                none = null;
            }
            default -> {
                java.util.Arrays.fill(status, 0);
                classes = List.of(new FacilityStatusLayer.StatusClass(m.get("legend.facilities.all"), NEUTRAL));
                title = m.get("legend.facilities");
                none = null;
            }
        }
        double[] sizes = null;
        String sizeTitle = null;
        if (sized) {
            String item = request.facilitySize().get();
            MapDataRepository.DataElementInfo de = repo.dataElement(item)
                    .orElseThrow(() -> new HealthMapComposer.MapRequestException("map.unknownDataElement", item));
            sizes = themes.dataElementByArea(facilities, facilityLevel, de.id(), -1, p, themes.aggregation(de.id()));
            sizeTitle = m.get("legend.size", de.label(), when);
        }
        return new FacilityStatusLayer("facilities", title, facilities, types, FacilityLayer.defaultSymbols(types),
                status, classes, none, sizes, sizeTitle, label, labelled);
    }

    private static ThemeRepository.DataSetInfo reportingSet(MapRequest request, ThemeRepository themes,
            MapDataRepository repo) throws SQLException {
        Optional<MapRequest.Theme> theme = request.theme();
        if (theme.isPresent() && theme.get().kind() == MapRequest.ThemeKind.REPORTING_RATE) {
            return themes.dataSet(theme.get().item())
                    .orElseThrow(() -> new HealthMapComposer.MapRequestException("map.unknownDataSet", theme.get().item()));
        }
        Optional<Integer> de = Optional.empty();
        if (theme.isPresent() && theme.get().kind() == MapRequest.ThemeKind.DATA_ELEMENT) {
            de = repo.dataElement(theme.get().item()).map(MapDataRepository.DataElementInfo::id);
        }
        return themes.dataSetFor(de).orElseThrow(() -> new HealthMapComposer.MapRequestException("map.facilityNoDataSet"));
    }
}
