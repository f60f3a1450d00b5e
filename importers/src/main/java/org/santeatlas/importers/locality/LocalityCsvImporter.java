package org.santeatlas.importers.locality;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.CsvTable;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;

/**
 * Localities (villages, towns) with their population: {@code code, nom, code_aire_sante,
 * code_district, population, annee, latitude, longitude} (French or English headers). One row is one
 * locality's population for one year; a locality listed for several years keeps each year. The health
 * area code links the locality to its org unit.
 */
public final class LocalityCsvImporter implements Importer {

    static final Map<String, List<String>> SYNONYMS = Map.of(
            "code", List.of("code", "id", "code_localite", "locality_code"),
            "name", List.of("nom", "name", "localite", "locality", "village"),
            "healthArea", List.of("code_aire_sante", "aire_sante", "health_area_code", "health_area"),
            "district", List.of("code_district", "district", "district_code"),
            "population", List.of("population", "pop", "habitants"),
            "year", List.of("annee", "year", "an"),
            "latitude", List.of("latitude", "lat", "y"),
            "longitude", List.of("longitude", "lon", "long", "lng", "x"));


    @Override
    public ImportFormat format() {
        return ImportFormat.LOCALITIES_CSV;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        var c = context.connection();
        try (CsvTable table = CsvTable.open(context, SYNONYMS);
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
                throw new ImportFailure(context.problem(1, 0, "import.localityMissingColumns",
                        "the header needs code, name (nom) and population columns"));
            }
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                long line = table.line();
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
                OptionalDouble lat = Coordinates.parseDecimalDegrees(mapping.get(r, "latitude").orElse(""));
                OptionalDouble lon = Coordinates.parseDecimalDegrees(mapping.get(r, "longitude").orElse(""));
                if (lat.isPresent() && lon.isPresent() && Math.abs(lat.getAsDouble()) <= 90
                        && Math.abs(lon.getAsDouble()) <= 180) {
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
