package org.santeatlas.importers.geo;

import java.util.List;
import java.util.Optional;
import org.santeatlas.importers.ImportReport;

/**
 * How the features of one boundary file were matched to org units, for the CLI to print after the
 * import and the app to show. Feature numbers count from 1 in file order (GeoJSON features, shapefile
 * records).
 *
 * @param attached       whether features were attached to org units ({@code ImportOptions.attachBoundaries()});
 *                       false: the whole file went into {@code layer}
 * @param layer          the boundary layer holding the features not attached, empty when there are none
 * @param layerFeatures  how many features that layer holds
 * @param level          the org unit level most matches are on, 0 when nothing matched
 * @param matchedByCode  features attached by code (or UID)
 * @param matchedByName  features attached by name
 * @param ambiguous      features whose code or name fits several org units (or one another feature took)
 * @param unmatched      features no org unit fits
 * @param repaired       features whose invalid geometry was repaired (whatever their match)
 * @param rejected       features rejected: no, empty, non-polygonal or unrepairable geometry
 */
public record BoundaryReport(boolean attached, Optional<String> layer, int layerFeatures, int level, List<Feature> matchedByCode,
                             List<Feature> matchedByName, List<Feature> ambiguous, List<Feature> unmatched,
                             List<Feature> repaired, List<Feature> rejected) implements ImportReport {

    public BoundaryReport {
        matchedByCode = List.copyOf(matchedByCode);
        matchedByName = List.copyOf(matchedByName);
        ambiguous = List.copyOf(ambiguous);
        unmatched = List.copyOf(unmatched);
        repaired = List.copyOf(repaired);
        rejected = List.copyOf(rejected);
    }

    /**
     * One feature in the report.
     *
     * @param number     its number in the file, from 1
     * @param name       its name (or code) as the file writes it, "" when it has neither
     * @param orgUnit    the org unit it was attached to (UID), empty when none
     * @param orgUnitName that org unit's name, or for an ambiguous feature the candidates' names
     * @param note       what was repaired, why it is ambiguous or rejected; "" otherwise
     */
    public record Feature(int number, String name, Optional<String> orgUnit, String orgUnitName, String note) {
    }

    /** Features attached to org units. */
    public int matchedCount() {
        return matchedByCode.size() + matchedByName.size();
    }
}
