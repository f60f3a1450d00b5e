package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.testdata.AdxWriter;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** IHE ADX data (DHIS2's application/adx+xml) into a real workspace file. */
class AdxImportTest {

    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    /**
     * TOTAL belongs to no data set, so that values of every period length are accepted for it (a value
     * whose period is not of its data set's type is refused). A sex × age disaggregation (one of its four option combos missing, as when DHIS2 has not yet
     * regenerated them), a partner attribute combo on the monthly data set, and data elements with the
     * default combo, one of them text.
     */
    static final String METADATA = """
            {"organisationUnits": [
               {"id": "PaysFictif1", "code": "SC", "name": "Sahel Central (fictif)", "level": 1, "path": "/PaysFictif1"},
               {"id": "CsiKollo001", "code": "SC-KL-1", "name": "CSI Kollo", "level": 2, "parent": {"id": "PaysFictif1"},
                "path": "/PaysFictif1/CsiKollo001"}],
             "categoryOptions": [
               {"id": "OptFemme001", "code": "SEX_F", "name": "Femme"},
               {"id": "OptHomme001", "code": "SEX_M", "name": "Homme"},
               {"id": "OptMoins5a1", "code": "AGE_LT5", "name": "< 5 ans"},
               {"id": "OptPlus5a01", "code": "AGE_GE5", "name": "5 ans et plus"},
               {"id": "OptPartA001", "code": "PART_A", "name": "Partenaire A"},
               {"id": "OptPartB001", "code": "PART_B", "name": "Partenaire B"}],
             "categories": [
               {"id": "CatSexe0001", "code": "SEXE", "name": "Sexe", "dataDimensionType": "DISAGGREGATION",
                "categoryOptions": [{"id": "OptFemme001"}, {"id": "OptHomme001"}]},
               {"id": "CatAge00001", "code": "AGE", "name": "Âge", "dataDimensionType": "DISAGGREGATION",
                "categoryOptions": [{"id": "OptMoins5a1"}, {"id": "OptPlus5a01"}]},
               {"id": "CatPart0001", "code": "PARTENAIRE", "name": "Partenaire", "dataDimensionType": "ATTRIBUTE",
                "categoryOptions": [{"id": "OptPartA001"}, {"id": "OptPartB001"}]}],
             "categoryCombos": [
               {"id": "CcSexeAge01", "code": "CC_SEXE_AGE", "name": "Sexe et âge", "dataDimensionType": "DISAGGREGATION",
                "categories": [{"id": "CatSexe0001"}, {"id": "CatAge00001"}]},
               {"id": "CcPart00001", "code": "CC_PART", "name": "Partenaire", "dataDimensionType": "ATTRIBUTE",
                "categories": [{"id": "CatPart0001"}]}],
             "categoryOptionCombos": [
               {"id": "CocFLt50001", "name": "Femme, < 5 ans", "categoryCombo": {"id": "CcSexeAge01"},
                "categoryOptions": [{"id": "OptMoins5a1"}, {"id": "OptFemme001"}]},
               {"id": "CocFGe50001", "name": "Femme, 5 ans et plus", "categoryCombo": {"id": "CcSexeAge01"},
                "categoryOptions": [{"id": "OptFemme001"}, {"id": "OptPlus5a01"}]},
               {"id": "CocMLt50001", "name": "Homme, < 5 ans", "categoryCombo": {"id": "CcSexeAge01"},
                "categoryOptions": [{"id": "OptHomme001"}, {"id": "OptMoins5a1"}]},
               {"id": "CocPartA001", "name": "Partenaire A", "categoryCombo": {"id": "CcPart00001"},
                "categoryOptions": [{"id": "OptPartA001"}]},
               {"id": "CocPartB001", "name": "Partenaire B", "categoryCombo": {"id": "CcPart00001"},
                "categoryOptions": [{"id": "OptPartB001"}]}],
             "dataElements": [
               {"id": "DeConsult01", "code": "CONS", "name": "Consultations", "valueType": "INTEGER_ZERO_OR_POSITIVE",
                "categoryCombo": {"id": "CcSexeAge01"}},
               {"id": "DeRemark001", "code": "REMARQUE", "name": "Remarque", "valueType": "TEXT",
                "categoryCombo": {"id": "bjDvmb4bfuf"}},
               {"id": "DeTotal0001", "code": "TOTAL", "name": "Total", "valueType": "NUMBER",
                "categoryCombo": {"id": "bjDvmb4bfuf"}}],
             "dataSets": [
               {"id": "DsMensuel1", "code": "RMA", "name": "RMA", "periodType": "Monthly",
                "categoryCombo": {"id": "CcPart00001"},
                "dataSetElements": [{"dataElement": {"id": "DeConsult01"}}, {"dataElement": {"id": "DeRemark001"}}]},
               {"id": "DsSimple001", "code": "SIMPLE", "name": "Simple", "periodType": "Quarterly",
                "categoryCombo": {"id": "bjDvmb4bfuf"}, "dataSetElements": []}]}
            """;

    @TempDir
    Path dir;
    Workspace workspace;
    ImportService service;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Workspace.create(dir.resolve("ws"));
        service = new ImportService(workspace);
        ImportResult meta = importText("metadata.json", METADATA);
        assertThat(meta.failure()).isEmpty();
        assertThat(meta.problems()).isEmpty();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void resolvesCategoryAttributesNamedByCodeOrUidAndConvertsEveryPeriodLength() throws Exception {
        ImportResult r = importText("data.adx.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <adx xmlns="urn:ihe:qrph:adx:2015" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="urn:ihe:qrph:adx:2015 adx.xsd" exported="2024-02-10T08:00:00Z">
                  <group orgUnit="SC-KL-1" period="2024-01-01/P1M" dataSet="RMA" PARTENAIRE="PART_A" completeDate="2024-02-05">
                    <dataValue dataElement="CONS" SEXE="SEX_F" AGE="AGE_LT5" value="12"/>
                    <dataValue dataElement="DeConsult01" CatSexe0001="OptHomme001" CatAge00001="OptMoins5a1" value="7">
                      <annotation>vérifié avec le registre</annotation>
                    </dataValue>
                    <dataValue dataElement="CONS" categoryOptionCombo="CocFGe50001" value="30"/>
                    <dataValue dataElement="REMARQUE" value="0"><annotation>rupture d'intrants</annotation></dataValue>
                  </group>
                  <group orgUnit="CsiKollo001" period="2024-04-01/P3M" dataSet="SIMPLE">
                    <dataValue dataElement="TOTAL" value="120"/>
                  </group>
                  <group orgUnit="CsiKollo001" period="2024-01-01/P1Y" dataSet="DsMensuel1" attributeOptionCombo="CocPartB001">
                    <dataValue dataElement="TOTAL" value="1500"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-01-29/P7D"><dataValue dataElement="TOTAL" value="3"/></group>
                  <group orgUnit="SC-KL-1" period="2024-02-05/P1D"><dataValue dataElement="TOTAL" value="1"/></group>
                  <group orgUnit="SC-KL-1" period="2024-07-01/P6M"><dataValue dataElement="TOTAL" value="9"/></group>
                  <group orgUnit="SC-KL-1" period="2024-04-01/P12M"><dataValue dataElement="TOTAL" value="8"/></group>
                </adx>
                """);
        assertThat(r.failure()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_ADX);
        assertThat(r.counts().createdCount()).isEqualTo(10);
        assertThat(rows()).containsExactly(
                "DeConsult01 202401 CsiKollo001 CocFGe50001 CocPartA001 30 null",
                "DeConsult01 202401 CsiKollo001 CocFLt50001 CocPartA001 12 null",
                "DeConsult01 202401 CsiKollo001 CocMLt50001 CocPartA001 7 vérifié avec le registre",
                "DeRemark001 202401 CsiKollo001 HllvX50cXC0 CocPartA001 rupture d'intrants null",
                "DeTotal0001 2024 CsiKollo001 HllvX50cXC0 CocPartB001 1500 null",
                "DeTotal0001 20240205 CsiKollo001 HllvX50cXC0 HllvX50cXC0 1 null",
                "DeTotal0001 2024April CsiKollo001 HllvX50cXC0 HllvX50cXC0 8 null",
                "DeTotal0001 2024Q2 CsiKollo001 HllvX50cXC0 HllvX50cXC0 120 null",
                "DeTotal0001 2024S2 CsiKollo001 HllvX50cXC0 HllvX50cXC0 9 null",
                "DeTotal0001 2024W5 CsiKollo001 HllvX50cXC0 HllvX50cXC0 3 null");
        assertThat(scalar("SELECT FORMAT FROM IMPORT_BATCH WHERE ID = " + r.batchId().orElseThrow()))
                .isEqualTo("dhis2-adx");
    }

    @Test
    void unresolvableCategoriesAndBadPeriodsAreRecordProblemsNamingTheLine() throws Exception {
        String adx = """
                <adx xmlns="urn:ihe:qrph:adx:2015">
                  <group orgUnit="SC-KL-1" period="2024-01-15/P1M" dataSet="RMA" PARTENAIRE="PART_A">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024W05" dataSet="SIMPLE">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M" dataSet="RMA" PARTENAIRE="PART_A">
                    <dataValue dataElement="CONS" SEXE="SEX_X" AGE="AGE_LT5" value="1"/>
                    <dataValue dataElement="CONS" SEX="SEX_F" AGE="AGE_LT5" value="1"/>
                    <dataValue dataElement="CONS" SEXE="SEX_F" value="1"/>
                    <dataValue dataElement="CONS" SEXE="SEX_M" AGE="AGE_GE5" value="1"/>
                    <dataValue dataElement="TOTAL" SEXE="SEX_F" value="1"/>
                    <dataValue dataElement="CONS" SEXE="SEX_F" AGE="AGE_GE5" value="5"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M" dataSet="RMA" PARTENAIRE="PART_Z">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M" PARTENAIRE="PART_A">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M" dataSet="INCONNU" PARTENAIRE="PART_A">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M" dataSet="SIMPLE" PARTENAIRE="PART_A">
                    <dataValue dataElement="TOTAL" value="1"/>
                  </group>
                  <group orgUnit="SC-KL-1" period="2024-02-01/P1M">
                    <dataValue dataElement="INCONNU" SEXE="SEX_F" value="1"/>
                  </group>
                </adx>
                """;
        ImportResult refused = service.importFile(write("bad.adx.xml", adx), Optional.empty(), ImportProgress.NONE);
        assertThat(refused.failure().orElseThrow().key()).isEqualTo("import.invalidRecords");
        assertThat(workspace.summary().dataValues()).isZero();

        ImportResult r = importText("bad.adx.xml", adx);
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().rejectedCount()).isEqualTo(12);
        assertThat(r.problems()).extracting(Problem::format).containsExactly(
                "bad.adx.xml:3: invalid ADX period '2024-01-15/P1M': no DHIS2 period runs from 2024-01-15 to 2024-02-14",
                "bad.adx.xml:6: invalid ADX period '2024W05': not a start date and a duration such as 2024-01-01/P1M",
                "bad.adx.xml:9: 'SEX_X' is not an option of the category SEXE",
                "bad.adx.xml:10: 'SEX' is not a category of the category combo CC_SEXE_AGE",
                "bad.adx.xml:11: no attribute names an option of the category AGE of the category combo CC_SEXE_AGE",
                "bad.adx.xml:12: the category combo CC_SEXE_AGE has no option combo for SEXE=SEX_M, AGE=AGE_GE5",
                "bad.adx.xml:13: data element TOTAL has no categories but the value names SEXE=SEX_F",
                "bad.adx.xml:17: 'PART_Z' is not an option of the category PARTENAIRE",
                "bad.adx.xml:20: the group names attribute categories (PARTENAIRE=PART_A) but no dataSet whose"
                        + " attribute combo they belong to",
                "bad.adx.xml:23: unknown data set 'INCONNU'",
                "bad.adx.xml:26: data set SIMPLE has no attribute categories but the group names PARTENAIRE=PART_A",
                // An unknown data element is the writer's to report, as for every data value format.
                "bad.adx.xml:29: unknown data element 'INCONNU' (1 value(s), the first on this line)");
        assertThat(r.problems()).extracting(Problem::key).startsWith("import.adxInvalidPeriod",
                "import.adxInvalidPeriod", "import.adxUnknownCategoryOption", "import.adxUnknownCategory",
                "import.adxMissingCategory", "import.adxNoOptionCombo", "import.adxDataElementNoCategories",
                "import.adxUnknownCategoryOption", "import.adxNoDataSet", "import.adxUnknownDataSet",
                "import.adxDataSetNoCategories", "import.unknownDataElement");
        assertThat(rows()).containsExactly("DeConsult01 202402 CsiKollo001 CocFGe50001 CocPartA001 5 null");
    }

    @Test
    void aFileThatIsNotWellFormedFailsWithItsLineAndChangesNothing() throws Exception {
        ImportResult r = importText("cut.adx.xml", """
                <adx xmlns="urn:ihe:qrph:adx:2015">
                  <group orgUnit="SC-KL-1" period="2024-01-01/P1M">
                    <dataValue dataElement="TOTAL" value="1"/>
                    <dataValue dataElement="TOTAL" value="2"
                  </group>
                </adx>
                """);
        assertThat(r.failed()).isTrue();
        Problem failure = r.failure().orElseThrow();
        assertThat(failure.key()).isEqualTo("import.malformedXml");
        assertThat(failure.format()).startsWith("cut.adx.xml:5:");
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_ADX);
        assertThat(workspace.summary().dataValues()).isZero();
        assertThat(workspace.summary().importBatches()).isEqualTo(1); // the metadata's
    }

    @Test
    void aDoctypeIsRefusedWithoutReadingItsEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "MOT-DE-PASSE-SECRET");
        ImportResult r = importText("xxe.adx.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE adx [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n" + """
                <adx xmlns="urn:ihe:qrph:adx:2015">
                  <group orgUnit="SC-KL-1" period="2024-01-01/P1M">
                    <dataValue dataElement="REMARQUE" value="0"><annotation>&xxe;</annotation></dataValue>
                  </group>
                </adx>
                """);
        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.malformedXml");
        assertThat(r.failure().orElseThrow().format()).doesNotContain("MOT-DE-PASSE");
        assertThat(workspace.summary().dataValues()).isZero();
    }

    @Test
    void anotherRootIsRefusedWhenTheFormatIsForced() throws Exception {
        Path file = write("dvs.xml", """
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"/>
                """);
        ImportResult r = service.importFile(file, Optional.of(ImportFormat.DHIS2_ADX), ImportProgress.NONE);
        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.unexpectedXml");
        assertThat(r.failure().orElseThrow().format()).startsWith("dvs.xml:1:")
                .endsWith(": expected <adx> but found <dataValueSet>");
    }

    @Test
    void aGzippedAdxFileIsDetectedByItsContent() throws Exception {
        Path gz = dir.resolve("export.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("""
                    <adx xmlns="urn:ihe:qrph:adx:2015">
                      <group orgUnit="SC-KL-1" period="2024-01-01/P1M"><dataValue dataElement="TOTAL" value="4"/></group>
                    </adx>
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ImportResult r = service.importFile(gz, Optional.empty(), ImportProgress.NONE);
        assertThat(r.failure()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_ADX);
        assertThat(rows()).containsExactly("DeTotal0001 202401 CsiKollo001 HllvX50cXC0 HllvX50cXC0 4 null");
    }

    @Test
    void theDemoValuesAsAdxStoreWhatTheJsonStoresExceptWhatAdxDoesNotCarry() throws Exception {
        DemoFiles demo = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("demo"));
        Path byCode = dir.resolve("byCode.adx.xml");
        Path byUid = dir.resolve("byUid.adx.xml");
        AdxWriter.write(demo, byCode);
        AdxWriter.write(demo.metadataJson(), demo.dataValuesJson(), byUid, AdxWriter.Ids.UID);
        assertThat(Files.readString(byCode)).contains("AGE_5=\"AGE_LT5\"").contains("<annotation>");
        try (Workspace fromJson = Workspace.create(dir.resolve("json"));
             Workspace fromAdx = Workspace.create(dir.resolve("adx"))) {
            importDemo(fromJson, demo, demo.dataValuesJson(), ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
            importDemo(fromAdx, demo, byCode, ImportFormat.DHIS2_ADX);
            // Every column but STORED_BY, CREATED_MILLIS and LAST_UPDATED_MILLIS, which ADX does not carry.
            String query = "SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO, ATTRIBUTE_OPTION_COMBO,"
                    + " DATA_VALUE, NUMERIC_VALUE, COMMENT, FOLLOWUP, DELETED FROM DATA_VALUE ORDER BY 1, 2, 3, 4, 5";
            long rows = 0;
            try (Statement a = fromJson.connection().createStatement();
                 Statement b = fromAdx.connection().createStatement();
                 ResultSet ra = a.executeQuery(query);
                 ResultSet rb = b.executeQuery(query)) {
                while (ra.next()) {
                    assertThat(rb.next()).as("the ADX import has fewer values").isTrue();
                    assertThat(row(rb, 10)).isEqualTo(row(ra, 10));
                    rows++;
                }
                assertThat(rb.next()).as("the ADX import has more values").isFalse();
            }
            assertThat(rows).isEqualTo(demo.counts().dataValues());

            // The same values named by UID instead of code: the same keys, so nothing changes.
            ImportResult again = new ImportService(fromAdx).importFile(byUid, Optional.empty(), ImportProgress.NONE);
            assertThat(again.failure()).isEmpty();
            assertThat(again.problems()).isEmpty();
            assertThat(again.counts().unchangedCount()).isEqualTo(demo.counts().dataValues());
            assertThat(again.changedNothing()).isTrue();
        }
    }

    private void importDemo(Workspace ws, DemoFiles demo, Path values, ImportFormat expected) {
        ImportService s = new ImportService(ws);
        assertThat(s.importFile(demo.metadataJson(), Optional.empty(), ImportProgress.NONE).failure()).isEmpty();
        ImportResult r = s.importFile(values, Optional.empty(), ImportProgress.NONE);
        assertThat(r.format()).isEqualTo(expected);
        assertThat(r.failure()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(demo.counts().dataValues());
    }

    private static String row(ResultSet rs, int columns) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            b.append(rs.getString(c)).append('|');
        }
        return b.toString();
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO,"
                     + " ATTRIBUTE_OPTION_COMBO, DATA_VALUE, COMMENT FROM DATA_VALUE WHERE NOT DELETED"
                     + " ORDER BY 1, 2, 4, 5")) {
            while (rs.next()) {
                rows.add(String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), String.valueOf(rs.getString(7))));
            }
        }
        return rows;
    }

    private String scalar(String sql) throws Exception {
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private ImportResult importText(String name, String content) throws Exception {
        return service.importFile(write(name, content), Optional.empty(), SKIP, ImportProgress.NONE);
    }
}
