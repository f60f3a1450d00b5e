package org.santeatlas.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageMaps;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.print.PrintPage;
import org.santeatlas.map.print.SmallMultiplesLayout;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Classifier;
import org.santeatlas.map.theme.Palette;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas map -w W --out FILE.png|svg|pdf [--level district|area] [--district NAME|UID]
 * [--theme data-element|indicator|reporting-rate|quality] [--item ITEM --period P]
 * [--width PX --height PX --dpi N] [--lang fr|en] [--method jenks|quantiles|equal --classes N]}: prints the
 * health map of a workspace — boundaries, facilities by type and, with {@code --item} and {@code --period},
 * a choropleth of the data element's sum per area — as a complete page (title, legend, scale bar, north
 * arrow, source line). The file's extension chooses the format: PNG at the DPI, or vector SVG and PDF on a
 * page of width / dpi × height / dpi inches (A4 landscape by default).
 */
@Command(name = "map", description = "Print the health map of a workspace to PNG, SVG or PDF (title, legend, scale bar, source).")
final class MapCommand implements Callable<Integer> {

    enum Level { district, area }

    enum Method { jenks, quantiles, equal, pretty, stddev, log }

    // ---- map export (issue 5): themes, one district ------------------------------------------
    enum ThemeName {
        DATA_ELEMENT("data-element"), INDICATOR("indicator"), REPORTING_RATE("reporting-rate"), QUALITY("quality");

        final String word;

