package org.santeatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.app.cli.CliRuns.run;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.cli.CliRuns.Run;

/** {@code santeatlas coverage} and {@code santeatlas site} on the generated demo workspace. */
class CoverageCliTest {

    @TempDir
    static Path dir;
    static Path workspace;
    static Locale previous;

    static JsonNode json(String... args) throws Exception {
        Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    static Set<String> keys(JsonNode n) {
        Set<String> k = new HashSet<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @BeforeAll
    static void buildDemo() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        workspace = CliRuns.readOnlyDemo();
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }

    @Test
    void coverageJsonHasTheDocumentedKeysAndAreasAddUpToTheCountry() throws Exception {
        JsonNode j = json("coverage", "-w", workspace.toString(), "--json");
        assertThat(keys(j)).contains("radiusKm", "population", "covered", "coveragePercent", "areas", "facilities",
                "facilitiesPer10000");
        assertThat(j.get("radiusKm").asDouble()).isEqualTo(5.0);
        JsonNode areas = j.get("areas");
        assertThat(areas.isArray()).isTrue();
        assertThat(areas.size()).isEqualTo(14);
        long population = 0;
        long covered = 0;
        for (JsonNode a : areas) {
            assertThat(keys(a)).contains("uid", "name", "radiusKm", "population", "covered", "coveragePercent");
            assertThat(a.get("uid").asText()).hasSize(11);
            assertThat(a.get("covered").asLong()).isBetween(0L, a.get("population").asLong());
            assertThat(a.get("coveragePercent").asDouble())
                    .isCloseTo(100.0 * a.get("covered").asLong() / a.get("population").asLong(), within(1e-9));
            population += a.get("population").asLong();
            covered += a.get("covered").asLong();
        }
        assertThat(population).isEqualTo(j.get("population").asLong());
        assertThat(covered).isEqualTo(j.get("covered").asLong());
    }

    @Test
    void levelsRadiusAndFacilityTypesChangeTheFigures() throws Exception {
        JsonNode all = json("coverage", "-w", workspace.toString(), "--json");
        JsonNode regions = json("coverage", "-w", workspace.toString(), "--json", "--level", "region");
        JsonNode areas = json("coverage", "-w", workspace.toString(), "--json", "--level", "area");
        assertThat(regions.get("areas").size()).isEqualTo(5);
        assertThat(areas.get("areas").size()).isGreaterThan(100);
        JsonNode wide = json("coverage", "-w", workspace.toString(), "--json", "--radius-km", "10");
        assertThat(wide.get("radiusKm").asDouble()).isEqualTo(10.0);
        assertThat(wide.get("covered").asLong()).isGreaterThan(all.get("covered").asLong());
        JsonNode noPosts = json("coverage", "-w", workspace.toString(), "--json", "--facility-types", "hospital,centre");
        assertThat(noPosts.get("covered").asLong()).isLessThan(all.get("covered").asLong());
        assertThat(noPosts.get("facilities").asInt()).isLessThan(all.get("facilities").asInt());
    }

    @Test
    void oneDistrictByItsProperNameListsItsAreas() throws Exception {
        JsonNode all = json("coverage", "-w", workspace.toString(), "--json");
        JsonNode first = all.get("areas").get(0);
        String name = first.get("name").asText();
        String proper = name.substring(name.lastIndexOf(' ') + 1);
        JsonNode d = json("coverage", "-w", workspace.toString(), "--json", "--district", proper);
        assertThat(d.get("uid").asText()).isEqualTo(first.get("uid").asText());
        assertThat(d.get("population").asLong()).isEqualTo(first.get("population").asLong());
        long sum = 0;
        for (JsonNode a : d.get("areas")) {
            sum += a.get("population").asLong();
        }
        assertThat(sum).isEqualTo(first.get("population").asLong());
        JsonNode byUid = json("coverage", "-w", workspace.toString(), "--json", "--district", first.get("uid").asText());
        assertThat(byUid.get("covered")).isEqualTo(d.get("covered"));
    }

    @Test
    void unknownDistrictExitsOneWithTheClosestNames() throws Exception {
        JsonNode all = json("coverage", "-w", workspace.toString(), "--json");
        String name = all.get("areas").get(0).get("name").asText();
        Run r = run("coverage", "-w", workspace.toString(), "--district", name.substring(0, name.length() - 1) + "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no health district").contains(name).doesNotContain("Exception");
        assertThat(r.err().lines().count()).isEqualTo(1);
        Run site = run("site", "-w", workspace.toString(), "--new", "2", "--district", "Nowhere");
        assertThat(site.code()).isEqualTo(1);
        assertThat(site.err()).contains("Closest:");
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThat(run("coverage", "-w", workspace.toString(), "--radius-km", "0").code()).isEqualTo(1);
        Run types = run("coverage", "-w", workspace.toString(), "--facility-types", "dispensary");
        assertThat(types.code()).isEqualTo(1);
        assertThat(types.err()).contains("dispensary").contains("hospital");
        assertThat(run("site", "-w", workspace.toString(), "--new", "0").code()).isEqualTo(1);
    }

    @Test
    void siteJsonListsSitesWithFallingGainsAndRisingCoverage() throws Exception {
        JsonNode j = json("site", "-w", workspace.toString(), "--new", "5", "--json");
        assertThat(keys(j)).contains("radiusKm", "population", "coveredBefore", "coveragePercentBefore", "sites");
        JsonNode sites = j.get("sites");
        assertThat(sites.size()).isEqualTo(5);
        long previousGain = Long.MAX_VALUE;
        long cumulative = j.get("coveredBefore").asLong();
        List<String> codes = new ArrayList<>();
        for (JsonNode s : sites) {
            assertThat(keys(s)).contains("rank", "code", "name", "latitude", "longitude", "gain", "cumulativeCovered",
                    "cumulativeCoveragePercent");
            assertThat(s.get("gain").asLong()).isPositive().isLessThanOrEqualTo(previousGain);
            previousGain = s.get("gain").asLong();
            cumulative += previousGain;
            assertThat(s.get("cumulativeCovered").asLong()).isEqualTo(cumulative);
            codes.add(s.get("code").asText());
        }
        assertThat(codes).doesNotHaveDuplicates();
        // The coverage command agrees on the starting point.
        JsonNode c = json("coverage", "-w", workspace.toString(), "--json");
        assertThat(j.get("coveredBefore").asLong()).isEqualTo(c.get("covered").asLong());
    }

    @Test
    void frenchTextUsesDecimalCommasAndTranslatedHeadings() {
        Locale.setDefault(Locale.FRENCH);
        try {
            Run r = run("coverage", "-w", workspace.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("District sanitaire").contains("Couverture").containsPattern("\\d,\\d\u202f%");
            Run s = run("site", "-w", workspace.toString(), "--new", "3");
            assertThat(s.code()).as(s.err()).isZero();
            assertThat(s.out()).contains("Localité").contains("Gain").containsPattern("\\d{1,2},\\d{5}");
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }

    @Test
    void everyCoverageKeyIsInBothLanguages() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages fr = new Messages(Locale.FRENCH);
        List<String> mine = en.keys().stream().filter(k -> k.startsWith("coverage.") || k.startsWith("site.")).toList();
        assertThat(mine).hasSizeGreaterThan(20);
        assertThat(fr.keys()).containsAll(mine);
    }
}
