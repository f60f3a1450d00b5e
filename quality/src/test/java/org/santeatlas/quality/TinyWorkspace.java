package org.santeatlas.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;

/**
 * A small hand-made workspace for hand-computed cases: org units, data elements, data sets and
 * registrations written with SQL, data values through the real importer (so they are stored as
 * the app stores them). UIDs are 11 characters, as DHIS2's.
 */
final class TinyWorkspace implements AutoCloseable {

    final Workspace workspace;
    final Connection c;
    private final Path dir;
    private final StringBuilder values = new StringBuilder();

    TinyWorkspace(Path dir) {
        this.dir = dir;
        this.workspace = Workspace.create(dir.resolve("tiny-" + System.nanoTime()));
        this.c = workspace.connection();
    }

    /** An org unit under {@code parentUid} (null for the root); level from the parent. */
    TinyWorkspace orgUnit(String uid, String name, String parentUid, LocalDate opening, LocalDate closed)
            throws SQLException {
        int level = 1;
        Integer parentId = null;
        String path = "/" + uid;
        if (parentUid != null) {
            try (PreparedStatement st = c.prepareStatement("SELECT ID, LEVEL, PATH FROM ORG_UNIT WHERE UID = ?")) {
                st.setString(1, parentUid);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    parentId = rs.getInt(1);
                    level = rs.getInt(2) + 1;
                    path = rs.getString(3) + "/" + uid;
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO ORG_UNIT(UID, CODE, NAME, LEVEL, PARENT_UID,"
                + " PARENT_ID, PATH, OPENING_DATE, CLOSED_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, uid);
            st.setString(2, uid);
            st.setString(3, name);
            st.setInt(4, level);
            st.setString(5, parentUid);
            st.setObject(6, parentId);
            st.setString(7, path);
            st.setObject(8, opening);
            st.setObject(9, closed);
            st.executeUpdate();
        }
        return this;
    }

    TinyWorkspace dataElement(String uid, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO DATA_ELEMENT(UID, CODE, NAME, VALUE_TYPE,"
                + " AGGREGATION_TYPE, DOMAIN_TYPE, CATEGORY_COMBO_UID, CATEGORY_COMBO_ID) VALUES (?, ?, ?,"
                + " 'INTEGER_ZERO_OR_POSITIVE', 'SUM', 'AGGREGATE', 'bjDvmb4bfuf', 1)")) {
            st.setString(1, uid);
            st.setString(2, code);
            st.setString(3, code);
            st.executeUpdate();
        }
        return this;
    }

    /** A monthly data set holding {@code elements}, assigned to {@code orgUnits}. */
    TinyWorkspace dataSet(String uid, int timelyDays, String[] elements, String... orgUnits) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO DATA_SET(UID, CODE, NAME, PERIOD_TYPE, TIMELY_DAYS)"
                + " VALUES (?, ?, ?, 'Monthly', ?)")) {
            st.setString(1, uid);
            st.setString(2, uid);
            st.setString(3, "Set " + uid);
            st.setInt(4, timelyDays);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            for (String de : elements) {
                st.executeUpdate("INSERT INTO DATA_SET_ELEMENT(DATA_SET_ID, DATA_ELEMENT_ID) SELECT S.ID, E.ID FROM"
                        + " DATA_SET S, DATA_ELEMENT E WHERE S.UID = '" + uid + "' AND E.UID = '" + de + "'");
            }
            for (String ou : orgUnits) {
                st.executeUpdate("INSERT INTO DATA_SET_ORG_UNIT(DATA_SET_ID, ORG_UNIT_ID) SELECT S.ID, O.ID FROM"
                        + " DATA_SET S, ORG_UNIT O WHERE S.UID = '" + uid + "' AND O.UID = '" + ou + "'");
            }
        }
        return this;
    }

    /** Creates the PERIOD rows of the months {@code first}..{@code last} (ISO, e.g. 202401). */
    TinyWorkspace months(String first, String last) throws SQLException {
        var a = org.santeatlas.core.period.Period.parse(first);
        var b = org.santeatlas.core.period.Period.parse(last);
        var index = org.santeatlas.core.store.PeriodIndex.load(c);
        for (var p : org.santeatlas.core.period.Period.range(a, b)) {
            index.idOf(p.iso());
        }
        return this;
    }

    /** A completed registration of {@code dataSet} for {@code orgUnit} and {@code period}, dated {@code day}. */
    TinyWorkspace registration(String dataSet, String orgUnit, String period, LocalDate day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO COMPLETE_REGISTRATION(DATA_SET_ID, PERIOD_ID,"
                + " ORG_UNIT_ID, ATTRIBUTE_OPTION_COMBO_ID, REGISTERED, COMPLETED) SELECT S.ID, P.ID, O.ID, 1, ?, TRUE"
                + " FROM DATA_SET S, PERIOD P, ORG_UNIT O WHERE S.UID = ? AND P.ISO = ? AND O.UID = ?")) {
            st.setObject(1, day.atTime(10, 0));
            st.setString(2, dataSet);
            st.setString(3, period);
            st.setString(4, orgUnit);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("no such data set, period or org unit: " + dataSet + " " + period);
            }
        }
        return this;
    }

    /** A data value (default option combos), imported with the next {@link #importValues()}. */
    TinyWorkspace value(String dataElement, String orgUnit, String period, double value) {
        if (values.length() > 0) {
            values.append(",\n");
        }
        String v = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        values.append("{\"dataElement\":\"").append(dataElement).append("\",\"period\":\"").append(period)
                .append("\",\"orgUnit\":\"").append(orgUnit).append("\",\"value\":\"").append(v).append("\"}");
        return this;
    }

    /** Monthly values from {@code firstMonth} (e.g. 202301) on, one per array entry; NaN leaves a gap. */
    TinyWorkspace series(String dataElement, String orgUnit, String firstMonth, double... monthly) {
        var p = org.santeatlas.core.period.Period.parse(firstMonth);
        for (double v : monthly) {
            if (!Double.isNaN(v)) {
                value(dataElement, orgUnit, p.iso(), v);
            }
            p = p.next();
        }
        return this;
    }

    TinyWorkspace importValues() throws IOException {
        Path file = dir.resolve("values-" + System.nanoTime() + ".json");
        Files.writeString(file, "{\"dataValues\":[\n" + values + "\n]}");
        values.setLength(0);
        ImportResult r = new ImportService(workspace).importFile(file, Optional.empty(), ImportProgress.NONE);
        if (r.failure().isPresent() || !r.problems().isEmpty()) {
            throw new IllegalStateException(r.failure() + " " + r.problems());
        }
        return this;
    }

    QualityContext context(String from, String to) {
        return new QualityContext(c, QualityParameters.DEFAULTS.withPeriods(Optional.ofNullable(from),
                Optional.ofNullable(to)));
    }

    @Override
    public void close() {
        workspace.close();
    }
}
