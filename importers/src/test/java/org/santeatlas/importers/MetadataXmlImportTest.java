package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** DHIS2 metadata XML (api/metadata.xml, DXF2) into a real workspace file. */
class MetadataXmlImportTest {

    /** The demo, generated once for the geometry forms. */
    @TempDir
    static Path shared;
    private static DemoFiles demo;

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    /**
     * Shaped like DHIS2's own XML export: identifiable properties as attributes, the rest as elements,
     * references as elements with an id, collections wrapped; objects and fields SantéAtlas does not
     * store (programs, translations, access, renderType) along the way.
     */
    static final String DHIS2_EXPORT = """
            <?xml version='1.0' encoding='UTF-8'?>
            <metadata xmlns="http://dhis2.org/schema/dxf/2.0" date="2024-03-01T10:00:00.000">
                <system>
                    <id>eed3d451-4ff5-4193-b951-ffcc68954299</id>
                    <rev>abc1234</rev>
                    <version>2.40.4</version>
                    <date>2024-03-01T10:00:00.000</date>
                </system>
                <categoryOptionCombos>
                    <categoryOptionCombo code="default" created="2011-12-24T12:24:25.319" lastUpdated="2011-12-24T12:24:25.319"
                                         name="default" id="HllvX50cXC0">
                        <ignoreApproval>false</ignoreApproval>
                        <categoryCombo id="bjDvmb4bfuf"/>
                        <categoryOptions>
                            <categoryOption id="xYerKDKCefk"/>
                        </categoryOptions>
                    </categoryOptionCombo>
                    <categoryOptionCombo id="CocMoins5a1" name="&lt; 5 ans" code="COC_LT5">
                        <categoryCombo id="CcAge000001"/>
                        <categoryOptions><categoryOption id="OptMoins5a1"/></categoryOptions>
                    </categoryOptionCombo>
                </categoryOptionCombos>
                <organisationUnits>
                    <organisationUnit id="PaysFictif1" code="SC" name="Sahel Central (fictif)" shortName="Sahel Central"
                                      created="2020-01-01T00:00:00.000" lastUpdated="2024-01-10T08:00:00.000">
                        <level>1</level>
                        <path>/PaysFictif1</path>
                        <openingDate>1960-08-03T00:00:00.000</openingDate>
                        <geometryAsJson>{"type":"Polygon","coordinates":[[[0.0,12.0],[4.0,12.0],[4.0,16.0],[0.0,16.0],[0.0,12.0]]]}</geometryAsJson>
                        <translations>
                            <translations property="NAME" locale="fr" value="Sahel Central (fictif)"/>
                        </translations>
                        <children>
                            <child id="CsiKollo001"/>
                        </children>
                    </organisationUnit>
                    <organisationUnit id="CsiKollo001" code="SC-KL-1" name="CSI Kollo" shortName="CSI Kollo">
                        <level>2</level>
                        <path>/PaysFictif1/CsiKollo001</path>
                        <openingDate>1985-01-01T00:00:00.000</openingDate>
                        <closedDate>2024-06-30T00:00:00.000</closedDate>
                        <parent id="PaysFictif1"/>
                        <geometry>
                            <type>Point</type>
                            <coordinates>2.33</coordinates>
                            <coordinates>13.31</coordinates>
                        </geometry>
                    </organisationUnit>
                    <organisationUnit id="CsiAncien01" name="CSI Ancien">
                        <parent id="PaysFictif1"/>
                        <featureType>POINT</featureType>
                        <coordinates>[2.5,13.5]</coordinates>
                    </organisationUnit>
                </organisationUnits>
                <organisationUnitLevels>
                    <organisationUnitLevel id="NivPays0001" name="Pays"><level>1</level></organisationUnitLevel>
                </organisationUnitLevels>
                <organisationUnitGroups>
                    <organisationUnitGroup id="GrpCsi0001" code="OUG_CSI" name="CSI" shortName="CSI">
                        <organisationUnits>
                            <organisationUnit id="CsiKollo001"/>
                            <organisationUnit id="CsiAncien01"/>
                        </organisationUnits>
                    </organisationUnitGroup>
                </organisationUnitGroups>
                <categoryOptions>
                    <categoryOption id="OptMoins5a1" code="AGE_LT5" name="&lt; 5 ans" shortName="&lt; 5 ans">
                        <access><read>true</read><write>true</write></access>
                    </categoryOption>
                </categoryOptions>
                <categories>
                    <category id="CatAge00001" code="AGE" name="Âge">
                        <dataDimensionType>DISAGGREGATION</dataDimensionType>
                        <dataDimension>true</dataDimension>
                        <categoryOptions><categoryOption id="OptMoins5a1"/></categoryOptions>
                    </category>
                </categories>
                <categoryCombos>
                    <categoryCombo id="CcAge000001" code="CC_AGE" name="Âge">
                        <dataDimensionType>DISAGGREGATION</dataDimensionType>
                        <skipTotal>false</skipTotal>
                        <categories><category id="CatAge00001"/></categories>
                    </categoryCombo>
                </categoryCombos>
                <dataElements>
                    <dataElement lastUpdated="2018-08-28T12:22:38.814" id="DeConsult01" created="2018-08-28T12:22:38.814"
                                 name="Consultations externes" shortName="Consultations" code="CONS">
                        <formName>Consultations</formName>
                        <aggregationType>SUM</aggregationType>
                        <domainType>AGGREGATE</domainType>
                        <valueType>INTEGER_ZERO_OR_POSITIVE</valueType>
                        <zeroIsSignificant>false</zeroIsSignificant>
                        <categoryCombo id="CcAge000001"/>
                    </dataElement>
                </dataElements>
                <dataSets>
                    <dataSet id="DsMensuel1" code="RMA" name="Rapport mensuel" shortName="RMA">
                        <periodType>Monthly</periodType>
                        <timelyDays>15.0</timelyDays>
                        <expiryDays>0.0</expiryDays>
                        <openFuturePeriods>0</openFuturePeriods>
                        <categoryCombo id="bjDvmb4bfuf"/>
                        <dataSetElements>
                            <dataSetElement>
                                <dataSet id="DsMensuel1"/>
                                <dataElement id="DeConsult01"/>
                            </dataSetElement>
                        </dataSetElements>
                        <organisationUnits>
                            <organisationUnit id="CsiKollo001"/>
                        </organisationUnits>
                    </dataSet>
                </dataSets>
                <indicatorTypes>
                    <indicatorType id="ItPct00001x" name="Pourcentage"><factor>100</factor><number>false</number></indicatorType>
                </indicatorTypes>
                <indicators>
                    <indicator id="IndPart0001" code="IND_PART" name="Part des moins de 5 ans" shortName="Part &lt; 5 ans">
                        <annualized>false</annualized>
                        <indicatorType id="ItPct00001x"/>
                        <numerator>#{DeConsult01.CocMoins5a1}</numerator>
                        <numeratorDescription>Moins de 5 ans</numeratorDescription>
                        <denominator>#{DeConsult01}</denominator>
                        <denominatorDescription>Toutes</denominatorDescription>
                    </indicator>
                </indicators>
                <validationRules>
                    <validationRule id="VrCons00001" code="VR_CONS" name="Moins de 5 ans ≤ total">
                        <importance>MEDIUM</importance>
                        <operator>less_than_or_equal_to</operator>
                        <periodType>Monthly</periodType>
                        <leftSide>
                            <expression>#{DeConsult01.CocMoins5a1}</expression>
                            <description>Moins de 5 ans</description>
                            <missingValueStrategy>NEVER_SKIP</missingValueStrategy>
                        </leftSide>
                        <rightSide>
                            <expression>#{DeConsult01}</expression>
                            <description>Total</description>
                            <missingValueStrategy>NEVER_SKIP</missingValueStrategy>
                        </rightSide>
                        <organisationUnitLevels><organisationUnitLevel>2</organisationUnitLevel></organisationUnitLevels>
                    </validationRule>
                </validationRules>
                <programs>
                    <program id="MoUd5BTQ3lY" name="Programme"><categoryCombo id="bjDvmb4bfuf"/></program>
                </programs>
            </metadata>
            """;

