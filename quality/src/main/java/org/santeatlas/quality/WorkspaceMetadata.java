package org.santeatlas.quality;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.santeatlas.core.period.MonthIndex;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.period.PeriodType;

/**
 * The metadata every check looks up, read once per run: the org-unit tree (levels, paths, parents,
 * opening and closing dates), data elements, option combos, data sets with their elements and
 * assigned org units, and the stored periods, all indexed by the tables' integer {@code ID}s. Also the
 * run's date range. Immutable after {@link #load}; safe to read from any thread.
 */
public final class WorkspaceMetadata {

    /** A data set with what it holds and who reports it. */
    public record DataSet(int id, String uid, String code, String name, PeriodType periodType, double timelyDays,
                          int[] orgUnits, int[] dataElements) {}

    // Org units, indexed by ORG_UNIT.ID (absent ids have a null uid).
    private String[] ouUid = new String[0];
    private String[] ouName = new String[0];
    private String[] ouCode = new String[0];
    private int[] ouLevel = new int[0];
    private int[] ouParent = new int[0];
    private LocalDate[] ouOpening = new LocalDate[0];
    private LocalDate[] ouClosed = new LocalDate[0];
    private final Map<String, Integer> ouByUid = new HashMap<>();
    private int maxLevel;

    // Data elements and option combos, indexed by their IDs.
    private String[] deUid = new String[0];
    private String[] deCode = new String[0];
    private String[] deName = new String[0];
    private final Map<String, Integer> deByCode = new HashMap<>();
    private final Map<String, Integer> deByUid = new HashMap<>();
    private String[] cocUid = new String[0];
    private String[] cocName = new String[0];

    private final List<DataSet> dataSets = new ArrayList<>();
    /** Data sets assigned to each org unit. */
    private int[] assignmentCount = new int[0];

    private Period[] periodById = new Period[0];
    /** Month index ({@link MonthIndex}) of a monthly period id, or {@link Integer#MIN_VALUE}. */
    private int[] monthOfPeriod = new int[0];
    private final Map<String, Integer> periodByIso = new HashMap<>();

    private LocalDate rangeStart;
    private LocalDate rangeEnd;

    private WorkspaceMetadata() {
    }

    /**
     * Reads the metadata; the run's range is {@code from}'s first day to {@code to}'s last day, each
     * side defaulting to the stored periods' earliest start or latest end.
     *
     * @throws IllegalArgumentException when {@code from} or {@code to} is not a DHIS2 period
     */
    public static WorkspaceMetadata load(Connection connection, Optional<String> from, Optional<String> to)
            throws SQLException {
        WorkspaceMetadata m = new WorkspaceMetadata();
        try (Statement st = connection.createStatement()) {
            m.loadOrgUnits(st);
            m.loadDataElements(st);
            m.loadDataSets(st);
            m.loadPeriods(st);
        }
        m.rangeStart = from.map(p -> Period.parse(p).startDate()).orElse(m.storedStart());
        m.rangeEnd = to.map(p -> Period.parse(p).endDate()).orElse(m.storedEnd());
        if (m.rangeEnd.isBefore(m.rangeStart)) {
            throw new IllegalArgumentException("The period range ends (" + m.rangeEnd + ") before it starts ("
                    + m.rangeStart + ")");
        }
        return m;
    }

