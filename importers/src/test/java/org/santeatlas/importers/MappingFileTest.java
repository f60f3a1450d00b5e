package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;

/** Column mappings: suggested from headers in French or English, saved, loaded and applied. */
class MappingFileTest {

    @TempDir
    Path dir;

    @Test
    void suggestsFieldsFromFrenchHeaders() {
        MappingFile m = MappingFile.suggest(List.of("N°", "Code district", "Code FOSA", "Nom de la formation sanitaire",
                "Type", "District sanitaire", "Région", "Aire de santé", "Lat", "Long", "Remarques"),
                ImportFormat.REGISTRY_XLSX);
        assertThat(m.columns()).containsOnly(
                Map.entry("code", "Code FOSA"), Map.entry("name", "Nom de la formation sanitaire"),
                Map.entry("type", "Type"), Map.entry("district", "District sanitaire"), Map.entry("region", "Région"),
                Map.entry("healthArea", "Aire de santé"), Map.entry("latitude", "Lat"), Map.entry("longitude", "Long"));
    }

    @Test
    void suggestsFieldsFromEnglishHeadersWithXAsLongitude() {
        MappingFile m = MappingFile.suggest(List.of("FACILITY CODE", "Facility name", "Health district", "x", "y",
                "Latitude (WGS84)"), ImportFormat.REGISTRY_CSV);
        assertThat(m.columns()).containsOnly(
                Map.entry("code", "FACILITY CODE"), Map.entry("name", "Facility name"),
                Map.entry("district", "Health district"), Map.entry("longitude", "x"), Map.entry("latitude", "y"));
        assertThat(MappingFile.suggest(List.of("Latitude (WGS84)", "Longitude (WGS84)"), ImportFormat.REGISTRY_CSV)
                .columns()).containsOnly(Map.entry("latitude", "Latitude (WGS84)"),
                Map.entry("longitude", "Longitude (WGS84)"));
    }

    @Test
    void savesAndLoadsAMapping() throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("code", "Code FOSA");
        columns.put("name", "Nom de la formation sanitaire");
        columns.put("status", null);
        MappingFile m = new MappingFile(columns, Coordinates.Notation.DMS, Optional.of("Feuil1"), 3);
        Path file = m.saveTo(dir.resolve("mapping.json"));

