package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The santeatlas command line end to end, in process, on real files. */
class CliTest {

    @TempDir
    static Path dir;
    static Path workspace;
    static JsonNode manifest;
    static Locale previous;

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SanteAtlasCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void buildDemo() throws Exception {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Run demo = run("demo", "--out", dir.resolve("demo").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        List<String> lines = demo.outLines();
        workspace = Path.of(lines.get(lines.size() - 1));
        manifest = new ObjectMapper().readTree(dir.resolve("demo").resolve("manifest.json").toFile());
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }

    @Test
    void demoPrintsTheWorkspacePathLastAndSummaryJsonMatchesTheGenerator() throws Exception {
        assertThat(workspace).exists().hasFileName("demo.mv.db");
        JsonNode summary = summaryJson();
        JsonNode counts = manifest.get("counts");
        for (String key : List.of("orgUnits", "dataElements", "categoryOptionCombos", "dataSets", "dataValues",
                "completeRegistrations", "localities", "registryRecords")) {
            assertThat(summary.get(key).asLong()).as(key).isEqualTo(counts.get(key).asLong());
        }
        assertThat(summary.get("periods").get("first").asText()).isEqualTo(counts.get("periods").get("first").asText());
        assertThat(summary.get("periods").get("last").asText()).isEqualTo(counts.get("periods").get("last").asText());
        assertThat(summary.get("importBatches").asLong()).isEqualTo(5);
        assertThat(summary.get("demo").asBoolean()).isTrue();
        JsonNode extent = summary.get("extent");
        assertThat(extent.get("minLongitude").asDouble()).isLessThan(extent.get("maxLongitude").asDouble());
        assertThat(extent.get("minLatitude").asDouble()).isLessThan(extent.get("maxLatitude").asDouble());
    }

    @Test
    void importingTheSameFilesAgainChangesNoCount() throws Exception {
        JsonNode before = summaryJson();
        Path d = dir.resolve("demo");
        Run again = run("import", "-w", workspace.toString(), d.resolve("metadata.json").toString(),
                d.resolve("dataValueSets.json").toString(), d.resolve("completeDataSetRegistrations.json").toString(),
                d.resolve("registry.csv").toString(), d.resolve("localities.csv").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing changed").doesNotContain("created 1");
        assertThat(summaryJson()).isEqualTo(before);
    }

    @Test
    void aTruncatedFileExitsOneWithItsLineAndLeavesEveryCountUnchanged() throws Exception {
        JsonNode before = summaryJson();
        byte[] all = Files.readAllBytes(dir.resolve("demo").resolve("dataValueSets.json"));
        Path cut = dir.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        long lines = new String(java.util.Arrays.copyOf(all, all.length / 2), java.nio.charset.StandardCharsets.UTF_8)
                .lines().count();
        Run r = run("import", "-w", workspace.toString(), cut.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cut.json:" + lines + ":").contains("malformed JSON")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(summaryJson()).isEqualTo(before);
    }

    @Test
    void aFileWithInvalidRecordsIsRefusedUnlessSkipInvalidIsGiven() throws Exception {
        Path fresh = dir.resolve("policy.mv.db");
        assertThat(run("import", "-w", fresh.toString(), dir.resolve("demo").resolve("metadata.json").toString())
                .code()).isZero();
        String summary = run("summary", "-w", fresh.toString(), "--json").out();
        JsonNode ou = new ObjectMapper().readTree(Files.readString(dir.resolve("demo").resolve("metadata.json")))
                .get("organisationUnits").get(0);
        JsonNode de = new ObjectMapper().readTree(Files.readString(dir.resolve("demo").resolve("metadata.json")))
                .get("dataElements").get(0);
        Path csv = dir.resolve("valeurs.csv");
        Files.writeString(csv, "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n"
                + de.get("id").asText() + ",202401," + ou.get("id").asText() + ",,,12\n"
                + de.get("id").asText() + ",202401,Inconnu0001,,,5\n");

        Run refused = run("import", "-w", fresh.toString(), csv.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("valeurs.csv:3: unknown org unit 'Inconnu0001' (1 value(s)")
                .contains("1 invalid record(s); nothing was imported").contains("--skip-invalid");
        assertThat(run("summary", "-w", fresh.toString(), "--json").out()).isEqualTo(summary);

        Run skipped = run("import", "-w", fresh.toString(), "--skip-invalid", csv.toString());
        assertThat(skipped.code()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("created 1,").contains("rejected 1");
        assertThat(skipped.err()).contains("valeurs.csv:3: unknown org unit 'Inconnu0001'");
    }

    @Test
    void aZipOfTheDemoFilesImportsEachEntryMetadataFirst() throws Exception {
        Path zip = dir.resolve("export.zip");
        Path d = dir.resolve("demo");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("dataValueSets.json", "registry.csv", "metadata.json")) {
                out.putNextEntry(new java.util.zip.ZipEntry("snis/" + name));
                Files.copy(d.resolve(name), out);
                out.closeEntry();
            }
        }
        Path fresh = dir.resolve("from-zip.mv.db");
        Run r = run("import", "-w", fresh.toString(), zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).startsWith("export.zip!snis/metadata.json (dhis2-metadata-json)");
        assertThat(r.out()).contains("export.zip!snis/dataValueSets.json (dhis2-datavalueset-json): created "
                + String.format(Locale.ENGLISH, "%,d", manifest.get("counts").get("dataValues").asLong()));
        Run summary = run("summary", "-w", fresh.toString(), "--json");
        assertThat(new ObjectMapper().readTree(summary.out()).get("dataValues").asLong())
                .isEqualTo(manifest.get("counts").get("dataValues").asLong());
    }

    @Test
    void aBoundaryFilePrintsItsMatchReport() throws Exception {
        String district = null;
        for (JsonNode ou : new ObjectMapper().readTree(dir.resolve("demo").resolve("metadata.json").toFile())
                .get("organisationUnits")) {
            if (ou.path("level").asInt() == 3) {
                district = ou.get("name").asText();
                break;
            }
        }
        assertThat(district).isNotNull();
        String square = "{\"type\": \"Polygon\", \"coordinates\": [[[1, 13], [1.1, 13], [1.1, 13.1], [1, 13.1], [1, 13]]]}";
        Path file = dir.resolve("limites.geojson");
        Files.writeString(file, "{\"type\": \"FeatureCollection\", \"features\": ["
                + "{\"type\": \"Feature\", \"properties\": {\"nom\": \"" + district.toUpperCase(Locale.ROOT) + "\"},"
                + " \"geometry\": " + square + "},"
                + "{\"type\": \"Feature\", \"properties\": {\"nom\": \"Nulle part\"}, \"geometry\": " + square + "}]}");
        Path copy = dir.resolve("boundaries.mv.db");
        Files.copy(workspace, copy);

        Run r = run("import", "-w", copy.toString(), file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("limites.geojson (boundaries-geojson): created 1, updated 1,")
                .contains("limites.geojson: 1 boundaries attached to org units of level 3 (0 by code, 1 by name);"
                        + " 0 ambiguous, 1 unmatched, 0 repaired, 0 rejected")
                .contains("limites.geojson: 1 feature(s) in boundary layer 'limites'");
        assertThat(r.err()).contains("limites.geojson:1: feature 2 (Nulle part): no org unit has this code or name;"
                + " kept in layer 'limites'");

        Run layer = run("import", "-w", copy.toString(), "--as-layer", file.toString());
        assertThat(layer.code()).as(layer.err()).isZero();
        assertThat(layer.out()).contains("limites.geojson: 2 feature(s) in boundary layer 'limites'")
                .doesNotContain("attached");
    }

    @Test
    void userErrorsAreOneLineAndExitOne() throws Exception {
        Run unknown = run("summary", "--nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("santeatlas: ").doesNotContain("\tat ");

        Path notes = dir.resolve("notes.mv.db");
        Files.writeString(notes, "pas une base");
        Run foreign = run("summary", "-w", notes.toString());
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err().lines().count()).isEqualTo(1);
        assertThat(foreign.err()).contains("is not a SantéAtlas workspace");
        assertThat(Files.readString(notes)).isEqualTo("pas une base");

        Run missing = run("import", "-w", dir.resolve("x").toString(), dir.resolve("absent.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
        assertThat(dir.resolve("x.mv.db")).doesNotExist();
    }

    @Test
    void batchesListTheDemosImportsWithTheirHashes() throws Exception {
        Run r = run("batches", "-w", workspace.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode batches = new ObjectMapper().readTree(r.out());
        assertThat(batches).hasSize(5);
        JsonNode values = batches.get(1);
        assertThat(values.get("format").asText()).isEqualTo("dhis2-datavalueset-json");
        assertThat(values.get("created").asLong()).isEqualTo(manifest.get("counts").get("dataValues").asLong());
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("demo").resolve("dataValueSets.json"))));
        assertThat(values.get("sha256").asText()).isEqualTo(expected);
        Run text = run("batches", "-w", workspace.toString());
        assertThat(text.out()).contains("dataValueSets.json").contains("sha256:" + expected);
    }

    @Test
    void summaryTextFollowsTheLocale() {
        Locale.setDefault(Locale.FRANCE);
        try {
            Run r = run("summary", "-w", workspace.toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("DONNÉES FICTIVES").contains("Unités d'organisation");
            String values = String.format(Locale.FRANCE, "%,d", manifest.get("counts").get("dataValues").asLong());
            assertThat(r.out().replace('\u202F', ' ').replace('\u00A0', ' ')).contains(values.replace('\u202F', ' ')
                    .replace('\u00A0', ' '));
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }

    private static JsonNode summaryJson() throws Exception {
        Run r = run("summary", "-w", workspace.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void qualityJsonHasTheRunParametersAndTheFindingKeysScriptsRelyOn() throws Exception {
        Run q = run("quality", "-w", workspace.toString(), "--format", "json");
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(q.out());
        assertThat(json.get("run").get("parameters").get("completenessThreshold").asDouble()).isEqualTo(0.90);
        assertThat(json.get("run").get("id").asInt()).isPositive();
        JsonNode findings = json.get("findings");
        assertThat(findings.size()).isPositive();
        for (JsonNode f : findings) {
            for (String key : List.of("check", "dimension", "severity", "orgUnit", "dataElement", "period", "value",
                    "expected", "message")) {
                assertThat(f.has(key)).as(key).isTrue();
            }
        }
        assertThat(findings.findValuesAsText("check")).contains("missing-report", "late-report", "outlier-seasonal");
        assertThat(json.get("scorecard").get("districts").size()).isPositive();
    }

    @Test
    void qualityScoreAgainstTheGroundTruthPrintsRecallAndPrecisionPerCategory() throws Exception {
        Run q = run("quality", "-w", workspace.toString(), "--score-against",
                dir.resolve("demo").resolve("ground-truth.json").toString(), "--format", "json");
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode categories = new ObjectMapper().readTree(q.out()).get("categories");
        // Every planted category, each found in full (issue #4: recall 100 %).
        List<String> all = List.of("outliers", "missingReports", "lateReports", "interruptedReporting",
                "validationViolations", "swappedCoordinates", "outsideDistrict", "missingCoordinates", "nearDuplicates",
                "registryOnly", "snisOnly", "registryMissingCoordinates", "openedDuringPeriod", "closedFacilities");
        assertThat(categories.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(all);
        for (String c : all) {
            assertThat(categories.get(c).get("recall").asDouble()).as(c).isEqualTo(1.0);
            assertThat(categories.get(c).get("found").asInt()).isEqualTo(categories.get(c).get("planted").asInt());
        }
        // Precision ≥ 90 % for outliers and the geographic checks.
        for (String c : List.of("outliers", "swappedCoordinates", "outsideDistrict", "missingCoordinates",
                "nearDuplicates")) {
            assertThat(categories.get(c).get("precision").asDouble()).as(c).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void findingsMarkedForFollowUpAreExportedAsADhis2DataValueSet() throws Exception {
        Run q = run("quality", "-w", workspace.toString(), "--checks", "outlier-seasonal", "--format", "json");
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode high = null;
        for (JsonNode f : new ObjectMapper().readTree(q.out()).get("findings")) {
            if (f.get("severity").asText().equals("high")) {
                high = f;
                break;
            }
        }
        assertThat(high).isNotNull();
        Run mark = run("quality", "-w", workspace.toString(), "--follow-up", high.get("id").asText());
        assertThat(mark.code()).as(mark.err()).isZero();
        Path export = dir.resolve("followups.json");
        Run exp = run("quality", "-w", workspace.toString(), "--export-followups", export.toString());
        assertThat(exp.code()).as(exp.err()).isZero();
        JsonNode values = new ObjectMapper().readTree(export.toFile()).get("dataValues");
        assertThat(values.size()).isEqualTo(1);
        JsonNode v = values.get(0);
        assertThat(v.get("followup").asBoolean()).isTrue();
        assertThat(v.get("orgUnit").asText()).isEqualTo(high.get("orgUnit").asText());
        assertThat(v.get("period").asText()).isEqualTo(high.get("period").asText());
        assertThat(v.get("value").asText()).isEqualTo(high.get("value").asText());
        assertThat(v.get("attributeOptionCombo").asText()).isEqualTo("HllvX50cXC0");
    }

    @Test
    void qualityRejectsAnUnknownCheckWithTheKnownOnes() {
        Run q = run("quality", "-w", workspace.toString(), "--checks", "nonsense");
        assertThat(q.code()).isEqualTo(1);
        assertThat(q.err()).contains("nonsense").contains("outlier-seasonal");
    }

    @Test
    void mapWritesAPngOfTheRequestedSizeThatImageIoReads() throws Exception {
        Path png = dir.resolve("carte-palu.png");
        Run r = run("map", "-w", workspace.toString(), "--out", png.toString(), "--level", "area",
                "--item", "SNIS_PALU_CONF", "--period", "2024", "--width", "800", "--height", "560", "--dpi", "96",
                "--lang", "fr");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("carte-palu.png").contains("800");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(560);
        // Top-left corner is the white page; the map is not blank: many colours.
        assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(50);

        Run plain = run("map", "-w", workspace.toString(), "--out", dir.resolve("carte.png").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(dir.resolve("carte.png").toFile()).getWidth()).isEqualTo(1754);
    }

    @Test
    void mapRefusesMistakesWithOneLine() {
        Run half = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(), "--item", "SNIS_CPN1");
        assertThat(half.code()).isEqualTo(1);
        assertThat(half.err()).contains("--item and --period go together");
        Run gif = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.gif").toString());
        assertThat(gif.code()).isEqualTo(1);
        assertThat(gif.err()).contains("must end with .png, .svg or .pdf");
        Run unknown = run("map", "-w", workspace.toString(), "--out", dir.resolve("x.png").toString(),
                "--item", "NOPE", "--period", "2024");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no data element 'NOPE'").doesNotContain("Exception");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
