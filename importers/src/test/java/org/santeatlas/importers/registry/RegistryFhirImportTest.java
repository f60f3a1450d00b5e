package org.santeatlas.importers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.santeatlas.importers.TestWorkspace.count;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.TestWorkspace;

/**
 * FHIR R4 facility registries shaped as IHE mCSD serves them (Location + Organization, jurisdictions by
 * partOf), into real workspace files. The fixtures follow the mCSD examples' structure (types from
 * {@code IHE.mCSD.Organization.Location.Types}, physical types {@code bu} / {@code jdn}).
 */
class RegistryFhirImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MCSD = "https://profiles.ihe.net/ITI/mCSD/CodeSystem/IHE.mCSD.Organization.Location.Types";
    static final String PHYSICAL = "http://terminology.hl7.org/CodeSystem/location-physical-type";

    @TempDir
    Path dir;

    /** A search page (Location?_include=Location:organization) of a national mCSD directory. */
    static final String SEARCHSET = """
            {"resourceType": "Bundle", "id": "9f2c", "meta": {"lastUpdated": "2025-03-02T10:14:00Z"},
             "type": "searchset", "total": 11,
             "link": [{"relation": "self", "url": "https://mcsd.example.org/fhir/Location?_include=Location:organization"},
                      {"relation": "next", "url": "https://mcsd.example.org/fhir?_getpages=9f2c&_getpagesoffset=20"}],
             "entry": [
              {"fullUrl": "https://mcsd.example.org/fhir/Location/pays", "resource": {"resourceType": "Location", "id": "pays", "meta": {"profile": ["https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.JurisdictionLocation"]}, "status": "active", "name": "République du Sahel Central", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction", "display": "Jurisdiction"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn", "display": "Jurisdiction"}]}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/reg-tahoua", "resource": {"resourceType": "Location", "id": "reg-tahoua", "status": "active", "name": "Région de Tahoua", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "Location/pays"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/reg-dosso", "resource": {"resourceType": "Location", "id": "reg-dosso", "status": "active", "name": "Région de Dosso", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "https://mcsd.example.org/fhir/Location/pays"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/dis-konni", "resource": {"resourceType": "Location", "id": "dis-konni", "status": "active", "name": "District sanitaire de Konni", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "https://mcsd.example.org/fhir/Location/reg-tahoua/_history/3"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/dis-doutchi", "resource": {"resourceType": "Location", "id": "dis-doutchi", "status": "active", "name": "District sanitaire de Dogondoutchi", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "Location/reg-dosso"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/csi-konni", "resource": {"resourceType": "Location", "id": "csi-konni", "meta": {"profile": ["https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.FacilityLocation"]},
                 "identifier": [{"system": "http://dhis2.org/id", "value": "Xk3jT0qLm9a"}, {"use": "official", "system": "https://mfl.sante.example/facility-code", "value": "CSI-0042"}],
                 "status": "active", "operationalStatus": {"system": "http://terminology.hl7.org/CodeSystem/v2-0116", "code": "O", "display": "Occupied"},
                 "name": "CSI Birni N'Konni", "alias": ["CSI Konni Centre"], "description": "Centre de santé intégré de type II",
                 "type": [{"coding": [{"system": "MCSD", "code": "facility", "display": "Facility"}]}, {"coding": [{"system": "https://mfl.sante.example/CodeSystem/facility-type", "code": "CSI", "display": "Centre de santé intégré"}]}],
                 "telecom": [{"system": "phone", "value": "+227 20 61 00 00"}],
                 "address": {"line": ["Quartier Administratif"], "city": "Birni N'Konni", "district": "Konni", "state": "Tahoua", "country": "NE"},
                 "physicalType": {"coding": [{"system": "PHYSICAL", "code": "bu", "display": "Building"}]},
                 "position": {"longitude": 5.2497, "latitude": 13.7967, "altitude": 305},
                 "managingOrganization": {"reference": "Organization/org-csi-konni"},
                 "partOf": {"reference": "Location/dis-konni"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/csi-konni-mat", "resource": {"resourceType": "Location", "id": "csi-konni-mat", "status": "active", "name": "Maternité du CSI Birni N'Konni", "physicalType": {"coding": [{"system": "PHYSICAL", "code": "wa", "display": "Ward"}]}, "partOf": {"reference": "Location/csi-konni"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/hd-doutchi", "resource": {"resourceType": "Location", "id": "hd-doutchi",
                 "identifier": [{"system": "urn:oid:2.16.562.1.4.1", "value": "HD-DOUTCHI"}],
                 "status": "suspended", "name": "Hôpital de district de Dogondoutchi",
                 "type": [{"coding": [{"system": "MCSD", "code": "facility"}]}, {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "HOSP", "display": "Hospital"}]}],
                 "physicalType": {"coding": [{"system": "PHYSICAL", "code": "bu"}]},
                 "managingOrganization": {"reference": "https://mcsd.example.org/fhir/Organization/org-hd-doutchi"},
                 "partOf": {"reference": "Location/dis-doutchi"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/cs-bad", "resource": {"resourceType": "Location", "id": "cs-bad", "status": "active", "name": "Case de santé de Tama", "type": [{"coding": [{"system": "MCSD", "code": "facility"}], "text": "Facility"}, {"coding": [{"system": "https://mfl.sante.example/CodeSystem/facility-type", "code": "CS"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "bu"}]}, "position": {"longitude": 5.1, "latitude": 123.5}, "partOf": {"reference": "Location/dis-konni"}}, "search": {"mode": "match"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Organization/org-csi-konni", "resource": {"resourceType": "Organization", "id": "org-csi-konni", "active": true, "name": "CSI Birni N'Konni (organisation)", "type": [{"coding": [{"system": "MCSD", "code": "facility"}]}, {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/organization-type", "code": "govt", "display": "Government"}]}]}, "search": {"mode": "include"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Organization/org-hd-doutchi", "resource": {"resourceType": "Organization", "id": "org-hd-doutchi", "active": true, "name": "HD Dogondoutchi", "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/organization-type", "code": "prov", "display": "Healthcare Provider"}]}]}, "search": {"mode": "include"}},
              {"resource": {"resourceType": "OperationOutcome", "issue": [{"severity": "information", "code": "informational"}]}, "search": {"mode": "outcome"}}
             ]}
            """.replace("\"MCSD\"", "\"" + MCSD + "\"").replace("\"PHYSICAL\"", "\"" + PHYSICAL + "\"");

    @Test
    void searchsetBundleImportsFacilitiesWithTheirJurisdictionsOrganizationAndPosition() throws Exception {
        Path file = write("mcsd-searchset.json", SEARCHSET);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.format()).isEqualTo(ImportFormat.REGISTRY_FHIR);
            // Jurisdictions, the ward and the organizations are not facilities.
            assertThat(r.counts().createdCount()).isEqualTo(3);
            assertThat(r.counts().rejectedCount()).isZero();
            assertThat(r.problems()).extracting(Problem::key, Problem::line).containsExactly(
                    tuple("import.fhirNextPage", 1L),
                    tuple("import.registryBadCoordinates", (long) lineOf(SEARCHSET, "Location/cs-bad\"")));
            assertThat(r.problems().get(0).args()).containsExactly(
                    "https://mcsd.example.org/fhir?_getpages=9f2c&_getpagesoffset=20");

            List<List<Object>> rows = RegistryGeoJsonImportTest.registrySnapshot(ws.connection());
            // SOURCE, CODE, NAME, FACILITY_TYPE, STATUS, OWNERSHIP, REGION, DISTRICT, HEALTH_AREA, LATITUDE,
            // LONGITUDE, POINT, SRID, ATTRIBUTES, BATCH_ID
            assertThat(rows).extracting(row -> row.get(1)).containsExactly("CSI-0042", "HD-DOUTCHI", "cs-bad");
            List<Object> konni = rows.get(0);
            assertThat(konni.subList(0, 13)).containsExactly("registry", "CSI-0042", "CSI Birni N'Konni",
                    "Centre de santé intégré", "active", "Government", "Région de Tahoua",
                    "District sanitaire de Konni", null, 13.7967, 5.2497, "POINT (5.2497 13.7967)", 4326);
            assertThat(JSON.readTree((String) konni.get(13))).isEqualTo(JSON.readTree("""
                    {"fhirId": "Location/csi-konni",
                     "identifiers": [{"system": "http://dhis2.org/id", "value": "Xk3jT0qLm9a"},
                                     {"system": "https://mfl.sante.example/facility-code", "value": "CSI-0042",
                                      "use": "official"}],
                     "aliases": ["CSI Konni Centre"],
                     "description": "Centre de santé intégré de type II",
                     "operationalStatus": "Occupied",
                     "physicalType": "bu",
                     "telecom": [{"system": "phone", "value": "+227 20 61 00 00"}],
                     "address": "Quartier Administratif, Birni N'Konni, Konni, Tahoua, NE",
                     "altitude": 305,
                     "organization": "Organization/org-csi-konni",
                     "organizationName": "CSI Birni N'Konni (organisation)",
                     "partOf": "Location/dis-konni",
                     "jurisdictions": ["République du Sahel Central", "Région de Tahoua", "District sanitaire de Konni"]}
                    """));

            List<Object> doutchi = rows.get(1);
            // No facility-code system: the first identifier. Organization of type prov only: no ownership.
            // No position: no location and no problem.
            assertThat(doutchi.subList(0, 12)).containsExactly("registry", "HD-DOUTCHI",
                    "Hôpital de district de Dogondoutchi", "Hospital", "suspended", null, "Région de Dosso",
                    "District sanitaire de Dogondoutchi", null, null, null, null);
            List<Object> bad = rows.get(2);
            // Without identifiers the resource id is the code; a type coding without display gives its code;
            // coordinates out of range are dropped.
            assertThat(bad.subList(0, 12)).containsExactly("registry", "cs-bad", "Case de santé de Tama", "CS", "active", null, "Région de Tahoua", "District sanitaire de Konni", null, null,
                    null, null);
        }
    }

    @Test
    void reimportingTheSameBundleChangesNothing() throws Exception {
        Path file = write("mcsd-searchset.json", SEARCHSET);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportService service = new ImportService(ws);
            assertThat(service.importFile(file, Optional.empty(), ImportProgress.NONE).counts().createdCount())
                    .isEqualTo(3);
            List<List<Object>> before = RegistryGeoJsonImportTest.registrySnapshot(ws.connection());

            ImportResult again = service.importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(again.failure()).isEmpty();
            assertThat(again.counts().unchangedCount()).isEqualTo(3);
            assertThat(again.counts().changedAnything()).isFalse();
            assertThat(again.batchId()).isEmpty();
            assertThat(RegistryGeoJsonImportTest.registrySnapshot(ws.connection())).isEqualTo(before);
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM IMPORT_BATCH")).isEqualTo(1);
        }
    }

    /** An mCSD update sent as a transaction: urn:uuid references between entries, a PUT and a DELETE. */
    static final String TRANSACTION = """
            {"resourceType": "Bundle", "type": "transaction", "entry": [
              {"fullUrl": "urn:uuid:6f1c2a34-0d43-4f0e-9a51-1f0d3c2b7a10", "resource": {"resourceType": "Location", "status": "active", "name": "Région de Dosso", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}, {"coding": [{"system": "https://sante.example/CodeSystem/niveau", "code": "REG", "display": "Région"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}}, "request": {"method": "POST", "url": "Location"}},
              {"fullUrl": "urn:uuid:8b0e4d55-7c2e-4b7f-8d7b-6a2f1e9c3d21", "resource": {"resourceType": "Location", "status": "active", "name": "District sanitaire de Gaya", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}, {"coding": [{"system": "https://sante.example/CodeSystem/niveau", "code": "DS", "display": "District sanitaire"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "urn:uuid:6f1c2a34-0d43-4f0e-9a51-1f0d3c2b7a10"}}, "request": {"method": "POST", "url": "Location"}},
              {"fullUrl": "urn:uuid:1d9a7e02-5b36-4c1f-b0a8-3e7d5f6c8b42", "resource": {"resourceType": "Location", "status": "active", "name": "Aire de santé de Tanda", "type": [{"coding": [{"system": "MCSD", "code": "jurisdiction"}]}, {"coding": [{"system": "https://sante.example/CodeSystem/niveau", "code": "AS", "display": "Aire de santé"}]}], "physicalType": {"coding": [{"system": "PHYSICAL", "code": "jdn"}]}, "partOf": {"reference": "urn:uuid:8b0e4d55-7c2e-4b7f-8d7b-6a2f1e9c3d21"}}, "request": {"method": "POST", "url": "Location"}},
              {"fullUrl": "https://mcsd.example.org/fhir/Location/csi-tanda", "resource": {"resourceType": "Location",
                 "identifier": [{"system": "https://mfl.sante.example/facility-code", "value": "CSI-0107"}],
                 "status": "active", "name": "CSI Tanda", "type": [{"coding": [{"system": "MCSD", "code": "facility"}]}],
                 "physicalType": {"coding": [{"system": "PHYSICAL", "code": "bu"}]},
                 "position": {"longitude": 3.3146, "latitude": 11.9875},
                 "partOf": {"reference": "urn:uuid:1d9a7e02-5b36-4c1f-b0a8-3e7d5f6c8b42"}},
               "request": {"method": "PUT", "url": "Location/csi-tanda"}},
              {"fullUrl": "urn:uuid:c4e8f1a6-2b9d-4e3c-8f5a-7d1b0c6e9f33", "resource": {"resourceType": "Location", "status": "active", "name": "Case de santé de Kouré",
                 "type": [{"coding": [{"system": "MCSD", "code": "facility"}]}, {"text": "Case de santé"}],
                 "physicalType": {"coding": [{"system": "PHYSICAL", "code": "bu"}]},
                 "partOf": {"reference": "urn:uuid:1d9a7e02-5b36-4c1f-b0a8-3e7d5f6c8b42"}}, "request": {"method": "POST", "url": "Location"}},
              {"request": {"method": "DELETE", "url": "Location/csi-ferme"}}
            ]}
            """.replace("\"MCSD\"", "\"" + MCSD + "\"").replace("\"PHYSICAL\"", "\"" + PHYSICAL + "\"");

    @Test
    void transactionBundleResolvesUrnReferencesAndJurisdictionLevelsByTheirTypes() throws Exception {
        Path file = write("mcsd-transaction.json", TRANSACTION);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(2);
            assertThat(r.problems()).extracting(Problem::key, Problem::line, Problem::args).containsExactly(
                    tuple("import.fhirDeleteIgnored", (long) lineOf(TRANSACTION, "DELETE"), List.of("Location/csi-ferme")));
            List<List<Object>> rows = RegistryGeoJsonImportTest.registrySnapshot(ws.connection());
            assertThat(rows).hasSize(2);
            // No country in the bundle, but each jurisdiction's type says its level.
            assertThat(rows.get(0).subList(0, 11)).containsExactly("registry", "CSI-0107", "CSI Tanda", null,
                    "active", null, "Région de Dosso", "District sanitaire de Gaya", "Aire de santé de Tanda",
                    11.9875, 3.3146);
            assertThat(JSON.readTree((String) rows.get(0).get(13)).get("fhirId").asText())
                    .as("the id the PUT gives").isEqualTo("Location/csi-tanda");
            // Neither identifier nor id: the entry's fullUrl is all that names it.
            assertThat(rows.get(1).subList(0, 9)).containsExactly("registry",
                    "urn:uuid:c4e8f1a6-2b9d-4e3c-8f5a-7d1b0c6e9f33", "Case de santé de Kouré", "Case de santé",
                    "active", null, "Région de Dosso", "District sanitaire de Gaya", "Aire de santé de Tanda");
        }
    }

    @Test
    void ndjsonOfResourcesImportsLikeABundleAndNamesTheLineOfBadCoordinates() throws Exception {
        String ndjson = """
                {"resourceType":"Location","id":"r1","name":"Région A","physicalType":{"coding":[{"code":"jdn"}]}}
                {"resourceType":"Location","id":"r2","name":"Région B","physicalType":{"coding":[{"code":"jdn"}]}}
                {"resourceType":"Organization","id":"o1","name":"ONG Santé Plus","type":[{"coding":[{"system":"https://mfl.example/CodeSystem/ownership","code":"PRIV-CONF","display":"Privé confessionnel"}]}]}
                {"resourceType":"Location","id":"f1","identifier":[{"system":"https://mfl.example/facility-code","value":"F-001"}],"name":"Clinique A","partOf":{"reference":"Location/r1"},"managingOrganization":{"reference":"Organization/o1"},"position":{"longitude":2.1,"latitude":13.5}}
                {"resourceType":"Practitioner","id":"p1","name":[{"family":"Issa"}]}
                {"resourceType":"Location","id":"f2","name":"Poste B","partOf":{"reference":"Location/r2"},"position":{"longitude":"abc","latitude":13}}
                """;
        Path file = write("Location.ndjson", ndjson);
        assertThat(FormatDetector.detect(file)).contains(ImportFormat.REGISTRY_FHIR);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isEmpty();
            assertThat(r.counts().createdCount()).isEqualTo(2);
            assertThat(r.problems()).extracting(Problem::key, Problem::line, Problem::args)
                    .containsExactly(tuple("import.registryBadCoordinates", 6L, List.of("f2")));
            List<List<Object>> rows = RegistryGeoJsonImportTest.registrySnapshot(ws.connection());
            // Unclassified Locations: those others are part of are jurisdictions, the rest facilities. Two
            // root jurisdictions: they are regions.
            assertThat(rows.get(0).subList(0, 11)).containsExactly("registry", "F-001", "Clinique A", null, null,
                    "Privé confessionnel", "Région A", null, null, 13.5, 2.1);
            assertThat(rows.get(1).subList(0, 11)).containsExactly("registry", "f2", "Poste B", null, null, null,
                    "Région B", null, null, null, null);
        }
    }

    @Test
    void malformedJsonFailsNamingItsLineAndChangesNothing() throws Exception {
        String broken = SEARCHSET.replace("\"name\": \"Région de Dosso\",", "\"name\": \"Région de Dosso\" \"oops\",");
        Path file = write("broken.json", broken);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.of(ImportFormat.REGISTRY_FHIR),
                    ImportProgress.NONE);

            assertThat(r.failure()).isPresent();
            assertThat(r.failure().get().key()).isEqualTo("import.malformedJson");
            assertThat(r.failure().get().line()).isEqualTo(lineOf(broken, "\"oops\""));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM REGISTRY_RECORD")).isZero();
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM IMPORT_BATCH")).isZero();
        }
    }

    @Test
    void truncatedBundleFails() throws Exception {
        Path file = write("cut.json", SEARCHSET.substring(0, SEARCHSET.indexOf("Location/hd-doutchi")));
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult r = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);

            assertThat(r.failure()).isPresent();
            assertThat(r.failure().get().key()).isEqualTo("import.malformedJson");
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM REGISTRY_RECORD")).isZero();
        }
    }

    @Test
    void aFacilityWithoutAnyNameIsRejectedAndTheFileRefusedByDefault() throws Exception {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Location", "id": "ok", "name": "CSI Dosso", "physicalType": {"coding": [{"code": "bu"}]}}},
                  {"resource": {"resourceType": "Location", "id": "nameless", "physicalType": {"coding": [{"code": "bu"}]}}}
                ]}
                """;
        Path file = write("nameless.json", bundle);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportResult refused = new ImportService(ws).importFile(file, Optional.empty(), ImportProgress.NONE);
            assertThat(refused.failure()).map(Problem::key).contains("import.invalidRecords");
            assertThat(refused.problems()).extracting(Problem::key, Problem::line)
                    .containsExactly(tuple("import.fhirMissingName", 3L));
            assertThat(count(ws.connection(), "SELECT COUNT(*) FROM REGISTRY_RECORD")).isZero();

            ImportResult kept = new ImportService(ws).importFile(file, Optional.empty(),
                    ImportOptions.DEFAULTS.withSkipInvalid(true), ImportProgress.NONE);
            assertThat(kept.failure()).isEmpty();
            assertThat(kept.counts().createdCount()).isEqualTo(1);
            assertThat(kept.counts().rejectedCount()).isEqualTo(1);
        }
    }

    @Test
    void bundlesThatAreNotRegistriesAreRefused() throws Exception {
        Path document = write("document.json", """
                {"resourceType": "Bundle", "type": "document", "entry": [
                  {"resource": {"resourceType": "Location", "id": "x", "name": "X"}}]}
                """);
        Path organizationsOnly = write("orgs.json", """
                {"resourceType": "Bundle", "type": "searchset", "entry": [
                  {"resource": {"resourceType": "Organization", "id": "o", "name": "Ministère de la Santé"}}]}
                """);
        Path notFhir = write("other.json", """
                {"resourceType": "Bundle", "type": "collection"}
                [1, 2]
                """);
        try (Workspace ws = Workspace.create(dir.resolve("w.mv.db"))) {
            ImportService service = new ImportService(ws);
            assertThat(service.importFile(document, Optional.empty(), ImportProgress.NONE).failure())
                    .map(Problem::key).contains("import.fhirBundleType");
            assertThat(service.importFile(organizationsOnly, Optional.empty(), ImportProgress.NONE).failure())
                    .map(Problem::key).contains("import.fhirNoFacility");
            ImportResult other = service.importFile(notFhir, Optional.empty(), ImportProgress.NONE);
            assertThat(other.failure()).map(Problem::key).contains("import.fhirNotABundle");
            assertThat(other.failure().get().line()).isEqualTo(2);
        }
    }

    @Test
    void detectionKnowsBundlesWhateverTheirKeyOrder() throws Exception {
        Path typeFirst = write("a.json", "{\"type\": \"collection\", \"entry\": [], \"resourceType\": \"Bundle\"}");
        Path searchset = write("b.json", SEARCHSET);
        Path patient = write("c.json", "{\"resourceType\": \"Patient\", \"id\": \"p\"}");
        assertThat(FormatDetector.detect(typeFirst)).contains(ImportFormat.REGISTRY_FHIR);
        assertThat(FormatDetector.detect(searchset)).contains(ImportFormat.REGISTRY_FHIR);
        assertThat(FormatDetector.detect(patient)).isEmpty();
        assertThat(ImportFormat.fromId("registry-fhir")).isEqualTo(ImportFormat.REGISTRY_FHIR);
    }

    @Test
    void referencesNormaliseToTypeAndId() {
        assertThat(RegistryFhirImporter.referenceKey("Location/abc")).isEqualTo("Location/abc");
        assertThat(RegistryFhirImporter.referenceKey("http://h/fhir/Location/abc/_history/2")).isEqualTo("Location/abc");
        assertThat(RegistryFhirImporter.referenceKey("urn:uuid:1234")).isEqualTo("urn:uuid:1234");
        assertThat(RegistryFhirImporter.referenceKey("#contained")).isNull();
        assertThat(RegistryFhirImporter.referenceKey("Location?identifier=x")).isNull();
    }

    /** The 1-based line of the first occurrence of {@code text}. */
    static int lineOf(String content, String text) {
        int at = content.indexOf(text);
        assertThat(at).as(text).isNotNegative();
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private Path write(String name, String content) throws Exception {
        return TestWorkspace.write(dir, name, content);
    }

}
