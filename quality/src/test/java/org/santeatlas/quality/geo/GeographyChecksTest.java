package org.santeatlas.quality.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.quality.geo.HandBuiltWorkspace.box;
import static org.santeatlas.quality.geo.HandBuiltWorkspace.point;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;

/**
 * A 2° × 2° country: districts A (lon 0–1) and B (lon 1–2); A has areas A1 (lat 10–11) and A2
 * (lat 11–12); B has B1. One facility per planted case.
 */
class GeographyChecksTest {

    @TempDir
    Path dir;

    private HandBuiltWorkspace country() throws Exception {
        HandBuiltWorkspace w = new HandBuiltWorkspace(dir).levels();
        w.orgUnit("Country0001", "C", "Pays", null, box(0, 10, 2, 12));
        w.orgUnit("Region00001", "C-R", "Région", "Country0001", box(0, 10, 2, 12));
        w.orgUnit("DistrictA01", "C-R-A", "District A", "Region00001", box(0, 10, 1, 12));
        w.orgUnit("DistrictB01", "C-R-B", "District B", "Region00001", box(1, 10, 2, 12));
        w.orgUnit("AreaA100001", "C-R-A-1", "Aire A1", "DistrictA01", box(0, 10, 1, 11));
        w.orgUnit("AreaA200001", "C-R-A-2", "Aire A2", "DistrictA01", box(0, 11, 1, 12));
        w.orgUnit("AreaB100001", "C-R-B-1", "Aire B1", "DistrictB01", box(1, 10, 2, 12));
        return w;
    }

