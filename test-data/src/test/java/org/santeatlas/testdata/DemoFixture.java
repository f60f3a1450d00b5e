package org.santeatlas.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo country (seed 42) generated once per test JVM and shared by the test classes, since
 * generating and reading it back takes a few seconds. The directory is removed when the JVM exits.
 */
final class DemoFixture {

    private static GeneratedFiles demo;

    private DemoFixture() {}

    static synchronized GeneratedFiles demo() {
        if (demo == null) {
            try {
                Path dir = Files.createTempDirectory("santeatlas-demo-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
                demo = new GeneratedFiles(DemoGenerator.generate(DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
