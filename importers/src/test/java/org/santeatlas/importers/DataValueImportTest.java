package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.santeatlas.core.workspace.Workspace;

/** Data value sets (JSON and CSV) into a real workspace file, with small hand-written files. */
class DataValueImportTest {

    /** These fixtures hold invalid records on purpose: import the valid ones and list the rest. */
    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    static final String METADATA = """
            {"system": {"version": "2.40"},
             "organisationUnits": [
               {"id": "PaysFictif1", "code": "SC", "name": "Sahel Central (fictif)", "level": 1, "path": "/PaysFictif1"},
               {"id": "CsiKollo001", "code": "SC-KL-1", "name": "CSI Kollo", "level": 2, "parent": {"id": "PaysFictif1"},
                "path": "/PaysFictif1/CsiKollo001", "geometry": {"type": "Point", "coordinates": [2.33, 13.31]}}],
             "dataElements": [
               {"id": "DeConsult01", "code": "CONS", "name": "Consultations externes", "valueType": "INTEGER_ZERO_OR_POSITIVE",
                "aggregationType": "SUM", "domainType": "AGGREGATE", "categoryCombo": {"id": "bjDvmb4bfuf"}},
               {"id": "DeRemark001", "name": "Remarque", "valueType": "TEXT", "aggregationType": "NONE",
                "domainType": "AGGREGATE", "categoryCombo": {"id": "bjDvmb4bfuf"}}]}
            """;

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    @BeforeEach
    void setUp() throws Exception {
        assertThat(ws.importMetadata(METADATA).counts().createdCount()).isEqualTo(4);
    }

