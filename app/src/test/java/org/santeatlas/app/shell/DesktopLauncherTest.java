package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.santeatlas.app.AppDirectories;
import org.santeatlas.app.shell.DesktopLauncher.Target;

class DesktopLauncherTest {

    @Test
    void targetsTravelAsNamedApplicationParameters() {
        Path file = Path.of("/data/kanem.mv.db");
        assertThat(Target.workspace(file).toArguments()).containsExactly("--workspace=/data/kanem.mv.db");
        assertThat(Target.fromParameters(Map.of("workspace", "/data/kanem.mv.db"))).isEqualTo(Target.workspace(file));
        assertThat(Target.fromParameters(Map.of("demo", "/data/demo"))).isEqualTo(Target.demo(Path.of("/data/demo")));
    }

    @Test
    void withoutParametersTheWindowOpensTheDefaultDemo() {
        assertThat(Target.fromParameters(Map.of())).isEqualTo(Target.demo(AppDirectories.demo()));
    }
}
