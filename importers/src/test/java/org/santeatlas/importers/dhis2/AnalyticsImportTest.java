package org.santeatlas.importers.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.santeatlas.core.store.Problem;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.TestWorkspace;
import org.santeatlas.importers.Workbooks;

/**
 * DHIS2 analytics exports (api/analytics JSON, Data Visualizer plain data source CSV and XLSX) into a real
 * workspace. Fixtures follow the documented shape of DHIS2's analytics grid (Web API, "Analytics").
 */
class AnalyticsImportTest {

    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    static final String METADATA = """
            {"system": {"version": "2.40"},
             "organisationUnits": [
               {"id": "PaysFictif1", "code": "SC", "name": "Sahel Central (fictif)", "level": 1, "path": "/PaysFictif1"},
               {"id": "CsiKollo001", "code": "SC-KL-1", "name": "CSI Kollo", "level": 2, "parent": {"id": "PaysFictif1"},
                "path": "/PaysFictif1/CsiKollo001"},
               {"id": "CsiTinga001", "code": "SC-TG-1", "name": "CSI Tinga-Béri", "level": 2,
                "parent": {"id": "PaysFictif1"}, "path": "/PaysFictif1/CsiTinga001"},
               {"id": "CsiDoubl001", "name": "CSI Doublon", "level": 2, "parent": {"id": "PaysFictif1"},
                "path": "/PaysFictif1/CsiDoubl001"},
               {"id": "CsiDoubl002", "name": "CSI Doublon", "level": 2, "parent": {"id": "PaysFictif1"},
                "path": "/PaysFictif1/CsiDoubl002"}],
             "dataElements": [
               {"id": "DeConsult01", "code": "CONS", "name": "Consultations externes", "valueType": "INTEGER_ZERO_OR_POSITIVE",
                "aggregationType": "SUM", "domainType": "AGGREGATE", "categoryCombo": {"id": "bjDvmb4bfuf"}},
               {"id": "DePalu00001", "name": "Paludisme confirmé", "valueType": "INTEGER_ZERO_OR_POSITIVE",
                "aggregationType": "SUM", "domainType": "AGGREGATE", "categoryCombo": {"id": "bjDvmb4bfuf"}}],
             "indicatorTypes": [{"id": "InTypePct01", "name": "Pourcentage", "factor": 100, "number": false}],
             "indicators": [{"id": "InCpn1Taux1", "name": "Taux de CPN1", "indicatorType": {"id": "InTypePct01"},
                "numerator": "#{DeConsult01}", "denominator": "#{DePalu00001}"}]}
            """;

