package org.santeatlas.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.santeatlas.benchmarks.DataValueImportBenchmark.Input;
import org.santeatlas.testdata.DemoFiles;

/**
 * The same data values in each format the benchmark imports, derived from the generated files: the
 * JSON and CSV as generated, the DHIS2 XML (DXF2) written from the JSON by streaming, the JSON gzipped
 * and the CSV in a zip archive.
 */
final class BenchmarkInputs {

    private BenchmarkInputs() {
    }

    static List<Input> prepare(DemoFiles files, Path dir) throws IOException, XMLStreamException {
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("json", files.dataValuesJson()));
        inputs.add(new Input("csv", files.dataValuesCsv()));
        Path xml = dir.resolve("dataValueSets.xml");
        if (!Files.exists(xml)) {
            writeXml(files.dataValuesJson(), xml);
        }
        inputs.add(new Input("xml", xml));
        Path gz = dir.resolve("dataValueSets.json.gz");
        if (!Files.exists(gz)) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
                Files.copy(files.dataValuesJson(), out);
            }
        }
        inputs.add(new Input("json.gz", gz));
        Path zip = dir.resolve("dataValueSets.csv.zip");
        if (!Files.exists(zip)) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("dataValueSets.csv"));
                Files.copy(files.dataValuesCsv(), out);
                out.closeEntry();
            }
        }
        inputs.add(new Input("csv.zip", zip));
        return inputs;
    }

    /** {@code <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue .../>...}, as DHIS2 exports. */
    static void writeXml(Path json, Path xml) throws IOException, XMLStreamException {
        try (InputStream in = Files.newInputStream(json);
             JsonParser p = new JsonFactory().createParser(in);
             OutputStream out = Files.newOutputStream(xml)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("dataValueSet");
            w.writeDefaultNamespace("http://dhis2.org/schema/dxf/2.0");
            Map<String, String> fields = new LinkedHashMap<>();
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "dataValues".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        fields.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            fields.put(name, p.getText());
                        }
                        w.writeEmptyElement("dataValue");
                        for (Map.Entry<String, String> f : fields.entrySet()) {
                            w.writeAttribute(f.getKey(), f.getValue());
                        }
                    }
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }
}
