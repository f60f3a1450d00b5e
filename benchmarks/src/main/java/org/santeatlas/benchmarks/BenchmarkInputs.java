package org.santeatlas.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.santeatlas.benchmarks.DataValueImportBenchmark.Input;
import org.santeatlas.testdata.DataValueFormats;
import org.santeatlas.testdata.DataValueFormats.Format;
import org.santeatlas.testdata.DemoFiles;

/**
 * The same data values in each format the benchmark imports, written from the generated files by
 * {@link DataValueFormats} (streamed, so the national set needs little memory): the JSON and CSV data value
 * sets as generated, DHIS2 XML, ADX, the analytics JSON response (one row per value), and the compressed
 * forms a user receives by e-mail: JSON and XML gzipped, CSV and ADX in a zip archive. Written afresh at
 * every run, since the generator rewrites the files they come from.
 */
final class BenchmarkInputs {

    private BenchmarkInputs() {
    }

    static List<Input> prepare(DemoFiles files, Path dir) throws IOException {
        List<Input> inputs = new ArrayList<>();
        Path json = DataValueFormats.write(files, Format.JSON, dir);
        Path csv = DataValueFormats.write(files, Format.CSV, dir);
        Path xml = DataValueFormats.write(files, Format.XML, dir);
        Path adx = DataValueFormats.write(files, Format.ADX, dir);
        Path analytics = DataValueFormats.write(files, Format.ANALYTICS_JSON, dir);
        inputs.add(new Input("json", json));
        inputs.add(new Input("csv", csv));
        inputs.add(new Input("xml", xml));
        inputs.add(new Input("adx", adx));
        inputs.add(new Input("analytics", analytics));
        inputs.add(new Input("json.gz", DataValueFormats.gzip(json, dir.resolve("dataValueSets.json.gz"))));
        inputs.add(new Input("csv.zip", DataValueFormats.zip(csv, dir.resolve("dataValueSets.csv.zip"))));
        inputs.add(new Input("xml.gz", DataValueFormats.gzip(xml, dir.resolve("dataValueSets.xml.gz"))));
        inputs.add(new Input("adx.zip", DataValueFormats.zip(adx, dir.resolve("dataValueSets.adx.zip"))));
        return inputs;
    }
}
