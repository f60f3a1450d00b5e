package org.santeatlas.importers.registry;

import java.util.List;
import java.util.Map;
import org.santeatlas.importers.ColumnMapping;
import org.santeatlas.importers.ImportFormat;

/**
 * A master facility list in CSV, as ministries keep it in spreadsheets: one facility a row, columns
 * found by header in French or English (code, nom, type, statut, région, district, aire de santé,
 * latitude, longitude, propriétaire) or by the user's mapping file, ';' or ',' separated, coordinates in
 * decimal degrees (point or comma) or degrees-minutes-seconds. Rows are keyed by code within the
 * registry source; unmapped columns are kept as attributes. See {@link RegistryTableImporter}.
 */
public final class RegistryCsvImporter extends RegistryTableImporter {

    /** The registry source name records are filed under (one master facility list per workspace). */
    public static final String DEFAULT_SOURCE = "registry";

    /**
     * Field → accepted header (or GeoJSON property) names, normalised by {@link ColumnMapping#key}; headers
     * are compared by {@link org.santeatlas.core.text.NameKey}, and a header starting with one of these
     * names also matches (see {@link ColumnMapping}).
     */
    public static final Map<String, List<String>> SYNONYMS = Map.of(
            "code", List.of("code", "id", "identifiant", "facility_code", "code_fs", "code_formation_sanitaire",
                    "code_fosa", "code_structure", "code_etablissement"),
            "name", List.of("nom", "name", "nom_fs", "facility_name", "formation_sanitaire", "nom_formation_sanitaire",
                    "nom_de_la_formation_sanitaire", "nom_fosa", "fosa", "nom_structure", "structure",
                    "etablissement", "nom_etablissement", "facility"),
            "type", List.of("type", "type_fs", "facility_type", "categorie", "category", "type_fosa",
                    "type_structure", "type_de_formation_sanitaire"),
            "status", List.of("statut", "status", "etat", "state"),
            "region", List.of("region", "province"),
            "district", List.of("district", "district_sanitaire", "health_district", "district_de_sante",
                    "zone_sanitaire"),
            "healthArea", List.of("aire_sante", "aire_de_sante", "health_area", "zone_de_sante", "aire",
                    "aire_de_responsabilite"),
            "latitude", List.of("latitude", "lat", "y", "gps_latitude", "coord_y"),
            "longitude", List.of("longitude", "lon", "long", "lng", "x", "gps_longitude", "coord_x"),
            "ownership", List.of("proprietaire", "ownership", "owner", "secteur", "gestion"));

    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_CSV;
    }

    @Override
    boolean xlsx() {
        return false;
    }
}
