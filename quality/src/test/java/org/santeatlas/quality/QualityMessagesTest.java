package org.santeatlas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages explain every finding the checks can report. */
class QualityMessagesTest {

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(new QualityMessages(Locale.FRENCH).keys()).isEqualTo(new QualityMessages(Locale.ROOT).keys());
    }

    @Test
    void everyKeyTheChecksUseExists() throws Exception {
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("\"((?:reporting|indicator|consistency)\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String cause : List.of("extraDigit", "twoExtraDigits", "typedTwice", "generic", "noTypical")) {
            used.add("outlier.high." + cause);
        }
        used.add("outlier.low.missingDigit");
        used.add("outlier.low.generic");
        assertThat(used).contains("reporting.missing", "consistency.impossible");
        QualityMessages fr = new QualityMessages(Locale.FRENCH);
        for (String k : used) {
            assertThat(fr.has(k)).as(k).isTrue();
        }
    }
}
