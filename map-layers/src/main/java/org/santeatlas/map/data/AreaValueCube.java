package org.santeatlas.map.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.store.SeriesReader;

/**
 * One data element's values summed per area and stored period, read from the workspace once: a period
 * slider or small multiples then recompute a choropleth for another period from memory, without reading the
 * values again (the national set: ≈ 1,600 areas × the stored periods, a few hundred KB). Values are
 * aggregated as {@link ThemeRepository#dataElementByArea} does. Immutable once loaded; any thread.
 */
public final class AreaValueCube {

    private final int areaCount;
    private final LocalDate[] starts;
    private final LocalDate[] ends;
    /** sums[area][period rank] over the area's org units (NaN: none); counts[area][rank] of values. */
    private final double[][] sums;
    private final int[][] counts;

    private AreaValueCube(int areaCount, LocalDate[] starts, LocalDate[] ends, double[][] sums, int[][] counts) {
        this.areaCount = areaCount;
        this.starts = starts;
        this.ends = ends;
        this.sums = sums;
        this.counts = counts;
    }

    /** Reads every value of a data element (every category option combo) into the cube; blocking. */
    public static AreaValueCube load(ThemeRepository themes, java.sql.Connection c, FeatureSet areas, int level,
            int dataElementId) throws SQLException {
        Map<Integer, Integer> ouToArea = themes.orgUnitToArea(areas, level);
        Map<Integer, Integer> rank = new HashMap<>();
        List<LocalDate> s = new ArrayList<>();
        List<LocalDate> e = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT ID, START_DATE, END_DATE FROM PERIOD ORDER BY START_DATE, END_DATE");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rank.put(rs.getInt(1), s.size());
                s.add(rs.getObject(2, LocalDate.class));
                e.add(rs.getObject(3, LocalDate.class));
            }
        }
        int np = s.size();
        double[][] sums = new double[areas.size()][];
        int[][] counts = new int[areas.size()][];
        try (SeriesReader r = SeriesReader.forDataElement(c, dataElementId)) {
            while (r.next()) {
                Integer area = ouToArea.get(r.orgUnitId());
                if (area == null) {
                    continue;
                }
                if (sums[area] == null) {
                    sums[area] = new double[np];
                    Arrays.fill(sums[area], Double.NaN);
                    counts[area] = new int[np];
                }
                for (int i = 0; i < r.size(); i++) {
                    double v = r.number(i);
                    Integer k = rank.get(r.periodId(i));
                    if (k == null || !Double.isFinite(v)) {
                        continue;
                    }
                    sums[area][k] = Double.isNaN(sums[area][k]) ? v : sums[area][k] + v;
                    counts[area][k]++;
                }
            }
        }
        return new AreaValueCube(areas.size(), s.toArray(new LocalDate[0]), e.toArray(new LocalDate[0]), sums, counts);
    }

    /** The values per area over {@code period} (stored periods inside it), aggregated; NaN where none. */
    public double[] values(Period period, ThemeRepository.Aggregation aggregation) {
        // Stored periods inside the asked one: a scan of the sorted period table (a few hundred entries).
        int[] inside = new int[starts.length];
        int n = 0;
        for (int k = 0; k < starts.length; k++) {
            if (!starts[k].isBefore(period.startDate()) && !ends[k].isAfter(period.endDate())) {
                inside[n++] = k;
            }
        }
        double[] out = new double[areaCount];
        Arrays.fill(out, Double.NaN);
        for (int a = 0; a < areaCount; a++) {
            double[] s = sums[a];
            if (s == null) {
                continue;
            }
            double total = 0;
            int withData = 0;
            int values = 0;
            double last = Double.NaN;
            for (int j = 0; j < n; j++) {
                double v = s[inside[j]];
                if (!Double.isNaN(v)) {
                    total += v;
                    withData++;
                    values += counts[a][inside[j]];
                    last = v;
                }
            }
            if (withData == 0) {
                continue;
            }
            out[a] = switch (aggregation) {
                case SUM -> total;
                case AVERAGE_SUM_ORG_UNIT -> total / withData;
                case AVERAGE -> total / values;
                case LAST -> last;
            };
        }
        return out;
    }
}
