package org.santeatlas.importers.registry;

import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.santeatlas.importers.Coordinates;
import org.santeatlas.importers.ImportContext;

/**
 * The store shared by the registry importers, so that a facility list read as CSV or as GeoJSON lands
 * identically: a record keyed by ({@link RegistryCsvImporter#DEFAULT_SOURCE}, code), counted unchanged
 * when every stored field is equal, else merged (created or updated) with the import's batch.
 *
 * <p>The import's thread; within the caller's transaction.
 */
final class RegistryUpsert implements AutoCloseable {

    /**
     * One registry record's fields, in the order of the SELECT and MERGE columns below.
     *
     * @param latitude  WGS 84 degrees, null without a location (then longitude is null too)
     * @param attributes unmapped fields as a JSON object's text, null when there are none
     */
    record Fields(String name, String type, String status, String ownership, String region, String district,
                  String healthArea, Double latitude, Double longitude, String attributes) {

        Object[] values() {
            return new Object[] {name, type, status, ownership, region, district, healthArea, latitude, longitude,
                attributes};
        }
    }

    private final ImportContext context;
    private final PreparedStatement select;
    private final PreparedStatement merge;

    RegistryUpsert(ImportContext context) throws SQLException {
        this.context = context;
        var c = context.connection();
        this.select = c.prepareStatement("SELECT NAME, FACILITY_TYPE, STATUS, OWNERSHIP, REGION,"
                + " DISTRICT, HEALTH_AREA, LATITUDE, LONGITUDE, ATTRIBUTES FROM REGISTRY_RECORD"
                + " WHERE SOURCE = ? AND CODE = ?");
        try {
            this.merge = c.prepareStatement("MERGE INTO REGISTRY_RECORD(NAME, FACILITY_TYPE, STATUS,"
                    + " OWNERSHIP, REGION, DISTRICT, HEALTH_AREA, LATITUDE, LONGITUDE, ATTRIBUTES, POINT, BATCH_ID,"
                    + " SOURCE, CODE) KEY(SOURCE, CODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    /** Stores one record unless it is already stored as is; counts it created, updated or unchanged. */
    void put(String code, Fields fields) throws SQLException {
        Object[] values = fields.values();
        select.setString(1, RegistryCsvImporter.DEFAULT_SOURCE);
        select.setString(2, code);
        boolean exists;
        try (ResultSet rs = select.executeQuery()) {
            exists = rs.next();
            if (exists && same(rs, values)) {
                context.counts().unchanged();
                return;
            }
        }
        for (int i = 0; i < values.length; i++) {
            merge.setObject(i + 1, values[i]);
        }
        merge.setObject(11, fields.latitude() == null ? null
                : Coordinates.point(fields.longitude(), fields.latitude()));
        merge.setInt(12, context.batchId());
        merge.setString(13, RegistryCsvImporter.DEFAULT_SOURCE);
        merge.setString(14, code);
        merge.executeUpdate();
        if (exists) {
            context.counts().updated();
        } else {
            context.counts().created();
        }
    }

    private static boolean same(ResultSet rs, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object stored = rs.getObject(i + 1);
            if (stored instanceof Clob clob) {
                stored = clob.getSubString(1, (int) clob.length());
            }
            if (!Objects.equals(stored, values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws SQLException {
        try {
            select.close();
        } finally {
            merge.close();
        }
    }
}
