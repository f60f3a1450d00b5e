package org.santeatlas.quality.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.quality.geo.HandBuiltWorkspace.box;
import static org.santeatlas.quality.geo.HandBuiltWorkspace.point;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.geo.HandBuiltWorkspace;

class RegistryCheckTest {

    @TempDir
    Path dir;

    private HandBuiltWorkspace workspace() throws Exception {
        HandBuiltWorkspace w = new HandBuiltWorkspace(dir).levels();
        w.orgUnit("Country0001", "C", "Pays", null, box(0, 10, 2, 12));
        w.orgUnit("Region00001", "C-R", "Région de Belgou", "Country0001", box(0, 10, 2, 12));
        w.orgUnit("DistrictBD1", "C-R-BD", "District sanitaire de Bodo", "Region00001", box(0, 10, 2, 12));
        w.orgUnit("AreaBD00001", "C-R-BD-A1", "Aire de Bodo", "DistrictBD1", box(0, 10, 2, 12));
        w.orgUnit("FacBodo0001", "BD-1", "CSI Bodo", "AreaBD00001", point(0.5, 10.5));
        w.orgUnit("FacDawa0001", "BD-2", "CSI Dawa", "AreaBD00001", point(0.6, 10.6));
        w.orgUnit("FacZagou001", "SN-3", "Case de santé de Zagou", "AreaBD00001", point(0.7, 10.7));
        w.orgUnit("FacRabane01", "BD-4", "CSI Rabane", "AreaBD00001", point(0.8, 10.8));
        w.orgUnit("FacKollo001", "SN-5", "CSI Kollo", "AreaBD00001", point(0.9, 10.9));
        w.orgUnit("FacKolo0001", "SN-6", "CSI Kolo", "AreaBD00001", point(0.905, 10.9));
        w.orgUnit("FacTanout01", "BD-6", "CSI Tanout", "AreaBD00001", point(1.0, 11.0));
        w.orgUnit("FacGaya0001", "BD-8", "CSI Gaya", "AreaBD00001", point(1.1, 11.1));
        w.orgUnit("FacZinder01", "BD-9", "CSI Zinder", "AreaBD00001", point(1.2, 11.2));
        w.orgUnit("FacDosso001", null, "C.S.I. Dosso", "AreaBD00001", point(1.3, 11.3));
        registry(w, "BD-1", "CSI Bodo", "CSI type 1", 10.5, 0.5);
        // 0.02° of longitude at 10.6° N ≈ 2.19 km.
        registry(w, "BD-2", "CSI Dawa", "CSI type 1", 10.6, 0.62);
        registry(w, "REG-3", "Case de sante Zagou", "Case de santé", 10.7, 0.7009);
        registry(w, "REG-4", "Clinique privée Amana", "Clinique privée", 10.75, 0.75);
        registry(w, "REG-5", "CSI Kollo", "CSI type 2", 10.9, 0.902);
        registry(w, "BD-6", "CSI Tanout", "CSI type 1", null, null);
        registry(w, "BD-8", "Hôpital de District de Gaya", "Hôpital de District", 11.1, 1.1);
        registry(w, "BD-9", "CSI Maradi", "CSI type 1", 11.2, 1.2);
        registry(w, "REG-9", "CSI Dosso", "CSI type 1", null, null);
        return w;
    }

    private static void registry(HandBuiltWorkspace w, String code, String name, String type, Double lat, Double lon)
            throws Exception {
        w.sql("INSERT INTO REGISTRY_RECORD(SOURCE, CODE, NAME, FACILITY_TYPE, DISTRICT, LATITUDE, LONGITUDE) VALUES"
                + " ('registry', '" + code + "', '" + name.replace("'", "''") + "', '" + type + "', 'Bodo', " + lat + ", "
                + lon + ")");
    }

