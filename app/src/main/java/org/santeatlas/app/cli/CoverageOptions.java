package org.santeatlas.app.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageInput;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.coverage.FacilitySelection;
import picocli.CommandLine.Option;

/**
 * The options {@code santeatlas coverage} and {@code santeatlas site} share, and the analysis they run:
 * {@code -w W [--radius-km R] [--district NAME|UID] [--facility-types T,…] [--year Y] [--json]}.
 */
final class CoverageOptions {

    /** Largest radius accepted, km: beyond it "access" means nothing on a health map. */
    static final double MAX_RADIUS_KM = 1_000;

    @Option(names = {"-w", "--workspace"}, required = true, description = "The workspace file (NAME or NAME.mv.db).")
    Path workspace;

    @Option(names = "--radius-km", paramLabel = "KM", description = "Coverage radius in km (default: ${DEFAULT-VALUE}).")
    double radiusKm = CoverageAnalysis.DEFAULT_RADIUS / 1000;

    @Option(names = "--district", paramLabel = "NAME|UID", description = "Only this health district (its name or UID).")
    String district;

    @Option(names = "--facility-types", split = ",", paramLabel = "TYPE",
            description = "Facilities that count: tiers (hospital, centre, post, other) or types (code, name or UID of"
                    + " the type group), e.g. hospital,centre. Default: every open facility.")
    List<String> facilityTypes;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "Population of this year (or the latest before it). Default: each locality's latest.")
    Integer year;

    @Option(names = "--json", description = "Print JSON (keys in camelCase; stable for scripts).")
    boolean json;

    /** What the options chose, read from the workspace. */
    record Run(CoverageResult result, int district) {}

    /** Validates the options, reads the workspace and runs the analysis. */
    Run run(Workspace ws, Messages m) throws SQLException {
        if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
            throw new UserException(m.get("coverage.badRadius", radiusKm));
        }
        CoverageInput input;
        try {
            input = new CoverageRepository(ws.connection()).load(year == null ? OptionalInt.empty() : OptionalInt.of(year));
        } catch (CoverageRepository.NoBoundariesException e) {
            throw new UserException(m.get("coverage.noBoundaries"));
        }
        FacilitySelection selection = FacilitySelection.ALL;
        if (facilityTypes != null && !facilityTypes.isEmpty()) {
            FacilitySelection.Parsed parsed = FacilitySelection.parse(facilityTypes, input.types());
            if (!parsed.unknown().isEmpty()) {
                List<String> known = new java.util.ArrayList<>(List.of("hospital", "centre", "post", "other"));
                input.types().forEach(t -> known.add(t.code() == null ? t.name() : t.code()));
                throw new UserException(m.get("coverage.unknownFacilityType", String.join(", ", parsed.unknown()),
                        String.join(", ", known)));
            }
            selection = parsed.selection();
        }
        CoverageResult result = CoverageAnalysis.run(input, radiusKm * 1000, selection);
        int d = -1;
        if (district != null) {
            d = result.findUnit(district, input.districtLevel()).orElseThrow(() -> new UserException(m.get(
                    "coverage.unknownDistrict", district, String.join(", ", result.closestNames(district,
                            input.districtLevel(), 3)))));
        }
        return new Run(result, d);
    }
}
