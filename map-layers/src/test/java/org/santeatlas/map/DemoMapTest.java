package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.data.OrgUnitLevel;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.theme.ClassificationMethod;

/** The map's data read from the imported demo country, and its printed maps. */
class DemoMapTest {

    static Workspace ws;
    static MapDataRepository repo;

    @BeforeAll
    static void open() {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
        repo = new MapDataRepository(ws.connection());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void levelsAreFoundFromTheGeometries() throws Exception {
        List<OrgUnitLevel> levels = repo.levels();
        assertThat(levels).extracting(OrgUnitLevel::level).containsExactly(1, 2, 3, 4, 5);
        assertThat(MapDataRepository.areaLevel(levels).orElseThrow().name()).isEqualTo("Aire de santé");
        assertThat(MapDataRepository.districtLevel(levels).orElseThrow().name()).isEqualTo("District sanitaire");
        assertThat(MapDataRepository.facilityLevel(levels).orElseThrow().level()).isEqualTo(5);
        assertThat(repo.boundaries(3).size()).isEqualTo(14);
    }

    @Test
    void facilityTypesComeFromTheTypeGroupSetHospitalsFirst() throws Exception {
        MapDataRepository.Facilities f = repo.facilities(5);
        assertThat(f.types()).extracting(FacilityType::name).containsExactly("Centre Hospitalier Régional",
                "Hôpital de District", "CSI type 2", "CSI type 1", "Case de santé");
        assertThat(f.types()).extracting(FacilityType::kind).containsExactly(FacilityKind.HOSPITAL,
                FacilityKind.HOSPITAL, FacilityKind.HEALTH_CENTRE, FacilityKind.HEALTH_CENTRE, FacilityKind.HEALTH_POST);
        // Ownership groups (Public, Privé…) are not types: every typed facility has one of the five.
        assertThat(f.features().features()).allSatisfy(x -> assertThat(x.category()).isNotNull());
        assertThat(f.features().size()).isBetween(200, 233);
    }

    @Test
    void localitiesCarryTheirLatestPopulation() throws Exception {
        FeatureSet l = repo.localities();
        assertThat(l.size()).isEqualTo(2400);
        assertThat(l.features()).allSatisfy(x -> assertThat(x.value()).isPositive());
    }

    @Test
    void sumsPerDistrictEqualTheSqlViewsSums() throws Exception {
        FeatureSet districts = repo.boundaries(3);
        MapDataRepository.DataElementInfo de = repo.dataElement("SNIS_CONS_EXT").orElseThrow();
        double[] sums = repo.sumByArea(districts, 3, de.id(), Period.parse("2024"));
        try (PreparedStatement st = ws.connection().prepareStatement("SELECT SUM(V.NUMERIC_VALUE) FROM DATA_VALUE V"
                + " JOIN ORG_UNIT O ON O.UID = V.ORG_UNIT WHERE V.DATA_ELEMENT = ? AND V.PERIOD LIKE '2024%'"
                + " AND NOT V.DELETED AND O.PATH LIKE ?")) {
            for (int i = 0; i < districts.size(); i++) {
                st.setString(1, de.uid());
                st.setString(2, "%/" + districts.get(i).uid() + "%");
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(sums[i]).as(districts.get(i).name()).isCloseTo(rs.getDouble(1), within(1e-6));
                }
            }
        }
        // A period without data is "no data" everywhere, not zero.
        assertThat(repo.sumByArea(districts, 3, de.id(), Period.parse("2019"))).containsOnly(Double.NaN);
    }

    @Test
    void themeLegendCountsEveryDistrictOnce() throws Exception {
        MapRequest r = MapRequest.defaults().withTheme("SNIS_PALU_CONF", "202407")
                .withClassification(ClassificationMethod.QUANTILES, 4).madeOn(LocalDate.of(2026, 11, 23));
        PrintLayout layout = HealthMapComposer.compose(ws, r);
        ChoroplethLayer theme = (ChoroplethLayer) layout.model().entries().get(0).layer();
        Legend legend = theme.legend(layout.messages()).orElseThrow();
        int total = legend.rows().stream().mapToInt(row -> row.count().orElse(0)).sum();
        assertThat(total).isEqualTo(14);
        assertThat(layout.title()).isEqualTo("Paludisme - Cas confirmés");
        assertThat(layout.subtitle()).isEqualTo("juillet 2024 (202407), somme par district sanitaire");
        assertThat(layout.fictional()).isTrue();
    }

    @Test
    void printsTheDemoMapsToPng() throws Exception {
        Path out = Path.of("target", "demo-maps");
        Files.createDirectories(out);
        LocalDate day = LocalDate.of(2026, 11, 23);
        PrintLayout plain = HealthMapComposer.compose(ws, MapRequest.defaults().madeOn(day));
        MapExport.writePng(plain, out.resolve("districts-fr.png"), 1123, 794, 96);
        PrintLayout theme = HealthMapComposer.compose(ws, MapRequest.defaults().withLevel(MapRequest.AreaLevel.AREA)
                .withTheme("SNIS_PALU_CONF", "2024").withLocale(Locale.ENGLISH).madeOn(day));
        MapExport.writePng(theme, out.resolve("areas-malaria-en.png"), 1754, 1240, 150);
        BufferedImage read = ImageIO.read(out.resolve("areas-malaria-en.png").toFile());
        assertThat(read.getWidth()).isEqualTo(1754);
        assertThat(read.getHeight()).isEqualTo(1240);
    }
}
