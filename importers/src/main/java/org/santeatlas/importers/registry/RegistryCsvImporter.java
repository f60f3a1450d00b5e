package org.santeatlas.importers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVRecord;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.CsvTable;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;

/**
 * A master facility list in CSV, as ministries keep it in spreadsheets: one facility a row, columns
 * found by header in French or English (code, nom, type, statut, région, district, aire de santé,
 * latitude, longitude, propriétaire), ';' or ',' separated, decimal degrees with a point or a comma.
 * Rows are keyed by code within the registry source; unmapped columns are kept as attributes.
 */
public final class RegistryCsvImporter implements Importer {

    /** The registry source name records are filed under (one master facility list per workspace). */
    public static final String DEFAULT_SOURCE = "registry";

    /** Field → accepted header (or GeoJSON property) names, normalised by {@link ColumnMapping#key}. */
    static final Map<String, List<String>> SYNONYMS = Map.of(
            "code", List.of("code", "id", "identifiant", "facility_code", "code_fs", "code_formation_sanitaire"),
            "name", List.of("nom", "name", "nom_fs", "facility_name", "formation_sanitaire", "nom_formation_sanitaire"),
            "type", List.of("type", "type_fs", "facility_type", "categorie", "category"),
            "status", List.of("statut", "status", "etat", "state"),
            "region", List.of("region"),
            "district", List.of("district", "district_sanitaire", "health_district"),
            "healthArea", List.of("aire_sante", "aire_de_sante", "health_area", "zone_de_sante", "aire"),
            "latitude", List.of("latitude", "lat", "y"),
            "longitude", List.of("longitude", "lon", "long", "lng", "x"),
            "ownership", List.of("proprietaire", "ownership", "owner", "secteur", "gestion"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_CSV;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (CsvTable table = CsvTable.open(context, SYNONYMS);
             RegistryUpsert upsert = new RegistryUpsert(context)) {
            ColumnMapping mapping = table.mapping();
            if (!mapping.has("code") || !mapping.has("name")) {
                throw new ImportFailure(context.problem(1, 0, "import.registryMissingColumns",
                        "the header needs a code and a name column (code, nom)"));
            }
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                long line = table.line();
                String code = mapping.get(r, "code").orElse(null);
                String name = mapping.get(r, "name").orElse(null);
                if (code == null || name == null) {
                    context.counts().rejected();
                    context.report(line, 0, "import.registryMissingCodeOrName", "row without code or name");
                    continue;
                }
                Double lat = null;
                Double lon = null;
                if (mapping.get(r, "latitude").isPresent() || mapping.get(r, "longitude").isPresent()) {
                    OptionalDouble la = Coordinates.parseDecimalDegrees(mapping.get(r, "latitude").orElse(""));
                    OptionalDouble lo = Coordinates.parseDecimalDegrees(mapping.get(r, "longitude").orElse(""));
                    if (la.isEmpty() || lo.isEmpty() || Math.abs(la.getAsDouble()) > 90
                            || Math.abs(lo.getAsDouble()) > 180) {
                        context.report(line, 0, "import.registryBadCoordinates", code
                                + ": unreadable or out-of-range coordinates; kept without a location", code);
                    } else {
                        lat = la.getAsDouble();
                        lon = lo.getAsDouble();
                    }
                }
                ObjectNode attributes = MAPPER.createObjectNode();
                for (int col = 0; col < r.size() && col < mapping.header().size(); col++) {
                    if (!mapping.isMapped(col) && !r.get(col).isBlank()) {
                        attributes.put(mapping.header().get(col), r.get(col));
                    }
                }
                upsert.put(code, new RegistryUpsert.Fields(name, mapping.get(r, "type").orElse(null),
                        mapping.get(r, "status").orElse(null), mapping.get(r, "ownership").orElse(null),
                        mapping.get(r, "region").orElse(null), mapping.get(r, "district").orElse(null),
                        mapping.get(r, "healthArea").orElse(null), lat, lon,
                        attributes.isEmpty() ? null : attributes.toString()));
            }
        }
    }
}
