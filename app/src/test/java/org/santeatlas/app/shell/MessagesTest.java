package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.WorkspaceException;

class MessagesTest {

    /** The window's sources: every package of the app but the command line, which has its own bundle. */
    private static final Path SOURCES = Path.of("src/main/java/org/santeatlas/app");

    /**
     * {@code messages.get("key"}, {@code getOrDefault("key"}, and the views' helpers that take a key first
     * ({@code section}, {@code item}, {@code heading}, {@code column}): literal keys in the code.
     */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:\\.get|getOrDefault|section|item|heading|column)\\(\\s*\"([a-z][A-Za-z_]*(?:\\.[A-Za-z_]+)+)\"");

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
        assertThat(Messages.forLocale(Locale.CANADA_FRENCH).get("menu.help")).isEqualTo("Aide");
        assertThat(Messages.forLocale(Locale.forLanguageTag("fr-SN")).get("menu.help")).isEqualTo("Aide");
        assertThat(Messages.forLocale(Locale.US).get("menu.help")).isEqualTo("Help");
        assertThat(Messages.forLocale(Locale.GERMANY).get("menu.help")).isEqualTo("Help");
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
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/cli/")).toList()) {
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
        // Built from enums and ids: quality dimensions and severities, period types, layers, languages.
        for (org.santeatlas.quality.Dimension d : org.santeatlas.quality.Dimension.values()) {
            keys.add("dimension." + d.id());
            keys.add("dimension.short." + d.id());
        }
        for (org.santeatlas.quality.Severity v : org.santeatlas.quality.Severity.values()) {
            keys.add("severity." + v.id());
        }
        for (org.santeatlas.app.map.MapViewModel.PeriodChoice c : org.santeatlas.app.map.MapViewModel.PeriodChoice.values()) {
            keys.add("period.type." + c.name().toLowerCase(Locale.ROOT));
        }
        for (String layer : List.of(org.santeatlas.app.map.MapViewModel.DISTRICTS, org.santeatlas.app.map.MapViewModel.AREAS,
                org.santeatlas.app.map.MapViewModel.COUNTRY, org.santeatlas.app.map.MapViewModel.LOCALITIES,
                org.santeatlas.app.map.MapViewModel.FACILITIES)) {
            keys.add("layer." + layer);
        }
        keys.addAll(Set.of("language.fr", "language.en"));
        // Desktop app 2: built from the theme kinds, classification methods, levels, reports and papers.
        keys.addAll(Set.of("picker.INDICATOR", "picker.REPORTING_RATE", "layer.coverage", "layer.coverageLocalities"));
        for (org.santeatlas.map.theme.ClassificationMethod c : org.santeatlas.map.theme.ClassificationMethod.values()) {
            if (c != org.santeatlas.map.theme.ClassificationMethod.LEGEND_SET) {
                keys.add("classes.method." + c.name());
            }
        }
        for (org.santeatlas.app.map.MapViewModel.LevelChoice l : org.santeatlas.app.map.MapViewModel.LevelChoice.values()) {
            keys.add("classes.level." + l.name());
        }
        for (org.santeatlas.app.reports.ReportsViewModel.Type t : org.santeatlas.app.reports.ReportsViewModel.Type.values()) {
            keys.addAll(Set.of("menu.reports." + t.name(), "reports.type." + t.name(), "reports.header." + t.name()));
        }
        for (org.santeatlas.reports.pdf.Paper p : org.santeatlas.reports.pdf.Paper.values()) {
            keys.add("reports.paper." + p.name());
        }
        // HealthMapComposer.MapRequestException and ReportException keys the window words itself.
        keys.addAll(Set.of("map.error.map.noQualityRun", "map.error.map.logNeedsPositive",
                "map.error.map.indicatorUnsupported", "map.error.map.unknownLegendSet"));
        for (String k : List.of("unknownDistrict", "noDistricts", "unknownPeriod", "noData")) {
            keys.add("reports.error.report." + k);
        }
        // Toolbar buttons: the label's key and its tooltip's, key + ".tip".
        for (String b : List.of("demo", "open", "import", "checks", "export", "home")) {
            keys.add("toolbar." + b);
            keys.add("toolbar." + b + ".tip");
        }
        // Chosen by sign in SummaryFormatter.
        keys.addAll(Set.of("coordinate.east", "coordinate.west", "coordinate.north", "coordinate.south"));
        return keys;
    }
}