        ThemeName(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    @Option(names = "--theme", paramLabel = "KIND", converter = ThemeConverter.class,
            description = "What --item is: data-element (default), indicator, reporting-rate (a data set) or quality"
                    + " (findings of the latest quality run per facility; --item, optional, is a check id).")
    ThemeName theme = ThemeName.DATA_ELEMENT;

    @Option(names = "--district", paramLabel = "NAME|UID",
            description = "The map of one district: its health areas and facilities, fitted to its bounds.")
    String district;

    @Option(names = "--legend-set", paramLabel = "UID|NAME",
            description = "Class the theme with a DHIS2 legend set imported with the metadata (its limits and colours).")
    String legendSet;

    @Option(names = "--palette", paramLabel = "NAME", description = "ColorBrewer palette: YlOrRd (default; RdYlBu for"
            + " reporting-rate), YlGnBu, Blues, Greens, Oranges, Reds, Purples, RdYlBu; RdYlGn is not colour-blind safe.")
    String palette;

    @Option(names = "--periods", paramLabel = "FIRST..LAST",
            description = "Small multiples: the theme for each period from FIRST to LAST (at most 12, e.g."
                    + " 2025-01..2025-12 or 202501..202512), one shared classification and legend; replaces --period.")
    String periods;

    /** "2025-01" → "202501" (a month as people write it); other ids as DHIS2 writes them. */
    static String periodId(String text) {
        String t = text.strip();
        return t.matches("\\d{4}-\\d{2}") ? t.replace("-", "") : t;
    }

    enum FacilityColorName { type, reporting, quality }

    @Option(names = "--facility-color", paramLabel = "type|reporting|quality",
            description = "Colour facilities by type (default), reporting status of the period (on time, late,"
                    + " missing) or data-quality findings of the latest quality run.")
    FacilityColorName facilityColor = FacilityColorName.type;

    @Option(names = "--facility-size", paramLabel = "ITEM",
            description = "Size facilities by this data element's value over --period (circle area proportional).")
    String facilitySize;

    static final class ThemeConverter implements picocli.CommandLine.ITypeConverter<ThemeName> {
        @Override
        public ThemeName convert(String value) {
            for (ThemeName t : ThemeName.values()) {
                if (t.word.equals(value)) {
                    return t;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "': use data-element, indicator, reporting-rate or quality");
        }
    }

    @Option(names = {"-w", "--workspace"}, required = true, description = "The workspace file (NAME or NAME.mv.db).")
    Path workspace;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|svg|pdf",
            description = "The map to write; the extension chooses PNG, SVG or PDF (vector, A4 landscape by default).")
    Path out;

    @Option(names = "--level", description = "Boundaries: ${COMPLETION-CANDIDATES} (default: district).")
    Level level = Level.district;

    @Option(names = "--item", paramLabel = "DATA_ELEMENT",
            description = "Map this item (UID or code; a data set also by name) per area over --period, as --theme says.")
    String item;

    @Option(names = "--period", paramLabel = "PERIOD", description = "The period of --item (DHIS2 id: 202407, 2024Q3, 2024).")
    String period;

    @Option(names = "--width", paramLabel = "PX", description = "Image width in pixels (default: ${DEFAULT-VALUE}, A4 landscape at 150 dpi).")
    int width = 1754;

    @Option(names = "--height", paramLabel = "PX", description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
    int height = 1240;

    @Option(names = "--dpi", description = "Print resolution: sizes of text and lines (default: ${DEFAULT-VALUE}).")
    int dpi = 150;

    @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the map (default: the system's).")
    String lang;

    @Option(names = "--method", description = "Classes of --item: ${COMPLETION-CANDIDATES} (default: jenks; log needs"
            + " positive values).")
    Method method = Method.jenks;

    @Option(names = "--classes", paramLabel = "N", description = "Number of classes, 3 to 9 (default: ${DEFAULT-VALUE}).")
    int classes = 5;

    @Option(names = "--coverage", description = "Add the 5 km coverage: zone around facilities, localities covered or not.")
    boolean coverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        Messages m = Messages.forDefaultLocale();
        List<Period> series = List.of();
        if (periods != null) {
            if (period != null) {
                throw new UserException(m.get("map.periodOrPeriods"));
            }
            String[] ends = periods.split("\\.\\.", -1);
            Optional<Period> first = ends.length == 2 ? Period.tryParse(periodId(ends[0])) : Optional.empty();
            Optional<Period> last = ends.length == 2 ? Period.tryParse(periodId(ends[1])) : Optional.empty();
            if (first.isEmpty() || last.isEmpty() || first.get().type() != last.get().type()
                    || last.get().compareTo(first.get()) < 0) {
                throw new UserException(m.get("map.badPeriods", periods));
            }
            series = Period.range(first.get(), last.get());
            if (series.size() > SmallMultiplesLayout.MAX_PANELS) {
                throw new UserException(m.get("map.tooManyPeriods", series.size(), SmallMultiplesLayout.MAX_PANELS));
            }
            // The theme's period is the first panel's; composeSeries replaces it per panel.
            period = first.get().iso();
        }
        if (theme == ThemeName.QUALITY ? period == null : (item == null) != (period == null)) {
            throw new UserException(m.get(theme == ThemeName.QUALITY ? "map.qualityNeedsPeriod" : "map.itemAndPeriod"));
        }
        if (MapExport.Format.of(out).isEmpty()) {
            throw new UserException(m.get("map.badFormat", out));
        }
        if (width < 100 || height < 100 || width > 20_000 || height > 20_000) {
            throw new UserException(m.get("map.badSize", width, height));
        }
        if (dpi < 24 || dpi > 1200) {
            throw new UserException(m.get("map.badDpi", dpi));
        }
        if (classes < Classifier.MIN_CLASSES || classes > Classifier.MAX_CLASSES) {
            throw new UserException(m.get("map.badClasses", classes));
        }
        Locale locale;
        if (lang == null) {
            locale = "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        } else if (lang.equals("fr") || lang.equals("en")) {
            locale = Locale.forLanguageTag(lang);
        } else {
            throw new UserException(m.get("map.badLang", lang));
        }
        MapRequest request = MapRequest.defaults()
                .withLevel(level == Level.area ? MapRequest.AreaLevel.AREA : MapRequest.AreaLevel.DISTRICT)
                .withClassification(switch (method) {
                    case jenks -> ClassificationMethod.JENKS;
                    case quantiles -> ClassificationMethod.QUANTILES;
                    case equal -> ClassificationMethod.EQUAL_INTERVALS;
                    case pretty -> ClassificationMethod.PRETTY;
                    case stddev -> ClassificationMethod.STANDARD_DEVIATION;
                    case log -> ClassificationMethod.LOGARITHMIC;
                }, classes)
                .withLocale(locale)
                .madeOn(LocalDate.now());
        if (period != null) {
            request = request.withTheme(new MapRequest.Theme(MapRequest.ThemeKind.valueOf(theme.name()), item, period));
        }
        if (district != null) {
            request = request.withDistrict(district);
        }
        if (legendSet != null) {
            request = request.withLegendSet(legendSet);
        }
        request = request.withFacilityColor(switch (facilityColor) {
            case type -> MapRequest.FacilityColor.TYPE;
            case reporting -> MapRequest.FacilityColor.REPORTING;
            case quality -> MapRequest.FacilityColor.QUALITY;
        });
        if (facilitySize != null) {
            request = request.withFacilitySize(facilitySize);
        }
        Palette chosen;
        try {
            chosen = palette != null ? Palette.byName(palette)
                    : theme == ThemeName.REPORTING_RATE ? Palette.RD_YL_BU : Palette.YL_OR_RD;
        } catch (IllegalArgumentException e) {
            throw new UserException(m.get("map.badPalette", palette));
        }
        request = request.withPalette(chosen);
        Path target = out.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new UserException(m.get("map.noFolder", target.getParent()));
        }
        try (Workspace ws = Workspace.open(workspace, AccessMode.READ_ONLY)) {
            PrintPage page;
            try {
                page = series.isEmpty() ? HealthMapComposer.compose(ws, request)
                        : HealthMapComposer.composeSeries(ws, request, series);
            } catch (HealthMapComposer.MapRequestException e) {
                throw new UserException(m.get(e.key(), e.args()));
            }
            if (coverage) {
                if (!(page instanceof PrintLayout layout)) {
                    throw new UserException(m.get("map.coverageOnePeriod"));
                }
                page = CoverageMaps.withCoverage(layout, ws.connection(), CoverageAnalysis.run(
                        new CoverageRepository(ws.connection()).load(java.util.OptionalInt.empty())));
            }
            MapExport.write(page, target, width, height, dpi);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (!chosen.colourBlindSafe()) {
            w.println(m.get("map.notColourBlindSafe", chosen.brewerName()));
        }
        if (MapExport.Format.of(out).orElseThrow() == MapExport.Format.PNG) {
            w.println(m.get("map.written", target, width, height, dpi));
        } else {
            // A vector page: its printed size, width / dpi by height / dpi inches, in millimetres.
            w.println(m.get("map.writtenVector", target, Math.round(width / (double) dpi * 25.4),
                    Math.round(height / (double) dpi * 25.4)));
        }
        w.flush();
        return 0;
    }
}
