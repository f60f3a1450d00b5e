package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The files a ministry keeps outside DHIS2: the master facility list (registry.csv, as exported from
 * a French spreadsheet: ';' separator, '.' decimal point, decimal degrees, empty cells for missing
 * coordinates; and the same as registry.geojson) and the locality list (localities.csv).
 */
final class RegistryWriter {

    static final String REGISTRY_HEADER =
            "code;nom;type;statut;region;district;aire_sante;latitude;longitude;proprietaire";
    static final String LOCALITIES_HEADER =
            "code,nom,code_aire_sante,code_district,population,annee,latitude,longitude";

    private RegistryWriter() {}

    static List<OutputFile.Written> write(Country c, Path csvPath, Path geoJsonPath) throws IOException {
        List<Facilities.RegistryRecord> rows = c.facilities().registry;
        OutputFile csvFile = new OutputFile(csvPath, "registry-csv");
        try (csvFile; Writer w = csvFile.writer()) {
            w.write(REGISTRY_HEADER);
            w.write('\n');
            for (Facilities.RegistryRecord r : rows) {
                Coordinate p = r.point();
                String[] fields = {
                    r.code(), r.name(), r.type(), r.status(), r.region(), r.district(), r.area(),
                    p == null ? "" : Geo.format(p.y), p == null ? "" : Geo.format(p.x), r.owner()
                };
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        w.write(';');
                    }
                    w.write(Formats.csv(fields[i], ';'));
                }
                w.write('\n');
            }
        }

        OutputFile geoFile = new OutputFile(geoJsonPath, "registry-geojson");
        try (geoFile; JsonGenerator g = geoFile.recordPerLineJson()) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "Registre des formations sanitaires - " + c.territory().country.place);
            g.writeBooleanField("fictional", true);
            g.writeArrayFieldStart("features");
            for (Facilities.RegistryRecord r : rows) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.code());
                if (r.point() == null) {
                    g.writeNullField("geometry");
                } else {
                    g.writeObjectFieldStart("geometry");
                    g.writeStringField("type", "Point");
                    g.writeFieldName("coordinates");
                    g.writeRawValue(Geo.pointCoordinates(r.point()));
                    g.writeEndObject();
                }
                g.writeObjectFieldStart("properties");
                g.writeStringField("code", r.code());
                g.writeStringField("nom", r.name());
                g.writeStringField("type", r.type());
                g.writeStringField("statut", r.status());
                g.writeStringField("region", r.region());
                g.writeStringField("district", r.district());
                g.writeStringField("aire_sante", r.area());
                g.writeStringField("proprietaire", r.owner());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return List.of(csvFile.written(), geoFile.written());
    }

    static OutputFile.Written writeLocalities(Country c, Path path) throws IOException {
        List<Locality> sorted = new ArrayList<>(c.localities());
        sorted.sort(Comparator.comparing(Locality::code));
        OutputFile file = new OutputFile(path, "localities-csv");
        try (file; Writer w = file.writer()) {
            w.write(LOCALITIES_HEADER);
            w.write('\n');
            StringBuilder row = new StringBuilder(128);
            for (Locality l : sorted) {
                row.setLength(0);
                row.append(l.code()).append(',')
                        .append(Formats.csv(l.name(), ',')).append(',')
                        .append(l.area().code).append(',')
                        .append(l.area().parent.code).append(',')
                        .append(l.population()).append(',')
                        .append(Localities.YEAR).append(',')
                        .append(Geo.format(l.point().y)).append(',')
                        .append(Geo.format(l.point().x)).append('\n');
                w.append(row);
            }
        }
        return file.written();
    }
}
