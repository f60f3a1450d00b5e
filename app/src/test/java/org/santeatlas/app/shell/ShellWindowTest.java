package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.settings.AppSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application class in a real (headless Monocle) window, on real workspace files. Surefire
 * runs these in French ({@code -Duser.language=fr}). Named …Test rather than …IT so that {@code mvn
 * test} runs it: the build has no failsafe execution yet.
 */
class ShellWindowTest {

    private static final char NARROW_NBSP = '\u202f';
    private static final long TIMEOUT_SECONDS = 15;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Application application;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopApplication() throws TimeoutException {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void windowShowsCountsPeriodsAndFictionalBannerInFrench() throws Exception {
        Path file = TestWorkspaces.sample(dir);

        application = FxToolkit.setupApplication(SanteAtlasApplication.class,
                DesktopLauncher.Target.workspace(file).toArguments().toArray(String[]::new));
        waitUntilVisible("#workspace-pane");
        robot.clickOn("Résumé");
        waitUntilVisible("#summary-view");

        assertThat(stage().getTitle()).isEqualTo("SantéAtlas — kanem");
        assertThat(text("#workspace-name")).isEqualTo("kanem");
        assertThat(visible("#demo-banner")).isTrue();
        assertThat(text("#demo-banner-title")).isEqualTo("Données fictives");
        assertThat(text("#count-orgUnits")).isEqualTo("2");
        assertThat(text("#count-dataValues")).isEqualTo("12" + NARROW_NBSP + "345");
        assertThat(text("#count-localities")).isEqualTo("1" + NARROW_NBSP + "234");
        assertThat(text("#period-range")).isEqualTo("janvier 2023 – décembre 2025");
        assertThat(text("#extent-longitudes")).contains("1,00°", "15,00°");
        assertThat(robot.lookup("Valeurs de données").tryQuery()).isPresent();
        assertThat(visible("#progress-pane")).isFalse();
        assertThat(stage().getWidth()).isEqualTo(ShellView.WIDTH);
    }

    @Test
    void fileThatIsNotAWorkspaceShowsTheLocalizedErrorInTheWindow() throws Exception {
        Path file = TestWorkspaces.notAWorkspace(dir);

        application = FxToolkit.setupApplication(SanteAtlasApplication.class,
                DesktopLauncher.Target.workspace(file).toArguments().toArray(String[]::new));
        waitUntilVisible("#error-pane");

        assertThat(text("#error-message"))
                .isEqualTo("Le fichier " + file + " n’est pas un espace de travail SantéAtlas.");
        assertThat(robot.lookup("Impossible d’ouvrir l’espace de travail").tryQuery()).isPresent();
        assertThat(visible("#workspace-pane")).isFalse();
        assertThat(stage().isShowing()).isTrue();
    }

    @Test
    void menusQuitAndShowTheVersion() throws Exception {
        AtomicBoolean quit = new AtomicBoolean();
        Messages messages = Messages.forLocale(Locale.FRANCE);
        WorkspaceSummaryViewModel summary = new WorkspaceSummaryViewModel(messages, new DirectTaskExecutor(),
                (folder, progress) -> {
                    throw new AssertionError("no demo expected");
                });
        ShellViewModel shell = new ShellViewModel(messages, summary, "1.2.3", new DirectTaskExecutor(),
                AppSettings.load(dir));
        FxToolkit.setupStage(stage -> new ShellView(shell, messages, () -> quit.set(true)).show(stage));

        robot.clickOn("Aide");
        clickMenuItem("À propos de SantéAtlas");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(about.getContentText()).startsWith("Version 1.2.3\nAtlas sanitaire hors ligne");
        robot.interact(() -> about.getScene().getWindow().hide());

        robot.clickOn("Espace de travail");
        clickMenuItem("Quitter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quit).isTrue();
    }

    /** A menu item of the open menu (the window also has a "Quitter" button, hidden until an error). */
    private void clickMenuItem(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        Node item = robot.from(robot.lookup(".menu-item").queryAll()).lookup(text).query();
        robot.clickOn(item);
    }

    private void waitUntilVisible(String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private boolean visible(String query) {
        return robot.lookup(query).query().isVisible();
    }

    private static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }
}
