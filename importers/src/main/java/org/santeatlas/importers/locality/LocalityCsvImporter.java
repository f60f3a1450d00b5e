package org.santeatlas.importers.locality;

import java.util.List;
import java.util.Map;
import org.santeatlas.importers.ImportFormat;

/** Localities and their population in CSV; see {@link LocalityTableImporter}. */
public final class LocalityCsvImporter extends LocalityTableImporter {

    /** Field → accepted header names (compared by {@link org.santeatlas.core.text.NameKey}). */
    public static final Map<String, List<String>> SYNONYMS = Map.of(
            "code", List.of("code", "id", "code_localite", "locality_code"),
            "name", List.of("nom", "name", "localite", "locality", "village", "nom_localite", "locality_name"),
            "healthArea", List.of("code_aire_sante", "aire_sante", "health_area_code", "health_area",
                    "code_aire_de_sante", "aire_de_sante"),
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
    boolean xlsx() {
        return false;
    }
}
