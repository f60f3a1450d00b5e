package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.shell.DesktopLauncher.Target;
import org.santeatlas.app.shell.WorkspaceSummaryViewModel.State;
import org.santeatlas.core.workspace.Workspace;

/** The view model on a synchronous executor: no toolkit, no waiting. */
class WorkspaceSummaryViewModelTest {

    private static final char NARROW_NBSP = '\u202f';

    @TempDir
    Path dir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<String> statuses = new ArrayList<>();
    private WorkspaceSummaryViewModel viewModel;

    private WorkspaceSummaryViewModel viewModel(Locale locale, WorkspaceSummaryViewModel.DemoSource demo) {
        viewModel = new WorkspaceSummaryViewModel(Messages.forLocale(locale), executor, demo);
        viewModel.statusProperty().addListener((obs, old, status) -> statuses.add(status));
        return viewModel;
    }

    @AfterEach
    void closeWorkspace() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void loadedSummaryIsFormattedForFrench() throws Exception {
        Path file = TestWorkspaces.sample(dir);
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());

        vm.load(Target.workspace(file));

        assertThat(vm.stateProperty().get()).isEqualTo(State.LOADED);
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("kanem");
        assertThat(vm.demoProperty().get()).isTrue();
        Map<String, String> counts = vm.counts().stream()
                .collect(Collectors.toMap(WorkspaceSummaryViewModel.Count::id, WorkspaceSummaryViewModel.Count::value));
        assertThat(counts).containsEntry("orgUnits", "2")
                .containsEntry("dataValues", "12" + NARROW_NBSP + "345")
                .containsEntry("localities", "1" + NARROW_NBSP + "234")
                .containsEntry("categoryOptionCombos", "1")
                .containsEntry("importBatches", "0")
                .hasSize(12);
        assertThat(vm.counts().get(0).label()).isEqualTo("Unités d’organisation");
        assertThat(vm.periodRangeProperty().get()).isEqualTo("janvier 2023 – décembre 2025");
        assertThat(vm.longitudesProperty().get()).contains("1,00°", "15,00°");
        assertThat(vm.latitudesProperty().get()).contains("11,00°", "23,00°");
        assertThat(statuses).contains("Ouverture de kanem.mv.db…", "Lecture du contenu de l’espace de travail…");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void summaryIsInEnglishForAnEnglishUser() throws Exception {
        WorkspaceSummaryViewModel vm = viewModel(Locale.US, unusedDemo());
        vm.load(Target.workspace(TestWorkspaces.sample(dir)));

        assertThat(vm.counts().get(7).label()).isEqualTo("Data values");
        assertThat(vm.counts().get(7).value()).isEqualTo("12,345");
        assertThat(vm.periodRangeProperty().get()).isEqualTo("January 2023 – December 2025");
    }

    @Test
    void fileThatIsNotAWorkspaceFailsWithALocalizedMessage() throws IOException {
        Path file = TestWorkspaces.notAWorkspace(dir);
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());

        vm.load(Target.workspace(file));

        assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(vm.errorProperty().get())
                .isEqualTo("Le fichier " + file + " n’est pas un espace de travail SantéAtlas.");
        assertThat(vm.counts()).isEmpty();
    }

    @Test
    void missingFileFailsWithItsFullPath() {
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());
        vm.load(Target.workspace(dir.resolve("absent")));

        assertThat(vm.errorProperty().get())
                .isEqualTo("Aucun espace de travail à l’emplacement " + dir.resolve("absent.mv.db") + ".");
    }

    @Test
    void demoTargetBuildsTheDemoAndReportsItsStepsInFrench() {
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, (folder, progress) -> {
            progress.accept("demo.generating");
            progress.accept("demo.importing:metadata.json");
            Path file = DemoWorkspaces.workspaceFile(folder);
            try (Workspace ws = Workspace.create(file)) {
                ws.markDemo(true);
            }
            return file;
        });

        vm.load(Target.demo(dir));

        assertThat(vm.stateProperty().get()).isEqualTo(State.LOADED);
        assertThat(vm.demoProperty().get()).isTrue();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("demo");
        assertThat(statuses).containsSubsequence("Création du pays fictif de démonstration…",
                "Import de metadata.json…", "Ouverture de demo.mv.db…");
    }

    @Test
    void cancellingADemoBuildDeletesTheHalfBuiltWorkspace() {
        Path file = DemoWorkspaces.workspaceFile(dir);
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, (folder, progress) -> {
            progress.accept("demo.generating");
            Workspace.create(file).close();
            executor.cancelCurrent();
            progress.accept("demo.importing:metadata.json");
            throw new AssertionError("the progress callback stops a cancelled build");
        });

        vm.load(Target.demo(dir));

        assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
        assertThat(vm.statusProperty().get()).isEqualTo("Ouverture annulée");
        assertThat(file).doesNotExist();
    }

    @Test
    void workspaceOpenedAfterACancelIsClosedNotLeaked() throws Exception {
        Path file = TestWorkspaces.sample(dir);
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());
        // Cancel arrives while the summary is read: the opened workspace must be released.
        vm.statusProperty().addListener((obs, old, status) -> {
            if (status.startsWith("Lecture")) {
                executor.cancelCurrent();
            }
        });

        vm.load(Target.workspace(file));

        assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
        assertClosed(file);
    }

    @Test
    void retryAfterAFailureOpensTheFileOnceItIsThere() throws Exception {
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());
        Path file = dir.resolve("kanem.mv.db");
        vm.load(Target.workspace(file));
        assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);

        TestWorkspaces.sample(dir);
        vm.retry();

        assertThat(vm.stateProperty().get()).isEqualTo(State.LOADED);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void emptyWorkspaceSaysThereAreNoValuesNorGeometries() {
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());
        vm.load(Target.workspace(TestWorkspaces.empty(dir)));

        assertThat(vm.demoProperty().get()).isFalse();
        assertThat(vm.periodRangeProperty().get()).isEqualTo("Aucune valeur de données pour l’instant");
        assertThat(vm.longitudesProperty().get()).isEqualTo("Aucune géométrie pour l’instant");
    }

    @Test
    void closeReleasesTheWorkspace() throws Exception {
        Path file = TestWorkspaces.sample(dir);
        WorkspaceSummaryViewModel vm = viewModel(Locale.FRANCE, unusedDemo());
        vm.load(Target.workspace(file));

        assertOpen(file);

        vm.close();

        assertClosed(file);
    }

    /**
     * H2 holds a {@link FileLock} on the file while the database is open. Within one JVM a second lock
     * on the same file throws {@link OverlappingFileLockException}, so locking succeeds only once every
     * connection is closed (reopening would not tell: H2 shares an open database between connections).
     */
    private static void assertClosed(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            assertThat(lock).as("lock on " + file).isNotNull();
        }
    }

    private static void assertOpen(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThatThrownBy(channel::tryLock).isInstanceOf(OverlappingFileLockException.class);
        }
    }

    private static WorkspaceSummaryViewModel.DemoSource unusedDemo() {
        return (folder, progress) -> {
            throw new AssertionError("no demo expected");
        };
    }
}
