package org.santeatlas.quality.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.santeatlas.quality.geo.OrgUnits;

/**
 * One row of the master facility list (table REGISTRY_RECORD) as the registry states it.
 *
 * @param point WGS 84, or null when the registry gives no coordinates (or gives (0, 0))
 */
public record RegistryRecord(int id, String source, String code, String name, String type, String status,
                             String region, String district, String healthArea, Point point) {

    /** Every record, by source then code. */
    public static List<RegistryRecord> load(Connection connection) throws SQLException {
        List<RegistryRecord> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, SOURCE, CODE, NAME, FACILITY_TYPE, STATUS, REGION, DISTRICT,"
                     + " HEALTH_AREA, LATITUDE, LONGITUDE FROM REGISTRY_RECORD ORDER BY SOURCE, CODE")) {
            while (rs.next()) {
                double lat = rs.getDouble(10);
                boolean noLat = rs.wasNull();
                double lon = rs.getDouble(11);
                boolean noLon = rs.wasNull();
                Point p = noLat || noLon || (lat == 0 && lon == 0) ? null
                        : OrgUnits.WGS84.createPoint(new Coordinate(lon, lat));
                out.add(new RegistryRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), p));
            }
        }
        return out;
    }
}
