package org.santeatlas.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;

class DemoWorkspacesTest {

    @TempDir
    Path dir;

    @Test
    void aDemoThatThisBuildCannotOpenIsRebuiltAndAGoodOneKept() throws Exception {
        Path file = DemoWorkspaces.workspaceFile(dir);
        Files.writeString(file, "left by an older build, or damaged");
        List<String> steps = new ArrayList<>();

        assertThat(DemoWorkspaces.ensure(dir, steps::add)).isEqualTo(file);

        assertThat(steps).contains("demo.generating");
        try (Workspace ws = Workspace.open(file, AccessMode.READ_ONLY)) {
            assertThat(ws.summary().demo()).isTrue();
            assertThat(ws.summary().dataValues()).isPositive();
        }
        steps.clear();
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(DemoWorkspaces.ensure(dir, steps::add)).isEqualTo(file);
        assertThat(steps).isEmpty();
        assertThat(Workspace.open(file, AccessMode.READ_ONLY).summary().dataValues()).isPositive();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isGreaterThanOrEqualTo(modified);
    }
}
