package org.santeatlas.map.coverage;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.santeatlas.core.workspace.Workspace;

/**
 * A hand-built workspace on the equator, where the ellipsoidal distance is exactly a·Δλ (the equator is a
 * circle of radius a): 0.01° of longitude = 1,113.19 m.
 *
 * <pre>
 * Pays (1) ─ Région (2) ─ District Un (3)    ─ Aire A1 [-0.02, 0.05]   F1 CSI Alpha (0, 0)
 *                       ├ District Deux (3)  ─ Aire A2 [0.05, 0.20]    F2 HD Beta (0.10, 0), F3 Case Gamma (0.15, 0)
 *                       └ District Trois (3) ─ Aire A3 [0.20, 0.30]    (nobody, nothing)
 * L1 (0.03, 0) 900 in 2023, 1000 in 2024, linked to A1 by its health area code
 * L2 (0.16, 0) 2000 in 2024, no link: in A2 by its polygon
 * L3 (0.06, 0) 3000 in 2024, no link: in A2 by its polygon
 * L4 no coordinates, 500
 * </pre>
 * Latitudes span ±0.05°.
 */
final class SmallWorld {

    static final String COUNTRY = "PAYS0000001";
    static final String D1 = "DIST0000001";
    static final String D2 = "DIST0000002";
    static final String D3 = "DIST0000003";
    static final String A1 = "AIRE0000001";
    static final String A2 = "AIRE0000002";
    static final String A3 = "AIRE0000003";

    private SmallWorld() {
    }

    static Path create(Path dir) throws SQLException {
        Path file = dir.resolve("petit" + Workspace.FILE_SUFFIX);
        try (Workspace ws = Workspace.create(file); Statement st = ws.connection().createStatement()) {
            unit(st, COUNTRY, null, "Pays", 1, "/" + COUNTRY, box(-0.02, 0.30));
            unit(st, "REGI0000001", COUNTRY, "Région", 2, "/" + COUNTRY + "/REGI0000001", box(-0.02, 0.30));
            String r = "/" + COUNTRY + "/REGI0000001";
            unit(st, D1, "REGI0000001", "District Un", 3, r + "/" + D1, box(-0.02, 0.05));
            unit(st, D2, "REGI0000001", "District Deux", 3, r + "/" + D2, box(0.05, 0.20));
            unit(st, D3, "REGI0000001", "District Trois", 3, r + "/" + D3, box(0.20, 0.30));
            unit(st, A1, D1, "Aire A1", 4, r + "/" + D1 + "/" + A1, box(-0.02, 0.05));
            unit(st, A2, D2, "Aire A2", 4, r + "/" + D2 + "/" + A2, box(0.05, 0.20));
            unit(st, A3, D3, "Aire A3", 4, r + "/" + D3 + "/" + A3, box(0.20, 0.30));
            unit(st, "FOSA0000001", A1, "CSI Alpha", 5, r + "/" + D1 + "/" + A1 + "/FOSA0000001", "POINT(0 0)");
            unit(st, "FOSA0000002", A2, "HD Beta", 5, r + "/" + D2 + "/" + A2 + "/FOSA0000002", "POINT(0.1 0)");
            unit(st, "FOSA0000003", A2, "Case de santé Gamma", 5, r + "/" + D2 + "/" + A2 + "/FOSA0000003",
                    "POINT(0.15 0)");
            // A closed facility right on L2: must not count.
            st.execute("INSERT INTO ORG_UNIT(UID, NAME, LEVEL, PARENT_UID, PATH, CLOSED_DATE, GEOMETRY) VALUES"
                    + " ('FOSA0000009', 'CSI Fermé', 5, '" + A2 + "', '" + r + "/" + D2 + "/" + A2 + "/FOSA0000009',"
                    + " DATE '2024-01-01', ST_GeomFromText('POINT(0.16 0)', 4326))");
            st.execute("UPDATE ORG_UNIT SET CODE = UID");
            st.execute("INSERT INTO ORG_UNIT_GROUP_SET(UID, CODE, NAME) VALUES ('GSET0000001', 'TYPE', 'Type de formation sanitaire')");
            st.execute("INSERT INTO ORG_UNIT_GROUP(UID, CODE, NAME) VALUES ('GRUP0000001', 'HD', 'Hôpital de District'),"
                    + " ('GRUP0000002', 'CSI1', 'CSI type 1'), ('GRUP0000003', 'CS', 'Case de santé')");
            st.execute("INSERT INTO ORG_UNIT_GROUP_SET_MEMBER SELECT S.ID, G.ID FROM ORG_UNIT_GROUP_SET S, ORG_UNIT_GROUP G");
            member(st, "GRUP0000001", "FOSA0000002");
            member(st, "GRUP0000002", "FOSA0000001");
            member(st, "GRUP0000003", "FOSA0000003");
            member(st, "GRUP0000002", "FOSA0000009");
            st.execute("INSERT INTO LOCALITY(CODE, NAME, HEALTH_AREA_CODE, ORG_UNIT_ID, POINT) VALUES"
                    + " ('L1', 'Un', '" + A1 + "', (SELECT ID FROM ORG_UNIT WHERE UID = '" + A1 + "'),"
                    + " ST_GeomFromText('POINT(0.03 0)', 4326)),"
                    + " ('L2', 'Deux', NULL, NULL, ST_GeomFromText('POINT(0.16 0)', 4326)),"
                    + " ('L3', 'Trois', NULL, NULL, ST_GeomFromText('POINT(0.06 0)', 4326)),"
                    + " ('L4', 'Quatre', NULL, NULL, NULL)");
            st.execute("INSERT INTO LOCALITY_POPULATION(LOCALITY_ID, POPULATION_YEAR, POPULATION)"
                    + " SELECT ID, 2023, 900 FROM LOCALITY WHERE CODE = 'L1' UNION ALL"
                    + " SELECT ID, 2024, 1000 FROM LOCALITY WHERE CODE = 'L1' UNION ALL"
                    + " SELECT ID, 2024, 2000 FROM LOCALITY WHERE CODE = 'L2' UNION ALL"
                    + " SELECT ID, 2024, 3000 FROM LOCALITY WHERE CODE = 'L3' UNION ALL"
                    + " SELECT ID, 2024, 500 FROM LOCALITY WHERE CODE = 'L4'");
        }
        return file;
    }

    private static String box(double west, double east) {
        return "POLYGON((" + west + " -0.05, " + east + " -0.05, " + east + " 0.05, " + west + " 0.05, " + west + " -0.05))";
    }

    private static void unit(Statement st, String uid, String parent, String name, int level, String path, String wkt)
            throws SQLException {
        st.execute("INSERT INTO ORG_UNIT(UID, NAME, LEVEL, PARENT_UID, PATH, GEOMETRY) VALUES ('" + uid + "', '"
                + name.replace("'", "''") + "', " + level + ", " + (parent == null ? "NULL" : "'" + parent + "'") + ", '"
                + path + "', ST_GeomFromText('" + wkt + "', 4326))");
    }

    private static void member(Statement st, String group, String unit) throws SQLException {
        st.execute("INSERT INTO ORG_UNIT_GROUP_MEMBER SELECT G.ID, O.ID FROM ORG_UNIT_GROUP G, ORG_UNIT O"
                + " WHERE G.UID = '" + group + "' AND O.UID = '" + unit + "'");
    }
}
