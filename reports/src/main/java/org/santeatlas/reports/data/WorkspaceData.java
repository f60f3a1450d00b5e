package org.santeatlas.reports.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.core.store.ImportBatch;

/** Small reads the reports make besides the quality engine: names of data elements, monthly values, batches. */
public final class WorkspaceData {

    /** A data element: its row id, UID, code and name. */
    public record DataElement(int id, String uid, String code, String name) {}

    private final Connection connection;
    private final Map<String, DataElement> dataElements = new HashMap<>();
    private final Map<String, Integer> combos = new HashMap<>();

    public WorkspaceData(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, COALESCE(FORM_NAME, NAME) FROM DATA_ELEMENT")) {
            while (rs.next()) {
                dataElements.put(rs.getString(2), new DataElement(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, UID FROM CATEGORY_OPTION_COMBO")) {
            while (rs.next()) {
                combos.put(rs.getString(2), rs.getInt(1));
            }
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The data element's name, or its UID when unknown, "" for null. */
    public String dataElementName(String uid) {
        if (uid == null) {
            return "";
        }
        DataElement d = dataElements.get(uid);
        return d == null ? uid : d.name();
    }

    public java.util.Optional<DataElement> dataElement(String uidOrCode) {
        DataElement d = dataElements.get(uidOrCode);
        if (d != null) {
            return java.util.Optional.of(d);
        }
        return dataElements.values().stream().filter(x -> uidOrCode.equalsIgnoreCase(x.code())).findFirst();
    }

    public List<DataElement> dataElements() {
        return dataElements.values().stream().sorted(java.util.Comparator.comparing(DataElement::name)).toList();
    }

    /**
     * The monthly values of a data element at an org unit for {@code months} (summed over category option
     * combos unless {@code comboUid} is given); NaN where no value is stored.
     */
    public double[] monthly(String dataElementUid, int orgUnitId, String comboUid, List<YearMonth> months)
            throws SQLException {
        double[] out = new double[months.size()];
        Arrays.fill(out, Double.NaN);
        DataElement de = dataElements.get(dataElementUid);
        if (de == null || months.isEmpty()) {
            return out;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            index.put(ReportPeriod.monthIso(months.get(i)), i);
        }
        Integer combo = comboUid == null ? null : combos.get(comboUid);
        String sql = "SELECT PERIOD, SUM(NUMERIC_VALUE) FROM DATA_VALUE WHERE DATA_ELEMENT_ID = ? AND ORG_UNIT_ID = ?"
                + " AND NOT DELETED" + (combo == null ? "" : " AND CATEGORY_OPTION_COMBO_ID = ?") + " GROUP BY PERIOD";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setInt(1, de.id());
            st.setInt(2, orgUnitId);
            if (combo != null) {
                st.setInt(3, combo);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer i = index.get(rs.getString(1));
                    double v = rs.getDouble(2);
                    if (i != null && !rs.wasNull()) {
                        out[i] = v;
                    }
                }
            }
        }
        return out;
    }

    /** The import batches, oldest first. */
    public List<ImportBatch> batches() throws SQLException {
        return ImportBatch.list(connection);
    }
}