        assertThat(Files.readString(file)).contains("\"version\" : 1", "\"coordinates\" : \"dms\"",
                "\"sheet\" : \"Feuil1\"", "\"headerRow\" : 3", "\"status\" : null");
        assertThat(MappingFile.load(file)).isEqualTo(m);
    }

    @Test
    void aMappingNamingAColumnTheFileLacksSaysWhichAndListsTheColumns() {
        MappingFile m = new MappingFile(Map.of("code", "Code FOSA", "name", "Nom"), Coordinates.Notation.AUTO,
                Optional.empty(), 1);
        List<Problem> problems = m.check(List.of("Code", "Nom", "Type"), MappingFile.fieldsOf(ImportFormat.REGISTRY_CSV),
                "mfl.csv", 1);
        assertThat(problems).extracting(Problem::format).containsExactly("mfl.csv:1: the mapping reads code from column"
                + " 'Code FOSA', which the file lacks (its columns: Code, Nom, Type)");
        MappingFile unknown = new MappingFile(Map.of("telephone", "Tél"), Coordinates.Notation.AUTO, Optional.empty(), 1);
        assertThat(unknown.check(List.of("Tél"), MappingFile.fieldsOf(ImportFormat.REGISTRY_CSV), "mfl.csv", 1))
                .extracting(Problem::key).containsExactly("import.mappingUnknownField");
    }

    @Test
    void anInvalidMappingFileFailsNamingIt() throws Exception {
        for (String text : List.of("{\"columns\": ", "[1, 2]", "{\"version\": 2, \"columns\": {}}",
                "{\"columns\": {\"code\": 5}}", "{\"columns\": {}, \"coordinates\": \"utm\"}")) {
            Path file = Files.writeString(dir.resolve("bad.json"), text);
            ImportFailure f = catchThrowableOfType(ImportFailure.class, () -> MappingFile.load(file));
            assertThat(f.problem().key()).as(text).isEqualTo("import.mappingInvalid");
            assertThat(f.problem().file()).isEqualTo("bad.json");
        }
    }

    @Test
    void aRegistryWithUnusualHeadersImportsThroughItsMapping() throws Exception {
        Path csv = Files.writeString(dir.resolve("liste.csv"), """
                Ministère de la Santé - liste des structures
                Identifiant unique;Appellation;Catégorie;Coord N;Coord E;Statut
                BD-01;CSI Alpha;CSI;13 30 45;2 6 0;Fonctionnel
                BD-02;CSI Bêta;CSI;13°31';2°7'W;Fermé
                """);
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("code", "Identifiant unique");
        columns.put("name", "appellation");
        columns.put("type", "Catégorie");
        columns.put("latitude", "Coord N");
        columns.put("longitude", "Coord E");
        columns.put("status", null);
        Path mapping = new MappingFile(columns, Coordinates.Notation.DMS, Optional.empty(), 2)
                .saveTo(dir.resolve("mapping.json"));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportResult r = new ImportService(ws).importFile(csv, Optional.of(ImportFormat.REGISTRY_CSV),
                    ImportOptions.DEFAULTS.withMapping(mapping), ImportProgress.NONE);
            assertThat(r.failure()).isEmpty();
            assertThat(r.problems()).isEmpty();
            assertThat(RegistrySpreadsheetImportTest.records(ws)).containsExactly(
                    "BD-01|CSI Alpha|CSI|null|null|null|13.5125|2.1|POINT (2.1 13.5125)|{\"Statut\":\"Fonctionnel\"}",
                    "BD-02|CSI Bêta|CSI|null|null|null|13.516666666666667|-2.1166666666666667"
                            + "|POINT (-2.1166666666666667 13.516666666666667)|{\"Statut\":\"Fermé\"}");
        }
    }

    @Test
    void anXlsxMappingChoosesItsSheetAndHeaderRowAndRefusesMissingColumns() throws Exception {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("Sommaire", new Object[][] {{"Voir la feuille Liste"}});
        sheets.put("Liste", new Object[][] {{"Liste 2024"}, null, {"Code FOSA", "Nom FOSA", "Type FOSA"},
            {"X-1", "CSI Xa", "CSI"}});
        Path xlsx = Workbooks.write(dir.resolve("mfl.xlsx"), sheets);
        Path good = new MappingFile(Map.of("code", "Code FOSA"), Coordinates.Notation.AUTO, Optional.of("Liste"), 3)
                .saveTo(dir.resolve("good.json"));
        Path bad = new MappingFile(Map.of("code", "Code SNIS"), Coordinates.Notation.AUTO, Optional.of("Liste"), 3)
                .saveTo(dir.resolve("bad.json"));
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportService service = new ImportService(ws);
            ImportResult refused = service.importFile(xlsx, Optional.of(ImportFormat.REGISTRY_XLSX),
                    ImportOptions.DEFAULTS.withMapping(bad), ImportProgress.NONE);
            assertThat(refused.failure()).hasValueSatisfying(p -> {
                assertThat(p.key()).isEqualTo("import.mappingMissingColumn");
                assertThat(p.format()).isEqualTo("mfl.xlsx:3: the mapping reads code from column 'Code SNIS', which"
                        + " the file lacks (its columns: Code FOSA, Nom FOSA, Type FOSA)");
            });
            ImportResult r = service.importFile(xlsx, Optional.of(ImportFormat.REGISTRY_XLSX),
                    ImportOptions.DEFAULTS.withMapping(good), ImportProgress.NONE);
            assertThat(r.failure()).isEmpty();
            assertThat(RegistrySpreadsheetImportTest.records(ws)).containsExactly(
                    "X-1|CSI Xa|CSI|null|null|null|null|null|null|null");
        }
    }

    @Test
    void suggestsAMappingForAFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("l.csv"), "Code;Nom;Population;Année;X;Y\nL1;Tinga;100;2024;2;13\n");
        Path xlsx = Workbooks.write(dir.resolve("l.xlsx"), new Object[] {"Code", "Nom", "Population", "Année"});
        assertThat(MappingFile.suggest(csv, ImportFormat.LOCALITIES_CSV).columns()).containsOnly(
                Map.entry("code", "Code"), Map.entry("name", "Nom"), Map.entry("population", "Population"),
                Map.entry("year", "Année"), Map.entry("longitude", "X"), Map.entry("latitude", "Y"));
        assertThat(MappingFile.suggest(xlsx, ImportFormat.LOCALITIES_XLSX).columns()).containsKeys("code", "name",
                "population", "year");
    }
}
