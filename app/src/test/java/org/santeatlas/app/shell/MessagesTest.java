package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.WorkspaceException;

class MessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/santeatlas/app/shell");

    /** {@code messages.get("key"}, {@code getOrDefault("key"}, {@code section("key")}: literal keys in the code. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:\\.get|getOrDefault|section)\\(\\s*\"([a-z][A-Za-z_]*(?:\\.[A-Za-z_]+)+)\"");

    private final Messages french = Messages.forLocale(Locale.FRANCE);
    private final Messages english = Messages.forLocale(Locale.UK);

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(new TreeSet<>(french.keys())).isEqualTo(new TreeSet<>(english.keys()));
    }

    @Test
    void everyKeyUsedInTheCodeExistsInBothBundles() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(25);
        assertThat(french.keys()).containsAll(used);
        assertThat(english.keys()).containsAll(used);
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        assertThat(usedKeys()).containsAll(english.keys());
    }

    @Test
    void noValueHasAnAsciiApostropheThatMessageFormatWouldSwallow() {
        for (Messages messages : new Messages[] {french, english}) {
            for (String key : messages.keys()) {
                assertThat(rawValue(messages, key)).as(key).doesNotContain("'");
            }
        }
    }

    @Test
    void frenchIsChosenForAFrenchLocaleAndEnglishOtherwiseEvenWhenTheDefaultIsFrench() {
        assertThat(Locale.getDefault().getLanguage()).as("surefire runs in French").isEqualTo("fr");
        assertThat(Messages.forLocale(Locale.CANADA_FRENCH).get("menu.file")).isEqualTo("Fichier");
        assertThat(Messages.forLocale(Locale.forLanguageTag("fr-SN")).get("menu.file")).isEqualTo("Fichier");
        assertThat(Messages.forLocale(Locale.US).get("menu.file")).isEqualTo("File");
        assertThat(Messages.forLocale(Locale.GERMANY).get("menu.file")).isEqualTo("File");
        assertThat(Messages.forLocale(Locale.GERMANY).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void frenchTextKeepsItsAccentsFromTheUtf8Bundle() {
        assertThat(french.get("menu.help.about")).isEqualTo("À propos de SantéAtlas");
        assertThat(french.get("workspace.error.not_a_workspace", "/tmp/x.mv.db"))
                .isEqualTo("Le fichier /tmp/x.mv.db n’est pas un espace de travail SantéAtlas.");
    }

    private static String rawValue(Messages messages, String key) {
        // get() with no arguments still runs MessageFormat; compare against the raw bundle value.
        return java.util.ResourceBundle.getBundle(Messages.BUNDLE, messages.locale(),
                java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    /** Literal keys in the sources plus the keys the code builds: count labels, errors, progress. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        keys.addAll(WorkspaceSummaryViewModel.countKeys());
        keys.addAll(WorkspaceSummaryViewModel.PROGRESS_KEYS);
        Arrays.stream(WorkspaceException.Reason.values())
                .map(r -> new WorkspaceException(r, null, "").messageKey())
                .forEach(keys::add);
        // Chosen by sign in SummaryFormatter.
        keys.addAll(Set.of("coordinate.east", "coordinate.west", "coordinate.north", "coordinate.south"));
        return keys;
    }
}
