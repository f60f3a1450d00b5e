package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.core.workspace.WorkspaceSummary;
import org.santeatlas.testdata.DemoCounts;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** The generated demo country through every importer, into a real workspace file. */
class DemoImportTest {

    @TempDir
    static Path dir;
    static DemoFiles files;
    static Path workspaceFile;

    @BeforeAll
    static void importDemo() throws Exception {
        files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        workspaceFile = dir.resolve("demo.mv.db");
        try (Workspace ws = Workspace.create(workspaceFile)) {
            ImportService service = new ImportService(ws);
            for (Path file : List.of(files.metadataJson(), files.dataValuesJson(), files.completeRegistrationsJson(),
                    files.registryCsv(), files.localitiesCsv())) {
                ImportResult r = service.importFile(file, Optional.empty(), ImportProgress.NONE);
                assertThat(r.failure()).as(file.toString()).isEmpty();
                assertThat(r.problems()).as(file.toString()).isEmpty();
                assertThat(r.counts().rejectedCount()).isZero();
            }
        }
    }

    @Test
    void summaryEqualsTheGeneratorsCounts() {
        DemoCounts expected = files.counts();
        try (Workspace ws = Workspace.open(workspaceFile, AccessMode.READ_ONLY)) {
            WorkspaceSummary s = ws.summary();
            assertThat(s.orgUnits()).isEqualTo(expected.orgUnits());
            assertThat(s.dataElements()).isEqualTo(expected.dataElements());
            assertThat(s.categoryOptionCombos()).isEqualTo(expected.categoryOptionCombos());
            assertThat(s.dataSets()).isEqualTo(expected.dataSets());
            assertThat(s.dataValues()).isEqualTo(expected.dataValues());
            assertThat(s.completeRegistrations()).isEqualTo(expected.completeRegistrations());
            assertThat(s.localities()).isEqualTo(expected.localities());
            assertThat(s.registryRecords()).isEqualTo(expected.registryRecords());
            assertThat(s.periods().orElseThrow().first()).isEqualTo(expected.firstPeriod());
            assertThat(s.periods().orElseThrow().last()).isEqualTo(expected.lastPeriod());
            assertThat(s.importBatches()).isEqualTo(5);
            assertThat(s.extent()).isPresent();
        }
    }

    @Test
    void theTreeIsLinkedAndTheGeometriesAreStored() throws Exception {
        try (Workspace ws = Workspace.open(workspaceFile, AccessMode.READ_ONLY);
             Statement st = ws.connection().createStatement()) {
            assertThat(scalar(st, "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL > 1 AND PARENT_ID IS NULL")).isZero();
            assertThat(scalar(st, "SELECT COUNT(*) FROM ORG_UNIT O JOIN ORG_UNIT P ON P.ID = O.PARENT_ID"
                    + " WHERE O.PATH <> P.PATH || '/' || O.UID")).isZero();
            assertThat(scalar(st, "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL = 4 AND ST_Dimension(GEOMETRY) = 2"))
                    .isEqualTo(scalar(st, "SELECT COUNT(*) FROM ORG_UNIT WHERE LEVEL = 4"));
            assertThat(scalar(st, "SELECT COUNT(*) FROM DATA_SET_ORG_UNIT")).isPositive();
            assertThat(scalar(st, "SELECT COUNT(*) FROM ORG_UNIT_GROUP_MEMBER")).isPositive();
            assertThat(scalar(st, "SELECT COUNT(*) FROM LOCALITY WHERE ORG_UNIT_ID IS NULL")).isZero();
            // The view and the series agree.
            assertThat(scalar(st, "SELECT COUNT(*) FROM DATA_VALUE WHERE NOT DELETED"))
                    .isEqualTo(files.counts().dataValues());
        }
    }

    @Test
    void reimportingEveryFileChangesNoCount() throws Exception {
        WorkspaceSummary before;
        try (Workspace ws = Workspace.open(workspaceFile, AccessMode.READ_WRITE)) {
            before = ws.summary();
            ImportService service = new ImportService(ws);
            for (Path file : List.of(files.metadataJson(), files.dataValuesJson(), files.dataValuesCsv(),
                    files.completeRegistrationsJson(), files.registryCsv(), files.localitiesCsv())) {
                ImportResult r = service.importFile(file, Optional.empty(), ImportProgress.NONE);
                assertThat(r.changedNothing()).as(file.toString()).isTrue();
                assertThat(r.counts().unchangedCount()).as(file.toString()).isPositive();
            }
            assertThat(ws.summary()).isEqualTo(before);
        }
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