    @Test
    void importsValuesAndKeepsTheirTextExactly() throws Exception {
        ImportResult r = importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120",
                   "storedBy": "ds_kollo", "created": "2024-02-03T10:00:00.000+0000", "lastUpdated": "2024-02-03T10:00:00.000"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "SC-KL-1", "value": 95},
                  {"dataElement": "DeRemark001", "period": "202401", "orgUnit": "CsiKollo001", "value": "rupture d'intrants",
                   "comment": "vérifié", "followup": true},
                  {"dataElement": "DeConsult01", "period": "202403", "orgUnit": "CsiKollo001", "value": "007"}]}
                """);
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(4);
        assertThat(r.batchId()).isPresent();
        assertThat(ws.workspace().summary().dataValues()).isEqualTo(4);
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 120 ds_kollo null false",
                "DeConsult01 202402 CsiKollo001 95 null null false",
                "DeConsult01 202403 CsiKollo001 007 null null false",
                "DeRemark001 202401 CsiKollo001 rupture d'intrants null vérifié true");
        assertThat(ws.workspace().summary().periods().orElseThrow().first()).isEqualTo("202401");
        assertThat(ws.workspace().summary().periods().orElseThrow().last()).isEqualTo("202403");
    }

    @Test
    void theBatchRecordsTheFilesSha256AndCounts() throws Exception {
        ImportResult r = importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "Inconnu0001", "value": "95"}]}
                """);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(ws.dir().resolve("dv.json"))));
        try (Statement st = ws.workspace().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT FILE_SHA256, FORMAT, CREATED_COUNT, REJECTED_COUNT, ERRORS"
                     + " FROM IMPORT_BATCH WHERE ID = " + r.batchId().orElseThrow())) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(expected);
            assertThat(rs.getString(2)).isEqualTo("dhis2-datavalueset-json");
            assertThat(rs.getLong(3)).isEqualTo(1);
            assertThat(rs.getLong(4)).isEqualTo(1);
            assertThat(rs.getString(5)).contains("dv.json:3: unknown org unit 'Inconnu0001'");
        }
        assertThat(ws.scalar("SELECT COUNT(*) FROM DATA_VALUE WHERE BATCH_ID = " + r.batchId().orElseThrow()))
                .isEqualTo("1");
    }

    @Test
    void reimportingTheSameFileChangesNothingAndRecordsNoBatch() throws Exception {
        String file = """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001", "value": "95"}]}
                """;
        importText("dv.json", file);
        long batches = ws.workspace().summary().importBatches();
        ImportResult again = importText("dv.json", file);
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.counts().unchangedCount()).isEqualTo(2);
        assertThat(again.batchId()).isEmpty();
        assertThat(ws.workspace().summary().importBatches()).isEqualTo(batches);
    }

    @Test
    void updatesAChangedValueAndHonoursDeleted() throws Exception {
        importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001", "value": "95"},
                  {"dataElement": "DeConsult01", "period": "202403", "orgUnit": "CsiKollo001", "value": "88"}]}
                """);
        ImportResult r = importText("dv2.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "1200"},
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001", "value": "95", "deleted": true},
                  {"dataElement": "DeConsult01", "period": "202403", "orgUnit": "CsiKollo001", "value": ""}]}
                """);
        assertThat(r.counts().updatedCount()).isEqualTo(1);
        assertThat(r.counts().deletedCount()).isEqualTo(2);
        assertThat(ws.workspace().summary().dataValues()).isEqualTo(1);
        assertThat(ws.values()).containsExactly("DeConsult01 202401 CsiKollo001 1200 null null false");
    }

    @Test
    void aNewerLastUpdatedWinsOverAnOlderOneWhateverTheImportOrder() throws Exception {
        importText("new.json", """
                {"dataValues": [{"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001",
                  "value": "130", "lastUpdated": "2024-03-10T08:00:00.000"}]}
                """);
        ImportResult older = importText("old.json", """
                {"dataValues": [{"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001",
                  "value": "120", "lastUpdated": "2024-02-03T10:00:00.000"}]}
                """);
        assertThat(older.changedNothing()).isTrue();
        assertThat(ws.values()).containsExactly("DeConsult01 202401 CsiKollo001 130 null null false");
        ImportResult newer = importText("newer.json", """
                {"dataValues": [{"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001",
                  "value": "131", "lastUpdated": "2024-04-01T08:00:00.000"}]}
                """);
        assertThat(newer.counts().updatedCount()).isEqualTo(1);
        assertThat(ws.values()).containsExactly("DeConsult01 202401 CsiKollo001 131 null null false");
    }

    @Test
    void rejectsValuesWithUnknownReferencesNamingTheLine() throws Exception {
        ImportResult r = importText("dv.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "120"},
                  {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "Inconnu0001", "value": "5"},
                  {"dataElement": "DeConsult01", "period": "2024-13", "orgUnit": "CsiKollo001", "value": "5"}]}
                """);
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().rejectedCount()).isEqualTo(2);
        // Per-value problems as they come; unknown references once each, with their count, at the end.
        assertThat(r.problems()).extracting(p -> p.format()).containsExactly(
                "dv.json:4: invalid period '2024-13': " + r.problems().get(0).args().get(1),
                "dv.json:3: unknown org unit 'Inconnu0001' (1 value(s), the first on this line)");
    }

    @Test
    void aTruncatedFileFailsWithItsLineAndLeavesTheWorkspaceUnchanged() throws Exception {
        importText("ok.json", """
                {"dataValues": [{"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001", "value": "1"}]}
                """);
        long before = ws.workspace().summary().dataValues();
        long batches = ws.workspace().summary().importBatches();
        ImportResult r = importText("cut.json", """
                {"dataValues": [
                  {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001", "value": "2"},
                  {"dataElement": "DeConsult01", "period": "202403", "orgUn""");
        assertThat(r.failed()).isTrue();
        assertThat(r.failure().orElseThrow().file()).isEqualTo("cut.json");
        assertThat(r.failure().orElseThrow().line()).isEqualTo(3);
        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.malformedJson");
        assertThat(ws.workspace().summary().dataValues()).isEqualTo(before);
        assertThat(ws.workspace().summary().importBatches()).isEqualTo(batches);
    }

    @Test
    void setLevelPeriodAndOrgUnitApplyToValuesWithoutThem() throws Exception {
        ImportResult r = importText("set.json", """
                {"dataSet": "x", "period": "2024Q1", "orgUnit": "CsiKollo001",
                 "dataValues": [{"dataElement": "DeConsult01", "value": "300"}]}
                """);
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(ws.values()).containsExactly("DeConsult01 2024Q1 CsiKollo001 300 null null false");
    }

    @Test
    void importsDhis2CsvWithHeaderOrWithoutAndWithSemicolons() throws Exception {
        ImportResult withHeader = importText("dv.csv", """
                dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted
                DeConsult01,202401,CsiKollo001,HllvX50cXC0,HllvX50cXC0,120,ds_kollo,2024-02-03T10:00:00.000+0000,,false,false
                DeRemark001,202401,CsiKollo001,,,"stock, rupture",,,,,
                """);
        assertThat(withHeader.format()).isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_CSV);
        assertThat(withHeader.counts().createdCount()).isEqualTo(2);
        ImportResult noHeader = ws.service().importFile(ws.write("dv2.csv", """
                DeConsult01;202402;CsiKollo001;HllvX50cXC0;HllvX50cXC0;95;ds_kollo;;;false;false
                """), Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_CSV), ImportProgress.NONE);
        assertThat(noHeader.counts().createdCount()).isEqualTo(1);
        assertThat(ws.values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 120 ds_kollo null false",
                "DeConsult01 202402 CsiKollo001 95 ds_kollo null false",
                "DeRemark001 202401 CsiKollo001 stock, rupture null null false");
    }

    @Test
    void readsTheOlderDhis2CsvHeaderWithReorderedColumns() throws Exception {
        ImportResult r = ws.service().importFile(ws.write("old.csv", """
                "period","orgunit","dataelement","catoptcombo","attroptcombo","value","storedby","lastupd","comment","flwup"
                "202401","CsiKollo001","DeConsult01","HllvX50cXC0","HllvX50cXC0","77","ds","2024-02-01","",""
                """), Optional.empty(), ImportProgress.NONE);
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_CSV);
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(ws.values()).containsExactly("DeConsult01 202401 CsiKollo001 77 ds null false");
    }

    private ImportResult importText(String name, String content) throws Exception {
        return ws.importText(name, content, SKIP);
    }

    /** The live values (as {@link TestWorkspace#values}); the XML test lists its values through here. */
    static List<String> values(Workspace workspace) throws Exception {
        return TestWorkspace.values(workspace);
    }
}
