package org.santeatlas.map.print;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Palette;

/**
 * What a printed health map shows: the boundary level, optionally a theme (a data element summed over a
 * period), its classification, the language and the date written in the source line.
 *
 * @param theme the data element (UID or code) and the period (DHIS2 ISO id), or empty for boundaries and
 *     facilities only
 */
public record MapRequest(AreaLevel level, Optional<Theme> theme, ClassificationMethod method, int classes,
        Palette palette, Locale locale, LocalDate madeOn) {

    /** The boundaries the map is drawn by. */
    public enum AreaLevel {
        /** Health districts: the level above the health areas. */
        DISTRICT,
        /** Health areas: the deepest level with polygons. */
        AREA
    }

    /** A data element and a period. */
    public record Theme(String dataElement, String period) {
        public Theme {
            Objects.requireNonNull(dataElement, "dataElement");
            Objects.requireNonNull(period, "period");
        }
    }

    public MapRequest {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(palette, "palette");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(madeOn, "madeOn");
    }

    /** Districts, no theme, Jenks in 5 classes of YlOrRd, in French, made today. */
    public static MapRequest defaults() {
        return new MapRequest(AreaLevel.DISTRICT, Optional.empty(), ClassificationMethod.JENKS, 5, Palette.YL_OR_RD,
                Locale.FRENCH, LocalDate.now());
    }

    public MapRequest withLevel(AreaLevel l) {
        return new MapRequest(l, theme, method, classes, palette, locale, madeOn);
    }

    public MapRequest withTheme(String dataElement, String period) {
        return new MapRequest(level, Optional.of(new Theme(dataElement, period)), method, classes, palette, locale, madeOn);
    }

    public MapRequest withClassification(ClassificationMethod m, int k) {
        return new MapRequest(level, theme, m, k, palette, locale, madeOn);
    }

    public MapRequest withLocale(Locale l) {
        return new MapRequest(level, theme, method, classes, palette, l, madeOn);
    }

    public MapRequest madeOn(LocalDate date) {
        return new MapRequest(level, theme, method, classes, palette, locale, date);
    }
}
