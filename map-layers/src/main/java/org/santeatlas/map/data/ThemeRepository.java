package org.santeatlas.map.data;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.engine.QualityRunStore;

/**
 * The values a thematic map shows per area, read from a workspace (blocking, the workspace's thread):
 * <ul>
 * <li>a data element over a period or a range, aggregated as its DHIS2 {@code aggregationType} says — SUM
 * (the default) adds every value; AVERAGE_SUM_ORG_UNIT adds the org units of each period, then averages the
 * periods (stocks, populations); AVERAGE averages every value; LAST and LAST_IN_PERIOD keep the latest period
 * with data;</li>
 * <li>an indicator: its numerator and denominator expressions ({@link IndicatorExpression}) evaluated on
 * those aggregates, times the factor of its indicator type;</li>
 * <li>a reporting rate: completeness of a data set, registrations received / expected × 100, where expected
 * counts every org unit assigned to the set (DATA_SET_ORG_UNIT), open during the period, once per period of
 * the set's type inside the asked period; when the workspace holds no registration of the set for the
 * period at all (none imported), every area is "no data" rather than 0 %;</li>
 * <li>a quality score: the findings of the latest quality run on the area's org units for the period (or
 * without a period) per open facility of the area.</li>
 * </ul>
 * An area without anything to show is NaN ("no data"), never zero.
 */
public final class ThemeRepository {

    private final Connection connection;

    public ThemeRepository(Connection connection) {
        this.connection = connection;
    }

    /** An indicator as stored by the metadata importer, with the factor of its type (1 when unknown). */
    public record IndicatorInfo(String uid, String code, String name, String shortName, String numerator,
            String denominator, double factor, Integer decimals) {
        public String label() {
            return shortName == null || shortName.isBlank() ? name : shortName;
        }
    }

    /**
     * A data set: its id, names, period type and the days after a period's end within which a report is on
     * time (DHIS2's timelyDays; 15, DHIS2's default, when not stored).
     */
    public record DataSetInfo(int id, String uid, String code, String name, PeriodType periodType, double timelyDays) {}

    /** The latest finished quality run. */
    public record QualityRunInfo(int id, OffsetDateTime finished, int findings) {}

    /** A DHIS2 legend: values v with start <= v < end, its colour "#rrggbb" and name. */
    public record LegendInfo(String name, double start, double end, String color) {}

    /** A DHIS2 legend set and its legends, lowest first. */
    public record LegendSetInfo(String uid, String code, String name, List<LegendInfo> legends) {}

    // ---- look-ups ------------------------------------------------------------------------------

