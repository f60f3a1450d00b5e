package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format writers on a small hand-written set: what each carries and leaves out. */
class DataValueFormatsTest {

    static final String METADATA = """
            {"organisationUnits": [{"id": "CsiKollo001", "code": "SC-KL-1", "name": "CSI Kollo, centre"}],
             "categoryOptionCombos": [{"id": "HllvX50cXC0", "code": "default", "name": "default"},
               {"id": "CocLt5ans01", "name": "< 5 ans"}],
             "dataElements": [{"id": "DeConsult01", "name": "Consultations", "valueType": "INTEGER_ZERO_OR_POSITIVE",
               "aggregationType": "SUM"}, {"id": "DeRemark001", "name": "Remarque", "valueType": "LONG_TEXT"}]}
            """;

    static final String VALUES = """
            {"dataSet": "DsMensuel1", "dataValues": [
              {"dataElement": "DeConsult01", "period": "202401", "orgUnit": "CsiKollo001",
               "categoryOptionCombo": "CocLt5ans01", "attributeOptionCombo": "HllvX50cXC0", "value": "12",
               "comment": "ligne 1\\nligne \\"2\\" & <3>", "followup": false},
              {"dataElement": "DeConsult01", "period": "202402", "orgUnit": "CsiKollo001",
               "categoryOptionCombo": "HllvX50cXC0", "value": "7", "storedBy": null},
              {"dataElement": "DeConsult01", "period": "202403", "orgUnit": "CsiKollo001", "value": "3", "deleted": true},
              {"dataElement": "DeRemark001", "period": "202401", "orgUnit": "CsiKollo001", "value": "rupture"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void xmlCarriesEveryFieldEscapedAndTheSetLevelFieldsOnTheRoot() throws Exception {
        Path xml = dir.resolve("dv.xml");
        DataValueFormats.writeXml(write("dv.json", VALUES), xml);
        List<String> elements = new ArrayList<>();
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(Files.newInputStream(xml));
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                StringBuilder b = new StringBuilder(r.getLocalName());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    b.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
                }
                elements.add(b.toString());
            }
        }
        assertThat(elements).hasSize(5);
        assertThat(elements.get(0)).isEqualTo("dataValueSet dataSet=DsMensuel1");
        assertThat(elements.get(1)).endsWith("comment=ligne 1\nligne \"2\" & <3> followup=false");
        assertThat(elements.get(2)).doesNotContain("storedBy");
        assertThat(elements.get(3)).endsWith("deleted=true");
    }

    @Test
    void analyticsHasOneRowPerNumberThatIsNotDeletedNamedByOperand() throws Exception {
        Path metadata = write("metadata.json", METADATA);
        Path values = write("dv.json", VALUES);
        Path json = dir.resolve("analytics.json");
        DataValueFormats.writeAnalyticsJson(metadata, values, json);
        JsonNode a = new ObjectMapper().readTree(json.toFile());
        assertThat(a.get("headers").findValuesAsText("name")).containsExactly("dx", "pe", "ou", "value");
        assertThat(a.get("rows").toString()).isEqualTo("[[\"DeConsult01.CocLt5ans01\",\"202401\",\"CsiKollo001\",\"12\"],"
                + "[\"DeConsult01.HllvX50cXC0\",\"202402\",\"CsiKollo001\",\"7\"]]");
        assertThat(a.get("height").asInt()).isEqualTo(2);
        JsonNode items = a.get("metaData").get("items");
        assertThat(items.get("DeConsult01.CocLt5ans01").get("name").asText()).isEqualTo("Consultations < 5 ans");
        assertThat(items.get("DeConsult01.HllvX50cXC0").get("name").asText()).isEqualTo("Consultations");
        assertThat(items.get("DeConsult01.CocLt5ans01").get("dimensionItemType").asText())
                .isEqualTo("DATA_ELEMENT_OPERAND");
        assertThat(items.get("202402").get("name").asText()).isEqualTo("February 2024");
        assertThat(items.get("CsiKollo001").get("name").asText()).isEqualTo("CSI Kollo, centre");
        assertThat(a.get("metaData").get("dimensions").get("pe").toString()).isEqualTo("[\"202401\",\"202402\"]");

        Path csv = dir.resolve("analytics.csv");
        DataValueFormats.writeAnalyticsCsv(metadata, values, csv);
        assertThat(Files.readAllLines(csv)).containsExactly(
                "Data ID,Data,Period ID,Period,Organisation unit ID,Organisation unit,Value",
                "DeConsult01.CocLt5ans01,Consultations < 5 ans,202401,January 2024,CsiKollo001,\"CSI Kollo, centre\",12",
                "DeConsult01.HllvX50cXC0,Consultations,202402,February 2024,CsiKollo001,\"CSI Kollo, centre\",7");

        Path xlsx = dir.resolve("analytics.xlsx");
        DataValueFormats.writeAnalyticsXlsx(metadata, values, xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("DeConsult01.CocLt5ans01");
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(12.0);
        }
    }

    @Test
    void gzipAndZipHoldTheFileAsItIs() throws Exception {
        Path file = write("dv.json", VALUES);
        Path gz = DataValueFormats.gzip(file, dir.resolve("dv.json.gz"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(VALUES);
        }
        Path zip = DataValueFormats.zip(file, dir.resolve("dv.zip"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("dv.json");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(VALUES);
            assertThat(in.getNextEntry()).isNull();
        }
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
