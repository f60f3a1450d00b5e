package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.santeatlas.map.theme.ClassificationMethod;

/** The map's French and English bundles hold the same keys, and every key the code uses. */
class MapMessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndEnglishIsEnglishOnAFrenchMachine() {
        MapMessages fr = new MapMessages(Locale.FRENCH);
        MapMessages en = new MapMessages(Locale.ENGLISH);
        assertThat(fr.keys()).isEqualTo(en.keys());
        assertThat(fr.get("legend.noData")).isEqualTo("Pas de données");
        assertThat(en.get("legend.noData")).isEqualTo("No data");
        assertThat(fr.number(12345.5, 1)).isEqualTo("12\u202f345,5");
    }

    @Test
    void everyKeyUsedIsInTheBundles() throws IOException {
        MapMessages fr = new MapMessages(Locale.FRENCH);
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("\"((?:legend|scale|north|mark|title|subtitle|source)\\.[A-Za-z_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));
        for (ClassificationMethod c : ClassificationMethod.values()) {
            used.add("legend.method." + c.name());
        }
        assertThat(used).contains("legend.noData", "mark.fictional", "scale.km");
        for (String k : used) {
            assertThat(fr.has(k)).as(k).isTrue();
        }
    }
}
