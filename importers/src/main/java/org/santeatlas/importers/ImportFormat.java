package org.santeatlas.importers;

import java.util.Locale;

/** The file formats SantéAtlas imports; names are the values of the CLI's {@code --format}. */
public enum ImportFormat {
    DHIS2_METADATA_JSON("dhis2-metadata-json"),
    DHIS2_DATA_VALUE_SET_JSON("dhis2-datavalueset-json"),
    DHIS2_DATA_VALUE_SET_CSV("dhis2-datavalueset-csv"),
    DHIS2_DATA_VALUE_SET_XML("dhis2-datavalueset-xml"),
    DHIS2_COMPLETE_REGISTRATIONS_JSON("dhis2-complete-registrations-json"),
    REGISTRY_CSV("registry-csv"),
    REGISTRY_GEOJSON("registry-geojson"),
    LOCALITIES_CSV("localities-csv"),
    REGISTRY_FHIR("registry-fhir"),
    SURVEY_CSV("survey-csv"),
    CLIMATE_CSV("climate-csv"),
    /** An ESRI Shapefile of points: a facility registry, read like {@link #REGISTRY_CSV}. */
    REGISTRY_SHAPEFILE("registry-shapefile"),
    /** A GeoJSON FeatureCollection of polygons: boundaries attached to org units, or a layer. */
    BOUNDARIES_GEOJSON("boundaries-geojson"),
    /** An ESRI Shapefile of polygons: boundaries, as {@link #BOUNDARIES_GEOJSON}. */
    BOUNDARIES_SHAPEFILE("boundaries-shapefile"),
    DHIS2_ADX("dhis2-adx"),
    DHIS2_METADATA_XML("dhis2-metadata-xml"),
    REGISTRY_XLSX("registry-xlsx"),
    LOCALITIES_XLSX("localities-xlsx"),
    DHIS2_ANALYTICS_JSON("dhis2-analytics-json"),
    DHIS2_ANALYTICS_CSV("dhis2-analytics-csv"),
    DHIS2_ANALYTICS_XLSX("dhis2-analytics-xlsx");

    private final String id;

    ImportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ImportFormat fromId(String id) {
        for (ImportFormat f : values()) {
            if (f.id.equalsIgnoreCase(id) || f.name().equalsIgnoreCase(id.replace('-', '_'))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
