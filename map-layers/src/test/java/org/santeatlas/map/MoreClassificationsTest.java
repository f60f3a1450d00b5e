package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.theme.Classification;
import org.santeatlas.map.theme.ClassificationMethod;
import org.santeatlas.map.theme.Classifier;
import org.santeatlas.map.theme.Palette;

/** Pretty breaks, standard deviations, logarithmic classes, DHIS2 legend sets and palette flags. */
class MoreClassificationsTest {

    static final double[] CASES = {3, 17, 41, 58, 77, 120, 260, 480, 950, 1210, Double.NaN};

    @Test
    void prettyBreaksAreRoundStepsCoveringTheData() {
        Classification c = Classifier.classify(CASES, ClassificationMethod.PRETTY, 5);
        double[] l = c.limits();
        double step = l[1] - l[0];
        assertThat(l[0]).isLessThanOrEqualTo(3);
        assertThat(l[l.length - 1]).isGreaterThanOrEqualTo(1210);
        assertThat(c.classCount()).isBetween(3, 5);
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
        assertThat(mantissa).isIn(1.0, 2.0, 5.0);
        for (int i = 1; i < l.length; i++) {
            assertThat(l[i] - l[i - 1]).isCloseTo(step, within(1e-9));
            assertThat(l[i] / step).isCloseTo(Math.rint(l[i] / step), within(1e-9));
        }
        // Decimal steps print exactly: 0.1, 0.2, 0.3 — not 0.30000000000000004.
        Classification small = Classifier.classify(new double[] {0.12, 0.31, 0.44, 0.58}, ClassificationMethod.PRETTY, 5);
        assertThat(small.limits()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
    }

    @Test
    void standardDeviationClassesAreOneSdWideAroundTheMean() {
        double[] v = {10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
        double mean = 20;
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
        Classification c = Classifier.classify(v, ClassificationMethod.STANDARD_DEVIATION, 5);
        // Odd k: the middle class is mean ± sd/2; the outer ones run to the data's ends.
        assertThat(c.limits()).containsExactly(new double[] {10, mean - 1.5 * sd, mean - 0.5 * sd, mean + 0.5 * sd,
            mean + 1.5 * sd, 30}, within(1e-9));
        assertThat(c.classOf(20)).isEqualTo(2);
        // Even k: the mean is a limit.
        assertThat(Classifier.classify(v, ClassificationMethod.STANDARD_DEVIATION, 4).limits()).contains(mean);
    }

    @Test
    void logarithmicClassesAreEqualInLogAndRefuseZeros() {
        Classification c = Classifier.classify(new double[] {1, 10, 100, 1000}, ClassificationMethod.LOGARITHMIC, 3);
        assertThat(c.limits()).containsExactly(new double[] {1, 10, 100, 1000}, within(1e-9));
        assertThatThrownBy(() -> Classifier.classify(new double[] {0, 5, 50, -2}, ClassificationMethod.LOGARITHMIC, 3))
                .isInstanceOf(Classifier.NonPositiveValuesException.class)
                .satisfies(e -> {
                    assertThat(((Classifier.NonPositiveValuesException) e).count()).isEqualTo(2);
                    assertThat(((Classifier.NonPositiveValuesException) e).min()).isEqualTo(-2);
                });
    }

    @Test
    void everyMethodTakesThreeToNineClassesOnly() {
        for (ClassificationMethod m : new ClassificationMethod[] {ClassificationMethod.PRETTY,
            ClassificationMethod.STANDARD_DEVIATION, ClassificationMethod.LOGARITHMIC}) {
            assertThatThrownBy(() -> Classifier.classify(CASES, m, 2)).hasMessageContaining("3..9");
            assertThatThrownBy(() -> Classifier.classify(CASES, m, 10)).hasMessageContaining("3..9");
            for (int k = 3; k <= 9; k++) {
                Classification c = Classifier.classify(CASES, m, k);
                assertThat(c.classCount()).isBetween(1, k);
                int[] counts = c.counts(CASES);
                assertThat(Arrays.stream(counts).sum()).isEqualTo(10);
            }
        }
    }

    @Test
    void palettesSayWhetherTheyAreColourBlindSafe() {
        assertThat(Palette.YL_OR_RD.colourBlindSafe()).isTrue();
        assertThat(Palette.RD_YL_BU.colourBlindSafe()).isTrue();
        assertThat(Palette.RD_YL_GN.colourBlindSafe()).isFalse();
        for (Palette p : Palette.values()) {
            for (int k = 3; k <= 9; k++) {
                assertThat(p.colors(k)).hasSize(k).doesNotHaveDuplicates();
            }
        }
        assertThat(Palette.byName("rdylbu")).isEqualTo(Palette.RD_YL_BU);
    }

    @Test
    void aDhis2LegendSetClassesTheMapWithItsColoursNamesAndCounts(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("ls" + Workspace.FILE_SUFFIX);
        Files.copy(DemoWorkspace.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        Path json = dir.resolve("legends.json");
        Files.writeString(json, """
                {"legendSets": [{"id": "LsPositiv01", "code": "LS_POS", "name": "Positivité palu",
                  "legends": [
                    {"id": "LgPosBas001", "name": "Basse", "startValue": 0, "endValue": 35, "color": "#1A9850"},
                    {"id": "LgPosMoy001", "name": "Moyenne", "startValue": 35, "endValue": 45, "color": "#FEE08B"},
                    {"id": "LgPosHau001", "name": "Haute", "startValue": 45, "endValue": 100, "color": "#D73027"}]}]}
                """);
        try (Workspace w = Workspace.open(copy, AccessMode.READ_WRITE)) {
            ImportResult r = new ImportService(w).importFile(json, Optional.empty(), ImportProgress.NONE);
            assertThat(r.failed()).isFalse();
            PrintLayout layout = HealthMapComposer.compose(w, MapRequest.defaults().withLevel(MapRequest.AreaLevel.AREA)
                    .withTheme(new MapRequest.Theme(MapRequest.ThemeKind.INDICATOR, "IND_PALU_POSITIVITE", "2024"))
                    .withLegendSet("Positivité palu").withLocale(Locale.FRENCH).madeOn(LocalDate.of(2026, 11, 23)));
            ChoroplethLayer theme = (ChoroplethLayer) layout.model().entries().get(0).layer();
            assertThat(theme.classification().limits()).containsExactly(0, 35, 45, 100);
            Legend legend = layout.legends().get(0);
            assertThat(legend.title()).contains("Classes : légende « Positivité palu » (DHIS2)");
            assertThat(legend.rows().get(0).label()).isEqualTo("Basse (0 – 35)");
            assertThat(legend.rows().get(2).label()).isEqualTo("Haute (45 – 100)");
            int[] expected = new int[3];
            int areas = 0;
            for (int i = 0; ; i++) {
                double v;
                try {
                    v = theme.value(i);
                } catch (ArrayIndexOutOfBoundsException e) {
                    break;
                }
                areas++;
                if (!Double.isNaN(v)) {
                    expected[v < 35 ? 0 : v < 45 ? 1 : 2]++;
                    assertThat(theme.fillOf(i)).isEqualTo(Rgba.hex(v < 35 ? "#1A9850" : v < 45 ? "#FEE08B" : "#D73027"));
                }
            }
            for (int c = 0; c < 3; c++) {
                assertThat(legend.rows().get(c).count().getAsInt()).isEqualTo(expected[c]);
            }
            assertThat(areas).isGreaterThan(100);
            assertThatThrownBy(() -> HealthMapComposer.compose(w, MapRequest.defaults()
                    .withTheme("SNIS_PALU_CONF", "2024").withLegendSet("nope")))
                    .isInstanceOf(HealthMapComposer.MapRequestException.class).hasMessageContaining("map.unknownLegendSet");
        }
    }
}
