package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every planted problem listed in ground-truth.json is in the files, found from the files alone, and
 * — where a detector could be exhaustive (completeness, timeliness, validation rules, registry
 * matching) — nothing else is.
 */
class GroundTruthTest {

    private static final Pattern OPERAND = Pattern.compile("#\\{([A-Za-z0-9]{11})(?:\\.([A-Za-z0-9]{11}))?}");
    private static final GeometryFactory GF = new GeometryFactory();

    private static GeneratedFiles demo;
    private static JsonNode gt;
    /** value by "de|period|orgUnit|coc". */
    private static final Map<String, Integer> valueByCell = new HashMap<>();
    /** "orgUnit|period" of every registration, with its date. */
    private static final Map<String, String> registrationDate = new HashMap<>();

    @BeforeAll
    static void read() {
        demo = DemoFixture.demo();
        gt = demo.groundTruth;
        for (GeneratedFiles.Value v : demo.values) {
            valueByCell.put(v.cell(), Integer.parseInt(v.value()));
        }
        for (JsonNode r : demo.registrations.get("completeDataSetRegistrations")) {
            registrationDate.put(r.get("organisationUnit").asText() + "|" + r.get("period").asText(),
                    r.get("date").asText());
        }
    }

    @Test
    void groundTruthListsSeveralProblemsOfEachKind() {
        assertThat(gt.get("seed").asLong()).isEqualTo(42);
        assertThat(gt.get("size").asText()).isEqualTo("demo");
        for (String list : new String[] {"outliers", "missingReports", "lateReports", "validationViolations",
                "swappedCoordinates", "outsideDistrict", "missingCoordinates", "nearDuplicates", "registryOnly",
                "snisOnly"}) {
            assertThat(gt.get(list).size()).as(list).isGreaterThanOrEqualTo(2);
        }
        Set<String> kinds = new HashSet<>();
        gt.get("outliers").forEach(o -> kinds.add(o.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("DIGIT_SLIP_X10", "EXTRA_ZERO", "DUPLICATED_DIGITS");
        Set<String> rules = new HashSet<>();
        gt.get("validationViolations").forEach(v -> rules.add(v.get("validationRuleCode").asText()));
        assertThat(rules).contains("VR_PALU_CONF_TEST", "VR_PEV_PENTA3_PENTA1", "VR_CPN4_CPN1");
    }

    @Test
    void plantedOutliersAreInTheDataValues() {
        for (JsonNode o : gt.get("outliers")) {
            String cell = o.get("dataElement").asText() + "|" + o.get("period").asText() + "|"
                    + o.get("orgUnit").asText() + "|" + o.get("categoryOptionCombo").asText();
            String value = o.get("value").asText();
            String original = o.get("originalValue").asText();
            assertThat(valueByCell.get(cell)).as(cell).isEqualTo(Integer.parseInt(value));
            assertThat(demo.orgUnits.get(o.get("orgUnit").asText()).get("code").asText())
                    .isEqualTo(o.get("orgUnitCode").asText());
            switch (o.get("kind").asText()) {
                case "DIGIT_SLIP_X10", "EXTRA_ZERO" -> assertThat(value).isEqualTo(original + "0");
                case "DUPLICATED_DIGITS" -> assertThat(value).isEqualTo(original + original);
                default -> throw new AssertionError(o.get("kind").asText());
            }
        }
    }

    @Test
    void missingReportsAreExactlyTheExpectedReportsWithoutRegistration() {
        Set<String> listed = new TreeSet<>();
        gt.get("missingReports").forEach(m -> listed.add(m.get("orgUnit").asText() + "|" + m.get("period").asText()));
        Set<String> closedOrNew = new HashSet<>();

        Set<String> expectedButAbsent = new TreeSet<>();
        for (JsonNode f : demo.orgUnitsAtLevel(5)) {
            LocalDate opened = LocalDate.parse(f.get("openingDate").asText().substring(0, 10));
            LocalDate closed = f.has("closedDate") ? LocalDate.parse(f.get("closedDate").asText().substring(0, 10)) : null;
            if (closed != null) {
                closedOrNew.add(f.get("id").asText());
            }
            for (YearMonth ym = YearMonth.of(2023, 1); !ym.isAfter(YearMonth.of(2025, 12)); ym = ym.plusMonths(1)) {
                boolean expected = !opened.isAfter(ym.atEndOfMonth()) && (closed == null || !closed.isBefore(ym.atDay(1)));
                String key = f.get("id").asText() + "|" + period(ym);
                if (expected && !registrationDate.containsKey(key)) {
                    expectedButAbsent.add(key);
                }
                if (!expected) {
                    assertThat(registrationDate).as("report outside opening dates " + key).doesNotContainKey(key);
                }
            }
        }
        assertThat(listed).isEqualTo(expectedButAbsent);
        Set<String> reportedCells = new HashSet<>();
        demo.values.forEach(v -> reportedCells.add(v.orgUnit() + "|" + v.period()));
        assertThat(reportedCells).doesNotContainAnyElementsOf(listed);
        assertThat(reportedCells).isEqualTo(registrationDate.keySet());
        assertThat(closedOrNew).hasSizeGreaterThanOrEqualTo(1);
        assertThat(gt.get("openedDuringPeriod").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void lateReportsAreExactlyThoseCompletedAfterTheDeadline() {
        int timelyDays = demo.metadata.get("dataSets").get(0).get("timelyDays").asInt();
        Set<String> listed = new TreeSet<>();
        for (JsonNode l : gt.get("lateReports")) {
            listed.add(l.get("orgUnit").asText() + "|" + l.get("period").asText());
            assertThat(l.get("daysLate").asInt()).isPositive();
        }
        Set<String> late = new TreeSet<>();
        int onTime = 0;
        for (var e : registrationDate.entrySet()) {
            String period = e.getKey().substring(e.getKey().indexOf('|') + 1);
            YearMonth ym = YearMonth.of(Integer.parseInt(period.substring(0, 4)), Integer.parseInt(period.substring(4)));
            LocalDate date = LocalDate.parse(e.getValue());
            assertThat(date).isAfter(ym.atEndOfMonth());
            if (date.isAfter(ym.atEndOfMonth().plusDays(timelyDays))) {
                late.add(e.getKey());
            } else {
                onTime++;
            }
        }
        assertThat(listed).isEqualTo(late);
        assertThat(onTime).isGreaterThan(late.size() * 4);
    }

    @Test
    void validationViolationsAreExactlyThePlantedOnes() {
        // Sum the values of each operand per facility-month, as DHIS2 evaluates a rule.
        Map<String, Map<String, Integer>> totals = new HashMap<>();
        for (GeneratedFiles.Value v : demo.values) {
            Map<String, Integer> t = totals.computeIfAbsent(v.orgUnit() + "|" + v.period(), k -> new HashMap<>());
            int value = Integer.parseInt(v.value());
            t.merge(v.dataElement(), value, Integer::sum);
            t.merge(v.dataElement() + "." + v.categoryOptionCombo(), value, Integer::sum);
        }
        Set<String> found = new TreeSet<>();
        Map<String, JsonNode> rulesById = new HashMap<>();
        for (JsonNode rule : demo.metadata.get("validationRules")) {
            rulesById.put(rule.get("id").asText(), rule);
            for (var e : totals.entrySet()) {
                int left = evaluate(rule.at("/leftSide/expression").asText(), e.getValue());
                int right = evaluate(rule.at("/rightSide/expression").asText(), e.getValue());
                if (left > right) {
                    found.add(rule.get("id").asText() + "|" + e.getKey() + "|" + left + "|" + right);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (JsonNode v : gt.get("validationViolations")) {
            listed.add(v.get("validationRule").asText() + "|" + v.get("orgUnit").asText() + "|"
                    + v.get("period").asText() + "|" + v.get("leftSide").asInt() + "|" + v.get("rightSide").asInt());
            assertThat(rulesById.get(v.get("validationRule").asText()).get("code").asText())
                    .isEqualTo(v.get("validationRuleCode").asText());
            assertThat(v.get("value").asInt()).isGreaterThan(v.get("originalValue").asInt());
        }
        assertThat(found).isEqualTo(listed);
    }

    private static int evaluate(String expression, Map<String, Integer> totals) {
        Matcher m = OPERAND.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError("Not a single operand: " + expression);
        }
        String key = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
        return totals.getOrDefault(key, 0);
    }

    @Test
    void swappedFacilitiesHaveLatitudeAndLongitudeReversed() {
        Geometry country = GeneratedFiles.geometry(demo.orgUnitsAtLevel(1).get(0).get("geometry"));
        Map<String, String[]> registry = registryByCode();
        for (JsonNode s : gt.get("swappedCoordinates")) {
            Coordinate published = point(s.get("orgUnit").asText());
            Coordinate truth = GeneratedFiles.coordinate(s.get("trueCoordinates"));
            assertThat(published).isEqualTo(new Coordinate(truth.y, truth.x));
            assertThat(country.covers(GF.createPoint(published))).isFalse();
            assertThat(country.covers(GF.createPoint(truth))).isTrue();
            String[] row = registry.get(s.get("orgUnitCode").asText());
            assertThat(Double.parseDouble(row[7])).isEqualTo(truth.y);
            assertThat(Double.parseDouble(row[8])).isEqualTo(truth.x);
        }
    }

    @Test
    void misplacedFacilitiesLieInAnotherDistrict() {
        for (JsonNode m : gt.get("outsideDistrict")) {
            JsonNode facility = demo.orgUnits.get(m.get("orgUnit").asText());
            String expected = m.get("expectedDistrict").asText();
            assertThat(demo.orgUnits.get(facility.at("/parent/id").asText()).at("/parent/id").asText()).isEqualTo(expected);
            var p = GF.createPoint(point(m.get("orgUnit").asText()));
            assertThat(district(expected).covers(p)).isFalse();
            assertThat(district(m.get("actualDistrict").asText()).covers(p)).isTrue();
            var truth = GF.createPoint(GeneratedFiles.coordinate(m.get("trueCoordinates")));
            assertThat(district(expected).covers(truth)).isTrue();
        }
    }

    @Test
    void facilitiesWithoutCoordinatesHaveNoGeometry() {
        Set<String> listed = new HashSet<>();
        gt.get("missingCoordinates").forEach(m -> listed.add(m.get("orgUnit").asText()));
        Set<String> withoutGeometry = new HashSet<>();
        for (JsonNode f : demo.orgUnitsAtLevel(5)) {
            if (!f.has("geometry")) {
                withoutGeometry.add(f.get("id").asText());
            }
        }
        assertThat(withoutGeometry).isEqualTo(listed);
        Set<String> registryEmpty = new HashSet<>();
        demo.registry.stream().filter(r -> r[7].isEmpty()).forEach(r -> registryEmpty.add(r[0]));
        Set<String> listedEmpty = new HashSet<>();
        gt.get("registryMissingCoordinates").forEach(r -> listedEmpty.add(r.get("code").asText()));
        assertThat(registryEmpty).isEqualTo(listedEmpty).isNotEmpty();
    }

    @Test
    void nearDuplicatesAreCloseAndNamedAlmostAlike() {
        for (JsonNode d : gt.get("nearDuplicates")) {
            JsonNode dup = demo.orgUnits.get(d.get("orgUnit").asText());
            JsonNode original = demo.orgUnits.get(d.get("duplicateOf").asText());
            assertThat(dup.at("/parent/id").asText()).isEqualTo(original.at("/parent/id").asText());
            assertThat(dup.get("name").asText()).isNotEqualTo(original.get("name").asText());
            assertThat(comparable(dup.get("name").asText())).isEqualTo(comparable(original.get("name").asText()));
            double metres = Geo.distanceMetres(point(dup.get("id").asText()), point(original.get("id").asText()));
            assertThat(metres).isBetween(10.0, 150.0);
        }
        // One pair is the classic town-quarter case: "CSI Tahoua-Est" and "CSI Tahoua Est".
        boolean hyphenVersusSpace = false;
        for (JsonNode d : gt.get("nearDuplicates")) {
            String original = d.get("duplicateOfName").asText();
            hyphenVersusSpace |= original.startsWith("CSI ") && original.contains("-")
                    && d.get("name").asText().equals(original.replace('-', ' '));
        }
        assertThat(hyphenVersusSpace).isTrue();
    }

    @Test
    void registryAndSnisDifferExactlyAsPlanted() {
        Set<String> snis = new TreeSet<>();
        demo.orgUnitsAtLevel(5).forEach(f -> snis.add(f.get("code").asText()));
        Set<String> registry = new TreeSet<>(registryByCode().keySet());

        Set<String> registryOnly = new TreeSet<>(registry);
        registryOnly.removeAll(snis);
        Set<String> snisOnly = new TreeSet<>(snis);
        snisOnly.removeAll(registry);

        Set<String> listedRegistryOnly = new TreeSet<>();
        gt.get("registryOnly").forEach(r -> listedRegistryOnly.add(r.get("code").asText()));
        Set<String> listedSnisOnly = new TreeSet<>();
        gt.get("snisOnly").forEach(r -> listedSnisOnly.add(r.get("orgUnitCode").asText()));
        assertThat(registryOnly).isEqualTo(listedRegistryOnly);
        assertThat(snisOnly).isEqualTo(listedSnisOnly);
        Set<String> duplicates = new HashSet<>();
        gt.get("nearDuplicates").forEach(d -> duplicates.add(d.get("orgUnitCode").asText()));
        assertThat(snisOnly).containsAll(duplicates);
    }

    @Test
    void dataFollowSeasonsAndProgrammeLogic() {
        Map<String, String> deByCode = new HashMap<>();
        demo.metadata.get("dataElements").forEach(de -> deByCode.put(de.get("code").asText(), de.get("id").asText()));
        String tested = deByCode.get("SNIS_PALU_TEST");
        long rainy = 0;
        long dry = 0;
        for (GeneratedFiles.Value v : demo.values) {
            if (v.dataElement().equals(tested)) {
                String month = v.period().substring(4);
                if (month.equals("08") || month.equals("09") || month.equals("10")) {
                    rainy += Integer.parseInt(v.value());
                } else if (month.equals("02") || month.equals("03") || month.equals("04")) {
                    dry += Integer.parseInt(v.value());
                }
            }
        }
        assertThat(rainy).isGreaterThan(3 * dry);

        Set<String> treatedOutliers = new HashSet<>();
        gt.get("outliers").forEach(o -> treatedOutliers.add(o.get("orgUnit").asText() + o.get("period").asText()));
        String confirmed = deByCode.get("SNIS_PALU_CONF");
        String treated = deByCode.get("SNIS_PALU_TRAIT");
        Map<String, Integer> conf = new HashMap<>();
        Map<String, Integer> treat = new HashMap<>();
        for (GeneratedFiles.Value v : demo.values) {
            if (v.dataElement().equals(confirmed)) {
                conf.put(v.orgUnit() + v.period(), Integer.parseInt(v.value()));
            } else if (v.dataElement().equals(treated)) {
                treat.put(v.orgUnit() + v.period(), Integer.parseInt(v.value()));
            }
        }
        Set<String> plantedMalaria = new HashSet<>();
        gt.get("validationViolations").forEach(v -> plantedMalaria.add(v.get("orgUnit").asText() + v.get("period").asText()));
        long close = 0;
        for (var e : treat.entrySet()) {
            if (treatedOutliers.contains(e.getKey()) || plantedMalaria.contains(e.getKey())) {
                continue;
            }
            int c = conf.getOrDefault(e.getKey(), 0);
            assertThat(e.getValue()).as(e.getKey()).isLessThanOrEqualTo(c);
            if (e.getValue() >= 0.8 * c) {
                close++;
            }
        }
        assertThat(close).isGreaterThan(treat.size() * 9L / 10);
    }

    private static Map<String, String[]> registryByCode() {
        Map<String, String[]> out = new HashMap<>();
        for (String[] row : demo.registry) {
            out.put(row[0], row);
        }
        return out;
    }

    private static Coordinate point(String orgUnit) {
        return GeneratedFiles.coordinate(demo.orgUnits.get(orgUnit).at("/geometry/coordinates"));
    }

    private static Geometry district(String uid) {
        return GeneratedFiles.geometry(demo.orgUnits.get(uid).get("geometry"));
    }

    /** What a fuzzy matcher compares: no accents, case, punctuation or spaces. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String period(YearMonth ym) {
        return String.format("%d%02d", ym.getYear(), ym.getMonthValue());
    }
}
