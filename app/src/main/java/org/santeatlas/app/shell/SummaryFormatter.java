package org.santeatlas.app.shell;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.WorkspaceSummary;

/**
 * Formats a workspace summary's numbers, months and coordinates for one locale: French gets a narrow
 * no-break space between thousands and a decimal comma ({@link NumberFormat}, CLDR data), English a
 * comma and a point. Pure and thread-safe-by-confinement: one instance per view model.
 */
final class SummaryFormatter {

    /** Two decimals of a degree ≈ 1.1 km at the equator: enough to tell a country's extent. */
    private static final int DEGREE_DECIMALS = 2;

    private final Messages messages;
    private final NumberFormat counts;
    private final NumberFormat degrees;
    private final DateTimeFormatter month;

    SummaryFormatter(Messages messages) {
        this.messages = messages;
        Locale locale = messages.locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
        this.degrees = NumberFormat.getNumberInstance(locale);
        degrees.setMinimumFractionDigits(DEGREE_DECIMALS);
        degrees.setMaximumFractionDigits(DEGREE_DECIMALS);
        // "LLLL": the stand-alone month name, as a month is named on its own ("janvier 2023").
        this.month = DateTimeFormatter.ofPattern("LLLL uuuu", locale);
    }

    String count(long value) {
        return counts.format(value);
    }

    /**
     * The months covered by the data, from the first day of the first period to the last day of the
     * last ("janvier 2023 – décembre 2025"); a single month when both fall in one.
     */
    String periodRange(Optional<WorkspaceSummary.PeriodRange> range) {
        if (range.isEmpty()) {
            return messages.get("summary.periods.none");
        }
        WorkspaceSummary.PeriodRange r = range.get();
        Optional<Period> first = Period.tryParse(r.first());
        Optional<Period> last = Period.tryParse(r.last());
        if (first.isEmpty() || last.isEmpty()) {
            // Periods come from DHIS2 files through the importer, which already checked them; still,
            // show what is stored rather than nothing.
            return messages.get("summary.periods.range", r.first(), r.last());
        }
        YearMonth from = YearMonth.from(first.get().startDate());
        YearMonth to = YearMonth.from(last.get().endDate());
        if (from.equals(to)) {
            return month.format(from);
        }
        return messages.get("summary.periods.range", month.format(from), month.format(to));
    }

    /** The bounding box as two lines of text: longitudes, then latitudes (WGS 84 degrees). */
    String longitudes(Optional<WorkspaceSummary.Extent> extent) {
        return extent.map(e -> messages.get("summary.extent.longitudes", longitude(e.minLongitude()),
                        longitude(e.maxLongitude())))
                .orElseGet(() -> messages.get("summary.extent.none"));
    }

    String latitudes(Optional<WorkspaceSummary.Extent> extent) {
        return extent.map(e -> messages.get("summary.extent.latitudes", latitude(e.minLatitude()),
                        latitude(e.maxLatitude())))
                .orElse("");
    }

    /** "12,50° E" / "3,25° O": the hemisphere letter instead of a sign, as maps label them. */
    String longitude(double degreesEast) {
        String key = degreesEast < 0 ? "coordinate.west" : "coordinate.east";
        return messages.get(key, degrees.format(Math.abs(degreesEast)));
    }

    String latitude(double degreesNorth) {
        String key = degreesNorth < 0 ? "coordinate.south" : "coordinate.north";
        return messages.get(key, degrees.format(Math.abs(degreesNorth)));
    }
}
