package org.santeatlas.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The polygons read back from metadata.json tile each level exactly; points sit where they should. */
class DemoGeographyTest {

    /** Degrees²: about 0.01 m² at these latitudes, far below any rounding sliver (~1e-6 degree wide). */
    private static final double AREA_TOLERANCE = 1e-12;

    private static GeneratedFiles demo;
    private static final Map<String, Geometry> geometries = new LinkedHashMap<>();
    private static final Map<String, List<String>> children = new HashMap<>();

    @BeforeAll
    static void read() {
        demo = DemoFixture.demo();
        for (JsonNode ou : demo.orgUnits.values()) {
            String id = ou.get("id").asText();
            geometries.put(id, GeneratedFiles.geometry(ou.get("geometry")));
            if (ou.has("parent")) {
                children.computeIfAbsent(ou.at("/parent/id").asText(), k -> new ArrayList<>()).add(id);
            }
        }
    }

    @Test
    void everyPolygonIsValidAndOnTheSixDecimalGrid() {
        for (JsonNode ou : demo.orgUnits.values()) {
            Geometry g = geometries.get(ou.get("id").asText());
            if (g == null) {
                continue;
            }
            assertThat(g.isValid()).as(ou.get("code").asText()).isTrue();
            for (Coordinate c : g.getCoordinates()) {
                assertThat(Math.abs(c.x * 1e6 - Math.rint(c.x * 1e6))).isLessThan(1e-6);
                assertThat(Math.abs(c.y * 1e6 - Math.rint(c.y * 1e6))).isLessThan(1e-6);
            }
        }
        assertThat(demo.metadata.get("organisationUnits").toString()).doesNotContainPattern("\\.\\d{7,}");
    }

    @Test
    void areasTileTheirDistrictsDistrictsTheirRegionsRegionsTheCountry() {
        for (int level = 1; level <= 3; level++) {
            for (JsonNode parent : demo.orgUnitsAtLevel(level)) {
                String id = parent.get("id").asText();
                List<Geometry> parts = new ArrayList<>();
                for (String child : children.get(id)) {
                    parts.add(geometries.get(child));
                }
                assertExactCoverage(parent.get("code").asText(), geometries.get(id), parts);
            }
        }
    }

    @Test
    void theWholeAreaLayerIsOneValidCoverage() {
        Geometry[] areas = demo.orgUnitsAtLevel(4).stream()
                .map(ou -> geometries.get(ou.get("id").asText())).toArray(Geometry[]::new);
        // Exact: neighbours share the very same vertices along their common edges.
        assertThat(CoverageValidator.isValid(areas)).isTrue();
        Geometry union = UnaryUnionOp.union(List.of(areas));
        Geometry country = geometries.get(demo.orgUnitsAtLevel(1).get(0).get("id").asText());
        assertThat(union.symDifference(country).getArea()).isLessThan(AREA_TOLERANCE);
        assertThat(country.getNumGeometries()).isEqualTo(1);
        var env = country.getEnvelopeInternal();
        assertThat(env.getMinX()).isGreaterThanOrEqualTo(0.0);
        assertThat(env.getMaxX()).isLessThanOrEqualTo(16.0);
        assertThat(env.getMinY()).isGreaterThanOrEqualTo(11.0);
        assertThat(env.getMaxY()).isLessThanOrEqualTo(23.0);
    }

    private static void assertExactCoverage(String code, Geometry parent, List<Geometry> parts) {
        Geometry union = UnaryUnionOp.union(parts);
        assertThat(union.symDifference(parent).getArea()).as("gap or spill in " + code).isLessThan(AREA_TOLERANCE);
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                Geometry a = parts.get(i);
                Geometry b = parts.get(j);
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    assertThat(a.intersection(b).getArea()).as("overlap in " + code).isLessThan(AREA_TOLERANCE);
                }
            }
        }
        assertThat(CoverageValidator.isValid(parts.toArray(new Geometry[0]))).as(code).isTrue();
    }

    @Test
    void correctlyPlacedFacilitiesLieInsideTheirArea() {
        Set<String> misplaced = new HashSet<>();
        for (String list : List.of("swappedCoordinates", "outsideDistrict")) {
            demo.groundTruth.get(list).forEach(e -> misplaced.add(e.get("orgUnit").asText()));
        }
        int checked = 0;
        for (JsonNode f : demo.orgUnitsAtLevel(5)) {
            String id = f.get("id").asText();
            Geometry point = geometries.get(id);
            if (point == null || misplaced.contains(id)) {
                continue;
            }
            Geometry area = geometries.get(f.at("/parent/id").asText());
            assertThat(area.covers(point)).as(f.get("code").asText()).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(190);
    }

    @Test
    void localitiesLieInTheirAreaAndAddUpToAPlausiblePopulation() {
        Map<String, JsonNode> areasByCode = new HashMap<>();
        demo.orgUnitsAtLevel(4).forEach(a -> areasByCode.put(a.get("code").asText(), a));
        GeometryFactory gf = new GeometryFactory();
        long total = 0;
        Set<String> codes = new HashSet<>();
        for (String[] row : demo.localities) {
            assertThat(row).hasSize(8);
            assertThat(codes.add(row[0])).isTrue();
            JsonNode area = areasByCode.get(row[2]);
            assertThat(area).as(row[2]).isNotNull();
            JsonNode district = demo.orgUnits.get(area.at("/parent/id").asText());
            assertThat(district.get("code").asText()).isEqualTo(row[3]);
            int population = Integer.parseInt(row[4]);
            assertThat(population).isGreaterThanOrEqualTo(200);
            assertThat(row[5]).isEqualTo("2024");
            var point = gf.createPoint(new Coordinate(Double.parseDouble(row[7]), Double.parseDouble(row[6])));
            assertThat(geometries.get(area.get("id").asText()).covers(point)).as(row[0]).isTrue();
            total += population;
        }
        assertThat(total).isBetween(2_000_000L, 10_000_000L);
        assertThat(demo.manifest.get("population").asLong()).isEqualTo(total);
        assertThat(demo.localities.stream().filter(r -> r[1].matches(".*[éèëïç].*")).count()).isPositive();
    }
}
