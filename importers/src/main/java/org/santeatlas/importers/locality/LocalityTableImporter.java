package org.santeatlas.importers.locality;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.MappedTable;
import org.santeatlas.importers.TableRow;

/**
 * Localities (villages, towns) with their population, from CSV or XLSX alike (columns mapped by
 * {@link MappedTable}; coordinates in decimal degrees or degrees-minutes-seconds): {@code code, nom, code_aire_sante,
 * code_district, population, annee, latitude, longitude} (French or English headers). One row is one
 * locality's population for one year; a locality listed for several years keeps each year. The health
 * area code links the locality to its org unit.
 */
abstract sealed class LocalityTableImporter implements Importer permits LocalityCsvImporter, LocalityXlsxImporter {

    /** Whether the format is XLSX (else CSV). */
    abstract boolean xlsx();

    @Override
    public final void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        var c = context.connection();
        try (MappedTable table = MappedTable.open(context, xlsx(), LocalityCsvImporter.SYNONYMS);
             PreparedStatement select = c.prepareStatement("SELECT L.ID, L.NAME, L.HEALTH_AREA_CODE, L.DISTRICT_CODE,"
                     + " L.POINT, P.POPULATION FROM LOCALITY L LEFT JOIN LOCALITY_POPULATION P ON P.LOCALITY_ID = L.ID"
                     + " AND P.POPULATION_YEAR = ? WHERE L.CODE = ?");
             PreparedStatement mergeLocality = c.prepareStatement("MERGE INTO LOCALITY(NAME, HEALTH_AREA_CODE,"
                     + " DISTRICT_CODE, POINT, BATCH_ID, CODE) KEY(CODE) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement mergePopulation = c.prepareStatement("MERGE INTO LOCALITY_POPULATION(LOCALITY_ID,"
                     + " POPULATION_YEAR, POPULATION, BATCH_ID) KEY(LOCALITY_ID, POPULATION_YEAR)"
                     + " SELECT ID, ?, ?, ? FROM LOCALITY WHERE CODE = ?")) {
            ColumnMapping mapping = table.mapping();
            if (!mapping.has("code") || !mapping.has("name") || !mapping.has("population")) {
                throw new ImportFailure(context.problem(table.headerLine(), 0, "import.localityMissingColumns",
                        "the header needs code, name (nom) and population columns"));
            }
            for (TableRow r = table.next(); r != null; r = table.next()) {
                long line = r.line();
                String code = mapping.get(r, "code").orElse(null);
                String name = mapping.get(r, "name").orElse(null);
                String populationText = mapping.get(r, "population").orElse("");
                long population;
                int year;
                try {
                    population = Long.parseLong(populationText.replace(" ", "").replace("\u202F", ""));
                    year = Integer.parseInt(mapping.get(r, "year").orElse("0"));
                } catch (NumberFormatException e) {
                    population = -1;
                    year = -1;
                }
                if (code == null || name == null || population < 0 || year < 0) {
                    context.counts().rejected();
                    context.report(line, 0, "import.localityInvalidRow",
                            "a locality needs a code, a name, a whole population and a year");
                    continue;
                }
                Point point = null;
                OptionalDouble lat = Coordinates.latitude(mapping.get(r, "latitude").orElse(""), table.notation());
                OptionalDouble lon = Coordinates.longitude(mapping.get(r, "longitude").orElse(""), table.notation());
                if (lat.isPresent() && lon.isPresent()) {
                    point = Coordinates.point(lon.getAsDouble(), lat.getAsDouble());
                }
                String area = mapping.get(r, "healthArea").orElse(null);
                String district = mapping.get(r, "district").orElse(null);
                select.setInt(1, year);
                select.setString(2, code);
                boolean exists;
                boolean sameLocality = false;
                boolean samePopulation = false;
                try (ResultSet rs = select.executeQuery()) {
                    exists = rs.next();
                    if (exists) {
                        Object stored = rs.getObject(5);
                        sameLocality = name.equals(rs.getString(2)) && Objects.equals(area, rs.getString(3))
                                && Objects.equals(district, rs.getString(4))
                                && (stored == null ? point == null
                                        : point != null && ((Geometry) stored).equalsExact(point));
                        long storedPopulation = rs.getLong(6);
                        samePopulation = !rs.wasNull() && storedPopulation == population;
                    }
                }
                if (sameLocality && samePopulation) {
                    context.counts().unchanged();
                    continue;
                }
                if (!sameLocality) {
                    mergeLocality.setString(1, name);
                    mergeLocality.setString(2, area);
                    mergeLocality.setString(3, district);
                    mergeLocality.setObject(4, point);
                    mergeLocality.setInt(5, context.batchId());
                    mergeLocality.setString(6, code);
                    mergeLocality.executeUpdate();
                }
                if (!samePopulation) {
                    mergePopulation.setInt(1, year);
                    mergePopulation.setLong(2, population);
                    mergePopulation.setInt(3, context.batchId());
                    mergePopulation.setString(4, code);
                    mergePopulation.executeUpdate();
                }
                if (exists) {
                    context.counts().updated();
                } else {
                    context.counts().created();
                }
            }
        }
        try (Statement st = c.createStatement()) {
            // Link each locality to its health area by the area's code.
            st.executeUpdate("UPDATE LOCALITY L SET ORG_UNIT_ID = (SELECT MIN(O.ID) FROM ORG_UNIT O"
                    + " WHERE O.CODE = L.HEALTH_AREA_CODE) WHERE L.HEALTH_AREA_CODE IS NOT NULL");
        }
    }
}
