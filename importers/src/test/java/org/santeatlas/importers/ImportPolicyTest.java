package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.santeatlas.core.store.IdScheme;
import org.santeatlas.core.store.IdSchemes;
import org.santeatlas.core.workspace.WorkspaceSummary;

/**
 * What happens to invalid records and unknown references: the whole file refused by default,
 * {@code --skip-invalid}, {@code --create-missing} placeholders that metadata later completes, id
 * schemes, value types, period types and duplicates inside a file.
 */
class ImportPolicyTest {

    private static final String DATA_SET = """
            {"dataSets": [{"id": "DsMensuel1", "name": "Rapport mensuel", "periodType": "Monthly",
               "dataSetElements": [{"dataElement": {"id": "DeConsult01"}}],
               "organisationUnits": [{"id": "CsiKollo001"}]}]}
            """;

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    @BeforeEach
    void setUp() throws Exception {
        ws.importMetadata(DataValueImportTest.METADATA);
    }

    @Test
    void aFileWithAnInvalidRecordIsRefusedAsAWholeListingEveryProblem() throws Exception {
        WorkspaceSummary before = ws.workspace().summary();
        ImportResult r = ws.importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "Inconnu0001", "value": "5"},
                  {"dataElement": "DeConsult01", "period": "202403", "orgUnit": "Inconnu0001", "value": "6"},
                  {"dataElement": "DeConsult01", "period": "202404", "orgUnit": "CsiKollo001", "value": "beaucoup"}]}
                """, ImportOptions.DEFAULTS);

        assertThat(r.failed()).isTrue();
        assertThat(r.batchId()).isEmpty();
        assertThat(r.failure().orElseThrow().format())
                .isEqualTo("dv.json: 3 invalid record(s); nothing was imported. Correct the file, or import its valid"
                        + " records with --skip-invalid");
        assertThat(r.problems()).extracting(p -> p.format()).containsExactly(
                "dv.json:5: the value 'beaucoup' of data element 'DeConsult01' is not a number",
                "dv.json:3: unknown org unit 'Inconnu0001' (2 value(s), the first on this line)");
        assertThat(ws.workspace().summary()).isEqualTo(before);
        assertThat(batches()).isEqualTo(1);
    }

    @Test
    void skipInvalidImportsTheValidRecordsAndCountsTheOthers() throws Exception {
        ImportResult r = ws.importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001", "value": "12.5"}]}
                """, ImportOptions.DEFAULTS.withSkipInvalid(true));
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().rejectedCount()).isEqualTo(1);
        assertThat(r.problems()).extracting(p -> p.format())
                .containsExactly("dv.json:3: the value '12.5' of data element 'DeConsult01' is not a whole number");
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 120 null null false");
    }

    @Test
    void createMissingKeepsValuesUnderPlaceholdersThatMetadataLaterCompletes() throws Exception {
        ImportResult r = ws.importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeNouveau01", "period": "202401", "orgUnit": "CsiKollo001", "value": "7"},
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CSI-DOSSO", "value": "40"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CSI-DOSSO", "value": "41"}]}
                """, ImportOptions.DEFAULTS.withCreateMissing(true));

        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(3);
        assertThat(r.problems()).extracting(p -> p.key())
                .containsExactly("import.placeholderDataElement", "import.placeholderOrgUnit");
        // A UID-shaped reference becomes the placeholder's UID; anything else its code.
        assertThat(ws.rows("SELECT UID, CODE, NAME FROM DATA_ELEMENT WHERE PLACEHOLDER"))
                .containsExactly("DeNouveau01|null|DeNouveau01");
        assertThat(ws.rows("SELECT CODE, NAME FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly("CSI-DOSSO|CSI-DOSSO");

        // The metadata arrives: the placeholders become the real objects, and their values follow.
        ImportResult meta = ws.importText("more-metadata.json", """
                {"organisationUnits": [{"id": "CsiDosso001", "code": "CSI-DOSSO", "name": "CSI Dosso", "level": 2,
                   "parent": {"id": "PaysFictif1"}, "path": "/PaysFictif1/CsiDosso001"}],
                 "dataElements": [{"id": "DeNouveau01", "name": "Nouveaux cas", "valueType": "INTEGER",
                   "aggregationType": "SUM", "domainType": "AGGREGATE", "categoryCombo": {"id": "bjDvmb4bfuf"}}]}
                """, ImportOptions.DEFAULTS);
        assertThat(meta.failed()).isFalse();
        assertThat(ws.rows("SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly("0");
        assertThat(ws.rows("SELECT COUNT(*) FROM DATA_ELEMENT WHERE PLACEHOLDER")).containsExactly("0");
        assertThat(ws.rows("SELECT COUNT(*) FROM ORG_UNIT WHERE CODE = 'CSI-DOSSO'")).containsExactly("1");
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiDosso001 40 null null false",
                "DeConsult01 202402 CsiDosso001 41 null null false",
                "DeNouveau01 202401 CsiKollo001 7 null null false");
    }

    @Test
    void idSchemeNameMatchesNamesWhateverTheirAccentsAndCase() throws Exception {
        ImportOptions byName = ImportOptions.DEFAULTS.withIdSchemes(IdSchemes.all(IdScheme.NAME));
        ImportResult r = ws.importText("dv.csv", """
                dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value
                consultations externes,202401,csi kollo,,,15
                Consultations Externes,202402,CSI KOLLO,,,16
                """, byName);
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(2);

        // With CODE, a UID is not taken for a code.
        ImportResult codes = ws.importText("codes.csv", """
                dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value
                CONS,202403,SC-KL-1,,,17
                DeConsult01,202404,SC-KL-1,,,18
                """, ImportOptions.DEFAULTS.withIdSchemes(IdSchemes.all(IdScheme.CODE)).withSkipInvalid(true));
        assertThat(codes.counts().createdCount()).isEqualTo(1);
        assertThat(codes.problems()).extracting(p -> p.format())
                .containsExactly("codes.csv:3: unknown data element 'DeConsult01' (1 value(s), the first on this line)");
    }

    @Test
    void aPeriodOfAnotherTypeThanTheDataSetsIsRejected() throws Exception {
        assertThat(ws.importText("ds.json", DATA_SET, ImportOptions.DEFAULTS).failed()).isFalse();
        ImportResult r = ws.importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "2024W05", "orgUnit": "CsiKollo001", "value": "3"},
                  {"dataElement": "DeRemark001", "period": "2024W05", "orgUnit": "CsiKollo001", "value": "RAS"}]}
                """, ImportOptions.DEFAULTS.withSkipInvalid(true));
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.problems()).extracting(p -> p.format()).containsExactly("dv.json:2: the period '2024W05' is not"
                + " monthly as the data set(s) of data element 'DeConsult01' collect");
    }

    @Test
    void aValueGivenTwiceInOneFileIsADuplicateAndTheLastOneCounts() throws Exception {
        ImportResult refused = ws.importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "1"},
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "2"}]}
                """, ImportOptions.DEFAULTS);
        assertThat(refused.failed()).isTrue();
        assertThat(refused.problems()).extracting(p -> p.format()).containsExactly("dv.json:2: value given more"
                + " than once in the file (DeConsult01 CsiKollo001 202401): ignored, the one on line 3 is kept");

        ImportResult kept = ws.importText("dv.json", Files.readString(ws.dir().resolve("dv.json")),
                ImportOptions.DEFAULTS.withSkipInvalid(true));
        assertThat(kept.counts().createdCount()).isEqualTo(1);
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 2 null null false");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"csv", "json"})
    void eachDuplicateIsReportedOnItsOwnLineNamingTheLineKept(String format) throws Exception {
        // Three times the same key (lines 2, 4, 6 of either file), twice another (3, 5), one alone (7).
        String[][] rows = {{"DeConsult01", "202401", "1"}, {"DeConsult01", "202402", "10"},
            {"DeConsult01", "202401", "2"}, {"DeConsult01", "202402", "20"}, {"DeConsult01", "202401", "3"},
            {"DeConsult01", "202403", "30"}};
        StringBuilder text = new StringBuilder(format.equals("csv")
                ? "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n" : "{\"dataValues\": [\n");
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            text.append(format.equals("csv")
                    ? r[0] + "," + r[1] + ",CsiKollo001,,," + r[2] + "\n"
                    : "  {\"dataElement\": \"" + r[0] + "\", \"period\": \"" + r[1]
                            + "\", \"orgUnit\": \"CsiKollo001\", \"value\": \"" + r[2] + "\"}"
                            + (i + 1 < rows.length ? "," : "]}") + "\n");
        }

        ImportResult r = ws.importText("dv." + format, text.toString(), ImportOptions.DEFAULTS.withSkipInvalid(true));

        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().rejectedCount()).isEqualTo(3);
        assertThat(r.problems()).extracting(p -> p.format()).containsExactlyInAnyOrder(
                "dv." + format + ":2: value given more than once in the file (DeConsult01 CsiKollo001 202401):"
                        + " ignored, the one on line 6 is kept",
                "dv." + format + ":4: value given more than once in the file (DeConsult01 CsiKollo001 202401):"
                        + " ignored, the one on line 6 is kept",
                "dv." + format + ":3: value given more than once in the file (DeConsult01 CsiKollo001 202402):"
                        + " ignored, the one on line 5 is kept");
        assertThat(r.problems()).allMatch(p -> p.key().equals("import.duplicateValue")
                && p.args().get(1).equals(p.line() == 3 ? "5" : "6"));
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 3 null null false",
                "DeConsult01 202402 CsiKollo001 20 null null false",
                "DeConsult01 202403 CsiKollo001 30 null null false");
    }

    private int batches() throws Exception {
        return Integer.parseInt(ws.scalar("SELECT COUNT(*) FROM IMPORT_BATCH"));
    }
}
