package org.santeatlas.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.shell.BackgroundTasks;
import org.santeatlas.app.shell.DirectTaskExecutor;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.engine.QualityRunStore;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;

/** The dashboard's view model on the demo workspace, with the work run synchronously. */
class QualityViewModelTest {

    @TempDir
    static Path dir;
    static Workspace ws;

    @BeforeAll
    static void demo() throws Exception {
        Path file = DemoWorkspaces.build(dir, DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, s -> { }).workspace();
        ws = Workspace.open(file, AccessMode.READ_WRITE);
    }

    @AfterAll
    static void closeDemo() {
        ws.close();
    }

    @Test
    void cancellingTheChecksStoresNothing() throws Exception {
        DirectTaskExecutor executor = new DirectTaskExecutor();
        QualityViewModel vm = new QualityViewModel(Messages.forLocale(Locale.FRANCE), executor, new BackgroundTasks(), () -> ws);
        int before = new QualityRunStore(ws.connection()).latestRun().orElse(-1);
        vm.progressProperty().addListener((o, a, share) -> {
            if (share.doubleValue() > 0) {
                executor.cancelCurrent();
            }
        });

        vm.run();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Contrôles annulés ; rien n’a été enregistré.");
        assertThat(vm.rows()).isEmpty();
        assertThat(new QualityRunStore(ws.connection()).latestRun().orElse(-1)).isEqualTo(before);
    }

    @Test
    void aRunFillsScorecardAndFindingsInFrenchThatFilterMarkAndExport() throws Exception {
        QualityViewModel vm = new QualityViewModel(Messages.forLocale(Locale.FRANCE), new DirectTaskExecutor(),
                new BackgroundTasks(), () -> ws);

        vm.run();

        assertThat(vm.scorecardProperty().get().districts()).isNotEmpty();
        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.message()).doesNotContain("{0}"));
        assertThat(vm.districts()).isNotEmpty();
        vm.dimensionFilterProperty().set(Dimension.OUTLIERS);
        vm.severityFilterProperty().set(Severity.HIGH);
        assertThat(vm.filteredRows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.finding().dimension()).isEqualTo(Dimension.OUTLIERS);
            assertThat(r.finding().severity()).isEqualTo(Severity.HIGH);
        });
        QualityViewModel.District district = new QualityViewModel.District(vm.filteredRows().get(0).districtUid(), "");
        vm.districtFilterProperty().set(district);
        assertThat(vm.filteredRows()).isNotEmpty().allSatisfy(r -> assertThat(r.districtUid()).isEqualTo(district.uid()));

        QualityViewModel.Row outlier = vm.filteredRows().get(0);
        vm.markFollowUp(List.of(outlier), true);
        assertThat(outlier.followUpProperty().get()).isTrue();
        assertThat(new QualityRunStore(ws.connection()).followUps()).extracting(QualityRunStore.StoredFinding::id)
                .contains(outlier.id());
        Path out = dir.resolve("suivi.json");
        vm.exportFollowUps(out);
        assertThat(Files.readString(out)).contains("\"dataValues\"").contains(outlier.finding().orgUnit());
    }
}
