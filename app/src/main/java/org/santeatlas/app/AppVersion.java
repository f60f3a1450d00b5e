package org.santeatlas.app;

import java.util.Optional;

/** The application's version, from the jar manifest that Maven writes ("dev" when run from classes). */
public final class AppVersion {

    private AppVersion() {
    }

    public static String current() {
        return Optional.ofNullable(AppVersion.class.getPackage().getImplementationVersion())
                .filter(v -> !v.isBlank())
                .orElse("dev");
    }
}
