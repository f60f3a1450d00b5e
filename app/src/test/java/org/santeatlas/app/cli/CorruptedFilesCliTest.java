package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.cli.CliTest.Run;

/**
 * {@code santeatlas import} on a damaged file of each format: exit code 1, a {@code file:line} message
 * naming what is wrong, no stack trace, and a workspace whose summary has not changed by a byte.
 */
class CorruptedFilesCliTest {

    @TempDir
    static Path dir;
    static Path workspace;
    static Path demo;
    static Locale previous;

    @BeforeAll
    static void buildDemo() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        demo = dir.resolve("demo");
        Run r = CliTest.run("demo", "--out", demo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        workspace = Path.of(r.outLines().get(r.outLines().size() - 1));
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }

    /** File name, its damaged content, and what the message must say (after "name:"). */
    static Stream<Arguments> damagedFiles() throws Exception {
        byte[] json = Files.readAllBytes(dir.resolve("demo").resolve("dataValueSets.json"));
        return Stream.of(
                Arguments.of("metadata.json", text("{\"organisationUnits\": [{\"id\": \"PaysFictif1\",\n \"name\": }]}"),
                        "metadata.json:2:", "malformed JSON"),
                Arguments.of("dv-cut.json", Arrays.copyOf(json, json.length / 3), "dv-cut.json:", "malformed JSON"),
                Arguments.of("dv.json.gz", gzip(Arrays.copyOf(json, json.length / 3)), "dv.json.gz:", "malformed JSON"),
                Arguments.of("dv.csv", text("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n"
                        + "DeInconnu01,202401,OuInconnu01,,,5\n\"unterminated,202401\n"), "dv.csv:", "malformed CSV"),
                Arguments.of("dv.xml", text("<?xml version=\"1.0\"?>\n<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\">\n"
                        + "<dataValue dataElement=\"x\" period=\"202401\"\n"), "dv.xml:", "malformed XML"),
                Arguments.of("registrations.json", text("{\"completeDataSetRegistrations\": [\n {\"dataSet\": 12,,}]}"),
                        "registrations.json:2:", "malformed JSON"),
                Arguments.of("registry.csv", text("code;nom;type;latitude;longitude\nSC-X-1;;CSI;13.5;2.1\n"),
                        "registry.csv:2:", "code or name"),
                Arguments.of("registry.geojson", text("{\"type\": \"FeatureCollection\", \"features\": [\n"
                        + "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [2.1, 13.5]},"
                        + " \"properties\": {\"nom\": \"CSI X\"}}]}"), "registry.geojson:2:", "code or name"),
                Arguments.of("localities.csv", text("code,nom,population,annee\nLOC-1,Kollo,beaucoup,2024\n"),
                        "localities.csv:2:", "population"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedFileExitsOneWithItsLineAndChangesNothing(String name, byte[] content, String where, String what)
            throws Exception {
        String before = summary();
        Path file = dir.resolve(name);
        Files.write(file, content);

        Run r = CliTest.run("import", "-w", workspace.toString(), file.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains(where).contains(what).contains(name + " was not imported; the workspace is unchanged")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(summary()).isEqualTo(before);
    }

    private static String summary() {
        Run r = CliTest.run("summary", "-w", workspace.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
