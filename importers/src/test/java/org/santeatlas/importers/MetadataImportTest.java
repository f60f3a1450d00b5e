package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DHIS2 metadata JSON into a real workspace: upsert counts, links, geometry forms, forward references. */
class MetadataImportTest {

    @RegisterExtension
    final TestWorkspace ws = new TestWorkspace();

    static String metadata(String areaName, String members) {
        return """
                {"organisationUnitGroups": [{"id": "GrpCsi0001", "name": "CSI", "organisationUnits": [%s]}],
                 "organisationUnits": [
                   {"id": "CsiTahoua01", "name": "CSI Tahoua-Est", "parent": {"id": "AireTahou01"},
                    "featureType": "POINT", "coordinates": "[5.2689,14.8903]"},
                   {"id": "AireTahou01", "code": "TH-01", "name": "%s", "parent": {"id": "PaysFictif1"},
                    "geometry": {"type": "Polygon", "coordinates": [[[5,14.5],[5.5,14.5],[5.5,15],[5,15],[5,14.5]]]}},
                   {"id": "PaysFictif1", "name": "Sahel Central (fictif)"}],
                 "dataSets": [{"id": "DsRma000001", "name": "RMA", "periodType": "monthly", "timelyDays": 15,
                   "dataSetElements": [], "organisationUnits": [{"id": "CsiTahoua01"}]}]}
                """.formatted(members, areaName);
    }

    @Test
    void resolvesForwardReferencesDerivesPathsAndReadsBothGeometryForms() throws Exception {
        ImportResult r = ws.importText("m.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}"));
        assertThat(r.failed()).isFalse();
        assertThat(r.counts().createdCount()).isEqualTo(5);
        try (Statement st = ws.workspace().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT O.UID, O.PATH, O.LEVEL, P.UID, ST_GeometryType(O.GEOMETRY),"
                     + " ST_X(O.GEOMETRY) FROM ORG_UNIT O LEFT JOIN ORG_UNIT P ON P.ID = O.PARENT_ID ORDER BY O.LEVEL")) {
            rs.next();
            assertThat(rs.getString(2)).isEqualTo("/PaysFictif1");
            rs.next();
            assertThat(rs.getString(2)).isEqualTo("/PaysFictif1/AireTahou01");
            assertThat(rs.getString(4)).isEqualTo("PaysFictif1");
            assertThat(rs.getString(5)).isEqualToIgnoringCase("POLYGON");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("CsiTahoua01");
            assertThat(rs.getInt(3)).isEqualTo(3);
            assertThat(rs.getString(5)).isEqualToIgnoringCase("POINT");
            assertThat(rs.getDouble(6)).isEqualTo(5.2689);
        }
        assertThat(ws.scalar("SELECT PERIOD_TYPE FROM DATA_SET")).isEqualTo("Monthly");
        assertThat(ws.scalar("SELECT COUNT(*) FROM ORG_UNIT_GROUP_MEMBER")).isEqualTo("1");
        assertThat(ws.scalar("SELECT COUNT(*) FROM DATA_SET_ORG_UNIT")).isEqualTo("1");
    }

    @Test
    void reimportCountsUnchangedAndChangesAsUpdates() throws Exception {
        ws.importText("m.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}"));
        ImportResult same = ws.importText("m.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}"));
        assertThat(same.changedNothing()).isTrue();
        assertThat(same.counts().unchangedCount()).isEqualTo(5);

        ImportResult renamed = ws.importText("m2.json", metadata("Aire de santé de Tahoua-Est", ""));
        assertThat(renamed.counts().updatedCount()).isEqualTo(2); // the area's name, the group's members
        assertThat(renamed.counts().unchangedCount()).isEqualTo(3);
        assertThat(ws.scalar("SELECT NAME FROM ORG_UNIT WHERE UID = 'AireTahou01'")).isEqualTo("Aire de santé de Tahoua-Est");
        assertThat(ws.scalar("SELECT COUNT(*) FROM ORG_UNIT_GROUP_MEMBER")).isEqualTo("0");
    }

    @Test
    void metadataWithoutAGeometryKeepsTheShapeABoundaryFileAttached() throws Exception {
        ws.importText("m.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}"));
        try (Statement st = ws.workspace().connection().createStatement()) {
            // As a boundary import would: a shape DHIS2 does not have.
            st.executeUpdate("UPDATE ORG_UNIT SET GEOMETRY = ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))', 4326)"
                    + " WHERE UID = 'PaysFictif1'");
        }
        ImportResult again = ws.importText("m.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}"));
        assertThat(again.changedNothing()).isTrue();
        assertThat(ws.scalar("SELECT ST_AsText(GEOMETRY) FROM ORG_UNIT WHERE UID = 'PaysFictif1'"))
                .isEqualTo("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
        // A geometry in the metadata still replaces the stored one.
        ImportResult moved = ws.importText("m3.json", metadata("Aire de santé de Tahoua", "{\"id\": \"CsiTahoua01\"}")
                .replace("[5.2689,14.8903]", "[5.3,14.9]"));
        assertThat(moved.counts().updatedCount()).isEqualTo(1);
        assertThat(ws.scalar("SELECT ST_AsText(GEOMETRY) FROM ORG_UNIT WHERE UID = 'CsiTahoua01'")).isEqualTo("POINT (5.3 14.9)");
    }

    @Test
    void objectsWithoutIdAreRejectedAndUnknownMembersReported() throws Exception {
        ImportResult r = ws.importText("m.json", """
                {"organisationUnits": [{"name": "Sans identifiant"}, {"id": "PaysFictif1", "name": "Pays"}],
                 "organisationUnitGroups": [{"id": "GrpCsi0001", "name": "CSI", "organisationUnits": [{"id": "Absent00001"}]}]}
                """);
        assertThat(r.counts().rejectedCount()).isEqualTo(1);
        assertThat(r.counts().createdCount()).isEqualTo(2);
        assertThat(r.problems()).extracting(p -> p.key())
                .containsExactly("import.metadataMissingField", "import.unknownMember");
        assertThat(r.problems().get(0).line()).isEqualTo(1);
    }
}