    /** A legend set by UID, code or name (case-insensitive), with its legends sorted by start value. */
    public Optional<LegendSetInfo> legendSet(String uidCodeOrName) throws SQLException {
        int id;
        LegendSetInfo set;
        try (PreparedStatement st = connection.prepareStatement("SELECT ID, UID, CODE, NAME FROM LEGEND_SET"
                + " WHERE UID = ? OR CODE = ? OR LOWER(NAME) = LOWER(?) ORDER BY UID = ? DESC, CODE = ? DESC LIMIT 1")) {
            for (int i = 1; i <= 5; i++) {
                st.setString(i, uidCodeOrName);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getInt(1);
                set = new LegendSetInfo(rs.getString(2), rs.getString(3), rs.getString(4), List.of());
            }
        }
        List<LegendInfo> legends = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT NAME, START_VALUE, END_VALUE, COLOR FROM LEGEND"
                + " WHERE LEGEND_SET_ID = ? ORDER BY START_VALUE, END_VALUE")) {
            st.setInt(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    legends.add(new LegendInfo(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4)));
                }
            }
        }
        return Optional.of(new LegendSetInfo(set.uid(), set.code(), set.name(), List.copyOf(legends)));
    }

    public Optional<IndicatorInfo> indicator(String uidOrCode) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT I.UID, I.CODE, I.NAME, I.SHORT_NAME,"
                + " I.NUMERATOR, I.DENOMINATOR, T.FACTOR, I.DECIMALS FROM INDICATOR I LEFT JOIN INDICATOR_TYPE T"
                + " ON T.UID = I.INDICATOR_TYPE_UID WHERE I.UID = ? OR I.CODE = ? ORDER BY I.UID = ? DESC")) {
            st.setString(1, uidOrCode);
            st.setString(2, uidOrCode);
            st.setString(3, uidOrCode);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int factor = rs.getInt(7);
                double f = rs.wasNull() || factor == 0 ? 1 : factor;
                int decimals = rs.getInt(8);
                return Optional.of(new IndicatorInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), f, rs.wasNull() ? null : decimals));
            }
        }
    }

    public Optional<DataSetInfo> dataSet(String uidCodeOrName) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + DATA_SET_COLUMNS + " FROM DATA_SET"
                + " WHERE UID = ? OR CODE = ? OR LOWER(NAME) = LOWER(?) ORDER BY UID = ? DESC, CODE = ? DESC")) {
            for (int i = 1; i <= 5; i++) {
                st.setString(i, uidCodeOrName);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(dataSetOf(rs)) : Optional.empty();
            }
        }
    }

    private static final String DATA_SET_COLUMNS = "ID, UID, CODE, NAME, PERIOD_TYPE, TIMELY_DAYS";

    private static DataSetInfo dataSetOf(ResultSet rs) throws SQLException {
        double timely = rs.getDouble(6);
        return new DataSetInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                PeriodType.fromDhis2Name(rs.getString(5)), rs.wasNull() ? 15 : timely);
    }

    /**
     * The data set a facility status is about: the first (by name) holding the data element, else the
     * workspace's only data set.
     */
    public Optional<DataSetInfo> dataSetFor(Optional<Integer> dataElementId) throws SQLException {
        if (dataElementId.isPresent()) {
            try (PreparedStatement st = connection.prepareStatement("SELECT " + DATA_SET_COLUMNS.replaceAll("(\\w+)", "D.$1")
                    + " FROM DATA_SET D JOIN DATA_SET_ELEMENT E ON E.DATA_SET_ID = D.ID WHERE E.DATA_ELEMENT_ID = ?"
                    + " ORDER BY D.NAME LIMIT 1")) {
                st.setInt(1, dataElementId.get());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(dataSetOf(rs));
                    }
                }
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + DATA_SET_COLUMNS + " FROM DATA_SET ORDER BY NAME LIMIT 2")) {
            if (rs.next()) {
                DataSetInfo first = dataSetOf(rs);
                return rs.next() ? Optional.empty() : Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** Reporting status of a facility: on time, late, missing; -1 when it is not expected to report. */
    public static final int ON_TIME = 0;
    public static final int LATE = 1;
    public static final int MISSING = 2;

    /**
     * Per facility (features whose uid is an org unit): over the periods of the set's type inside
     * {@code period}, {@link #MISSING} when a report is missing, else {@link #LATE} when one was registered
     * more than the set's timely days after its period ended, else {@link #ON_TIME}; -1 for a facility not
     * assigned to the set or closed for the whole period. A registration without a date counts as on time.
     */
    public int[] reportingStatus(FeatureSet facilities, DataSetInfo set, Period period) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < facilities.size(); i++) {
            index.put(facilities.get(i).uid(), i);
        }
        List<Period> setPeriods = new ArrayList<>();
        for (Period p : set.periodType().periodsBetween(period.startDate(), period.endDate())) {
            if (period.contains(p)) {
                setPeriods.add(p);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < setPeriods.size(); i++) {
            rank.put(setPeriods.get(i).iso(), i);
        }
        // expected[i][r]: facility i should report period r; state: 0 none yet, 1 on time, 2 late.
        boolean[][] expected = new boolean[facilities.size()][];
        int[][] state = new int[facilities.size()][];
        Map<Integer, Integer> idToIndex = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT O.ID, O.UID, O.OPENING_DATE, O.CLOSED_DATE FROM"
                + " DATA_SET_ORG_UNIT S JOIN ORG_UNIT O ON O.ID = S.ORG_UNIT_ID WHERE S.DATA_SET_ID = ?")) {
            st.setInt(1, set.id());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer i = index.get(rs.getString(2));
                    if (i == null) {
                        continue;
                    }
                    idToIndex.put(rs.getInt(1), i);
                    LocalDate opened = rs.getObject(3, LocalDate.class);
                    LocalDate closed = rs.getObject(4, LocalDate.class);
                    expected[i] = new boolean[setPeriods.size()];
                    state[i] = new int[setPeriods.size()];
                    for (int r = 0; r < setPeriods.size(); r++) {
                        Period p = setPeriods.get(r);
                        expected[i][r] = (opened == null || !opened.isAfter(p.endDate()))
                                && (closed == null || !closed.isBefore(p.startDate()));
                    }
                }
            }
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT R.ORG_UNIT_ID, P.ISO, R.REGISTERED FROM"
                + " COMPLETE_REGISTRATION R JOIN PERIOD P ON P.ID = R.PERIOD_ID WHERE R.DATA_SET_ID = ? AND R.COMPLETED"
                + " AND P.START_DATE >= ? AND P.END_DATE <= ?")) {
            st.setInt(1, set.id());
            st.setDate(2, Date.valueOf(period.startDate()));
            st.setDate(3, Date.valueOf(period.endDate()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer i = idToIndex.get(rs.getInt(1));
                    Integer r = rank.get(rs.getString(2));
                    if (i == null || r == null) {
                        continue;
                    }
                    java.sql.Timestamp when = rs.getTimestamp(3);
                    LocalDate deadline = setPeriods.get(r).endDate().plusDays((long) Math.floor(set.timelyDays()));
                    boolean late = when != null && when.toLocalDateTime().toLocalDate().isAfter(deadline);
                    int s2 = late ? 2 : 1;
                    // Several attribute option combos: the earliest registration decides.
                    state[i][r] = state[i][r] == 0 ? s2 : Math.min(state[i][r], s2);
                }
            }
        }
        int[] out = new int[facilities.size()];
        for (int i = 0; i < out.length; i++) {
            int result = -1;
            if (expected[i] != null) {
                for (int r = 0; r < setPeriods.size(); r++) {
                    if (!expected[i][r]) {
                        continue;
                    }
                    int s2 = state[i][r] == 0 ? MISSING : state[i][r] == 2 ? LATE : ON_TIME;
                    result = Math.max(result, s2);
                }
            }
            out[i] = result;
        }
        return out;
    }

    /**
     * Findings of {@code run} per facility (features whose uid is an org unit) for a period inside
     * {@code period} or without a period.
     */
    public int[] findingsPerOrgUnit(FeatureSet facilities, QualityRunInfo run, Period period) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < facilities.size(); i++) {
            index.put(facilities.get(i).uid(), i);
        }
        int[] out = new int[facilities.size()];
        forEachFinding(run, null, period, uid -> {
            Integer i = index.get(uid);
            if (i != null) {
                out[i]++;
            }
        });
        return out;
    }

    public Optional<QualityRunInfo> latestQualityRun() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, FINISHED, FINDING_COUNT FROM QUALITY_RUN WHERE FINISHED IS NOT NULL"
                     + " ORDER BY FINISHED DESC, ID DESC LIMIT 1")) {
            return rs.next() ? Optional.of(new QualityRunInfo(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                    rs.getInt(3))) : Optional.empty();
        }
    }

    /**
     * The org-unit UID of every finding of {@code run} (of the check {@code checkId} when not null) dated inside
     * {@code period} or undated, read through the quality store: its finding blocks, or the one-row-per-finding
     * table of runs stored before them.
     */
    private void forEachFinding(QualityRunInfo run, String checkId, Period period,
                                java.util.function.Consumer<String> orgUnit) throws SQLException {
        for (QualityRunStore.StoredFinding stored : new QualityRunStore(connection).findings(run.id())) {
            Finding f = stored.finding();
            if (f.orgUnit() == null || (checkId != null && !checkId.equals(f.check()))) {
                continue;
            }
            String iso = f.period();
            if (iso != null && !iso.isBlank()) {
                Optional<Period> p = Period.tryParse(iso);
                if (p.isEmpty() || !period.contains(p.get())) {
                    continue;
                }
            }
            orgUnit.accept(f.orgUnit());
        }
    }

    // ---- areas ---------------------------------------------------------------------------------

    /** Which area each org unit at or below {@code level} belongs to (by the level-n segment of its path). */
    public Map<Integer, Integer> orgUnitToArea(FeatureSet areas, int level) throws SQLException {
        Map<String, Integer> areaIndex = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            areaIndex.put(areas.get(i).uid(), i);
        }
        Map<Integer, Integer> out = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT ID, PATH FROM ORG_UNIT WHERE LEVEL >= ?")) {
            st.setInt(1, level);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(2);
                    if (path == null) {
                        continue;
                    }
                    // "/country/region/district/area/…": segment n is the level-n ancestor.
                    String[] parts = path.split("/");
                    if (parts.length > level) {
                        Integer area = areaIndex.get(parts[level]);
                        if (area != null) {
                            out.put(rs.getInt(1), area);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The stored periods inside {@code period}, chronological: id → rank. */
    public Map<Integer, Integer> periodsWithin(Period period) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT ID FROM PERIOD WHERE START_DATE >= ? AND END_DATE <= ? ORDER BY START_DATE, END_DATE")) {
            st.setDate(1, Date.valueOf(period.startDate()));
            st.setDate(2, Date.valueOf(period.endDate()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), out.size());
                }
            }
        }
        return out;
    }

    // ---- data elements -------------------------------------------------------------------------

    /** How a data element's values combine over periods (DHIS2 aggregationType). */
    public enum Aggregation {
        SUM, AVERAGE_SUM_ORG_UNIT, AVERAGE, LAST;

        public static Aggregation of(String dhis2) {
            if (dhis2 == null) {
                return SUM;
            }
            return switch (dhis2.toUpperCase(Locale.ROOT)) {
                case "AVERAGE_SUM_ORG_UNIT", "AVERAGE_SUM_INT" -> AVERAGE_SUM_ORG_UNIT;
                case "AVERAGE", "AVERAGE_INT" -> AVERAGE;
                case "LAST", "LAST_IN_PERIOD", "LAST_AVERAGE_ORG_UNIT", "LAST_IN_PERIOD_AVERAGE_ORG_UNIT" -> LAST;
                default -> SUM;
            };
        }
    }

    /** The aggregation type stored for a data element. */
    public Aggregation aggregation(int dataElementId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT AGGREGATION_TYPE FROM DATA_ELEMENT WHERE ID = ?")) {
            st.setInt(1, dataElementId);
            try (ResultSet rs = st.executeQuery()) {
                return Aggregation.of(rs.next() ? rs.getString(1) : null);
            }
        }
    }

    /**
     * A data element's values per area over {@code period}, aggregated as {@code aggregation} says; only the
     * category option combo {@code cocId} when it is not negative. NaN where the area has no value.
     */
    public double[] dataElementByArea(FeatureSet areas, int level, int dataElementId, int cocId, Period period,
            Aggregation aggregation) throws SQLException {
        return dataElementByArea(areas.size(), orgUnitToArea(areas, level), periodsWithin(period), dataElementId, cocId,
                aggregation);
    }

    /** As above with the org-unit and period look-ups already made (an indicator reuses them per operand). */
    public double[] dataElementByArea(int areaCount, Map<Integer, Integer> orgUnitToArea, Map<Integer, Integer> periods,
            int dataElementId, int cocId, Aggregation aggregation) throws SQLException {
        double[] out = new double[areaCount];
        Arrays.fill(out, Double.NaN);
        if (periods.isEmpty()) {
            return out;
        }
        int np = periods.size();
        // Per area and period rank: the sum over org units (NaN: none) and, for AVERAGE, the count of values.
        double[][] sums = new double[areaCount][];
        int[] counts = new int[areaCount];
        try (SeriesReader r = SeriesReader.forDataElement(connection, dataElementId)) {
            while (r.next()) {
                if (cocId >= 0 && r.categoryOptionComboId() != cocId) {
                    continue;
                }
                Integer area = orgUnitToArea.get(r.orgUnitId());
                if (area == null) {
                    continue;
                }
                for (int i = 0; i < r.size(); i++) {
                    double v = r.number(i);
                    Integer rank = periods.get(r.periodId(i));
                    if (rank == null || !Double.isFinite(v)) {
                        continue;
                    }
                    if (sums[area] == null) {
                        sums[area] = new double[np];
                        Arrays.fill(sums[area], Double.NaN);
                    }
                    double[] s = sums[area];
                    s[rank] = Double.isNaN(s[rank]) ? v : s[rank] + v;
                    counts[area]++;
                }
            }
        }
        for (int a = 0; a < areaCount; a++) {
            double[] s = sums[a];
            if (s == null) {
                continue;
            }
            double total = 0;
            int withData = 0;
            double last = Double.NaN;
            for (double v : s) {
                if (!Double.isNaN(v)) {
                    total += v;
                    withData++;
                    last = v;
                }
            }
            out[a] = switch (aggregation) {
                case SUM -> total;
                case AVERAGE_SUM_ORG_UNIT -> total / withData;
                case AVERAGE -> total / counts[a];
                case LAST -> last;
            };
        }
        return out;
    }

    // ---- reporting rate ------------------------------------------------------------------------

    /**
     * Completeness of a data set per area over {@code period}: complete registrations received / expected ×
     * 100. Expected: each org unit assigned to the set, inside the area, open at some time of a period of the
     * set's type, once per such period lying inside {@code period}; received: the registrations marked
     * complete among those. NaN where nothing is expected.
     */
    public double[] reportingRateByArea(FeatureSet areas, int level, DataSetInfo set, Period period) throws SQLException {
        Map<Integer, Integer> ouToArea = orgUnitToArea(areas, level);
        List<Period> setPeriods = new ArrayList<>();
        for (Period p : set.periodType().periodsBetween(period.startDate(), period.endDate())) {
            if (!p.startDate().isBefore(period.startDate()) && !p.endDate().isAfter(period.endDate())) {
                setPeriods.add(p);
            }
        }
        double[] expected = new double[areas.size()];
        double[] received = new double[areas.size()];
        Set<Long> expectedKeys = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT O.ID, O.OPENING_DATE, O.CLOSED_DATE FROM"
                + " DATA_SET_ORG_UNIT S JOIN ORG_UNIT O ON O.ID = S.ORG_UNIT_ID WHERE S.DATA_SET_ID = ?")) {
            st.setInt(1, set.id());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer area = ouToArea.get(rs.getInt(1));
                    if (area == null) {
                        continue;
                    }
                    LocalDate opened = rs.getObject(2, LocalDate.class);
                    LocalDate closed = rs.getObject(3, LocalDate.class);
                    for (int i = 0; i < setPeriods.size(); i++) {
                        Period p = setPeriods.get(i);
                        boolean open = (opened == null || !opened.isAfter(p.endDate()))
                                && (closed == null || !closed.isBefore(p.startDate()));
                        if (open) {
                            expected[area]++;
                            expectedKeys.add(((long) rs.getInt(1) << 20) | i);
                        }
                    }
                }
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < setPeriods.size(); i++) {
            rank.put(setPeriods.get(i).iso(), i);
        }
        // One registration per org unit and period (several attribute option combos count once).
        Set<Long> counted = new HashSet<>();
        boolean anyInPeriod = false;
        try (PreparedStatement st = connection.prepareStatement("SELECT R.ORG_UNIT_ID, P.ISO FROM COMPLETE_REGISTRATION R"
                + " JOIN PERIOD P ON P.ID = R.PERIOD_ID WHERE R.DATA_SET_ID = ? AND R.COMPLETED"
                + " AND P.START_DATE >= ? AND P.END_DATE <= ?")) {
            st.setInt(1, set.id());
            st.setDate(2, Date.valueOf(period.startDate()));
            st.setDate(3, Date.valueOf(period.endDate()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    anyInPeriod = true;
                    Integer r = rank.get(rs.getString(2));
                    Integer area = ouToArea.get(rs.getInt(1));
                    if (r == null || area == null) {
                        continue;
                    }
                    long key = ((long) rs.getInt(1) << 20) | r;
                    if (expectedKeys.contains(key) && counted.add(key)) {
                        received[area]++;
                    }
                }
            }
        }
        double[] out = new double[areas.size()];
        for (int a = 0; a < out.length; a++) {
            // No registration of the set anywhere in the period: none were imported, which is not 0 %.
            out[a] = expected[a] == 0 || !anyInPeriod ? Double.NaN : 100 * received[a] / expected[a];
        }
        return out;
    }

    // ---- quality -------------------------------------------------------------------------------

    /**
     * Findings per facility: the findings of {@code run} (of check {@code checkId} only, when given) on org
     * units inside the area — for a period inside {@code period}, or without a period (registry and
     * geographic checks) — divided by the open facilities (org units of {@code facilityLevel}) of the area.
     * NaN for an area without facilities.
     */
    public double[] findingsPerFacility(FeatureSet areas, int level, int facilityLevel, QualityRunInfo run,
            String checkId, Period period) throws SQLException {
        Map<Integer, Integer> ouToArea = orgUnitToArea(areas, level);
        Map<String, Integer> uidToArea = new HashMap<>();
        double[] facilities = new double[areas.size()];
        try (PreparedStatement st = connection.prepareStatement("SELECT ID, UID, LEVEL, CLOSED_DATE FROM ORG_UNIT"
                + " WHERE LEVEL >= ?")) {
            st.setInt(1, level);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer area = ouToArea.get(rs.getInt(1));
                    if (area == null) {
                        continue;
                    }
                    uidToArea.put(rs.getString(2), area);
                    if (rs.getInt(3) == facilityLevel && rs.getObject(4) == null) {
                        facilities[area]++;
                    }
                }
            }
        }
        double[] findings = new double[areas.size()];
        forEachFinding(run, checkId, period, uid -> {
            Integer area = uidToArea.get(uid);
            if (area != null) {
                findings[area]++;
            }
        });
        double[] out = new double[areas.size()];
        for (int a = 0; a < out.length; a++) {
            out[a] = facilities[a] == 0 ? Double.NaN : findings[a] / facilities[a];
        }
        return out;
    }

    /** The id of a category option combo by UID, if stored. */
    public Optional<Integer> categoryOptionComboId(String uid) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT ID FROM CATEGORY_OPTION_COMBO WHERE UID = ?")) {
            st.setString(1, uid);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** The id of a data element by UID, if stored. */
    public Optional<Integer> dataElementId(String uid) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT ID FROM DATA_ELEMENT WHERE UID = ?")) {
            st.setString(1, uid);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }
}
