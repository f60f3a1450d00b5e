package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, counts and cross-references of the generated demo files, and determinism. */
class DemoFilesTest {

    private static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");
    /** DHIS2 DateUtils.getLongGmtDateString: yyyy-MM-dd'T'HH:mm:ss.SSSZ in UTC. */
    private static final Pattern DHIS2_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000");

    private static GeneratedFiles demo;

    @BeforeAll
    static void generate() {
        demo = DemoFixture.demo();
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        DemoFiles second = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, again);

        assertThat(second.counts()).isEqualTo(demo.files.counts());
        try (var listing = Files.list(demo.files.dir())) {
            List<Path> originals = listing.sorted().toList();
            assertThat(originals).hasSize(9);
            for (Path original : originals) {
                Path copy = again.resolve(original.getFileName());
                assertThat(Files.mismatch(original, copy)).as(original.getFileName().toString()).isEqualTo(-1L);
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherCountry(@TempDir Path other) throws IOException {
        DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, 7, other);

        assertThat(Files.mismatch(files.metadataJson(), demo.files.metadataJson())).isNotEqualTo(-1L);
        assertThat(Files.mismatch(files.dataValuesJson(), demo.files.dataValuesJson())).isNotEqualTo(-1L);
        assertThat(Files.mismatch(files.localitiesCsv(), demo.files.localitiesCsv())).isNotEqualTo(-1L);
        assertThat(files.counts().orgUnits()).isGreaterThanOrEqualTo(1 + 4 + 12 + 120 + 200);
    }

    @Test
    void sizeNamesParseAndUnknownOnesAreRejected() {
        assertThat(DemoSize.fromName("demo")).isEqualTo(DemoSize.DEMO);
        assertThat(DemoSize.fromName(" National ")).isEqualTo(DemoSize.NATIONAL);
        assertThat(DemoSize.NATIONAL.externalName()).isEqualTo("national");
        assertThatThrownBy(() -> DemoSize.fromName("huge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSize.fromName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manifestCountsAreWhatTheFilesContain() throws Exception {
        JsonNode counts = demo.manifest.get("counts");
        DemoCounts returned = demo.files.counts();

        assertThat(counts.get("orgUnits").asInt()).isEqualTo(demo.metadata.get("organisationUnits").size())
                .isEqualTo(returned.orgUnits());
        assertThat(counts.get("dataElements").asInt()).isEqualTo(demo.metadata.get("dataElements").size())
                .isEqualTo(returned.dataElements());
        assertThat(counts.get("categoryOptionCombos").asInt())
                .isEqualTo(demo.metadata.get("categoryOptionCombos").size()).isEqualTo(returned.categoryOptionCombos());
        assertThat(counts.get("dataSets").asInt()).isEqualTo(demo.metadata.get("dataSets").size())
                .isEqualTo(returned.dataSets());
        assertThat(counts.get("dataValues").asLong()).isEqualTo(demo.values.size()).isEqualTo(demo.csvValues.size())
                .isEqualTo(returned.dataValues());
        assertThat(counts.get("completeRegistrations").asInt())
                .isEqualTo(demo.registrations.get("completeDataSetRegistrations").size())
                .isEqualTo(returned.completeRegistrations());
        assertThat(counts.get("localities").asInt()).isEqualTo(demo.localities.size()).isEqualTo(returned.localities());
        assertThat(counts.get("registryRecords").asInt()).isEqualTo(demo.registry.size())
                .isEqualTo(demo.registryGeoJson.get("features").size()).isEqualTo(returned.registryRecords());
        String first = demo.values.stream().map(GeneratedFiles.Value::period).min(String::compareTo).orElseThrow();
        String last = demo.values.stream().map(GeneratedFiles.Value::period).max(String::compareTo).orElseThrow();
        assertThat(counts.at("/periods/first").asText()).isEqualTo(first).isEqualTo(returned.firstPeriod()).isEqualTo("202301");
        assertThat(counts.at("/periods/last").asText()).isEqualTo(last).isEqualTo(returned.lastPeriod()).isEqualTo("202512");

        for (var entry : demo.manifest.get("files").properties()) {
            Path file = demo.files.dir().resolve(entry.getKey());
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(entry.getValue().get("bytes").asLong()).as(entry.getKey()).isEqualTo(bytes.length);
            assertThat(entry.getValue().get("sha256").asText()).as(entry.getKey()).isEqualTo(sha);
        }
    }

    @Test
    void demoMeetsTheMinimumSizes() {
        assertThat(demo.orgUnitsAtLevel(1)).hasSize(1);
        assertThat(demo.orgUnitsAtLevel(2)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(demo.orgUnitsAtLevel(3)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(demo.orgUnitsAtLevel(4)).hasSizeGreaterThanOrEqualTo(120);
        assertThat(demo.orgUnitsAtLevel(5)).hasSizeGreaterThanOrEqualTo(200);
        assertThat(demo.localities).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(demo.values).hasSizeBetween(90_000, 130_000);
        assertThat(demo.metadata.get("dataElements").size()).isGreaterThanOrEqualTo(15);
        assertThat(demo.values.stream().map(GeneratedFiles.Value::period).distinct().count()).isEqualTo(36);
    }

    @Test
    void everyFileSaysTheCountryIsFictional() {
        assertThat(demo.manifest.get("fictional").asBoolean()).isTrue();
        assertThat(demo.groundTruth.get("fictional").asBoolean()).isTrue();
        assertThat(demo.registryGeoJson.get("fictional").asBoolean()).isTrue();
        assertThat(demo.metadata.at("/system/id").asText()).startsWith("FICTIONAL");
        assertThat(demo.metadata.at("/system/description").asText()).contains("FICTIONAL");
        JsonNode country = demo.orgUnitsAtLevel(1).get(0);
        assertThat(country.get("name").asText()).isEqualTo("République du Sahel Central (fictif)");
        assertThat(demo.manifest.get("country").asText()).contains("(fictif)");
        assertThat(demo.manifest.get("generator").asText()).isEqualTo("santeatlas-test-data");
    }

    @Test
    void identifiersAreDhis2UidsAndUnique() {
        Set<String> seen = new HashSet<>();
        for (var collection : demo.metadata.properties()) {
            if (!collection.getValue().isArray()) {
                continue;
            }
            for (JsonNode object : collection.getValue()) {
                String id = object.get("id").asText();
                assertThat(id).as(collection.getKey()).matches(UID);
                assertThat(seen.add(id)).as("duplicate uid " + id).isTrue();
            }
        }
        assertThat(seen).contains("HllvX50cXC0", "bjDvmb4bfuf", "GLevLNI9wkl", "xYerKDKCefk");
    }

    @Test
    void orgUnitTreeHasPathsLevelsAndParents() {
        for (JsonNode ou : demo.orgUnits.values()) {
            String id = ou.get("id").asText();
            int level = ou.get("level").asInt();
            String path = ou.get("path").asText();
            assertThat(path.split("/")).hasSize(level + 1);
            assertThat(path).endsWith("/" + id);
            assertThat(ou.get("openingDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT00:00:00\\.000");
            if (level == 1) {
                assertThat(ou.has("parent")).isFalse();
                assertThat(path).isEqualTo("/" + id);
            } else {
                JsonNode parent = demo.orgUnits.get(ou.at("/parent/id").asText());
                assertThat(parent).as("parent of " + id).isNotNull();
                assertThat(parent.get("level").asInt()).isEqualTo(level - 1);
                assertThat(path).isEqualTo(parent.get("path").asText() + "/" + id);
            }
            if (level < 5) {
                assertThat(ou.at("/geometry/type").asText()).isIn("Polygon", "MultiPolygon");
            }
        }
        assertThat(demo.metadata.get("organisationUnitLevels")).hasSize(5);
    }

    @Test
    void facilityCodesAndNamesLookLikeASnis() {
        Set<String> types = new HashSet<>();
        for (JsonNode f : demo.orgUnitsAtLevel(5)) {
            assertThat(f.get("code").asText()).matches("SC-[A-Z0-9]{2}-[A-Z0-9]{2}-\\d{4}");
            assertThat(f.get("shortName").asText().length()).isLessThanOrEqualTo(50);
            String name = f.get("name").asText();
            types.add(name.startsWith("CSI") || name.startsWith("C.S.I") ? "CSI" : name.split(" ")[0]);
        }
        assertThat(types).contains("CSI", "Case", "Hôpital", "Centre");
        assertThat(demo.metadata.get("organisationUnits").toString()).contains("é");
    }

    @Test
    void categoryModelUsesDhis2DefaultsAndAnAgeDisaggregation() {
        JsonNode combos = demo.metadata.get("categoryOptionCombos");
        assertThat(combos).hasSize(3);
        assertThat(combos.get(0).get("id").asText()).isEqualTo("HllvX50cXC0");
        assertThat(combos.get(0).get("name").asText()).isEqualTo("default");
        assertThat(demo.metadata.get("categoryCombos").get(0).get("id").asText()).isEqualTo("bjDvmb4bfuf");
        assertThat(demo.metadata.get("categories").get(0).get("id").asText()).isEqualTo("GLevLNI9wkl");
        assertThat(demo.metadata.get("categoryOptions").get(0).get("id").asText()).isEqualTo("xYerKDKCefk");
        String ageCombo = demo.metadata.get("categoryCombos").get(1).get("id").asText();
        long ageCocs = 0;
        for (JsonNode coc : combos) {
            if (coc.at("/categoryCombo/id").asText().equals(ageCombo)) {
                ageCocs++;
            }
        }
        assertThat(ageCocs).isEqualTo(2);
        long disaggregated = 0;
        for (JsonNode de : demo.metadata.get("dataElements")) {
            assertThat(de.get("valueType").asText()).isEqualTo("INTEGER_ZERO_OR_POSITIVE");
            assertThat(de.get("aggregationType").asText()).isEqualTo("SUM");
            assertThat(de.get("domainType").asText()).isEqualTo("AGGREGATE");
            if (de.at("/categoryCombo/id").asText().equals(ageCombo)) {
                disaggregated++;
            }
        }
        assertThat(disaggregated).isGreaterThanOrEqualTo(1);
    }

    @Test
    void dataSetIsMonthlyWithADeadlineAndAssignedToEveryFacility() {
        JsonNode ds = demo.metadata.get("dataSets").get(0);
        assertThat(ds.get("periodType").asText()).isEqualTo("Monthly");
        assertThat(ds.get("timelyDays").asInt()).isEqualTo(15);
        assertThat(ds.get("dataSetElements")).hasSize(demo.metadata.get("dataElements").size());
        Set<String> assigned = new HashSet<>();
        ds.get("organisationUnits").forEach(o -> assigned.add(o.get("id").asText()));
        Set<String> facilities = new HashSet<>();
        demo.orgUnitsAtLevel(5).forEach(o -> facilities.add(o.get("id").asText()));
        assertThat(assigned).isEqualTo(facilities);
    }

    @Test
    void validationRulesAndIndicatorsUseDhis2Expressions() {
        Pattern operand = Pattern.compile("#\\{[A-Za-z][A-Za-z0-9]{10}(\\.[A-Za-z][A-Za-z0-9]{10})?}");
        assertThat(demo.metadata.get("validationRules")).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode rule : demo.metadata.get("validationRules")) {
            assertThat(rule.get("operator").asText()).isEqualTo("less_than_or_equal_to");
            assertThat(rule.get("periodType").asText()).isEqualTo("Monthly");
            assertThat(rule.get("importance").asText()).isIn("HIGH", "MEDIUM", "LOW");
            assertThat(operand.matcher(rule.at("/leftSide/expression").asText()).matches()).isTrue();
            assertThat(operand.matcher(rule.at("/rightSide/expression").asText()).matches()).isTrue();
        }
        assertThat(demo.metadata.get("validationRules").toString()).contains(".");
        Set<String> types = new HashSet<>();
        demo.metadata.get("indicatorTypes").forEach(t -> types.add(t.get("id").asText()));
        for (JsonNode ind : demo.metadata.get("indicators")) {
            assertThat(types).contains(ind.at("/indicatorType/id").asText());
            assertThat(ind.get("numerator").asText()).contains("#{");
        }
    }

    @Test
    void dataValuesReferenceExistingMetadata() {
        Map<String, String> comboOfDataElement = new HashMap<>();
        demo.metadata.get("dataElements").forEach(de ->
                comboOfDataElement.put(de.get("id").asText(), de.at("/categoryCombo/id").asText()));
        Map<String, String> comboOfCoc = new HashMap<>();
        demo.metadata.get("categoryOptionCombos").forEach(coc ->
                comboOfCoc.put(coc.get("id").asText(), coc.at("/categoryCombo/id").asText()));

        for (GeneratedFiles.Value v : demo.values) {
            assertThat(comboOfDataElement).containsKey(v.dataElement());
            assertThat(comboOfCoc.get(v.categoryOptionCombo())).isEqualTo(comboOfDataElement.get(v.dataElement()));
            assertThat(v.attributeOptionCombo()).isEqualTo("HllvX50cXC0");
            JsonNode ou = demo.orgUnits.get(v.orgUnit());
            assertThat(ou).isNotNull();
            assertThat(ou.get("level").asInt()).isEqualTo(5);
            assertThat(v.period()).matches("20(23|24|25)(0[1-9]|1[0-2])");
            String monthStart = v.period().substring(0, 4) + "-" + v.period().substring(4) + "-01";
            assertThat(ou.get("openingDate").asText().substring(0, 10).compareTo(monthStart.substring(0, 7) + "-31"))
                    .isLessThanOrEqualTo(0);
            if (ou.has("closedDate")) {
                assertThat(ou.get("closedDate").asText().substring(0, 10)).isGreaterThanOrEqualTo(monthStart);
            }
            assertThat(v.value()).matches("[1-9][0-9]*");
            assertThat(v.created()).matches(DHIS2_TIMESTAMP);
            assertThat(v.lastUpdated()).isEqualTo(v.created());
            assertThat(v.created().substring(0, 7).replace("-", "")).isGreaterThan(v.period());
            assertThat(v.followup()).isFalse();
        }
        String dataSet = demo.metadata.get("dataSets").get(0).get("id").asText();
        for (JsonNode r : demo.registrations.get("completeDataSetRegistrations")) {
            assertThat(r.get("dataSet").asText()).isEqualTo(dataSet);
            assertThat(demo.orgUnits).containsKey(r.get("organisationUnit").asText());
            assertThat(r.get("attributeOptionCombo").asText()).isEqualTo("HllvX50cXC0");
            assertThat(r.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat(r.get("completed").asBoolean()).isTrue();
        }
    }

    @Test
    void jsonAndCsvHoldTheSameValuesInTheSameOrder() throws IOException {
        assertThat(GeneratedFiles.header(demo.files.dataValuesCsv())).isEqualTo(
                "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
                        + "lastupdated,comment,followup,deleted");
        assertThat(demo.csvValues).hasSameSizeAs(demo.values);
        int comments = 0;
        for (int i = 0; i < demo.values.size(); i++) {
            GeneratedFiles.Value v = demo.values.get(i);
            String[] row = demo.csvValues.get(i);
            assertThat(row).containsExactly(v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(),
                    v.attributeOptionCombo(), v.value(), v.storedBy(), v.lastUpdated(),
                    v.comment() == null ? "" : v.comment(), "false", "false");
            if (v.comment() != null) {
                comments++;
            }
        }
        assertThat(comments).isPositive();
    }

    @Test
    void eachFacilityMonthIsReportedAtMostOnce() {
        Set<String> cells = new HashSet<>();
        for (GeneratedFiles.Value v : demo.values) {
            assertThat(cells.add(v.cell())).as(v.cell()).isTrue();
        }
        Set<String> reports = new HashSet<>();
        for (JsonNode r : demo.registrations.get("completeDataSetRegistrations")) {
            assertThat(reports.add(r.get("organisationUnit").asText() + r.get("period").asText())).isTrue();
        }
    }

    @Test
    void registryHasFrenchHeadersAndDecimalDegrees() throws IOException {
        assertThat(GeneratedFiles.header(demo.files.registryCsv()))
                .isEqualTo("code;nom;type;statut;region;district;aire_sante;latitude;longitude;proprietaire");
        assertThat(GeneratedFiles.header(demo.files.localitiesCsv()))
                .isEqualTo("code,nom,code_aire_sante,code_district,population,annee,latitude,longitude");
        for (String[] row : demo.registry) {
            assertThat(row).hasSize(10);
            if (!row[7].isEmpty()) {
                assertThat(Double.parseDouble(row[7])).isBetween(11.0, 23.0);
                assertThat(Double.parseDouble(row[8])).isBetween(0.0, 16.0);
                assertThat(row[7]).matches("\\d+\\.\\d{6}");
            } else {
                assertThat(row[8]).isEmpty();
            }
            assertThat(row[9]).isIn("Public", "Privé", "Confessionnel");
        }
    }

    @Test
    void registryGeoJsonMatchesTheCsv() {
        JsonNode features = demo.registryGeoJson.get("features");
        assertThat(demo.registryGeoJson.get("type").asText()).isEqualTo("FeatureCollection");
        for (int i = 0; i < demo.registry.size(); i++) {
            String[] row = demo.registry.get(i);
            JsonNode f = features.get(i);
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            assertThat(f.at("/properties/code").asText()).isEqualTo(row[0]);
            assertThat(f.at("/properties/nom").asText()).isEqualTo(row[1]);
            if (row[7].isEmpty()) {
                assertThat(f.get("geometry").isNull()).isTrue();
            } else {
                assertThat(f.at("/geometry/coordinates/0").asDouble()).isEqualTo(Double.parseDouble(row[8]));
                assertThat(f.at("/geometry/coordinates/1").asDouble()).isEqualTo(Double.parseDouble(row[7]));
            }
        }
    }
}
