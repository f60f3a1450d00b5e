package org.santeatlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.santeatlas.app.shell.DesktopLauncher.Target;

class MainTest {

    @Test
    void noArgumentOpensTheDemoWindow() {
        assertThat(Main.desktopTarget(new String[0])).contains(new Target.OpenDemo(AppDirectories.demo()));
    }

    @Test
    void aWorkspaceFileFromTheDesktopFileAssociationOpensTheWindowOnIt() {
        assertThat(Main.desktopTarget(new String[] {"/home/awa/Kanem 2026.mv.db"}))
                .contains(new Target.OpenWorkspace(Path.of("/home/awa/Kanem 2026.mv.db")));
    }

    @Test
    void subcommandsAndOptionsGoToTheCommandLine() {
        assertThat(Main.desktopTarget(new String[] {"--version"})).isEmpty();
        assertThat(Main.desktopTarget(new String[] {"summary", "-w", "x.mv.db"})).isEmpty();
        assertThat(Main.desktopTarget(new String[] {"demo"})).isEmpty();
        assertThat(Main.desktopTarget(new String[] {"--workspace=x.mv.db"})).isEmpty();
    }
}
