package org.santeatlas.importers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.OptionalDouble;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.MappedTable;
import org.santeatlas.importers.TableRow;

/**
 * A master facility list as a spreadsheet, CSV or XLSX alike: one facility a row, columns mapped by
 * {@link MappedTable} (the user's mapping file, else header names in French or English, see
 * {@link RegistryCsvImporter#SYNONYMS}), coordinates in decimal degrees or degrees-minutes-seconds.
 * Rows are keyed by code within the registry source ({@link RegistryUpsert}); unmapped columns are kept
 * as attributes. A row with unreadable coordinates is kept without a location, with a problem.
 */
abstract sealed class RegistryTableImporter implements Importer permits RegistryCsvImporter, RegistryXlsxImporter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Whether the format is XLSX (else CSV). */
    abstract boolean xlsx();

    @Override
    public final void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (MappedTable table = MappedTable.open(context, xlsx(), RegistryCsvImporter.SYNONYMS);
             RegistryUpsert upsert = new RegistryUpsert(context)) {
            ColumnMapping mapping = table.mapping();
            if (!mapping.has("code") || !mapping.has("name")) {
                throw new ImportFailure(context.problem(table.headerLine(), 0, "import.registryMissingColumns",
                        "the header needs a code and a name column (code, nom)"));
            }
            for (TableRow r = table.next(); r != null; r = table.next()) {
                long line = r.line();
                String code = mapping.get(r, "code").orElse(null);
                String name = mapping.get(r, "name").orElse(null);
                if (code == null || name == null) {
                    context.counts().rejected();
                    context.report(line, 0, "import.registryMissingCodeOrName", "row without code or name");
                    continue;
                }
                Double lat = null;
                Double lon = null;
                String latText = mapping.get(r, "latitude").orElse("");
                String lonText = mapping.get(r, "longitude").orElse("");
                if (!latText.isEmpty() || !lonText.isEmpty()) {
                    OptionalDouble la = Coordinates.latitude(latText, table.notation());
                    OptionalDouble lo = Coordinates.longitude(lonText, table.notation());
                    if (la.isEmpty() || lo.isEmpty()) {
                        context.report(line, 0, "import.registryBadCoordinates", code
                                + ": unreadable or out-of-range coordinates; kept without a location", code);
                    } else {
                        lat = la.getAsDouble();
                        lon = lo.getAsDouble();
                    }
                }
                ObjectNode attributes = MAPPER.createObjectNode();
                for (int col = 0; col < r.size() && col < mapping.header().size(); col++) {
                    if (!mapping.isMapped(col) && !r.cell(col).isBlank()) {
                        attributes.put(mapping.header().get(col), r.cell(col));
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
