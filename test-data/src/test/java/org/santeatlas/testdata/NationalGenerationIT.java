package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the national files once and reports time and sizes. Surefire skips *IT classes; run by hand:
 * {@code mvn -B -q -pl test-data test -Dtest=NationalGenerationIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NationalGenerationIT {

    @Test
    void generatesTheNationalFiles(@TempDir Path dir) throws IOException {
        long start = System.nanoTime();
        DemoFiles files = DemoGenerator.generate(DemoSize.NATIONAL, DemoGenerator.DEFAULT_SEED, dir);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("national generation: %.1f s, %s%n", seconds, files.counts());
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path p : listing.sorted().toList()) {
                System.out.printf("  %-36s %,15d bytes%n", p.getFileName(), Files.size(p));
            }
        }
        assertThat(files.counts().dataValues()).isGreaterThanOrEqualTo(1_500_000L);
        assertThat(files.counts().orgUnits()).isGreaterThanOrEqualTo(1 + 8 + 70 + 1_500 + 5_000);
        assertThat(files.counts().localities()).isGreaterThanOrEqualTo(50_000);
    }
}
