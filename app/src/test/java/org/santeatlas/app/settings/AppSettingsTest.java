package org.santeatlas.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void settingsRoundTripThroughThePropertiesFile() throws Exception {
        AppSettings s = AppSettings.load(dir);
        s.setLanguage("en");
        s.setDhis2Url("https://play.dhis2.org/40 ");
        s.setRadiusKm(7.5);
        s.setThresholds(0.85, 0.6);
        s.addRecent(dir.resolve("a.mv.db"));
        s.addRecent(dir.resolve("b.mv.db"));
        s.addRecent(dir.resolve("a.mv.db"));
        s.save();

        AppSettings read = AppSettings.load(dir);
        assertThat(read.locale().getLanguage()).isEqualTo("en");
        assertThat(read.dhis2Url()).isEqualTo("https://play.dhis2.org/40");
        assertThat(read.radiusKm()).isEqualTo(7.5);
        assertThat(read.goodThreshold()).isEqualTo(0.85);
        assertThat(read.fairThreshold()).isEqualTo(0.6);
        assertThat(read.recent()).containsExactly(dir.resolve("a.mv.db"), dir.resolve("b.mv.db"));
        assertThat(Files.exists(dir.resolve(AppSettings.FILE))).isTrue();
    }

    @Test
    void withoutAChoiceTheLanguageFollowsTheSystemFrenchOrElseEnglish() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("fr-SN"));
            assertThat(AppSettings.load(dir).locale().getLanguage()).isEqualTo("fr");
            Locale.setDefault(Locale.GERMANY);
            assertThat(AppSettings.load(dir).locale().getLanguage()).isEqualTo("en");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void theTokenLivesInAFileOnlyTheUserCanReadAndNeverInTheSettings() throws Exception {
        AppSettings s = AppSettings.load(dir);
        assertThat(s.hasToken()).isFalse();
        s.storeToken("d2pat_secret123 ");
        s.save();

        Path token = dir.resolve(AppSettings.TOKEN_FILE);
        assertThat(Files.getPosixFilePermissions(token))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(s.token()).contains("d2pat_secret123");
        assertThat(Files.readString(dir.resolve(AppSettings.FILE))).doesNotContain("d2pat_secret123");
        assertThat(AppSettings.load(dir).hasToken()).isTrue();
        s.forgetToken();
        assertThat(s.hasToken()).isFalse();
    }

    @Test
    void badValuesAreRefusedAndAnUnreadableFileGivesDefaults() throws Exception {
        AppSettings s = AppSettings.load(dir);
        assertThatThrownBy(() -> s.setThresholds(0.5, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.setRadiusKm(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.setLanguage("de")).isInstanceOf(IllegalArgumentException.class);
        Files.writeString(dir.resolve(AppSettings.FILE), "coverage.radiusKm=beaucoup\n\\u00");
        assertThat(AppSettings.load(dir).radiusKm()).isEqualTo(AppSettings.DEFAULT_RADIUS_KM);
    }
}