    private static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.check() + " " + f.orgUnit() + " " + f.value()).sorted().toList();
    }

    @Test
    void matchesByCodeThenByNameAndDistanceAndReportsEachDiscrepancy() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            List<Finding> findings = w.run(new RegistryCheck());
            // The candidates of an ambiguous record stay unmatched until the user chooses: SNIS-only too.
            assertThat(summary(findings)).containsExactlyInAnyOrder(
                    "registry-ambiguous FacKollo001 REG-5",
                    "registry-coordinates-differ FacDawa0001 BD-2",
                    "registry-missing-coordinates FacDosso001 REG-9",
                    "registry-missing-coordinates FacTanout01 BD-6",
                    "registry-name-mismatch FacZinder01 BD-9",
                    "registry-only DistrictBD1 REG-4",
                    "registry-snis-only FacKolo0001 SN-6",
                    "registry-snis-only FacKollo001 SN-5",
                    "registry-snis-only FacRabane01 BD-4",
                    "registry-type-mismatch FacGaya0001 BD-8");
            Finding ambiguous = findings.stream().filter(f -> f.check().equals(RegistryCheck.AMBIGUOUS)).findFirst()
                    .orElseThrow();
            assertThat(ambiguous.expected()).isEqualTo("FacKollo001, FacKolo0001");
            Finding far = findings.stream().filter(f -> f.check().equals(RegistryCheck.COORDINATES_DIFFER)).findFirst()
                    .orElseThrow();
            assertThat(far.score()).isBetween(2_150.0, 2_250.0);
            Reconciliation r = RegistryReconciler.reconcile(w.connection(), QualityParameters.DEFAULTS);
            assertThat(r.matched()).extracting(m -> m.record().code() + "=" + m.orgUnit().uid() + " " + m.method())
                    .containsExactly("BD-1=FacBodo0001 CODE", "BD-2=FacDawa0001 CODE", "BD-6=FacTanout01 CODE",
                            "BD-8=FacGaya0001 CODE", "BD-9=FacZinder01 CODE", "REG-3=FacZagou001 NAME_DISTANCE",
                            "REG-9=FacDosso001 NAME_DISTANCE");
        }
    }

    @Test
    void theUsersDecisionsAreKeptAndWinOverAutomaticMatching() throws Exception {
        try (HandBuiltWorkspace w = workspace()) {
            var c = w.connection();
            RegistryMapping.saveProposals(c, RegistryReconciler.reconcile(c, QualityParameters.DEFAULTS));
            assertThat(RegistryMapping.load(c)).hasSize(7)
                    .allSatisfy((k, e) -> assertThat(e.decision()).isEqualTo(RegistryMapping.Decision.PROPOSED));
            RegistryMapping.override(c, "registry", "REG-5", "FacKolo0001", "ecd_bodo");   // resolves the ambiguity
            RegistryMapping.override(c, "registry", "BD-1", "FacRabane01", "ecd_bodo");    // beats the code match
            RegistryMapping.override(c, "registry", "REG-4", null, "ecd_bodo");            // no SNIS facility
            RegistryMapping.confirm(c, "registry", "REG-3", "FacZagou001", "ecd_bodo");
            Reconciliation r = RegistryReconciler.reconcile(c, QualityParameters.DEFAULTS);
            assertThat(r.matched()).extracting(m -> m.record().code() + "=" + m.orgUnit().uid() + " " + m.method())
                    .contains("REG-5=FacKolo0001 OVERRIDDEN", "BD-1=FacRabane01 OVERRIDDEN",
                            "REG-3=FacZagou001 CONFIRMED");
            assertThat(r.ambiguous()).isEmpty();
            assertThat(r.registryOnly()).extracting(RegistryRecord::code).containsExactly("REG-4");
            assertThat(r.snisOnly()).extracting(u -> u.uid()).containsExactly("FacBodo0001", "FacKollo001");
            // A new run's proposals leave the decisions alone.
            RegistryMapping.saveProposals(c, r);
            Map<String, RegistryMapping.Entry> entries = RegistryMapping.load(c);
            assertThat(entries.values()).filteredOn(RegistryMapping.Entry::isUserDecision)
                    .extracting(e -> e.registryCode() + "=" + e.orgUnitUid() + " " + e.decision())
                    .containsExactlyInAnyOrder("REG-5=FacKolo0001 OVERRIDDEN", "BD-1=FacRabane01 OVERRIDDEN",
                            "REG-4=null OVERRIDDEN", "REG-3=FacZagou001 CONFIRMED");
            RegistryMapping.forget(c, "registry", "BD-1");
            assertThat(RegistryReconciler.reconcile(c, QualityParameters.DEFAULTS).matched())
                    .extracting(m -> m.record().code() + "=" + m.orgUnit().uid()).contains("BD-1=FacBodo0001");
        }
    }
}
