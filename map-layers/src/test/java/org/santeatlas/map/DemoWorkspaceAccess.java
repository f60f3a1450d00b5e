package org.santeatlas.map;

import java.nio.file.Path;

/** The package-private {@link DemoWorkspace} for tests of other packages. */
public final class DemoWorkspaceAccess {

    private DemoWorkspaceAccess() {
    }

    public static Path file() {
        return DemoWorkspace.file();
    }
}