    private static Map<String, String> byOrgUnit(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::orgUnit, Finding::check));
    }

    @Test
    void eachMisplacedFacilityGetsItsOneMostTellingFinding() throws Exception {
        try (HandBuiltWorkspace w = country()) {
            w.orgUnit("FacOk000001", "F1", "CSI Tanout", "AreaA100001", point(0.5, 10.5));
            w.orgUnit("FacMissing1", "F2", "CSI Sans Point", "AreaA100001", null);
            w.orgUnit("FacZero0001", "F3", "CSI Zéro", "AreaA100001", point(0, 0));
            // True point (0.5, 11.5) typed as (11.5, 0.5): outside the country, swapped back inside A.
            w.orgUnit("FacSwapped1", "F4", "CSI Inversé", "AreaA200001", point(11.5, 0.5));
            w.orgUnit("FacOutDist1", "F5", "CSI Voisin", "AreaA100001", point(1.5, 10.5));
            w.orgUnit("FacOutArea1", "F6", "CSI Aire", "AreaA100001", point(0.5, 11.5));
            w.orgUnit("FacFarAway1", "F7", "CSI Lointain", "AreaA100001", point(5, 5));
            // 0.002° of latitude ≈ 222 m south of the border: within the 500 m tolerance.
            w.orgUnit("FacBorder01", "F8", "CSI Frontière", "AreaA100001", point(0.5, 9.998));
            // 0.002° of longitude ≈ 219 m inside district B: within the tolerance, but in another district.
            w.orgUnit("FacNearB001", "F9", "CSI Près de B", "AreaA100001", point(1.002, 10.5));
            // 0.002° into area A2: within the tolerance, inside another area of the same district.
            w.orgUnit("FacNearA201", "F10", "CSI Près de A2", "AreaA100001", point(0.5, 11.002));
            List<Finding> findings = w.run(new FacilityLocationCheck());
            assertThat(byOrgUnit(findings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "FacMissing1", FacilityLocationCheck.MISSING,
                    "FacZero0001", FacilityLocationCheck.NULL_ISLAND,
                    "FacSwapped1", FacilityLocationCheck.SWAPPED,
                    "FacOutDist1", FacilityLocationCheck.OUTSIDE_DISTRICT,
                    "FacOutArea1", FacilityLocationCheck.OUTSIDE_AREA,
                    "FacFarAway1", FacilityLocationCheck.OUTSIDE_COUNTRY,
                    "FacNearB001", FacilityLocationCheck.OUTSIDE_DISTRICT,
                    "FacNearA201", FacilityLocationCheck.OUTSIDE_AREA));
            assertThat(findings).filteredOn(f -> f.orgUnit().startsWith("FacNear"))
                    .extracting(Finding::severity).containsOnly(org.santeatlas.quality.Severity.LOW);
            assertThat(findings).filteredOn(f -> f.orgUnit().equals("FacOutDist1"))
                    .extracting(Finding::severity).containsOnly(org.santeatlas.quality.Severity.HIGH);
            Finding swapped = findings.stream().filter(f -> f.orgUnit().equals("FacSwapped1")).findFirst().orElseThrow();
            assertThat(swapped.value()).isEqualTo("11.500000, 0.500000");
            assertThat(swapped.expected()).isEqualTo("0.500000, 11.500000");
            Finding outside = findings.stream().filter(f -> f.orgUnit().equals("FacOutDist1")).findFirst().orElseThrow();
            // 0.5° of longitude at 10.5° N: 111.195 km × cos(10.5°) × 0.5 ≈ 54.67 km.
            assertThat(outside.score()).isBetween(54_500.0, 54_800.0);
            assertThat(outside.message()).contains("inside District B");
        }
    }

    @Test
    void aPointJustAcrossTheBorderIsOutsideItsDistrictEvenWhereExchangingItsNumbersLandsInside() throws Exception {
        // Near the line latitude = longitude, exchanging the two numbers moves a point only some 36 km: here it
        // would land back inside district X, but a point 3 km across the border is far likelier slightly off.
        HandBuiltWorkspace w = new HandBuiltWorkspace(dir).levels();
        try (w) {
            w.orgUnit("Country0001", "C", "Pays", null, box(10, 10, 12, 12));
            w.orgUnit("Region00001", "C-R", "Région", "Country0001", box(10, 10, 12, 12));
            w.orgUnit("DistrictX01", "C-R-X", "District X", "Region00001", box(10, 10, 11, 12));
            w.orgUnit("DistrictY01", "C-R-Y", "District Y", "Region00001", box(11, 10, 12, 12));
            w.orgUnit("AreaX100001", "C-R-X-1", "Aire X1", "DistrictX01", box(10, 10, 11, 12));
            w.orgUnit("AreaY100001", "C-R-Y-1", "Aire Y1", "DistrictY01", box(11, 10, 12, 12));
            w.orgUnit("FacAcross01", "F1", "CSI Frontalier", "AreaX100001", point(11.03, 10.8));
            List<Finding> findings = w.run(new FacilityLocationCheck());
            assertThat(byOrgUnit(findings)).containsExactlyEntriesOf(Map.of("FacAcross01",
                    FacilityLocationCheck.OUTSIDE_DISTRICT));
        }
    }

    @Test
    void theToleranceDecidesWhatIsOutside() throws Exception {
        try (HandBuiltWorkspace w = country()) {
            w.orgUnit("FacBorder01", "F8", "CSI Frontière", "AreaA100001", point(0.5, 9.998));
            QualityParameters strict = new QualityParameters(QualityParameters.DEFAULTS.from(),
                    QualityParameters.DEFAULTS.to(), 0.9, 0.75, 3, 2, 5, 3.5, 3, 0.33, 0.1, 0.33, 100, 1000, 0.85);
            List<Finding> findings = w.run(new FacilityLocationCheck(), strict);
            assertThat(findings).extracting(Finding::check).containsExactly(FacilityLocationCheck.OUTSIDE_COUNTRY);
            assertThat(findings.get(0).score()).isBetween(215.0, 230.0);
        }
    }

    @Test
    void nearDuplicatesIgnoreTypeWordsAccentsAndCaseButNotTheKindOrTheDistance() throws Exception {
        try (HandBuiltWorkspace w = country()) {
            w.orgUnit("FacOk000001", "F1", "CSI Tanout", "AreaA100001", point(0.5, 10.5));
            // 0.0005° of longitude ≈ 55 m.
            w.orgUnit("FacDup00001", "F9", "C.S.I. TANOUT", "AreaA100001", point(0.5005, 10.5));
            w.orgUnit("FacHosp0001", "F10", "Hôpital de District de Tanout", "AreaA100001", point(0.5, 10.5005));
            // 0.02° ≈ 2.2 km: too far.
            w.orgUnit("FacFar00001", "F11", "CSI Tanout", "AreaA100001", point(0.52, 10.5));
            w.orgUnit("FacCase0001", "F12", "Case de santé de Guéchémé", "AreaA100001", point(0.6, 10.6));
            w.orgUnit("FacCase0002", "F13", "CASE DE SANTE DE GUECHEME", "AreaA100001", point(0.6003, 10.6));
            w.orgUnit("FacOther001", "F14", "Case de santé de Bangui", "AreaA100001", point(0.6, 10.6003));
            List<Finding> findings = w.run(new NearDuplicateCheck());
            assertThat(findings).extracting(f -> f.orgUnit() + "~" + f.expected())
                    .containsExactlyInAnyOrder("FacDup00001~FacOk000001", "FacCase0002~FacCase0001");
            assertThat(findings).allMatch(f -> f.check().equals(NearDuplicateCheck.NEAR_DUPLICATE));
            assertThat(findings.get(0).message()).contains("m apart");
        }
    }

    @Test
    void overlapsAndGapsAreReportedButSliversAreNot() throws Exception {
        try (HandBuiltWorkspace w = new HandBuiltWorkspace(dir).levels()) {
            w.orgUnit("Country0001", "C", "Pays", null, box(0, 10, 1, 11));
            w.orgUnit("Region00001", "C-R", "Région", "Country0001", box(0, 10, 1, 11));
            w.orgUnit("DistrictA01", "C-R-A", "District A", "Region00001", box(0, 10, 1, 11));
            // Areas 1 and 2 overlap on lon 0.4–0.5 (about 11 km × 55 km); nothing covers lat 10.9–11
            // east of lon 0.5 (a gap); area 3 leaves a 1 m sliver against area 2's edge.
            w.orgUnit("AreaOne0001", "A1", "Aire Un", "DistrictA01", box(0, 10, 0.5, 11));
            w.orgUnit("AreaTwo0001", "A2", "Aire Deux", "DistrictA01", box(0.4, 10, 0.75, 10.9));
            w.orgUnit("AreaThree01", "A3", "Aire Trois", "DistrictA01", box(0.75000001, 10, 1, 10.9));
            List<Finding> findings = w.run(new AreaCoverageCheck());
            assertThat(findings).extracting(Finding::check, Finding::orgUnit).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(AreaCoverageCheck.OVERLAP, "AreaOne0001"),
                    org.assertj.core.groups.Tuple.tuple(AreaCoverageCheck.GAP, "DistrictA01"));
            Finding overlap = findings.stream().filter(f -> f.check().equals(AreaCoverageCheck.OVERLAP)).findFirst()
                    .orElseThrow();
            assertThat(overlap.expected()).isEqualTo("AreaTwo0001");
            // 0.1° × 0.9° at 10.45° N: 10.93 km × 100.08 km ≈ 1 094 km².
            assertThat(overlap.score()).isBetween(1_080.0, 1_110.0);
            Finding gap = findings.stream().filter(f -> f.check().equals(AreaCoverageCheck.GAP)).findFirst().orElseThrow();
            // 0.5° × 0.1° at 10.95° N: 54.58 km × 11.12 km ≈ 607 km².
            assertThat(gap.score()).isBetween(600.0, 615.0);
        }
    }

    @Test
    void namesReduceToTheirPlaceAndKind() {
        assertThat(FacilityNames.parse("C.S.I. Kollo").place()).isEqualTo("kollo");
        assertThat(FacilityNames.parse("Case de santé d'Ardi").place()).isEqualTo("ardi");
        assertThat(FacilityNames.parse("Hôpital de District de Bodo").kind()).isEqualTo(FacilityNames.Kind.DISTRICT_HOSPITAL);
        assertThat(FacilityNames.parse("CSPS Koudougou").kind()).isEqualTo(FacilityNames.Kind.HEALTH_CENTRE);
        assertThat(FacilityNames.similarity("CSI Tahoua-Est", "CSI Tahoua Est")).isEqualTo(1.0);
        assertThat(FacilityNames.similarity("CSI Bodo", "Hôpital de District de Bodo")).isZero();
        // Jaro–Winkler, Winkler's classic example: MARTHA / MARHTA = 0.961.
        assertThat(FacilityNames.jaroWinkler("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
    }
}
