package org.santeatlas.quality.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every explanation key the geo, validation, registry and population checks use exists in both languages. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:geo|validation|registry|external|population)\\.[A-Za-z]+)\"");

    @Test
    void everyKeyUsedIsInEnglishAndFrenchAndFormats() throws IOException {
        Set<String> used = new TreeSet<>();
        Path main = Path.of("src/main/java/org/santeatlas/quality");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        ResourceBundle en = Explanations.bundle(Locale.ENGLISH);
        ResourceBundle fr = Explanations.bundle(Locale.FRENCH);
        assertThat(fr.getLocale()).isEqualTo(Locale.FRENCH);
        for (String key : used) {
            assertThat(en.containsKey(key)).as("English " + key).isTrue();
            assertThat(fr.containsKey(key)).as("French " + key).isTrue();
            MessageFormat english = new MessageFormat(en.getString(key), Locale.ENGLISH);
            MessageFormat french = new MessageFormat(fr.getString(key), Locale.FRENCH);
            // Both languages take the same arguments: a number where either formats a number.
            java.text.Format[] a = english.getFormatsByArgumentIndex();
            java.text.Format[] b = french.getFormatsByArgumentIndex();
            assertThat(a.length).as("argument count of " + key).isEqualTo(b.length);
            Object[] args = new Object[a.length];
            for (int i = 0; i < args.length; i++) {
                assertThat(a[i] == null).as("argument " + i + " of " + key).isEqualTo(b[i] == null);
                args[i] = a[i] == null ? "x" : 1234.5;
            }
            assertThat(english.format(args)).doesNotContain("{");
            assertThat(french.format(args)).doesNotContain("{");
        }
        List<String> enKeys = Collections.list(en.getKeys());
        assertThat(new TreeSet<>(Collections.list(fr.getKeys()))).containsAll(enKeys);
    }

    @Test
    void frenchReadsFrench() {
        String text = Explanations.format(Locale.FRENCH, "geo.nearDuplicate", List.of("CSI Dokeba", "CSI Dokéba", 86L, 100L));
        assertThat(text).isEqualTo("CSI Dokeba est probablement la même formation sanitaire que CSI Dokéba : les noms se"
                + " ressemblent à 100 % (mots de type mis à part) et les points sont à 86 m l'un de l'autre. Ses rapports"
                + " risquent d'être comptés deux fois.");
    }
}
