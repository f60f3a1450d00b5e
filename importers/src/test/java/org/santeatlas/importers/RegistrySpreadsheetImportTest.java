package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;

/** Facility registries and localities as XLSX workbooks and CSV, through the same row source and upsert. */
class RegistrySpreadsheetImportTest {

    static final ImportOptions SKIP = ImportOptions.DEFAULTS.withSkipInvalid(true);

    @TempDir
    Path dir;

    static final String CSV = """
            code;nom;type;région;district;aire_santé;latitude;longitude;téléphone
            SC-BD-0001;Hôpital de District de Bodo;Hôpital de District;Belgou;Bodo;Bodo;13,5123;2,1094;90 00 00 01
            SC-BD-0002;CSI Gourérey;CSI type 2;Belgou;Bodo;Gourérey;13.4;-2.25;
            SC-BD-0003;Case de santé Tinga;Case de santé;Belgou;Bodo;Gourérey;;;
            """;

    @Test
    void anXlsxRegistryLandsExactlyLikeTheCsvOne() throws Exception {
        Path csv = Files.writeString(dir.resolve("mfl.csv"), CSV);
        Path xlsx = Workbooks.write(dir.resolve("mfl.xlsx"),
                new Object[] {"code", "nom", "type", "région", "district", "aire_santé", "latitude", "longitude",
                    "téléphone"},
                new Object[] {"SC-BD-0001", "Hôpital de District de Bodo", "Hôpital de District", "Belgou", "Bodo",
                    "Bodo", 13.5123, 2.1094, "90 00 00 01"},
                new Object[] {"SC-BD-0002", "CSI Gourérey", "CSI type 2", "Belgou", "Bodo", "Gourérey", 13.4, -2.25},
                new Object[] {"SC-BD-0003", "Case de santé Tinga", "Case de santé", "Belgou", "Bodo", "Gourérey"});

        List<String> fromCsv;
        List<String> fromXlsx;
        try (Workspace ws = Workspace.create(dir.resolve("csv"))) {
            ImportResult r = new ImportService(ws).importFile(csv, Optional.empty(), ImportProgress.NONE);
            assertThat(r.format()).isEqualTo(ImportFormat.REGISTRY_CSV);
            assertThat(r.counts().createdCount()).isEqualTo(3);
            fromCsv = records(ws);
        }
        try (Workspace ws = Workspace.create(dir.resolve("xlsx"))) {
            ImportService service = new ImportService(ws);
            ImportResult r = service.importFile(xlsx, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.REGISTRY_XLSX);
            assertThat(r.counts().createdCount()).isEqualTo(3);
            fromXlsx = records(ws);
            ImportResult again = service.importFile(xlsx, Optional.empty(), ImportProgress.NONE);
            assertThat(again.counts().unchangedCount()).isEqualTo(3);
            assertThat(again.batchId()).isEmpty();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT FORMAT FROM IMPORT_BATCH")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("registry-xlsx");
            }
        }
        assertThat(fromXlsx).isEqualTo(fromCsv).hasSize(3);
        assertThat(fromXlsx.get(0)).isEqualTo("SC-BD-0001|Hôpital de District de Bodo|Hôpital de District|Belgou|Bodo"
                + "|Bodo|13.5123|2.1094|POINT (2.1094 13.5123)|{\"téléphone\":\"90 00 00 01\"}");
        assertThat(fromXlsx.get(2)).endsWith("|null|null|null|null");
    }

    @Test
    void dmsCoordinatesReadInCsvAndXlsxAndBadOnesAreReportedWithTheirRow() throws Exception {
        Path csv = Files.writeString(dir.resolve("mfl.csv"), """
                code,nom,type,lat,long
                A1,CSI Alpha,CSI,"13°30'45.2""N",2°6'W
                A2,CSI Bêta,CSI,N 13 30 45.2,"2° 6' 0"" E"
                A3,CSI Gamma,CSI,13°75'N,2°6'W
                """);
        Path xlsx = Workbooks.write(dir.resolve("mfl.xlsx"),
                new Object[] {"code", "nom", "type", "lat", "long"},
                new Object[] {"A1", "CSI Alpha", "CSI", "13°30'45.2\"N", "2°6'W"},
                new Object[] {"A2", "CSI Bêta", "CSI", "N 13 30 45.2", "2° 6' 0\" E"},
                new Object[] {"A3", "CSI Gamma", "CSI", "13°75'N", "2°6'W"});
        for (Path file : List.of(csv, xlsx)) {
            try (Workspace ws = Workspace.create(dir.resolve("ws-" + file.getFileName()))) {
                ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);
                assertThat(r.failure()).isEmpty();
                assertThat(r.counts().createdCount()).isEqualTo(3);
                assertThat(r.problems()).extracting(Problem::format)
                        .containsExactly(file.getFileName() + ":4: A3: unreadable or out-of-range coordinates;"
                                + " kept without a location");
                assertThat(records(ws)).extracting(s -> s.split("\\|")[6] + " " + s.split("\\|")[7]).containsExactly(
                        "13.512555555555556 -2.1", "13.512555555555556 2.1", "null null");
            }
        }
    }

    @Test
    void localitiesInXlsxAreRecognisedAndImported() throws Exception {
        Path xlsx = Workbooks.write(dir.resolve("localites.xlsx"),
                new Object[] {"Code localité", "Nom", "Code aire de santé", "Population", "Année", "Latitude",
                    "Longitude"},
                new Object[] {"L-001", "Tinga", "AS-01", 1520, 2024, "13°30'N", "2°6'E"},
                new Object[] {"L-002", "Koira", "AS-01", 830, 2024, 13.61, 2.2});
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportResult r = new ImportService(ws).importFile(xlsx, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.LOCALITIES_XLSX);
            assertThat(r.counts().createdCount()).isEqualTo(2);
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT L.CODE, L.NAME, P.POPULATION_YEAR, P.POPULATION,"
                         + " ST_Y(L.POINT), ST_X(L.POINT) FROM LOCALITY L JOIN LOCALITY_POPULATION P"
                         + " ON P.LOCALITY_ID = L.ID ORDER BY L.CODE")) {
                rs.next();
                assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getLong(4) + " "
                        + rs.getDouble(5) + " " + rs.getDouble(6)).isEqualTo("L-001 Tinga 2024 1520 13.5 2.1");
                rs.next();
                assertThat(rs.getLong(4)).isEqualTo(830);
            }
        }
    }

    @Test
    void workbooksInsideAZipArchiveAreImportedNotUnpackedAgain() throws Exception {
        Path mfl = Workbooks.write(dir.resolve("mfl.xlsx"), new Object[] {"code", "nom", "type"},
                new Object[] {"A1", "CSI Alpha", "CSI"});
        Path zip = dir.resolve("envoi.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("listes/mfl.xlsx"));
            out.write(Files.readAllBytes(mfl));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("notes.csv"));
            out.write("code;nom;type\nB1;CSI Bêta;CSI\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            List<ImportResult> results = new ImportService(ws).importPath(zip, Optional.empty(), ImportProgress.NONE);
            assertThat(results).extracting(ImportResult::format)
                    .containsExactly(ImportFormat.REGISTRY_XLSX, ImportFormat.REGISTRY_CSV);
            assertThat(results).allSatisfy(r -> assertThat(r.failure()).isEmpty());
            assertThat(ws.summary().registryRecords()).isEqualTo(2);
        }
    }

    @Test
    void aRowWithoutCodeIsRejectedNamingItsSpreadsheetRow() throws Exception {
        Path xlsx = Workbooks.write(dir.resolve("mfl.xlsx"),
                new Object[] {"Liste nationale des formations sanitaires (2024)"},
                new Object[] {"code", "nom", "type"},
                new Object[] {"A1", "CSI Alpha", "CSI"},
                null,
                new Object[] {null, "CSI sans code", "CSI"});
        try (Workspace ws = Workspace.create(dir.resolve("ws"))) {
            ImportService service = new ImportService(ws);
            ImportResult refused = service.importFile(xlsx, Optional.of(ImportFormat.REGISTRY_XLSX),
                    ImportOptions.DEFAULTS.withMapping(
                            new MappingFile(java.util.Map.of(), Coordinates.Notation.AUTO, Optional.empty(), 2)
                                    .saveTo(dir.resolve("m.json"))), ImportProgress.NONE);
            assertThat(refused.failure()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("import.invalidRecords"));
            assertThat(refused.problems()).extracting(Problem::format)
                    .containsExactly("mfl.xlsx:5: row without code or name");
            assertThat(ws.summary().registryRecords()).isZero();
        }
    }

    /** code|name|type|region|district|area|lat|lon|point|attributes, by code. */
    static List<String> records(Workspace ws) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT CODE, NAME, FACILITY_TYPE, REGION, DISTRICT, HEALTH_AREA, LATITUDE,"
                     + " LONGITUDE, POINT, ATTRIBUTES FROM REGISTRY_RECORD ORDER BY CODE")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof java.sql.Clob c) {
                        v = c.getSubString(1, (int) c.length());
                    }
                    cells.add(String.valueOf(v));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }
}
