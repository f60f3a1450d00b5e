package org.santeatlas.testdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** manifest.json: what was generated, how much of it, and each file's size and SHA-256. */
final class ManifestWriter {

    static final String GENERATOR = "santeatlas-test-data";

    private ManifestWriter() {}

    static void write(Country c, DemoCounts counts, List<OutputFile.Written> files, Path path) throws IOException {
        OutputFile file = new OutputFile(path, "manifest-json");
        try (file; JsonGenerator g = file.prettyJson()) {
            g.writeStartObject();
            g.writeBooleanField("fictional", true);
            g.writeStringField("generator", GENERATOR);
            g.writeStringField("size", c.size().externalName());
            g.writeNumberField("seed", c.seed());
            g.writeStringField("country", c.territory().country.place);
            g.writeNumberField("population", c.territory().country.population);
            g.writeObjectFieldStart("counts");
            g.writeNumberField("orgUnits", counts.orgUnits());
            g.writeNumberField("dataElements", counts.dataElements());
            g.writeNumberField("categoryOptionCombos", counts.categoryOptionCombos());
            g.writeNumberField("dataSets", counts.dataSets());
            g.writeNumberField("dataValues", counts.dataValues());
            g.writeNumberField("completeRegistrations", counts.completeRegistrations());
            g.writeNumberField("localities", counts.localities());
            g.writeNumberField("registryRecords", counts.registryRecords());
            g.writeObjectFieldStart("periods");
            g.writeStringField("first", counts.firstPeriod());
            g.writeStringField("last", counts.lastPeriod());
            g.writeEndObject();
            g.writeObjectFieldStart("orgUnitsByLevel");
            g.writeNumberField("1", 1);
            g.writeNumberField("2", c.territory().regions.size());
            g.writeNumberField("3", c.territory().districts.size());
            g.writeNumberField("4", c.territory().areas.size());
            g.writeNumberField("5", c.facilities().all.size());
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("files");
            for (OutputFile.Written w : files) {
                g.writeObjectFieldStart(w.name());
                g.writeStringField("format", w.format());
                g.writeNumberField("bytes", w.bytes());
                g.writeStringField("sha256", w.sha256());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
