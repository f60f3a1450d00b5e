package org.santeatlas.map.print;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Palette;

/**
 * What a printed health map shows: the boundary level, optionally one district only, optionally a theme (a
 * data element, indicator, reporting rate or quality score for a period), its classification (a method or
 * a DHIS2 legend set), how facilities are coloured and sized, the language and the date of the source line.
 *
 * @param district a district's UID or name: the map of that district only, or empty for the whole country
 * @param legendSet a DHIS2 legend set (UID, code or name) that replaces the computed classes, or empty
 * @param facilityColor what colours the facility symbols (their type by default)
 * @param facilitySize a data element (UID or code) whose value over the theme's period sizes the facility
 *     symbols (proportional circles), or empty
 */
public record MapRequest(AreaLevel level, Optional<Theme> theme, ClassificationMethod method, int classes,
        Palette palette, Locale locale, LocalDate madeOn, Optional<String> district, Optional<String> legendSet,
        FacilityColor facilityColor, Optional<String> facilitySize) {

    /** The boundaries the map is drawn by. */
    public enum AreaLevel {
        /** Health districts: the level above the health areas. */
        DISTRICT,
        /** Health areas: the deepest level with polygons. */
        AREA
    }

    /** What a choropleth shows. */
    public enum ThemeKind {
        /** A data element's values, aggregated over the period as its aggregation type says. */
        DATA_ELEMENT,
        /** A DHIS2 indicator: numerator / denominator × the factor of its type. */
        INDICATOR,
        /** Completeness of a data set: registrations received / expected, %. */
        REPORTING_RATE,
        /** Findings of the latest quality run per facility (optionally of one check). */
        QUALITY
    }

    /** What colours the facility symbols. */
    public enum FacilityColor {
        /** Their type (default). */
        TYPE,
        /** Reporting status of the period: on time, late, missing (of the theme's data set, or every set). */
        REPORTING,
        /** Findings of the latest quality run on the facility in the period. */
        QUALITY
    }

    /**
     * A theme: what, which item (data element, indicator, data set; for quality an optional check id) and
     * the period (DHIS2 ISO id).
     */
    public record Theme(ThemeKind kind, String item, String period) {
        public Theme {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(period, "period");
            if (item == null && kind != ThemeKind.QUALITY) {
                throw new IllegalArgumentException(kind + " needs an item");
            }
        }

        /** A data element theme. */
        public Theme(String dataElement, String period) {
            this(ThemeKind.DATA_ELEMENT, dataElement, period);
        }
    }

    public MapRequest {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(palette, "palette");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(legendSet, "legendSet");
        Objects.requireNonNull(facilityColor, "facilityColor");
        Objects.requireNonNull(facilitySize, "facilitySize");
    }

    /** Districts, no theme, Jenks in 5 classes of YlOrRd, in French, made today. */
    public static MapRequest defaults() {
        return new MapRequest(AreaLevel.DISTRICT, Optional.empty(), ClassificationMethod.JENKS, 5, Palette.YL_OR_RD,
                Locale.FRENCH, LocalDate.now(), Optional.empty(), Optional.empty(), FacilityColor.TYPE, Optional.empty());
    }

    public MapRequest withLevel(AreaLevel l) {
        return new MapRequest(l, theme, method, classes, palette, locale, madeOn, district, legendSet, facilityColor,
                facilitySize);
    }

    /** A data element theme. */
    public MapRequest withTheme(String dataElement, String period) {
        return withTheme(new Theme(dataElement, period));
    }

    public MapRequest withTheme(Theme t) {
        return new MapRequest(level, Optional.of(t), method, classes, palette, locale, madeOn, district, legendSet,
                facilityColor, facilitySize);
    }

    public MapRequest withClassification(ClassificationMethod m, int k) {
        return new MapRequest(level, theme, m, k, palette, locale, madeOn, district, legendSet, facilityColor,
                facilitySize);
    }

    public MapRequest withPalette(Palette p) {
        return new MapRequest(level, theme, method, classes, p, locale, madeOn, district, legendSet, facilityColor,
                facilitySize);
    }

    public MapRequest withLocale(Locale l) {
        return new MapRequest(level, theme, method, classes, palette, l, madeOn, district, legendSet, facilityColor,
                facilitySize);
    }

    public MapRequest madeOn(LocalDate date) {
        return new MapRequest(level, theme, method, classes, palette, locale, date, district, legendSet, facilityColor,
                facilitySize);
    }

    /** The map of one district (UID or name). */
    public MapRequest withDistrict(String d) {
        return new MapRequest(level, theme, method, classes, palette, locale, madeOn, Optional.of(d), legendSet,
                facilityColor, facilitySize);
    }

    public MapRequest withLegendSet(String set) {
        return new MapRequest(level, theme, method, classes, palette, locale, madeOn, district, Optional.of(set),
                facilityColor, facilitySize);
    }

    public MapRequest withFacilityColor(FacilityColor c) {
        return new MapRequest(level, theme, method, classes, palette, locale, madeOn, district, legendSet, c,
                facilitySize);
    }

    public MapRequest withFacilitySize(String dataElement) {
        return new MapRequest(level, theme, method, classes, palette, locale, madeOn, district, legendSet, facilityColor,
                Optional.of(dataElement));
    }
}
