package org.santeatlas.quality.population;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.PeriodIndex;
import org.santeatlas.core.store.SeriesReader;
import org.santeatlas.quality.geo.OrgUnits;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/** Yearly figures per org unit (org unit id → year → figure), read once and rolled up the tree. */
final class PopulationData {

    private PopulationData() {
    }

    /**
     * Locality populations summed per org unit and year, for the locality's health area (LOCALITY.ORG_UNIT_ID)
     * or, failing that, its district (DISTRICT_CODE) and every ancestor.
     */
    static Map<Integer, TreeMap<Integer, Double>> localities(Connection c, OrgUnits tree) throws SQLException {
        Map<String, Unit> byCode = new HashMap<>();
        for (Unit u : tree.all()) {
            if (u.code() != null) {
                byCode.putIfAbsent(u.code(), u);
            }
        }
        Map<Integer, TreeMap<Integer, Double>> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT L.ORG_UNIT_ID, L.DISTRICT_CODE, P.POPULATION_YEAR, P.POPULATION"
                     + " FROM LOCALITY L JOIN LOCALITY_POPULATION P ON P.LOCALITY_ID = L.ID")) {
            while (rs.next()) {
                int ou = rs.getInt(1);
                Unit u = rs.wasNull() ? null : tree.byId(ou);
                if (u == null && rs.getString(2) != null) {
                    u = byCode.get(rs.getString(2));
                }
                for (Unit x = u; x != null; x = tree.parent(x)) {
                    out.computeIfAbsent(x.id(), k -> new TreeMap<>()).merge(rs.getInt(3), (double) rs.getLong(4), Double::sum);
                }
            }
        }
        return out;
    }

    /** A data element's values summed per org unit and calendar year, rolled up to every ancestor. */
    static Map<Integer, TreeMap<Integer, Double>> yearlyTotals(Connection c, OrgUnits tree, PeriodIndex periods,
                                                             int dataElementId) throws SQLException {
        Map<Integer, TreeMap<Integer, Double>> out = new HashMap<>();
        try (SeriesReader r = SeriesReader.forDataElement(c, dataElementId)) {
            while (r.next()) {
                Map<Integer, Double> byYear = new HashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    Period p = periods.period(r.periodId(i));
                    double v = r.number(i);
                    if (p == null || Double.isNaN(v) || p.startDate().getYear() != p.endDate().getYear()) {
                        continue;
                    }
                    byYear.merge(p.startDate().getYear(), v, Double::sum);
                }
                for (Unit x = tree.byId(r.orgUnitId()); x != null; x = tree.parent(x)) {
                    for (Map.Entry<Integer, Double> e : byYear.entrySet()) {
                        out.computeIfAbsent(x.id(), k -> new TreeMap<>()).merge(e.getKey(), e.getValue(), Double::sum);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A stock such as a population: per org unit (not rolled up) and year, the mean of the year's
     * values over periods (a yearly value as it is; twelve monthly copies count once), summed over
     * option combos.
     */
    static Map<Integer, TreeMap<Integer, Double>> yearlyStocks(Connection c, PeriodIndex periods, int dataElementId)
            throws SQLException {
        Map<Integer, Map<Integer, Map<Integer, Double>>> sums = new HashMap<>();
        try (SeriesReader r = SeriesReader.forDataElement(c, dataElementId)) {
            while (r.next()) {
                for (int i = 0; i < r.size(); i++) {
                    Period p = periods.period(r.periodId(i));
                    double v = r.number(i);
                    if (p == null || Double.isNaN(v)) {
                        continue;
                    }
                    sums.computeIfAbsent(r.orgUnitId(), k -> new HashMap<>())
                            .computeIfAbsent(p.startDate().getYear(), k -> new HashMap<>())
                            .merge(r.periodId(i), v, Double::sum);
                }
            }
        }
        Map<Integer, TreeMap<Integer, Double>> out = new HashMap<>();
        sums.forEach((ou, years) -> years.forEach((year, byPeriod) -> out.computeIfAbsent(ou, k -> new TreeMap<>())
                .put(year, byPeriod.values().stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        return out;
    }

    /**
     * The figure of a district (or any unit) for a year from per-unit stocks: its own, else the sum over
     * the shallowest level of its descendants that has figures (never two levels added together).
     */
    static Double stockFor(OrgUnits tree, Unit unit, int year, Map<Integer, TreeMap<Integer, Double>> stocks) {
        TreeMap<Integer, Double> own = stocks.get(unit.id());
        if (own != null && own.containsKey(year)) {
            return own.get(year);
        }
        Map<Integer, Double> byLevel = new TreeMap<>();
        for (Map.Entry<Integer, TreeMap<Integer, Double>> e : stocks.entrySet()) {
            Unit u = tree.byId(e.getKey());
            Double v = e.getValue().get(year);
            if (u != null && v != null && u.level() > unit.level() && tree.isWithin(u, unit)) {
                byLevel.merge(u.level(), v, Double::sum);
            }
        }
        return byLevel.isEmpty() ? null : byLevel.values().iterator().next();
    }

    /** The year of {@code byYear} nearest to {@code year} (the later one on a tie), or null. */
    static Integer nearestYear(TreeMap<Integer, Double> byYear, int year) {
        if (byYear == null || byYear.isEmpty()) {
            return null;
        }
        Integer below = byYear.floorKey(year);
        Integer above = byYear.ceilingKey(year);
        if (below == null) {
            return above;
        }
        if (above == null) {
            return below;
        }
        return year - below < above - year ? below : above;
    }

    /** DATA_ELEMENT ids by code. */
    static Map<String, Integer> dataElementsByCode(Connection c) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, CODE FROM DATA_ELEMENT WHERE CODE IS NOT NULL")) {
            while (rs.next()) {
                out.put(rs.getString(2), rs.getInt(1));
            }
        }
        return out;
    }
}
