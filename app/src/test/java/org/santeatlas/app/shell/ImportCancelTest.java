package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.importing.ImportViewModel;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportService;
import org.santeatlas.testdata.DemoFiles;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/**
 * The import wizard's Cancel on a real workspace: the user cancels once records are being counted; the
 * file's transaction is rolled back and the workspace holds exactly what it held before. The same import
 * without a cancel does add values, so the check can fail.
 */
class ImportCancelTest {

    @TempDir
    Path dir;

    @Test
    void cancellingWhileRecordsAreCountedLeavesTheWorkspaceUnchanged() throws Exception {
        DemoFiles files = DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir.resolve("files"));
        try (Workspace ws = Workspace.create(dir.resolve("ws" + Workspace.FILE_SUFFIX))) {
            new ImportService(ws).importFile(files.metadataJson(), Optional.of(ImportFormat.DHIS2_METADATA_JSON),
                    ImportProgress.NONE);
            String before = state(ws);
            DirectTaskExecutor executor = new DirectTaskExecutor();
            ImportViewModel vm = new ImportViewModel(Messages.forLocale(Locale.FRANCE), executor, new BackgroundTasks(),
                    () -> ws);
            vm.recordsProperty().addListener((o, a, n) -> {
                if (n.longValue() > 0) {
                    executor.cancelCurrent();
                }
            });
            vm.addFiles(List.of(files.dataValuesJson()));
            assertThat(vm.files()).singleElement().extracting(ImportViewModel.FileEntry::format)
                    .isEqualTo(ImportFormat.DHIS2_DATA_VALUE_SET_JSON);

            vm.start();

            assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.DONE);
            assertThat(vm.outcomeProperty().get().cancelled()).isTrue();
            assertThat(vm.recordsProperty().get()).isPositive();
            assertThat(state(ws)).isEqualTo(before);

            ImportViewModel again = new ImportViewModel(Messages.forLocale(Locale.FRANCE), new DirectTaskExecutor(),
                    new BackgroundTasks(), () -> ws);
            again.addFiles(List.of(files.dataValuesJson()));
            again.start();
            assertThat(again.outcomeProperty().get().cancelled()).isFalse();
            assertThat(again.outcomeProperty().get().created()).isPositive();
            assertThat(state(ws)).isNotEqualTo(before);
        }
    }

    @Test
    void problemsReadAsFileLineMessageInTheUsersLanguage() throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("localities.csv"), "code,nom,population,annee\nLOC-1,Kollo,beaucoup,2024\n");
        try (Workspace ws = Workspace.create(dir.resolve("ws2" + Workspace.FILE_SUFFIX))) {
            String before = state(ws);
            ImportViewModel vm = new ImportViewModel(Messages.forLocale(Locale.UK), new DirectTaskExecutor(),
                    new BackgroundTasks(), () -> ws);
            vm.addFiles(List.of(bad));
            vm.start();
            ImportViewModel.Outcome o = vm.outcomeProperty().get();
            assertThat(o.problems()).anySatisfy(p -> assertThat(p).startsWith("localities.csv:2: ").contains("population"));
            assertThat(o.created()).isZero();
            assertThat(state(ws)).isEqualTo(before);
        }
    }

    /** Series, values and import batches: what an import changes. */
    private static String state(Workspace ws) throws SQLException {
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM DATA_VALUE_SERIES),"
                     + " (SELECT COALESCE(SUM(VALUE_COUNT), 0) FROM DATA_VALUE_SERIES), (SELECT COUNT(*) FROM IMPORT_BATCH),"
                     + " (SELECT COUNT(*) FROM LOCALITY)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4);
        }
    }
}