    /** As api/analytics.json?dimension=dx:…&dimension=pe:…&dimension=ou:… answers (DHIS2 2.40). */
    static final String ANALYTICS = """
            {"headers": [
              {"name": "dx", "column": "Data", "valueType": "TEXT", "type": "java.lang.String", "hidden": false, "meta": true},
              {"name": "pe", "column": "Period", "valueType": "TEXT", "type": "java.lang.String", "hidden": false, "meta": true},
              {"name": "ou", "column": "Organisation unit", "valueType": "TEXT", "type": "java.lang.String", "hidden": false, "meta": true},
              {"name": "value", "column": "Value", "valueType": "NUMBER", "type": "java.lang.Double", "hidden": false, "meta": false}],
             "metaData": {
               "items": {
                 "DeConsult01": {"uid": "DeConsult01", "code": "CONS", "name": "Consultations externes",
                   "dimensionItemType": "DATA_ELEMENT", "valueType": "NUMBER", "totalAggregationType": "SUM"},
                 "DeNouveau01": {"uid": "DeNouveau01", "name": "Accouchements assistés",
                   "dimensionItemType": "DATA_ELEMENT", "valueType": "NUMBER", "totalAggregationType": "SUM"},
                 "InPenta3Cv1": {"uid": "InPenta3Cv1", "name": "Couverture Penta3", "dimensionItemType": "INDICATOR",
                   "valueType": "NUMBER", "totalAggregationType": "AVERAGE",
                   "indicatorType": {"name": "Per cent", "displayName": "Per cent", "factor": 100, "number": false}},
                 "BfMAe6Itzgt.REPORTING_RATE": {"name": "Rapport mensuel - Reporting rate",
                   "dimensionItemType": "REPORTING_RATE", "totalAggregationType": "AVERAGE"},
                 "CsiKollo001": {"uid": "CsiKollo001", "code": "SC-KL-1", "name": "CSI Kollo", "dimensionItemType": "ORGANISATION_UNIT"},
                 "CsiNeuf0001": {"uid": "CsiNeuf0001", "name": "CSI Neuf", "dimensionItemType": "ORGANISATION_UNIT"},
                 "202401": {"uid": "202401", "code": "202401", "name": "January 2024", "dimensionItemType": "PERIOD"},
                 "202402": {"uid": "202402", "code": "202402", "name": "February 2024", "dimensionItemType": "PERIOD"},
                 "dx": {"uid": "dx", "name": "Data", "dimensionType": "DATA_X"},
                 "pe": {"uid": "pe", "name": "Period", "dimensionType": "PERIOD"},
                 "ou": {"uid": "ou", "name": "Organisation unit", "dimensionType": "ORGANISATION_UNIT"}},
               "dimensions": {"dx": ["DeConsult01", "DeNouveau01", "InPenta3Cv1", "BfMAe6Itzgt.REPORTING_RATE"],
                 "pe": ["202401", "202402"], "ou": ["CsiKollo001", "CsiNeuf0001"], "co": []}},
             "rows": [
               ["DeConsult01", "202401", "CsiKollo001", "120"],
               ["DeConsult01", "202402", "CsiKollo001", "95"],
               ["DeNouveau01", "202401", "CsiNeuf0001", "12"],
               ["InPenta3Cv1", "202401", "CsiKollo001", "81.1"],
               ["BfMAe6Itzgt.REPORTING_RATE", "202401", "CsiKollo001", "100.0"]],
             "height": 5, "headerWidth": 4, "width": 4}
            """;

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    @BeforeEach
    void setUp() throws Exception {
        ws.importMetadata(METADATA);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            120          | 120
            -3.5         | -3.5
            ' 7 '        | 7
            1 234,5      | 1234.5
            '1 234' | 1234
            81,5         | 81.5
            1e3          | 1e3
            12.          | 12.
            .5           | .5
            -            | -
            n/a          | n/a
            """)
    void valuesReadAsDhis2WouldStoreThem(String cell, String stored) {
        assertThat(AnalyticsResolver.number(cell)).isEqualTo(stored);
    }

    @Test
    void theJsonResponseStoresValuesAndCreatesTheMetadataItDescribes() throws Exception {
        ImportResult r = ws.importText("analytics.json", ANALYTICS, ImportOptions.DEFAULTS);

        assertThat(r.failure()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_ANALYTICS_JSON);
        assertThat(r.counts().createdCount()).isEqualTo(5);
        String rate = AnalyticsResolver.derivedUid("BfMAe6Itzgt.REPORTING_RATE");
        assertThat(values()).containsExactly(
                rate + " 202401 CsiKollo001 HllvX50cXC0 100.0",
                "DeConsult01 202401 CsiKollo001 HllvX50cXC0 120",
                "DeConsult01 202402 CsiKollo001 HllvX50cXC0 95",
                "DeNouveau01 202401 CsiNeuf0001 HllvX50cXC0 12",
                "InPenta3Cv1 202401 CsiKollo001 HllvX50cXC0 81.1");
        assertThat(ws.rows("SELECT UID, CODE, NAME, PLACEHOLDER, SOURCE, AGGREGATION_TYPE FROM DATA_ELEMENT"
                + " WHERE UID NOT IN ('DeConsult01', 'DePalu00001') ORDER BY NAME")).containsExactly(
                "DeNouveau01|null|Accouchements assistés|TRUE|null|SUM",
                "InPenta3Cv1|null|Couverture Penta3|FALSE|DHIS2 analytics|AVERAGE",
                rate + "|BfMAe6Itzgt.REPORTING_RATE|Rapport mensuel - Reporting rate|FALSE|DHIS2 analytics|AVERAGE");
        assertThat(ws.rows("SELECT UID, NAME, PLACEHOLDER FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly(
                "CsiNeuf0001|CSI Neuf|TRUE");

        ImportResult again = ws.importText("analytics.json", ANALYTICS, ImportOptions.DEFAULTS);
        assertThat(again.counts().unchangedCount()).isEqualTo(5);
        assertThat(again.batchId()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rows first", "rows between headers and metaData"})
    void rowsBeforeTheMetaDataResolveAsIfTheyCameAfter(String order) throws Exception {
        int rowsAt = ANALYTICS.indexOf("\"rows\": [");
        int rowsEnd = ANALYTICS.indexOf("\"height\"");
        String rows = ANALYTICS.substring(rowsAt, rowsEnd);
        String without = ANALYTICS.substring(0, rowsAt) + ANALYTICS.substring(rowsEnd);
        String moved = order.equals("rows first")
                ? "{" + rows + without.substring(1)
                : without.replace("\"metaData\": {", rows + "\"metaData\": {");
        assertThat(moved).isNotEqualTo(ANALYTICS).contains("\"rows\": [").hasSameSizeAs(ANALYTICS);

        ImportResult r = ws.importText("analytics.json", moved, ImportOptions.DEFAULTS);

        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(5);
        String rate = AnalyticsResolver.derivedUid("BfMAe6Itzgt.REPORTING_RATE");
        assertThat(values()).containsExactly(
                rate + " 202401 CsiKollo001 HllvX50cXC0 100.0",
                "DeConsult01 202401 CsiKollo001 HllvX50cXC0 120",
                "DeConsult01 202402 CsiKollo001 HllvX50cXC0 95",
                "DeNouveau01 202401 CsiNeuf0001 HllvX50cXC0 12",
                "InPenta3Cv1 202401 CsiKollo001 HllvX50cXC0 81.1");
        // Names and types that only metaData gives, although it came after the rows.
        assertThat(ws.rows("SELECT UID, NAME, PLACEHOLDER, SOURCE FROM DATA_ELEMENT WHERE UID = 'InPenta3Cv1'"))
                .containsExactly("InPenta3Cv1|Couverture Penta3|FALSE|DHIS2 analytics");
        assertThat(ws.rows("SELECT UID, NAME, PLACEHOLDER FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly(
                "CsiNeuf0001|CSI Neuf|TRUE");
    }

    @Test
    void operandsAndACategoryOptionComboColumnGiveTheDisaggregation() throws Exception {
        ImportResult r = ws.importText("operands.json", """
                {"headers": [{"name": "dx", "column": "Data", "meta": true}, {"name": "co", "column": "Category option combo", "meta": true},
                   {"name": "pe", "column": "Period", "meta": true}, {"name": "ou", "column": "Organisation unit", "meta": true},
                   {"name": "value", "column": "Value", "meta": false}],
                 "metaData": {"items": {
                     "DePalu00001": {"name": "Paludisme confirmé", "dimensionItemType": "DATA_ELEMENT"},
                     "CocMoins5an": {"name": "Moins de 5 ans"}, "CocPlus5ans": {"name": "5 ans et plus"}},
                   "dimensions": {"dx": ["DePalu00001"], "co": ["CocMoins5an", "CocPlus5ans"]}},
                 "rows": [["DePalu00001", "CocMoins5an", "202401", "CsiKollo001", "40"],
                          ["DePalu00001", "CocPlus5ans", "202401", "CsiKollo001", "25"]]}
                """, ImportOptions.DEFAULTS);
        assertThat(r.failure()).isEmpty();
        ImportResult operands = ws.importText("operands2.json", """
                {"headers": [{"name": "dx", "meta": true}, {"name": "pe", "meta": true}, {"name": "ou", "meta": true},
                   {"name": "value", "meta": false}],
                 "metaData": {"items": {"DePalu00001.CocMoins5an": {"name": "Paludisme confirmé Moins de 5 ans",
                     "dimensionItemType": "DATA_ELEMENT_OPERAND"}}},
                 "rows": [["DePalu00001.CocMoins5an", "202402", "CsiKollo001", "33"]]}
                """, ImportOptions.DEFAULTS);
        assertThat(operands.failure()).isEmpty();
        assertThat(values()).containsExactly(
                "DePalu00001 202401 CsiKollo001 CocMoins5an 40",
                "DePalu00001 202401 CsiKollo001 CocPlus5ans 25",
                "DePalu00001 202402 CsiKollo001 CocMoins5an 33");
        assertThat(ws.rows("SELECT UID, NAME, PLACEHOLDER FROM CATEGORY_OPTION_COMBO WHERE PLACEHOLDER ORDER BY UID"))
                .containsExactly("CocMoins5an|Moins de 5 ans|TRUE", "CocPlus5ans|5 ans et plus|TRUE");
    }

    @Test
    void aFilterDimensionAppliesItsSingleItemToEveryRow() throws Exception {
        // dx as a filter: no dx column, its one item in metaData.dimensions (DHIS2 2.38+ responses do this).
        ImportResult r = ws.importText("filter.json", """
                {"headers": [{"name": "ou", "column": "Organisation unit", "meta": true},
                   {"name": "pe", "column": "Period", "meta": true}, {"name": "value", "column": "Value", "meta": false}],
                 "metaData": {"items": {"InCpn1Taux1": {"name": "Taux de CPN1", "dimensionItemType": "INDICATOR"}},
                   "dimensions": {"dx": ["InCpn1Taux1"], "pe": ["202401", "202402"], "ou": ["CsiKollo001"], "co": []}},
                 "rows": [["CsiKollo001", "202401", "44.6"], ["CsiKollo001", "202402", "40.2"]],
                 "height": 2, "headerWidth": 3, "width": 3}
                """, ImportOptions.DEFAULTS);
        assertThat(r.failure()).isEmpty();
        assertThat(values()).containsExactly("InCpn1Taux1 202401 CsiKollo001 HllvX50cXC0 44.6",
                "InCpn1Taux1 202402 CsiKollo001 HllvX50cXC0 40.2");
        assertThat(ws.rows("SELECT NAME, SOURCE FROM DATA_ELEMENT WHERE UID = 'InCpn1Taux1'"))
                .containsExactly("Taux de CPN1|DHIS2 analytics");

        ImportResult several = ws.importText("filter2.json", """
                {"headers": [{"name": "pe", "meta": true}, {"name": "value", "meta": false}],
                 "metaData": {"dimensions": {"dx": ["DeConsult01"], "ou": ["CsiKollo001", "CsiTinga001"]}},
                 "rows": [["202401", "44"]]}
                """, ImportOptions.DEFAULTS);
        assertThat(several.failure()).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo("import.analyticsMissingDimension");
            assertThat(p.args()).containsExactly("ou");
        });
    }

    @Test
    void aNamesOnlyCsvWithFrenchPeriodsResolvesNamesAndReportsEachUnknownOnce() throws Exception {
        ImportResult r = ws.importText("donnees.csv", """
                Données,Période,Unité d'organisation,Valeur
                Consultations externes,Janvier 2024,CSI Kollo,120
                consultations EXTERNES,Février 2024,csi tinga beri,"1 234"
                Taux de CPN1,T1 2024,CSI Kollo,"81,5"
                Consultations externes,Mars 2024,CSI Inconnu,7
                Consultations externes,Avril 2024,CSI Inconnu,8
                Vaccinations,Mars 2024,CSI Kollo,3
                Consultations externes,Trimestre de la pluie,CSI Kollo,3
                Consultations externes,Mars 2024,CSI Doublon,3
                Consultations externes,Mars 2024,CSI Kollo,
                """, SKIP);
        assertThat(r.format()).isEqualTo(ImportFormat.DHIS2_ANALYTICS_CSV);
        assertThat(r.failure()).isEmpty();
        assertThat(r.counts().createdCount()).isEqualTo(3);
        assertThat(r.counts().rejectedCount()).isEqualTo(5);
        assertThat(values()).containsExactly(
                "DeConsult01 202401 CsiKollo001 HllvX50cXC0 120",
                "DeConsult01 202402 CsiTinga001 HllvX50cXC0 1234",
                "InCpn1Taux1 2024Q1 CsiKollo001 HllvX50cXC0 81.5");
        assertThat(r.problems()).extracting(Problem::format).containsExactly(
                "donnees.csv:5: org unit not found in the workspace: 'CSI Inconnu' (2 row(s) rejected)",
                "donnees.csv:7: data element or indicator not found in the workspace: 'Vaccinations' (1 row(s) rejected)",
                "donnees.csv:8: unreadable period: 'Trimestre de la pluie' (1 row(s) rejected)",
                "donnees.csv:9: several objects have this name: 'CSI Doublon' (1 row(s) rejected)");
        assertThat(r.problems()).extracting(Problem::args).contains(List.of("CSI Inconnu", "2"));
        assertThat(ws.rows("SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly("0");
    }

    @Test
    void withoutSkipInvalidAnUnresolvedNameRefusesTheFile() throws Exception {
        ImportResult r = ws.importText("donnees.csv", """
                Data,Period,Organisation unit,Value
                Consultations externes,January 2024,CSI Kollo,120
                Consultations externes,January 2024,Nowhere,1
                """, ImportOptions.DEFAULTS);
        assertThat(r.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.invalidRecords"));
        assertThat(ws.workspace().summary().dataValues()).isZero();
    }

    @Test
    void aCsvWithIdAndNameColumnsCreatesTheMetadataItNames() throws Exception {
        ImportResult r = ws.importText("ids.csv", """
                Data ID,Data,Period ID,Period,Organisation unit ID,Organisation unit,Value
                DeConsult01,Consultations externes,202401,January 2024,CsiKollo001,CSI Kollo,120
                DeNouveau01,Accouchements assistés,202401,January 2024,CsiNeuf0001,CSI Neuf,12
                """, ImportOptions.DEFAULTS);
        assertThat(r.failure()).isEmpty();
        assertThat(values()).containsExactly("DeConsult01 202401 CsiKollo001 HllvX50cXC0 120",
                "DeNouveau01 202401 CsiNeuf0001 HllvX50cXC0 12");
        assertThat(ws.rows("SELECT UID, NAME FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly("CsiNeuf0001|CSI Neuf");
        assertThat(ws.rows("SELECT UID, NAME FROM DATA_ELEMENT WHERE PLACEHOLDER"))
                .containsExactly("DeNouveau01|Accouchements assistés");
    }

    @Test
    void theDataVisualizerExcelDownloadImportsLikeItsCsv() throws Exception {
        Path xlsx = Workbooks.write(ws.dir().resolve("Visualisation.xlsx"),
                new Object[] {"Consultations par CSI"},
                null,
                new Object[] {"dx", "pe", "ou", "value"},
                new Object[] {"DeConsult01", "202401", "CsiKollo001", 120},
                new Object[] {"DeConsult01", 202402, "SC-TG-1", 95.5},
                new Object[] {"InCpn1Taux1", "2024Q1", "CsiKollo001", 0.5});
        assertThat(FormatDetector.detect(xlsx)).contains(ImportFormat.DHIS2_ANALYTICS_XLSX);
        ImportResult r = ws.service().importFile(xlsx, Optional.empty(), ImportProgress.NONE);
        assertThat(r.failure()).isEmpty();
        assertThat(values()).containsExactly("DeConsult01 202401 CsiKollo001 HllvX50cXC0 120",
                "DeConsult01 202402 CsiTinga001 HllvX50cXC0 95.5",
                "InCpn1Taux1 2024Q1 CsiKollo001 HllvX50cXC0 0.5");
    }

    @Test
    void malformedExportsFailClearlyAndChangeNothing() throws Exception {
        ImportResult truncated = ws.importText("cut.json", ANALYTICS.substring(0, ANALYTICS.indexOf("\"rows\"") + 40),
                ImportOptions.DEFAULTS);
        assertThat(truncated.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.malformedJson"));

        ImportResult noHeaders = ws.service().importFile(ws.write("x.json",
                "{\"rows\": [[\"DeConsult01\", \"202401\", \"CsiKollo001\", \"1\"]]}"),
                Optional.empty(), ImportProgress.NONE);
        assertThat(noHeaders.format()).isEqualTo(ImportFormat.DHIS2_ANALYTICS_JSON);
        assertThat(noHeaders.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.analyticsNoHeaders"));

        ImportResult byCategory = ws.importText("sexe.json", """
                {"headers": [{"name": "dx", "meta": true}, {"name": "pe", "meta": true}, {"name": "ou", "meta": true},
                   {"name": "cX5k9anHEHd", "column": "Sexe", "meta": true}, {"name": "value", "meta": false}],
                 "rows": [["DeConsult01", "202401", "CsiKollo001", "apsOixVZlf1", "10"]]}
                """, ImportOptions.DEFAULTS);
        assertThat(byCategory.failure()).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo("import.analyticsExtraDimension");
            assertThat(p.args()).containsExactly("cX5k9anHEHd");
        });

        ImportResult notATable = ws.service().importFile(ws.write("t.csv", "Data,Period,Value\nA,2024,1\n"),
                Optional.of(ImportFormat.DHIS2_ANALYTICS_CSV), ImportProgress.NONE);
        assertThat(notATable.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.analyticsHeader"));

        assertThat(ws.workspace().summary().dataValues()).isZero();
        assertThat(ws.rows("SELECT COUNT(*) FROM ORG_UNIT WHERE PLACEHOLDER")).containsExactly("0");
    }

    @Test
    void olderResponsesWithMetaDataNamesStillImport() throws Exception {
        // DHIS2 before 2.25: metaData.names and metaData.pe/ou lists, as the 2.2x documentation shows.
        ImportResult r = ws.importText("old.json", """
                {"headers": [{"name": "dx", "column": "Data", "meta": true, "type": "java.lang.String"},
                   {"name": "pe", "column": "Period", "meta": true, "type": "java.lang.String"},
                   {"name": "value", "column": "Value", "meta": false, "type": "java.lang.Double"}],
                 "height": 2,
                 "metaData": {"pe": ["2016Q1", "2016Q2"], "ou": ["CsiKollo001"],
                   "names": {"2016Q1": "Jan to Mar 2016", "2016Q2": "Apr to Jun 2016", "CsiKollo001": "CSI Kollo",
                     "DeConsult01": "Consultations externes"}},
                 "rows": [["DeConsult01", "2016Q2", "81.1"], ["DeConsult01", "2016Q1", "74.7"]],
                 "width": 3}
                """, ImportOptions.DEFAULTS);
        assertThat(r.failure()).isEmpty();
        assertThat(values()).containsExactly("DeConsult01 2016Q1 CsiKollo001 HllvX50cXC0 74.7",
                "DeConsult01 2016Q2 CsiKollo001 HllvX50cXC0 81.1");
    }

    private List<String> values() throws Exception {
        return ws.rows("SELECT DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO, DATA_VALUE FROM DATA_VALUE"
                + " WHERE NOT DELETED ORDER BY DATA_ELEMENT, PERIOD, ORG_UNIT, CATEGORY_OPTION_COMBO")
                .stream().map(s -> s.replace('|', ' ')).toList();
    }
}
