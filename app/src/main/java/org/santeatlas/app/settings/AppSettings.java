package org.santeatlas.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The user's settings, kept in {@code settings.properties} in the user data folder
 * ({@code AppDirectories.dataHome()}): language, DHIS2 server URL, coverage radius, quality thresholds,
 * recent workspaces. The DHIS2 token is never in that file nor in a workspace: it lives alone in
 * {@code dhis2-token}, readable and writable by the user only (POSIX 600; on Windows the file sits in the
 * user's own profile folder), and is never read back into the window.
 *
 * <p>Plain file I/O of a few hundred bytes: fine on the UI thread.
 */
public final class AppSettings {

    public static final String FILE = "settings.properties";
    public static final String TOKEN_FILE = "dhis2-token";
    /** Recent workspaces kept in the menu. */
    public static final int MAX_RECENT = 8;

    static final String LANGUAGE = "language";
    static final String DHIS2_URL = "dhis2.url";
    static final String RADIUS = "coverage.radiusKm";
    static final String GOOD = "quality.goodThreshold";
    static final String FAIR = "quality.fairThreshold";
    static final String RECENT = "recent.";

    /** The WHO/SARA walking-distance convention for access to a health facility: 5 km. */
    public static final double DEFAULT_RADIUS_KM = 5;

    private final Path folder;
    private final Properties values = new Properties();

    private AppSettings(Path folder) {
        this.folder = folder;
    }

    /** Reads the settings in {@code folder}; missing or unreadable: defaults. */
    public static AppSettings load(Path folder) {
        AppSettings s = new AppSettings(folder);
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                s.values.clear();
            }
        }
        return s;
    }

    /** Writes the settings (a temporary file moved into place, so a crash never leaves half a file). */
    public void save() throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(w, "SantéAtlas settings");
        }
        Files.move(tmp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path folder() {
        return folder;
    }

    /**
     * The language chosen, else French when the system speaks French, else English (the rule).
     */
    public Locale locale() {
        String l = values.getProperty(LANGUAGE);
        if ("fr".equals(l)) {
            return Locale.FRANCE;
        }
        if ("en".equals(l)) {
            return Locale.UK;
        }
        return "fr".equals(Locale.getDefault().getLanguage()) ? Locale.getDefault() : Locale.UK;
    }

    public void setLanguage(String language) {
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be fr or en: " + language);
        }
        values.setProperty(LANGUAGE, language);
    }

    public String dhis2Url() {
        return values.getProperty(DHIS2_URL, "");
    }

    public void setDhis2Url(String url) {
        values.setProperty(DHIS2_URL, url == null ? "" : url.trim());
    }

    public double radiusKm() {
        return number(RADIUS, DEFAULT_RADIUS_KM);
    }

    public void setRadiusKm(double km) {
        if (!(km > 0 && km <= 100)) {
            throw new IllegalArgumentException("radius must be within 0–100 km: " + km);
        }
        values.setProperty(RADIUS, Double.toString(km));
    }

    /** Scorecard share at or above which a cell is good (default 0.90, the DQR completeness benchmark). */
    public double goodThreshold() {
        return number(GOOD, 0.90);
    }

    /** Share at or above which a cell is fair, below it poor (default 0.75). */
    public double fairThreshold() {
        return number(FAIR, 0.75);
    }

    public void setThresholds(double good, double fair) {
        if (!(fair >= 0 && fair <= good && good <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 ≤ fair ≤ good ≤ 1");
        }
        values.setProperty(GOOD, Double.toString(good));
        values.setProperty(FAIR, Double.toString(fair));
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Recent workspace files, latest first. */
    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = values.getProperty(RECENT + i);
            if (v != null && !v.isBlank()) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    public void addRecent(Path file) {
        List<Path> list = recent();
        Path abs = file.toAbsolutePath();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                values.setProperty(RECENT + i, list.get(i).toString());
            } else {
                values.remove(RECENT + i);
            }
        }
    }

    // ---- the DHIS2 token ---------------------------------------------------------------------------

    public boolean hasToken() {
        return Files.isRegularFile(folder.resolve(TOKEN_FILE));
    }

    /**
     * Stores the token in a file only the user can read: created with mode 600 where the file system has
     * POSIX permissions, so that it is never readable by others even for an instant.
     */
    public void storeToken(String token) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(TOKEN_FILE);
        Files.deleteIfExists(file);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, token.trim(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public void forgetToken() throws IOException {
        Files.deleteIfExists(folder.resolve(TOKEN_FILE));
    }

    /** The token, for the code that talks to the server (never for display). */
    public Optional<String> token() throws IOException {
        Path file = folder.resolve(TOKEN_FILE);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                : Optional.empty();
    }
}
