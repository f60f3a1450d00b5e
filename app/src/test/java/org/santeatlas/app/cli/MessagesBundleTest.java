package org.santeatlas.app.cli;

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

/** The CLI's French and English bundles hold the same keys, and every key the code uses. */
class MessagesBundleTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> fr = new HashSet<>(new Messages(Locale.FRENCH).keys());
        Set<String> en = new HashSet<>(new Messages(Locale.ENGLISH).keys());
        assertThat(fr).isEqualTo(en);
    }

    @Test
    void everyProblemKeyOfTheImportersAndEveryCliKeyIsTranslated() throws IOException {
        Messages fr = new Messages(Locale.FRENCH);
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("\"((?:import|pull|workspace\\.error|cli|demo|summary|batches|quality|map)\\.[A-Za-z_.]+)\"");
        for (Path root : new Path[] {Path.of("../core/src/main/java"), Path.of("../importers/src/main/java"),
            Path.of("../map-layers/src/main/java/org/santeatlas/map/print"),
            Path.of("src/main/java/org/santeatlas/app/cli")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("import.unknownOrgUnit", "import.malformedJson", "summary.dataValues");
        for (String k : used) {
            assertThat(fr.has(k)).as(k).isTrue();
        }
    }
}
