package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.testdata.DataValueFormats;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** DHIS2 data value sets in XML (DXF2) into a real workspace file, with small hand-written files. */
class DataValueXmlImportTest {

    /** These fixtures hold invalid records on purpose: import the valid ones and list the rest. */
    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    @TempDir
    Path dir;
    Workspace workspace;
    ImportService service;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Workspace.create(dir.resolve("ws"));
        service = new ImportService(workspace);
        ImportResult meta = importText("metadata.json", DataValueImportTest.METADATA);
        assertThat(meta.failed()).isFalse();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void importsASetWithDhis2sNamespaceAndItsSetLevelDefaults() throws Exception {
        ImportResult r = importText("dv.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dataSet="DsMensuel1" completeDate="2024-02-05"
                    period="202401" orgUnit="CsiKollo001" attributeOptionCombo="HllvX50cXC0">
                  <dataValue dataElement="DeConsult01" categoryOptionCombo="HllvX50cXC0" value="120" storedBy="ds_kollo"
                      created="2024-02-03T10:00:00.000+0000" lastUpdated="2024-02-03T10:00:00.000"/>
                  <dataValue dataElement="DeConsult01" period="202402" value="95"></dataValue>
                  <dataValue dataElement="DeRemark001" value="rupture d&apos;intrants &amp; retard"/>
                </dataValueSet>
                """);
        assertThat(r.failure()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_XML);
        assertThat(r.counts().createdCount()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();
        assertThat(values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 120 ds_kollo null false",
                "DeConsult01 202402 CsiKollo001 95 null null false",
                "DeRemark001 202401 CsiKollo001 rupture d'intrants & retard null null false");
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT FORMAT FROM IMPORT_BATCH WHERE ID = " + r.batchId().orElseThrow())) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("dhis2-datavalueset-xml");
        }
    }

    @Test
    void readsCommentFollowupAndDeleted() throws Exception {
        importText("first.xml", """
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">
                  <dataValue dataElement="DeConsult01" period="202401" orgUnit="CsiKollo001" value="120"/>
                  <dataValue dataElement="DeConsult01" period="202402" orgUnit="CsiKollo001" value="95"/>
                </dataValueSet>
                """);
        ImportResult r = importText("second.xml", """
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">
                  <dataValue dataElement="DeConsult01" period="202401" orgUnit="CsiKollo001" value="120"
                      comment="vérifié avec le registre" followup="true"/>
                  <dataValue dataElement="DeConsult01" period="202402" orgUnit="CsiKollo001" value="95" deleted="true"/>
                  <dataValue dataElement="DeRemark001" period="202401" orgUnit="CsiKollo001" value="note"
                      comment="ligne 1&#10;ligne 2" followup="false" deleted="false"/>
                </dataValueSet>
                """);
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().updatedCount()).isEqualTo(1);
        assertThat(r.counts().deletedCount()).isEqualTo(1);
        assertThat(values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 120 null vérifié avec le registre true",
                "DeRemark001 202401 CsiKollo001 note null ligne 1\nligne 2 false");
    }

    @Test
    void readsSeveralSetsInADataValueSetsWrapperEachWithItsOwnDefaults() throws Exception {
        // No namespace: files written by hand or by other tools often omit it.
        ImportResult r = importText("sets.xml", """
                <dataValueSets>
                  <dataValueSet period="202401" orgUnit="CsiKollo001">
                    <dataValue dataElement="DeConsult01" value="10"/>
                  </dataValueSet>
                  <dataValueSet period="2024Q1">
                    <dataValue dataElement="DeConsult01" orgUnit="PaysFictif1" value="30"/>
                    <dataValue dataElement="DeConsult01" value="99"/>
                  </dataValueSet>
                </dataValueSets>
                """);
        assertThat(r.failure()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_XML);
        assertThat(r.counts().createdCount()).isEqualTo(2);
        // The first set's org unit does not leak into the second set.
        assertThat(r.counts().rejectedCount()).isEqualTo(1);
        assertThat(r.problems()).extracting(p -> p.format()).containsExactly("sets.xml:7: the value names no org unit");
        assertThat(values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 10 null null false",
                "DeConsult01 2024Q1 PaysFictif1 30 null null false");
    }

    @Test
    void aTruncatedFileFailsWithItsLineAndLeavesTheWorkspaceUnchanged() throws Exception {
        importText("ok.xml", """
                <dataValueSet><dataValue dataElement="DeConsult01" period="202401" orgUnit="CsiKollo001" value="1"/></dataValueSet>
                """);
        long before = workspace.summary().dataValues();
        long batches = workspace.summary().importBatches();
        ImportResult r = importText("cut.xml", """
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">
                  <dataValue dataElement="DeConsult01" period="202402" orgUnit="CsiKollo001" value="2"/>
                  <dataValue dataElement="DeConsult01" period="202403" orgUn""");
        assertThat(r.failed()).isTrue();
        assertThat(r.failure().orElseThrow().file()).isEqualTo("cut.xml");
        assertThat(r.failure().orElseThrow().line()).isEqualTo(3);
        assertThat(r.failure().orElseThrow().column()).isPositive();
        assertThat(r.failure().orElseThrow().key()).isEqualTo("import.malformedXml");
        assertThat(r.failure().orElseThrow().format()).contains("malformed XML: ");
        assertThat(r.batchId()).isEmpty();
        assertThat(workspace.summary().dataValues()).isEqualTo(before);
        assertThat(workspace.summary().importBatches()).isEqualTo(batches);
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedWithoutReadingTheEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "MOT-DE-PASSE-SECRET");
        String uri = secret.toUri().toString();
        long before = workspace.summary().dataValues();
        for (String doctype : List.of(
                "<!DOCTYPE dataValueSet [<!ENTITY xxe SYSTEM \"" + uri + "\">]>",
                "<!DOCTYPE dataValueSet SYSTEM \"" + uri + "\">")) {
            ImportResult r = importText("xxe.xml", "<?xml version=\"1.0\"?>\n" + doctype + """

                    <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">
                      <dataValue dataElement="DeRemark001" period="202401" orgUnit="CsiKollo001" value="&xxe;"/>
                    </dataValueSet>
                    """);
            assertThat(r.failed()).as(doctype).isTrue();
            assertThat(r.failure().orElseThrow().key()).isEqualTo("import.malformedXml");
            assertThat(r.failure().orElseThrow().format()).doesNotContain("MOT-DE-PASSE");
            assertThat(r.failure().orElseThrow().args()).noneMatch(a -> a.contains("MOT-DE-PASSE"));
        }
        assertThat(workspace.summary().dataValues()).isEqualTo(before);
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATA_VALUE WHERE DATA_VALUE LIKE '%SECRET%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theXmlReaderIsWoodstoxAndNeverReadsAnExternalDtdOrEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "MOT-DE-PASSE-SECRET");
        Path dtd = dir.resolve("leak.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"MOT-DE-PASSE-SECRET\">");
        javax.xml.stream.XMLInputFactory factory = org.santeatlas.importers.dhis2.DataValueSetXmlImporter.secureFactory();
        assertThat(factory.getClass().getName()).startsWith("com.ctc.wstx.");
        for (String doc : List.of(
                "<!DOCTYPE a SYSTEM \"" + dtd.toUri() + "\"><a>&leak;</a>",
                "<!DOCTYPE a [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]><a>&leak;</a>",
                "<!DOCTYPE a [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]><a>&leak;</a>")) {
            StringBuilder seen = new StringBuilder();
            try {
                javax.xml.stream.XMLStreamReader r = factory.createXMLStreamReader(new java.io.StringReader(doc));
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == javax.xml.stream.XMLStreamConstants.CHARACTERS
                            || event == javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE) {
                        seen.append(r.getText());
                    }
                }
            } catch (javax.xml.stream.XMLStreamException refused) {
                seen.append(refused.getMessage());
            }
            assertThat(seen.toString()).as(doc).doesNotContain("MOT-DE-PASSE");
        }
    }

    @Test
    void rejectsAnUnknownOrgUnitNamingTheLine() throws Exception {
        ImportResult r = importText("dv.xml", """
                <dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" period="202401">
                  <dataValue dataElement="DeConsult01" orgUnit="CsiKollo001" value="120"/>
                  <dataValue dataElement="DeConsult01" orgUnit="Inconnu0001" value="5"/>
                  <dataValue dataElement="DeConsult01" period="2024-13" orgUnit="CsiKollo001" value="5"/>
                </dataValueSet>
                """);
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().rejectedCount()).isEqualTo(2);
        assertThat(r.problems()).extracting(p -> p.format()).containsExactly(
                "dv.xml:4: invalid period '2024-13': " + r.problems().get(0).args().get(1),
                "dv.xml:3: unknown org unit 'Inconnu0001' (1 value(s), the first on this line)");
    }

    @Test
    void anotherXmlRootIsNotTakenForADataValueSet() throws Exception {
        // DHIS2's events XML: not imported (metadata XML and ADX have their own importers).
        ImportResult detected = importText("events.xml", """
                <events xmlns="http://dhis2.org/schema/dxf/2.0"><event event="EvtKollo001"/></events>
                """);
        assertThat(detected.failure().orElseThrow().key()).isEqualTo("import.unknownFormat");
        ImportResult forced = service.importFile(dir.resolve("events.xml"),
                Optional.of(ImportFormat.DHIS2_DATA_VALUE_SET_XML), ImportProgress.NONE);
        assertThat(forced.failure().orElseThrow().key()).isEqualTo("import.unexpectedXml");
        assertThat(forced.failure().orElseThrow().line()).isEqualTo(1);
    }

    @Test
    void theDemoValuesAsXmlStoreExactlyWhatTheJsonStores() throws Exception {
        DemoFiles demo = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("demo"));
        Path xml = dir.resolve("dataValueSets.xml");
        DataValueFormats.writeXml(demo.dataValuesJson(), xml);
        try (Workspace fromJson = Workspace.create(dir.resolve("json"));
             Workspace fromXml = Workspace.create(dir.resolve("xml"))) {
            importDemo(fromJson, demo, demo.dataValuesJson(), ImportFormat.DHIS2_DATA_VALUE_SET_JSON);
            importDemo(fromXml, demo, xml, ImportFormat.DHIS2_DATA_VALUE_SET_XML);
            String query = "SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO, ATTRIBUTE_OPTION_COMBO,"
                    + " DATA_VALUE, STORED_BY, CREATED_MILLIS, LAST_UPDATED_MILLIS, COMMENT, FOLLOWUP, DELETED"
                    + " FROM DATA_VALUE ORDER BY 1, 2, 3, 4, 5";
            long rows = 0;
            // Side by side, row by row: constant memory, and a failure names the first difference.
            try (Statement a = fromJson.connection().createStatement();
                 Statement b = fromXml.connection().createStatement();
                 ResultSet ra = a.executeQuery(query);
                 ResultSet rb = b.executeQuery(query)) {
                while (ra.next()) {
                    assertThat(rb.next()).as("the XML import has fewer values").isTrue();
                    assertThat(row(rb)).isEqualTo(row(ra));
                    rows++;
                }
                assertThat(rb.next()).as("the XML import has more values").isFalse();
            }
            assertThat(rows).isEqualTo(demo.counts().dataValues());
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

    private static String row(ResultSet rs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= 12; c++) {
            b.append(rs.getString(c)).append('|');
        }
        return b.toString();
    }

    private ImportResult importText(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return service.importFile(file, Optional.empty(), SKIP, ImportProgress.NONE);
    }

    private List<String> values() throws Exception {
        return DataValueImportTest.values(workspace);
    }
}