    private void loadOrgUnits(Statement st) throws SQLException {
        int max = maxId(st, "ORG_UNIT");
        ouUid = new String[max + 1];
        ouName = new String[max + 1];
        ouCode = new String[max + 1];
        ouLevel = new int[max + 1];
        ouParent = new int[max + 1];
        ouOpening = new LocalDate[max + 1];
        ouClosed = new LocalDate[max + 1];
        assignmentCount = new int[max + 1];
        try (ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, LEVEL, PARENT_ID, OPENING_DATE, CLOSED_DATE"
                + " FROM ORG_UNIT")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                ouUid[id] = rs.getString(2);
                ouCode[id] = rs.getString(3);
                ouName[id] = rs.getString(4);
                ouLevel[id] = rs.getInt(5);
                ouParent[id] = rs.getInt(6);
                ouOpening[id] = date(rs.getDate(7));
                ouClosed[id] = date(rs.getDate(8));
                ouByUid.put(ouUid[id], id);
                maxLevel = Math.max(maxLevel, ouLevel[id]);
            }
        }
    }

    private void loadDataElements(Statement st) throws SQLException {
        int max = maxId(st, "DATA_ELEMENT");
        deUid = new String[max + 1];
        deCode = new String[max + 1];
        deName = new String[max + 1];
        try (ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME FROM DATA_ELEMENT")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                deUid[id] = rs.getString(2);
                deCode[id] = rs.getString(3);
                deName[id] = rs.getString(4);
                deByUid.put(deUid[id], id);
                if (deCode[id] != null) {
                    deByCode.put(deCode[id], id);
                }
            }
        }
        max = maxId(st, "CATEGORY_OPTION_COMBO");
        cocUid = new String[max + 1];
        cocName = new String[max + 1];
        try (ResultSet rs = st.executeQuery("SELECT ID, UID, NAME FROM CATEGORY_OPTION_COMBO")) {
            while (rs.next()) {
                cocUid[rs.getInt(1)] = rs.getString(2);
                cocName[rs.getInt(1)] = rs.getString(3);
            }
        }
    }

    private void loadDataSets(Statement st) throws SQLException {
        Map<Integer, List<Integer>> units = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT DATA_SET_ID, ORG_UNIT_ID FROM DATA_SET_ORG_UNIT"
                + " ORDER BY DATA_SET_ID, ORG_UNIT_ID")) {
            while (rs.next()) {
                units.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getInt(2));
                assignmentCount[rs.getInt(2)]++;
            }
        }
        Map<Integer, List<Integer>> elements = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT DATA_SET_ID, DATA_ELEMENT_ID FROM DATA_SET_ELEMENT"
                + " ORDER BY DATA_SET_ID, DATA_ELEMENT_ID")) {
            while (rs.next()) {
                elements.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getInt(2));
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT ID, UID, CODE, NAME, PERIOD_TYPE, TIMELY_DAYS FROM DATA_SET"
                + " ORDER BY ID")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                PeriodType type;
                try {
                    type = PeriodType.fromDhis2Name(rs.getString(5));
                } catch (IllegalArgumentException e) {
                    continue; // a period type DHIS2 has and SantéAtlas does not (financial years...): no reporting check
                }
                double timely = rs.getDouble(6);
                if (rs.wasNull()) {
                    // DHIS2's default for a data set's timelyDays (DataSet.timelyDays = 15).
                    timely = 15;
                }
                dataSets.add(new DataSet(id, rs.getString(2), rs.getString(3), rs.getString(4), type, timely,
                        ints(units.get(id)), ints(elements.get(id))));
            }
        }
    }

    private void loadPeriods(Statement st) throws SQLException {
        int max = maxId(st, "PERIOD");
        periodById = new Period[max + 1];
        monthOfPeriod = new int[max + 1];
        Arrays.fill(monthOfPeriod, Integer.MIN_VALUE);
        try (ResultSet rs = st.executeQuery("SELECT ID, ISO FROM PERIOD")) {
            while (rs.next()) {
                Optional<Period> p = Period.tryParse(rs.getString(2));
                if (p.isEmpty()) {
                    continue;
                }
                int id = rs.getInt(1);
                periodById[id] = p.get();
                periodByIso.put(p.get().iso(), id);
                if (p.get().type() == PeriodType.MONTHLY) {
                    monthOfPeriod[id] = MonthIndex.of(p.get().startDate());
                }
            }
        }
    }

    private LocalDate storedStart() {
        LocalDate min = null;
        for (Period p : periodById) {
            if (p != null && (min == null || p.startDate().isBefore(min))) {
                min = p.startDate();
            }
        }
        return min != null ? min : LocalDate.now().withDayOfMonth(1);
    }

    private LocalDate storedEnd() {
        LocalDate max = null;
        for (Period p : periodById) {
            if (p != null && (max == null || p.endDate().isAfter(max))) {
                max = p.endDate();
            }
        }
        return max != null ? max : LocalDate.now();
    }

    private static int maxId(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(ID), 0) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static int[] ints(List<Integer> list) {
        return list == null ? new int[0] : list.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- the run's range

    /** First day looked at. */
    public LocalDate rangeStart() {
        return rangeStart;
    }

    /** Last day looked at (inclusive). */
    public LocalDate rangeEnd() {
        return rangeEnd;
    }

    /** {@link MonthIndex} of the first month of the range. */
    public int firstMonth() {
        return MonthIndex.of(rangeStart);
    }

    /** {@link MonthIndex} of the last month of the range. */
    public int lastMonth() {
        return MonthIndex.of(rangeEnd);
    }

    /** Whether a period lies wholly in the range. */
    public boolean inRange(Period p) {
        return !p.startDate().isBefore(rangeStart) && !p.endDate().isAfter(rangeEnd);
    }

    // ---- org units

    /** One past the largest org unit id (array sizes). */
    public int orgUnitIdLimit() {
        return ouUid.length;
    }

    public boolean isOrgUnit(int id) {
        return id > 0 && id < ouUid.length && ouUid[id] != null;
    }

    public String orgUnitUid(int id) {
        return ouUid[id];
    }

    public String orgUnitName(int id) {
        return ouName[id];
    }

    public String orgUnitCode(int id) {
        return ouCode[id];
    }

    public int level(int id) {
        return ouLevel[id];
    }

    /** The parent's id, 0 for a root. */
    public int parent(int id) {
        return ouParent[id];
    }

    public Optional<Integer> orgUnitId(String uid) {
        return Optional.ofNullable(ouByUid.get(uid));
    }

    public LocalDate openingDate(int id) {
        return ouOpening[id];
    }

    public LocalDate closedDate(int id) {
        return ouClosed[id];
    }

    /** The deepest level of the tree: facilities in an SNIS tree. */
    public int facilityLevel() {
        return maxLevel;
    }

    /** The ancestor (or self) at {@code level}, or 0 when the unit lies above it. */
    public int ancestorAt(int id, int level) {
        int u = id;
        while (u > 0 && ouLevel[u] > level) {
            u = ouParent[u];
        }
        return u > 0 && ouLevel[u] == level ? u : 0;
    }

    /** Whether the unit is open during some day of {@code [start, end]} (DHIS2 opening and closed dates). */
    public boolean isOpen(int id, LocalDate start, LocalDate end) {
        return (ouOpening[id] == null || !ouOpening[id].isAfter(end))
                && (ouClosed[id] == null || !ouClosed[id].isBefore(start));
    }

    /** How many data sets the unit is assigned to. */
    public int dataSetCount(int id) {
        return assignmentCount[id];
    }

    /** Ids of the units at one level, in id order. */
    public List<Integer> orgUnitsAtLevel(int level) {
        List<Integer> out = new ArrayList<>();
        for (int id = 1; id < ouUid.length; id++) {
            if (ouUid[id] != null && ouLevel[id] == level) {
                out.add(id);
            }
        }
        return out;
    }

    // ---- data elements and combos

    public int dataElementIdLimit() {
        return deUid.length;
    }

    public String dataElementUid(int id) {
        return id > 0 && id < deUid.length ? deUid[id] : null;
    }

    public String dataElementCode(int id) {
        return deCode[id];
    }

    public String dataElementName(int id) {
        return deName[id];
    }

    public Optional<Integer> dataElementByCode(String code) {
        return Optional.ofNullable(deByCode.get(code));
    }

    public Optional<Integer> dataElementByUid(String uid) {
        return Optional.ofNullable(deByUid.get(uid));
    }

    public String categoryOptionComboUid(int id) {
        return id > 0 && id < cocUid.length ? cocUid[id] : null;
    }

    public String categoryOptionComboName(int id) {
        return id > 0 && id < cocName.length ? cocName[id] : null;
    }

    // ---- data sets

    public List<DataSet> dataSets() {
        return Collections.unmodifiableList(dataSets);
    }

    // ---- periods

    /** The period of a {@code PERIOD.ID}, or null. */
    public Period period(int id) {
        return id >= 0 && id < periodById.length ? periodById[id] : null;
    }

    /** The {@link MonthIndex} of a monthly period id, {@link Integer#MIN_VALUE} for other types. */
    public int month(int periodId) {
        return periodId >= 0 && periodId < monthOfPeriod.length ? monthOfPeriod[periodId] : Integer.MIN_VALUE;
    }

    /** The id of a stored period, if any. */
    public Optional<Integer> periodId(String iso) {
        return Optional.ofNullable(periodByIso.get(iso));
    }

    /** DHIS2's ISO id of a month index, e.g. {@code 202403}. */
    public static String monthIso(int month) {
        java.time.YearMonth ym = MonthIndex.toYearMonth(month);
        return String.format("%04d%02d", ym.getYear(), ym.getMonthValue());
    }
}
