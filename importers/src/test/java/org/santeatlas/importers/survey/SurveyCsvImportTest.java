package org.santeatlas.importers.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.santeatlas.importers.OrgUnitFixture.DOSSO;
import static org.santeatlas.importers.OrgUnitFixture.KONNI;
import static org.santeatlas.importers.OrgUnitFixture.TAHOUA;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.OrgUnitFixture;

/** Survey estimates (DHS, MICS) for the DQR's external consistency, into SURVEY_VALUE. */
class SurveyCsvImportTest {

    @TempDir
    Path dir;

    /** As a French spreadsheet saves it: ';', decimal commas, a '%' typed into a cell. */
    static final String FRENCH = """
            indicateur;unité d'organisation;année;valeur;borne inférieure;borne supérieure;source
            Couverture DTC3 (%);Région de Tahoua;2021;78,4;72,1;84,0;EDS 2021
            Couverture DTC3 (%);REGION DE DOSSO;2021;81,2 %;;;EDS 2021
            Couverture DTC3 (%);DS_KONNI;2021;0,75;0,70;0,80;MICS 2021
            Accouchements assistés par du personnel qualifié (%);lc3eMKXaEfw;2021;45;;;MICS 2021
            """;

    @Test
    void frenchTableResolvesOrgUnitsByNameCodeAndUidAndKeepsValuesAsWritten() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("enquetes.csv", FRENCH, StandardCharsets.UTF_8);

            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.SURVEY_CSV);
            assertThat(r.problems()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(4);
            assertThat(rows(ws.connection())).containsExactly(
                    List.of("Accouchements assistés par du personnel qualifié (%)", KONNI, KONNI, 2021, 45.0, "-", "-",
                            "MICS 2021"),
                    List.of("Couverture DTC3 (%)", TAHOUA, TAHOUA, 2021, 78.4, 72.1, 84.0, "EDS 2021"),
                    List.of("Couverture DTC3 (%)", DOSSO, DOSSO, 2021, 81.2, "-", "-", "EDS 2021"),
                    List.of("Couverture DTC3 (%)", KONNI, KONNI, 2021, 0.75, 0.7, 0.8, "MICS 2021"));
        }
    }

    @Test
    void createMissingKeepsValuesOfUnknownOrgUnitsUnderPlaceholdersReportedOnceEach() throws Exception {
        String unknown = """
                indicateur;unité d'organisation;année;valeur;source
                Couverture DTC3 (%);Région de Tahoua;2021;78,4;EDS 2021
                Couverture DTC3 (%);District de Nulle-Part;2021;60;EDS 2021
                Couverture VAR (%);District de Nulle-Part;2021;55;EDS 2021
                Couverture DTC3 (%);Zz123456789;2021;70;EDS 2021
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("enquetes.csv", unknown, StandardCharsets.UTF_8);
            ImportService service = new ImportService(ws);
            long orgUnits = count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT");

            ImportResult refused = service.importFile(file, Optional.empty(), ImportProgress.NONE);
            assertThat(refused.failure()).map(Problem::key).contains("import.invalidRecords");
            assertThat(refused.problems()).extracting(Problem::line, Problem::key).containsExactly(
                    tuple(3L, "import.unknownOrgUnit"), tuple(4L, "import.unknownOrgUnit"),
                    tuple(5L, "import.unknownOrgUnit"));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM ORG_UNIT")).isEqualTo(orgUnits);

            ImportResult kept = service.importFile(file, Optional.empty(),
                    ImportOptions.DEFAULTS.withCreateMissing(true), ImportProgress.NONE);

            assertThat(kept.failure()).isEmpty();
            assertThat(kept.counts().createdCount()).isEqualTo(4);
            assertThat(kept.counts().rejectedCount()).isZero();
            assertThat(kept.problems()).extracting(Problem::line, Problem::key, Problem::args).containsExactly(
                    tuple(3L, "import.placeholderOrgUnit", List.of("District de Nulle-Part", "2")),
                    tuple(5L, "import.placeholderOrgUnit", List.of("Zz123456789", "1")));
            assertThat(strings(ws.connection(), "SELECT CONCAT_WS('|', CODE, NAME, PLACEHOLDER) FROM ORG_UNIT"
                    + " WHERE PLACEHOLDER ORDER BY NAME")).containsExactly(
                    "District de Nulle-Part|District de Nulle-Part|TRUE", "Zz123456789|TRUE");
            assertThat(strings(ws.connection(), "SELECT UID FROM ORG_UNIT WHERE NAME = 'Zz123456789'"))
                    .containsExactly("Zz123456789");
            // Both values of the district went under the same placeholder.
            assertThat(count(ws.connection(), "SELECT COUNT(DISTINCT S.ORG_UNIT_ID) FROM SURVEY_VALUE S JOIN ORG_UNIT O"
                    + " ON O.ID = S.ORG_UNIT_ID WHERE O.NAME = 'District de Nulle-Part'")).isEqualTo(1);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM SURVEY_VALUE S JOIN ORG_UNIT O"
                    + " ON O.ID = S.ORG_UNIT_ID WHERE O.PLACEHOLDER")).isEqualTo(3);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aCorrectedFileUpdatesInPlaceWhateverTheOrgUnitIsCalled() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            ImportService service = new ImportService(ws);
            service.importFile(write("v1.csv", FRENCH, StandardCharsets.UTF_8), Optional.empty(), ImportProgress.NONE);
            // Same key (indicator, org unit, year, source), the regions now by code and UID, one value corrected.
            String corrected = """
                    indicateur;unité d'organisation;année;valeur;borne inférieure;borne supérieure;source
                    Couverture DTC3 (%);REG_TAHOUA;2021;78,4;72,1;84,0;EDS 2021
                    Couverture DTC3 (%);fdc6uOvgoji;2021;80,9;;;EDS 2021
                    """;

            ImportResult r = service.importFile(write("v2.csv", corrected, StandardCharsets.UTF_8), Optional.empty(),
                    ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().updatedCount()).isEqualTo(1);
            assertThat(r.counts().unchangedCount()).isEqualTo(1);
            assertThat(r.counts().createdCount()).isZero();
            assertThat(scalar(ws.connection(), "SELECT COUNT(*) FROM SURVEY_VALUE")).isEqualTo(4);
            assertThat(scalar(ws.connection(), "SELECT SURVEY_VALUE FROM SURVEY_VALUE WHERE ORG_UNIT_REF = '"
                    + DOSSO + "'")).isEqualTo(80.9);
            assertThat(scalar(ws.connection(), "SELECT BATCH_ID FROM SURVEY_VALUE WHERE ORG_UNIT_REF = '"
                    + DOSSO + "'")).isEqualTo(r.batchId().orElseThrow().doubleValue());

            ImportResult again = service.importFile(write("v2.csv", corrected, StandardCharsets.UTF_8),
                    Optional.empty(), ImportProgress.NONE);
            assertThat(again.counts().changedAnything()).isFalse();
            assertThat(again.batchId()).isEmpty();
        }
    }

    @Test
    void englishWindowsFileWithRegionAndDistrictColumnsGoesToTheFinestPlaceGiven() throws Exception {
        String english = """
                Indicator,Region,District,Year,Value,Lower bound,Upper bound,Survey
                "Penta3 coverage",Région de Tahoua,,2018,71.5,65.2,77.3,DHS 2017-18
                "Penta3 coverage",Région de Tahoua,District sanitaire de Konni,2018,69,,,DHS 2017-18
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("dhs.csv", english, Charset.forName("windows-1252"));

            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(2);
            assertThat(rows(ws.connection())).containsExactly(
                    List.of("Penta3 coverage", TAHOUA, TAHOUA, 2018, 71.5, 65.2, 77.3, "DHS 2017-18"),
                    List.of("Penta3 coverage", KONNI, KONNI, 2018, 69.0, "-", "-", "DHS 2017-18"));
        }
    }

    @Test
    void invalidRowsAreRejectedWithTheirLinesAndTheFileRefusedByDefault() throws Exception {
        String bad = """
                indicateur;unité d'organisation;année;valeur;borne inférieure;borne supérieure;source
                Couverture DTC3 (%);Région de Tahoua;2021;78,4;72,1;84,0;EDS 2021
                Couverture DTC3 (%);Région d'Agadez;2021;66;;;EDS 2021
                Couverture DTC3 (%);CSI Centre;2021;90;;;EDS 2021
                Couverture DTC3 (%);Région de Dosso;2021-22;81;;;EDS 2021
                Couverture DTC3 (%);Région de Dosso;2021;n/d;;;EDS 2021
                Couverture DTC3 (%);DS_GAYA;2021;90;70;80;EDS 2021
                Couverture DTC3 (%);DS_GAYA;2021;75;;;
                """;
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            OrgUnitFixture.importInto(ws, dir);
            Path file = write("bad.csv", bad, StandardCharsets.UTF_8);

            ImportResult refused = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(refused.failure()).map(Problem::key).contains("import.invalidRecords");
            assertThat(refused.problems()).extracting(Problem::line, Problem::key).containsExactly(
                    tuple(3L, "import.unknownOrgUnit"),
                    tuple(4L, "import.ambiguousOrgUnitName"),
                    tuple(5L, "import.surveyInvalidYear"),
                    tuple(6L, "import.surveyInvalidNumber"),
                    tuple(7L, "import.surveyValueOutsideInterval"),
                    tuple(8L, "import.surveyIncompleteRow"));
            assertThat(refused.problems().get(1).args()).containsExactly("CSI Centre", "2");
            assertThat(refused.problems().get(4).args()).containsExactly("90", "[70 ; 80]");
            assertThat(scalar(ws.connection(), "SELECT COUNT(*) FROM SURVEY_VALUE")).isZero();

            ImportResult kept = new ImportService(ws).importFile(file, Optional.empty(),
                    ImportOptions.DEFAULTS.withSkipInvalid(true), ImportProgress.NONE);
            assertThat(kept.counts().createdCount()).isEqualTo(1);
            assertThat(kept.counts().rejectedCount()).isEqualTo(6);
            assertThat(scalar(ws.connection(), "SELECT COUNT(*) FROM SURVEY_VALUE")).isEqualTo(1);
        }
    }

    @Test
    void aHeaderWithoutSourceIsRefusedAsAWhole() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            Path file = write("nosource.csv", "indicateur;region;annee;valeur\nDTC3;Tahoua;2021;78\n",
                    StandardCharsets.UTF_8);
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);
            assertThat(r.format()).isEqualTo(ImportFormat.SURVEY_CSV);
            assertThat(r.failure()).map(Problem::key).contains("import.surveyMissingColumns");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            indicateur;unité d'organisation;année;valeur;source            | survey-csv
            Indicator,Region,Year,Value,Lower,Upper,Source                 | survey-csv
            indicateur,district,annee,valeur,enquete                       | survey-csv
            code;nom;type;statut;region;district;latitude;longitude        | registry-csv
            """)
    void detectionReadsTheHeader(String header, String format) throws Exception {
        Path file = write("f.csv", header.strip() + "\n", StandardCharsets.UTF_8);
        assertThat(FormatDetector.detect(file)).contains(ImportFormat.fromId(format));
    }

    @Test
    void numbersAsSurveyTablesWriteThem() {
        assertThat(SurveyCsvImporter.number("85,3 %")).hasValue(85.3);
        assertThat(SurveyCsvImporter.number("1 234,5")).hasValue(1234.5);
        assertThat(SurveyCsvImporter.number("0.75")).hasValue(0.75);
        assertThat(SurveyCsvImporter.number("1.234,5")).isEmpty();
        assertThat(SurveyCsvImporter.number("ND")).isEmpty();
        assertThat(SurveyCsvImporter.year("2021.0")).isEqualTo(2021);
        assertThat(SurveyCsvImporter.year("21")).isNull();
    }

    /** INDICATOR, ORG_UNIT_REF, the org unit's UID by ORG_UNIT_ID, YEAR, VALUE, LOWER, UPPER ("-": null), SOURCE. */
    private static List<List<Object>> rows(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT S.INDICATOR, S.ORG_UNIT_REF, O.UID, S.SURVEY_YEAR, S.SURVEY_VALUE,"
                     + " S.LOWER_BOUND, S.UPPER_BOUND, S.SOURCE FROM SURVEY_VALUE S JOIN ORG_UNIT O"
                     + " ON O.ID = S.ORG_UNIT_ID ORDER BY S.INDICATOR, S.ORG_UNIT_REF")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? "-" : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Path write(String name, String content, Charset charset) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, charset);
        return file;
    }

    private static double scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
