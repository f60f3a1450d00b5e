package org.santeatlas.quality.geo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.core.store.RawDataValue;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;

/** A small workspace written row by row with SQL, for hand-computed test cases. */
public final class HandBuiltWorkspace implements AutoCloseable {

    private final Workspace workspace;
    private final Map<String, Integer> ids = new HashMap<>();

    public HandBuiltWorkspace(Path dir) {
        this.workspace = Workspace.create(dir.resolve("hand"));
    }

    public Connection connection() {
        return workspace.connection();
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The DHIS2 level names, "District sanitaire" at level 3. */
    public HandBuiltWorkspace levels() throws SQLException {
        sql("INSERT INTO ORG_UNIT_LEVEL(UID, NAME, LEVEL) VALUES ('lvl00000001', 'Pays', 1),"
                + " ('lvl00000002', 'Région', 2), ('lvl00000003', 'District sanitaire', 3),"
                + " ('lvl00000004', 'Aire de santé', 4), ('lvl00000005', 'Formation sanitaire', 5)");
        return this;
    }

    /** An org unit under {@code parentUid} (null for the root), geometry as WKT in lon/lat or null. */
    public int orgUnit(String uid, String code, String name, String parentUid, String wkt) throws SQLException {
        Integer parentId = parentUid == null ? null : ids.get(parentUid);
        String parentPath = "";
        int level = 1;
        if (parentId != null) {
            try (Statement st = connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT PATH, LEVEL FROM ORG_UNIT WHERE ID = " + parentId)) {
                rs.next();
                parentPath = rs.getString(1);
                level = rs.getInt(2) + 1;
            }
        }
        try (PreparedStatement ps = connection().prepareStatement("INSERT INTO ORG_UNIT(UID, CODE, NAME, LEVEL,"
                + " PARENT_UID, PARENT_ID, PATH, OPENING_DATE, GEOMETRY) VALUES (?, ?, ?, ?, ?, ?, ?, DATE '2000-01-01',"
                + " CASE WHEN CAST(? AS VARCHAR) IS NULL THEN NULL ELSE ST_GeomFromText(?, 4326) END)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, uid);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setInt(4, level);
            ps.setString(5, parentUid);
            if (parentId == null) {
                ps.setNull(6, java.sql.Types.INTEGER);
            } else {
                ps.setInt(6, parentId);
            }
            ps.setString(7, parentPath + "/" + uid);
            ps.setString(8, wkt);
            ps.setString(9, wkt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                ids.put(uid, keys.getInt(1));
                return keys.getInt(1);
            }
        }
    }

    public int id(String uid) {
        return ids.get(uid);
    }

    /** A rectangle polygon in WKT, lon/lat degrees. */
    public static String box(double lon1, double lat1, double lon2, double lat2) {
        return String.format(java.util.Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", lon1, lat1, lon2, lat1,
                lon2, lat2, lon1, lat2, lon1, lat1);
    }

    public static String point(double lon, double lat) {
        return String.format(java.util.Locale.ROOT, "POINT(%s %s)", lon, lat);
    }

    public int dataElement(String uid, String code, String name) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("INSERT INTO DATA_ELEMENT(UID, CODE, NAME,"
                + " VALUE_TYPE, AGGREGATION_TYPE, DOMAIN_TYPE) VALUES (?, ?, ?, 'NUMBER', 'SUM', 'AGGREGATE')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, uid);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                ids.put(uid, keys.getInt(1));
                return keys.getInt(1);
            }
        }
    }

    public int categoryOptionCombo(String uid, String name) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("INSERT INTO CATEGORY_OPTION_COMBO(UID, NAME)"
                + " VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, uid);
            ps.setString(2, name);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                ids.put(uid, keys.getInt(1));
                return keys.getInt(1);
            }
        }
    }

    private final List<String[]> pending = new ArrayList<>();

    /** A data value (default option combos unless given as "de.coc" or "de.coc.aoc"). */
    public HandBuiltWorkspace value(String item, String orgUnitUid, String period, String value) {
        String[] parts = item.split("\\.");
        pending.add(new String[] {parts[0], orgUnitUid, period, parts.length > 1 ? parts[1] : "HllvX50cXC0",
            parts.length > 2 ? parts[2] : "HllvX50cXC0", value});
        return this;
    }

    /** Writes the values given with {@link #value} through the core store, in one transaction. */
    public HandBuiltWorkspace flush() throws SQLException {
        Connection c = connection();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        List<String> problems = new ArrayList<>();
        org.santeatlas.core.store.DataValueWriter w = new org.santeatlas.core.store.DataValueWriter(c, 0,
                "test", p -> problems.add(p.toString()));
        for (String[] v : pending) {
            w.add(new RawDataValue(v[0], v[2], v[1], v[3], v[4], v[5], null, null, null, null, false, false, 0));
        }
        w.finish();
        c.commit();
        c.setAutoCommit(auto);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        pending.clear();
        return this;
    }

    public void sql(String statement) throws SQLException {
        try (Statement st = connection().createStatement()) {
            st.execute(statement);
        }
    }

    public List<Finding> run(QualityCheck check) throws SQLException {
        return run(check, QualityParameters.DEFAULTS);
    }

    public List<Finding> run(QualityCheck check, QualityParameters parameters) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        check.run(new QualityContext(connection(), parameters), findings::add);
        return findings;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