    @Test
    void importsAnExportShapedLikeDhis2sWithEveryGeometryForm() throws Exception {
        ImportResult r = ws.importText("metadata.xml", DHIS2_EXPORT);
        assertThat(r.failure()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_METADATA_XML);
        // 3 org units, 1 level, 1 group, 1 option, 1 category, 1 combo, 2 option combos (the default one
        // unchanged), 1 data element, 1 data set, 1 indicator type, 1 indicator, 1 rule.
        assertThat(r.counts().createdCount()).isEqualTo(14);
        assertThat(r.counts().unchangedCount()).isEqualTo(1);
        assertThat(ws.rows("SELECT O.UID, O.CODE, O.NAME, O.SHORT_NAME, O.LEVEL, P.UID, O.PATH, O.OPENING_DATE,"
                + " O.CLOSED_DATE, ST_AsText(O.GEOMETRY) FROM ORG_UNIT O LEFT JOIN ORG_UNIT P ON P.ID = O.PARENT_ID"
                + " ORDER BY O.UID")).containsExactly(
                "CsiAncien01|null|CSI Ancien|null|2|PaysFictif1|/PaysFictif1/CsiAncien01|null|null|POINT (2.5 13.5)",
                "CsiKollo001|SC-KL-1|CSI Kollo|CSI Kollo|2|PaysFictif1|/PaysFictif1/CsiKollo001|1985-01-01|2024-06-30"
                        + "|POINT (2.33 13.31)",
                "PaysFictif1|SC|Sahel Central (fictif)|Sahel Central|1|null|/PaysFictif1|1960-08-03|null"
                        + "|POLYGON ((0 12, 4 12, 4 16, 0 16, 0 12))");
        assertThat(ws.rows("SELECT DE.UID, DE.CODE, DE.SHORT_NAME, DE.FORM_NAME, DE.VALUE_TYPE, DE.AGGREGATION_TYPE,"
                + " DE.ZERO_IS_SIGNIFICANT, CC.UID FROM DATA_ELEMENT DE JOIN CATEGORY_COMBO CC"
                + " ON CC.ID = DE.CATEGORY_COMBO_ID")).containsExactly(
                "DeConsult01|CONS|Consultations|Consultations|INTEGER_ZERO_OR_POSITIVE|SUM|FALSE|CcAge000001");
        assertThat(ws.rows("SELECT DS.UID, DS.PERIOD_TYPE, DS.TIMELY_DAYS, DS.OPEN_FUTURE_PERIODS, DE.UID FROM DATA_SET DS"
                + " JOIN DATA_SET_ELEMENT L ON L.DATA_SET_ID = DS.ID JOIN DATA_ELEMENT DE ON DE.ID = L.DATA_ELEMENT_ID"))
                .containsExactly("DsMensuel1|Monthly|15.0|0|DeConsult01");
        assertThat(ws.rows("SELECT X.UID, O.UID FROM CATEGORY_OPTION_COMBO X JOIN CATEGORY_OPTION_COMBO_OPTION L"
                + " ON L.CATEGORY_OPTION_COMBO_ID = X.ID JOIN CATEGORY_OPTION O ON O.ID = L.CATEGORY_OPTION_ID"
                + " ORDER BY 1")).containsExactly("CocMoins5a1|OptMoins5a1", "HllvX50cXC0|xYerKDKCefk");
        assertThat(ws.rows("SELECT G.UID, O.UID FROM ORG_UNIT_GROUP G JOIN ORG_UNIT_GROUP_MEMBER M ON M.GROUP_ID = G.ID"
                + " JOIN ORG_UNIT O ON O.ID = M.ORG_UNIT_ID ORDER BY 2"))
                .containsExactly("GrpCsi0001|CsiAncien01", "GrpCsi0001|CsiKollo001");
        assertThat(ws.rows("SELECT UID, FACTOR, IS_NUMBER FROM INDICATOR_TYPE")).containsExactly("ItPct00001x|100|FALSE");
        assertThat(ws.rows("SELECT NUMERATOR, INDICATOR_TYPE_UID FROM INDICATOR"))
                .containsExactly("#{DeConsult01.CocMoins5a1}|ItPct00001x");
        assertThat(ws.rows("SELECT OPERATOR, LEFT_EXPRESSION, RIGHT_DESCRIPTION, RIGHT_MISSING_VALUE_STRATEGY"
                + " FROM VALIDATION_RULE")).containsExactly("less_than_or_equal_to|#{DeConsult01.CocMoins5a1}|Total|NEVER_SKIP");

        ImportResult again = ws.importText("metadata.xml", DHIS2_EXPORT);
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.counts().unchangedCount()).isEqualTo(15);
    }

    @Test
    void invalidObjectsAreRecordProblemsAndAnUnreadableGeometryIsDropped() throws Exception {
        ImportResult r = ws.importText("m.xml", """
                <metadata xmlns="http://dhis2.org/schema/dxf/2.0">
                  <organisationUnits>
                    <organisationUnit name="Sans identifiant"/>
                    <organisationUnit id="PaysFictif1" name="Pays">
                      <geometry>{"type": "Polygon", "coordinates": </geometry>
                    </organisationUnit>
                  </organisationUnits>
                  <dataSets>
                    <dataSet id="DsSansType1" name="Sans type de période"/>
                  </dataSets>
                </metadata>
                """, ImportOptions.DEFAULTS.withSkipInvalid(true));
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(1);
        assertThat(r.counts().rejectedCount()).isEqualTo(2);
        assertThat(r.problems()).extracting(Problem::key).containsExactly("import.metadataMissingField",
                "import.invalidGeometry", "import.metadataInvalid");
        assertThat(r.problems()).extracting(Problem::line).containsExactly(3L, 4L, 9L);
        assertThat(ws.rows("SELECT UID, GEOMETRY FROM ORG_UNIT")).containsExactly("PaysFictif1|null");
    }

    @Test
    void aFileThatIsNotWellFormedFailsNamingFileAndLine() throws Exception {
        ImportResult r = ws.importText("cut.xml", """
                <metadata xmlns="http://dhis2.org/schema/dxf/2.0">
                  <organisationUnits>
                    <organisationUnit id="PaysFictif1" name="Pays">
                      <level>1</lvl>
                    </organisationUnit>
                  </organisationUnits>
                </metadata>
                """);
        Problem failure = r.failure().orElseThrow();
        assertThat(failure.key()).isEqualTo("import.malformedXml");
        assertThat(failure.format()).startsWith("cut.xml:4:");
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_METADATA_XML);
        assertThat(ws.rows("SELECT UID FROM ORG_UNIT")).isEmpty();
    }

    @Test
    void theOlderMetaDataRootIsRecognisedAndADoctypeRefused() throws Exception {
        ImportResult old = ws.importText("old.xml", """
                <metaData xmlns="http://dhis2.org/schema/dxf/2.0" created="2015-09-25T12:25:52.636+0000">
                  <organisationUnits><organisationUnit id="PaysFictif1" name="Pays"/></organisationUnits>
                </metaData>
                """);
        assertThat(old.format()).isEqualTo(ImportFormat.DHIS2_METADATA_XML);
        assertThat(old.counts().createdCount()).isEqualTo(1);
        ImportResult xxe = ws.importText("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE metadata [<!ENTITY x "y">]>
                <metadata><organisationUnits/></metadata>
                """);
        assertThat(xxe.failure().orElseThrow().key()).isEqualTo("import.malformedXml");
    }

    @Test
    void aZippedExportIsImportedThroughItsEntry() throws Exception {
        Path zip = ws.dir().resolve("metadata.xml.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("metadata.xml"));
            out.write(DHIS2_EXPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ImportResult r = ws.service().importFile(zip, Optional.empty(), ImportProgress.NONE);
        assertThat(r.failure()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_METADATA_XML);
        assertThat(r.counts().createdCount()).isEqualTo(14);
    }

    @Test
    void anArchiveImportsItsMetadataXmlBeforeItsAdxWhateverTheirOrder() throws Exception {
        Path zip = ws.dir().resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("data.adx.xml"));
            out.write("""
                    <adx xmlns="urn:ihe:qrph:adx:2015">
                      <group orgUnit="SC-KL-1" period="2024-01-01/P1M" dataSet="RMA">
                        <dataValue dataElement="CONS" AGE="AGE_LT5" value="42"/>
                      </group>
                    </adx>
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("metadata.xml"));
            out.write(DHIS2_EXPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        List<ImportResult> results = ws.service().importPath(zip, Optional.empty(), ImportProgress.NONE);
        assertThat(results).extracting(ImportResult::format).containsExactly(ImportFormat.DHIS2_METADATA_XML,
                ImportFormat.DHIS2_ADX);
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).isEmpty());
        assertThat(ws.rows("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO, DATA_VALUE FROM DATA_VALUE"))
                .containsExactly("DeConsult01|202401|CsiKollo001|CocMoins5a1|42");
    }

    /** How the converted demo writes org unit geometry. */
    enum GeometryForm {
        /** {@code <geometryAsJson>} with GeoJSON text. */
        GEOMETRY_AS_JSON,
        /** {@code <geometry>} holding GeoJSON text. */
        GEOJSON_TEXT,
        /** {@code <geometry><type/>} and the coordinates flattened into repeated {@code <coordinates>}. */
        FLAT_ELEMENTS,
        /** {@code <geometry><type/>} and each coordinate array a {@code <coordinates>} wrapper. */
        NESTED_ELEMENTS
    }

    @ParameterizedTest
    @EnumSource(GeometryForm.class)
    void theDemoMetadataAsXmlStoresExactlyWhatTheJsonStores(GeometryForm form) throws Exception {
        if (demo == null) {
            demo = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, shared.resolve("demo"));
        }
        Path xml = ws.dir().resolve("metadata.xml");
        jsonToXml(demo.metadataJson(), xml, form);
        try (Workspace fromJson = Workspace.create(ws.dir().resolve("json"));
             Workspace fromXml = Workspace.create(ws.dir().resolve("xml"))) {
            ImportResult j = new ImportService(fromJson).importFile(demo.metadataJson(), Optional.empty(),
                    ImportProgress.NONE);
            ImportResult x = new ImportService(fromXml).importFile(xml, Optional.empty(), ImportProgress.NONE);
            assertThat(j.failure()).isEmpty();
            assertThat(x.failure()).isEmpty();
            assertThat(x.format()).isEqualTo(ImportFormat.DHIS2_METADATA_XML);
            assertThat(x.problems()).isEqualTo(j.problems());
            assertThat(x.counts().createdCount()).isEqualTo(j.counts().createdCount()).isPositive();
            assertThat(x.counts().unchangedCount()).isEqualTo(j.counts().unchangedCount());
            for (String table : List.of("ORG_UNIT", "ORG_UNIT_LEVEL", "ORG_UNIT_GROUP", "ORG_UNIT_GROUP_SET",
                    "CATEGORY_OPTION", "CATEGORY", "CATEGORY_COMBO", "CATEGORY_OPTION_COMBO", "DATA_ELEMENT",
                    "DATA_SET", "INDICATOR_TYPE", "INDICATOR", "VALIDATION_RULE")) {
                String query = "SELECT * FROM " + table + " ORDER BY UID";
                List<String> expected = entityRows(fromJson, query);
                assertThat(expected).as(table).isNotEmpty();
                assertThat(entityRows(fromXml, query)).as(table).containsExactlyElementsOf(expected);
            }
            for (String query : List.of(
                    "SELECT O.UID, ST_AsText(O.GEOMETRY), P.UID FROM ORG_UNIT O LEFT JOIN ORG_UNIT P ON P.ID = O.PARENT_ID",
                    "SELECT C.UID, O.UID, L.SORT_ORDER FROM CATEGORY_CATEGORY_OPTION L JOIN CATEGORY C ON C.ID = L.CATEGORY_ID"
                            + " JOIN CATEGORY_OPTION O ON O.ID = L.CATEGORY_OPTION_ID",
                    "SELECT CC.UID, C.UID, L.SORT_ORDER FROM CATEGORY_COMBO_CATEGORY L JOIN CATEGORY_COMBO CC"
                            + " ON CC.ID = L.CATEGORY_COMBO_ID JOIN CATEGORY C ON C.ID = L.CATEGORY_ID",
                    "SELECT X.UID, O.UID, CC.UID FROM CATEGORY_OPTION_COMBO_OPTION L JOIN CATEGORY_OPTION_COMBO X"
                            + " ON X.ID = L.CATEGORY_OPTION_COMBO_ID JOIN CATEGORY_OPTION O ON O.ID = L.CATEGORY_OPTION_ID"
                            + " LEFT JOIN CATEGORY_COMBO CC ON CC.ID = X.CATEGORY_COMBO_ID",
                    "SELECT DE.UID, CC.UID FROM DATA_ELEMENT DE LEFT JOIN CATEGORY_COMBO CC ON CC.ID = DE.CATEGORY_COMBO_ID",
                    "SELECT DS.UID, DE.UID FROM DATA_SET_ELEMENT L JOIN DATA_SET DS ON DS.ID = L.DATA_SET_ID"
                            + " JOIN DATA_ELEMENT DE ON DE.ID = L.DATA_ELEMENT_ID",
                    "SELECT DS.UID, O.UID FROM DATA_SET_ORG_UNIT L JOIN DATA_SET DS ON DS.ID = L.DATA_SET_ID"
                            + " JOIN ORG_UNIT O ON O.ID = L.ORG_UNIT_ID",
                    "SELECT G.UID, O.UID FROM ORG_UNIT_GROUP_MEMBER L JOIN ORG_UNIT_GROUP G ON G.ID = L.GROUP_ID"
                            + " JOIN ORG_UNIT O ON O.ID = L.ORG_UNIT_ID",
                    "SELECT S.UID, G.UID FROM ORG_UNIT_GROUP_SET_MEMBER L JOIN ORG_UNIT_GROUP_SET S ON S.ID = L.GROUP_SET_ID"
                            + " JOIN ORG_UNIT_GROUP G ON G.ID = L.GROUP_ID")) {
                String ordered = query + " ORDER BY 1, 2";
                List<String> expected = TestWorkspace.rows(fromJson, ordered);
                assertThat(expected).as(query).isNotEmpty();
                assertThat(TestWorkspace.rows(fromXml, ordered)).as(query).containsExactlyElementsOf(expected);
            }
            assertThat(TestWorkspace.rows(fromXml, "SELECT COUNT(*) FROM ORG_UNIT WHERE GEOMETRY IS NOT NULL"))
                    .isEqualTo(TestWorkspace.rows(fromJson, "SELECT COUNT(*) FROM ORG_UNIT WHERE GEOMETRY IS NOT NULL"))
                    .isNotEqualTo(List.of("0"));
        }
    }

    /** Every column but the surrogate keys (ID, *_ID) and the batch, which differ between workspaces. */
    private static List<String> entityRows(Workspace ws, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    String name = md.getColumnName(c);
                    if (!name.equals("ID") && !name.endsWith("_ID")) {
                        b.append(name).append('=').append(rs.getString(c)).append('|');
                    }
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ JSON → DHIS2's XML layout

    private static final Set<String> ATTRIBUTES = Set.of("id", "code", "name", "shortName", "created",
            "lastUpdated");

    /**
     * DHIS2's XML layout of a metadata JSON export: identifiable properties as attributes, other scalars
     * as elements, references and nested objects as elements, arrays wrapped (wrapper named as the field,
     * items by its singular).
     */
    static void jsonToXml(Path json, Path xml, GeometryForm form) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        try (OutputStream out = Files.newOutputStream(xml)) {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("metadata");
            w.writeDefaultNamespace("http://dhis2.org/schema/dxf/2.0");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                w.writeCharacters("\n");
                if (e.getValue().isArray()) {
                    w.writeStartElement(e.getKey());
                    for (JsonNode item : e.getValue()) {
                        w.writeCharacters("\n  ");
                        element(w, singular(e.getKey()), item, form);
                    }
                    w.writeCharacters("\n");
                    w.writeEndElement();
                } else {
                    element(w, e.getKey(), e.getValue(), form);
                }
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }

    private static void element(XMLStreamWriter w, String name, JsonNode node, GeometryForm form) throws Exception {
        w.writeStartElement(name);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (ATTRIBUTES.contains(f.getKey()) && f.getValue().isValueNode()) {
                    w.writeAttribute(f.getKey(), f.getValue().asText());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String field = f.getKey();
                JsonNode value = f.getValue();
                if (ATTRIBUTES.contains(field) && value.isValueNode()) {
                    continue;
                }
                if (field.equals("geometry") && name.equals("organisationUnit")) {
                    geometry(w, value, form);
                } else if (value.isArray()) {
                    w.writeStartElement(field);
                    for (JsonNode item : value) {
                        element(w, singular(field), item, form);
                    }
                    w.writeEndElement();
                } else {
                    element(w, field, value, form);
                }
            }
        } else if (!node.isNull()) {
            w.writeCharacters(node.asText());
        }
        w.writeEndElement();
    }

    private static void geometry(XMLStreamWriter w, JsonNode geoJson, GeometryForm form) throws Exception {
        switch (form) {
            case GEOMETRY_AS_JSON, GEOJSON_TEXT -> {
                w.writeStartElement(form == GeometryForm.GEOJSON_TEXT ? "geometry" : "geometryAsJson");
                w.writeCharacters(geoJson.toString());
                w.writeEndElement();
            }
            case FLAT_ELEMENTS, NESTED_ELEMENTS -> {
                w.writeStartElement("geometry");
                w.writeStartElement("type");
                w.writeCharacters(geoJson.get("type").asText());
                w.writeEndElement();
                if (form == GeometryForm.FLAT_ELEMENTS) {
                    flat(w, geoJson.get("coordinates"));
                } else {
                    nested(w, geoJson.get("coordinates"));
                }
                w.writeEndElement();
            }
        }
    }

    private static void flat(XMLStreamWriter w, JsonNode coordinates) throws Exception {
        if (coordinates.isArray()) {
            for (JsonNode c : coordinates) {
                flat(w, c);
            }
        } else {
            w.writeStartElement("coordinates");
            w.writeCharacters(coordinates.asText());
            w.writeEndElement();
        }
    }

    private static void nested(XMLStreamWriter w, JsonNode coordinates) throws Exception {
        w.writeStartElement("coordinates");
        if (coordinates.isArray()) {
            for (JsonNode c : coordinates) {
                nested(w, c);
            }
        } else {
            w.writeCharacters(coordinates.asText());
        }
        w.writeEndElement();
    }

    /** {@code categories} → {@code category}, {@code dataSetElements} → {@code dataSetElement}. */
    static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
