package org.santeatlas.reports.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.core.store.ImportBatch;
import org.santeatlas.core.store.SeriesReader;

/** Small reads the reports make besides the quality engine: names of data elements, monthly values, batches. */
public final class WorkspaceData {

    /** A data element: its row id, UID, code and name. */
    public record DataElement(int id, String uid, String code, String name) {}

    private final Connection connection;
    private final Map<String, DataElement> dataElements = new HashMap<>();
    private final Map<String, Integer> combos = new HashMap<>();
    private Map<String, Integer> periodIds;

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
     * combos unless {@code comboUid} is given); NaN where no value is stored. Reads that data element's series
     * only (the stored series, not the DATA_VALUE view, which would decode every series of the workspace).
     */
    public double[] monthly(String dataElementUid, int orgUnitId, String comboUid, List<YearMonth> months)
            throws SQLException {
        double[] out = new double[months.size()];
        Arrays.fill(out, Double.NaN);
        DataElement de = dataElements.get(dataElementUid);
        if (de == null || months.isEmpty()) {
            return out;
        }
        Integer combo = comboUid == null ? null : combos.get(comboUid);
        Map<Integer, Integer> slot = monthSlots(months);
        try (SeriesReader r = SeriesReader.forDataElement(connection, de.id())) {
            while (r.next()) {
                if (r.orgUnitId() != orgUnitId || (combo != null && r.categoryOptionComboId() != combo)) {
                    continue;
                }
                add(r, slot, out);
            }
        }
        return out;
    }

    /**
     * The monthly values of every data element at each of {@code orgUnitIds}, summed over option combos, in one
     * pass over the stored series: org unit id → data element UID → values per month (NaN: none).
     */
    public Map<Integer, Map<String, double[]>> monthly(java.util.Set<Integer> orgUnitIds, List<YearMonth> months)
            throws SQLException {
        Map<Integer, String> deUid = new HashMap<>();
        for (DataElement d : dataElements.values()) {
            deUid.put(d.id(), d.uid());
        }
        Map<Integer, Integer> slot = monthSlots(months);
        Map<Integer, Map<String, double[]>> out = new HashMap<>();
        try (SeriesReader r = SeriesReader.open(connection)) {
            while (r.next()) {
                if (!orgUnitIds.contains(r.orgUnitId()) || !deUid.containsKey(r.dataElementId())) {
                    continue;
                }
                double[] v = out.computeIfAbsent(r.orgUnitId(), k -> new HashMap<>())
                        .computeIfAbsent(deUid.get(r.dataElementId()), k -> {
                            double[] a = new double[months.size()];
                            Arrays.fill(a, Double.NaN);
                            return a;
                        });
                add(r, slot, v);
            }
        }
        return out;
    }

    private static void add(SeriesReader r, Map<Integer, Integer> slot, double[] out) {
        for (int i = 0; i < r.size(); i++) {
            Integer k = slot.get(r.periodId(i));
            double x = r.number(i);
            if (k != null && !Double.isNaN(x)) {
                out[k] = Double.isNaN(out[k]) ? x : out[k] + x;
            }
        }
    }

    /** PERIOD.ID → index in {@code months}, for the monthly periods among them. */
    private Map<Integer, Integer> monthSlots(List<YearMonth> months) throws SQLException {
        if (periodIds == null) {
            periodIds = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ID, ISO FROM PERIOD")) {
                while (rs.next()) {
                    periodIds.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        Map<Integer, Integer> slot = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            Integer id = periodIds.get(ReportPeriod.monthIso(months.get(i)));
            if (id != null) {
                slot.put(id, i);
            }
        }
        return slot;
    }

    /** The import batches, oldest first. */
    public List<ImportBatch> batches() throws SQLException {
        return ImportBatch.list(connection);
    }
}
