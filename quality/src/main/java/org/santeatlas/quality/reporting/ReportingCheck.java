package org.santeatlas.quality.reporting;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.santeatlas.core.period.Period;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.Findings;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.Registrations;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.WorkspaceMetadata;
import org.santeatlas.quality.WorkspaceMetadata.DataSet;

/**
 * Completeness and timeliness of reporting (WHO Data Quality Review toolkit 2017, Module 1, domain 1,
 * metrics 1a "completeness of facility reporting" and 1b "timeliness of facility reporting"; the same
 * definitions as DHIS2's reporting-rate analytics):
 * <ul>
 * <li>expected reports: per data set and period, the org units assigned to the data set
 *     ({@code DATA_SET_ORG_UNIT}) that are open during the period (opening date on or before its last
 *     day, closed date absent or on or after its first day);</li>
 * <li>received: a completed registration ({@code COMPLETE_REGISTRATION}); on time: registered at the
 *     latest {@code TIMELY_DAYS} days after the period's last day;</li>
 * <li>completeness = received / expected, timeliness = on time / received, per facility, rolled up
 *     through the tree (health area, district, region, country) per calendar year; units below the
 *     thresholds (WHO Data Quality Tool defaults: 90 % and 75 %) are flagged.</li>
 * </ul>
 * Facility-level findings: every missing and every late report, interrupted reporting (a run of
 * {@code interruptedMonths} or more expected periods without a report, or no report from some period to
 * the end of the range), and the expected-report count itself: facilities assigned to no data set,
 * closed facilities still assigned, facilities opened during the range (expected only from then).
 */
public final class ReportingCheck implements QualityCheck {

    public static final String ID = "reporting";
    public static final String MISSING = "missing-report";
    public static final String LATE = "late-report";
    public static final String COMPLETENESS = "reporting-completeness";
    public static final String TIMELINESS = "reporting-timeliness";
    public static final String INTERRUPTED = "interrupted-reporting";
    public static final String NO_DATA_SET = "facility-without-data-set";
    public static final String CLOSED_ASSIGNED = "closed-facility-assigned";
    public static final String OPENED = "facility-opened";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.COMPLETENESS;
    }

    @Override
    public List<String> findingChecks() {
        return List.of(MISSING, LATE, COMPLETENESS, TIMELINESS, INTERRUPTED, NO_DATA_SET, CLOSED_ASSIGNED, OPENED);
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        WorkspaceMetadata md = context.metadata();
        expectedCount(md, findings);
        Registrations reg = context.registrations();
        for (DataSet ds : md.dataSets()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("quality run cancelled");
            }
            dataSet(context, md, reg, ds, findings);
        }
    }

    /** Facilities that distort the expected count: assigned to nothing, closed but assigned, newly opened. */
    private static void expectedCount(WorkspaceMetadata md, Consumer<Finding> findings) {
        LocalDate start = md.rangeStart();
        LocalDate end = md.rangeEnd();
        for (int ou : md.orgUnitsAtLevel(md.facilityLevel())) {
            String uid = md.orgUnitUid(ou);
            String name = md.orgUnitName(ou);
            LocalDate closed = md.closedDate(ou);
            LocalDate opened = md.openingDate(ou);
            if (md.dataSetCount(ou) == 0 && md.isOpen(ou, start, end)) {
                findings.accept(Findings.of(NO_DATA_SET, Dimension.COMPLETENESS, Severity.MEDIUM, uid, null, null,
                        null, "0", "≥ 1", 1, "data set assignments", "reporting.noDataSet", name));
            }
            if (closed != null && !closed.isAfter(end) && md.dataSetCount(ou) > 0) {
                findings.accept(Findings.of(CLOSED_ASSIGNED, Dimension.COMPLETENESS, Severity.MEDIUM, uid, null,
                        null, null, closed.toString(), "0", md.dataSetCount(ou), "closed date and data set assignments",
                        "reporting.closedAssigned", name, closed.toString(), md.dataSetCount(ou)));
            }
            if (opened != null && opened.isAfter(start) && !opened.isAfter(end)) {
                findings.accept(Findings.of(OPENED, Dimension.COMPLETENESS, Severity.LOW, uid, null, null, null,
                        opened.toString(), null, 0, "opening date", "reporting.opened", name, opened.toString()));
            }
        }
    }

    private static void dataSet(QualityContext context, WorkspaceMetadata md, Registrations reg, DataSet ds,
                                Consumer<Finding> findings) {
        QualityParameters p = context.parameters();
        List<Period> periods = new ArrayList<>();
        for (Period period : ds.periodType().periodsBetween(md.rangeStart(), md.rangeEnd())) {
            if (md.inRange(period)) {
                periods.add(period);
            }
        }
        if (ds.orgUnits().length == 0 || periods.isEmpty()) {
            return; // nothing expected: no rate to judge (a data set assigned to no facility)
        }
        int[] periodIds = new int[periods.size()];
        for (int k = 0; k < periods.size(); k++) {
            periodIds[k] = md.periodId(periods.get(k).iso()).orElse(-1);
        }
        long wholeDays = (long) Math.floor(ds.timelyDays());
        // Per period, computed once rather than per facility: dates, deadline, year slot.
        int n = periods.size();
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        LocalDate[] deadlines = new LocalDate[n];
        long[] deadlineDays = new long[n];
        int firstYear = periods.get(0).startDate().getYear();
        int years = periods.get(n - 1).startDate().getYear() - firstYear + 1;
        int[] yearSlot = new int[n];
        for (int k = 0; k < n; k++) {
            Period period = periods.get(k);
            starts[k] = period.startDate();
            ends[k] = period.endDate();
            deadlines[k] = period.endDate().plusDays(wholeDays);
            deadlineDays[k] = deadlines[k].toEpochDay();
            yearSlot[k] = period.startDate().getYear() - firstYear;
        }
        // (unit, year) → {expected, received, on time}, dense: unit id × year slot × 3 (the tree is small:
        // tens of thousands of units at most, a few years).
        long[] rollup = new long[md.orgUnitIdLimit() * years * 3];
        boolean[] touched = new boolean[md.orgUnitIdLimit() * years];
        for (int ou : ds.orgUnits()) {
            if (!md.isOrgUnit(ou)) {
                continue;
            }
            String uid = md.orgUnitUid(ou);
            String name = md.orgUnitName(ou);
            int district = md.ancestorAt(ou, p.districtLevel());
            long expected = 0;
            long received = 0;
            long onTime = 0;
            int runStart = -1;
            int runLength = 0;
            for (int k = 0; k < n; k++) {
                if (!md.isOpen(ou, starts[k], ends[k])) {
                    runLength = interrupted(md, p, ds, ou, periods, runStart, runLength, false, findings);
                    continue;
                }
                expected++;
                int day = periodIds[k] >= 0 ? reg.registeredDay(ds.id(), ou, periodIds[k]) : Integer.MIN_VALUE;
                boolean got = periodIds[k] >= 0 && (day != Integer.MIN_VALUE || reg.received(ds.id(), ou, periodIds[k]));
                boolean timely = false;
                if (got) {
                    received++;
                    runLength = interrupted(md, p, ds, ou, periods, runStart, runLength, false, findings);
                    timely = day == Integer.MIN_VALUE || day <= deadlineDays[k];
                    if (timely) {
                        onTime++;
                    } else {
                        Period period = periods.get(k);
                        LocalDate registered = LocalDate.ofEpochDay(day);
                        LocalDate deadline = deadlines[k];
                        long late = day - deadlineDays[k];
                        findings.accept(Findings.of(LATE, Dimension.TIMELINESS, Severity.LOW, uid, null, null,
                                period.iso(), registered.toString(), "≤ " + deadline, late, "registration date",
                                "reporting.late", name, ds.name(), period.iso(), registered.toString(), late,
                                deadline.toString()));
                    }
                } else {
                    if (runLength == 0) {
                        runStart = k;
                    }
                    runLength++;
                    Period period = periods.get(k);
                    findings.accept(Findings.of(MISSING, Dimension.COMPLETENESS, Severity.LOW, uid, null, null,
                            period.iso(), "0", "1", 1, "complete data set registrations", "reporting.missing", name,
                            ds.name(), period.iso()));
                }
                for (int u = ou; u > 0; u = md.parent(u)) {
                    int cell = u * years + yearSlot[k];
                    touched[cell] = true;
                    rollup[3 * cell]++;
                    rollup[3 * cell + 1] += got ? 1 : 0;
                    rollup[3 * cell + 2] += timely ? 1 : 0;
                }
            }
            interrupted(md, p, ds, ou, periods, runStart, runLength, true, findings);
            if (district > 0) {
                context.tallies().add(district, Dimension.COMPLETENESS, received, expected);
                context.tallies().add(district, Dimension.TIMELINESS, onTime, received);
            }
        }
        rates(md, p, ds, rollup, touched, firstYear, years, findings);
    }

    /**
     * Reports a run of missing reports that ends before period index {@code runStart + runLength} when it is
     * long enough, or when it lasts to the end of the range; returns the new run length (0).
     */
    private static int interrupted(WorkspaceMetadata md, QualityParameters p, DataSet ds, int ou, List<Period> periods,
                                   int runStart, int runLength, boolean atEnd, Consumer<Finding> findings) {
        if (runLength >= p.interruptedMonths()) {
            Period first = periods.get(runStart);
            Period last = periods.get(runStart + runLength - 1);
            String name = md.orgUnitName(ou);
            boolean stopped = atEnd && runStart + runLength == periods.size();
            findings.accept(stopped
                    ? Findings.of(INTERRUPTED, Dimension.COMPLETENESS, Severity.HIGH, md.orgUnitUid(ou), null, null,
                            first.iso(), String.valueOf(runLength), "< " + p.interruptedMonths(), runLength,
                            "consecutive missing reports", "reporting.stopped", name, ds.name(), first.iso(), runLength)
                    : Findings.of(INTERRUPTED, Dimension.COMPLETENESS, Severity.MEDIUM, md.orgUnitUid(ou), null, null,
                            first.iso(), String.valueOf(runLength), "< " + p.interruptedMonths(), runLength,
                            "consecutive missing reports", "reporting.interrupted", name, ds.name(), first.iso(),
                            last.iso(), runLength));
        }
        return 0;
    }

    /** Flags the health areas, districts, regions and the country below the thresholds, per year. */
    private static void rates(WorkspaceMetadata md, QualityParameters p, DataSet ds, long[] rollup, boolean[] touched,
                              int firstYear, int years, Consumer<Finding> findings) {
        // Unit id order, then year: the order of the findings.
        for (int cell = 0; cell < touched.length; cell++) {
            if (!touched[cell]) {
                continue;
            }
            int unit = cell / years;
            int year = firstYear + cell % years;
            if (md.level(unit) >= md.facilityLevel()) {
                continue; // facilities: their missing and late reports are reported one by one
            }
            long[] c = {rollup[3 * cell], rollup[3 * cell + 1], rollup[3 * cell + 2]};
            String uid = md.orgUnitUid(unit);
            String name = md.orgUnitName(unit);
            double completeness = (double) c[1] / c[0];
            if (completeness < p.completenessThreshold()) {
                findings.accept(Findings.of(COMPLETENESS, Dimension.COMPLETENESS, severity(completeness,
                        p.completenessThreshold()), uid, null, null, String.valueOf(year), percent(completeness),
                        "≥ " + percent(p.completenessThreshold()), p.completenessThreshold() - completeness,
                        "reports received / expected", "reporting.completeness", name, completeness, ds.name(),
                        String.valueOf(year), c[1], c[0], p.completenessThreshold()));
            }
            if (c[1] > 0) {
                double timeliness = (double) c[2] / c[1];
                if (timeliness < p.timelinessThreshold()) {
                    findings.accept(Findings.of(TIMELINESS, Dimension.TIMELINESS, severity(timeliness,
                            p.timelinessThreshold()), uid, null, null, String.valueOf(year), percent(timeliness),
                            "≥ " + percent(p.timelinessThreshold()), p.timelinessThreshold() - timeliness,
                            "reports on time / received", "reporting.timeliness", name, timeliness, ds.name(),
                            String.valueOf(year), c[2], c[1], p.timelinessThreshold()));
                }
            }
        }
    }

    /** Far below the threshold (more than 20 points) is HIGH, else MEDIUM. */
    private static Severity severity(double share, double threshold) {
        return share < threshold - 0.20 ? Severity.HIGH : Severity.MEDIUM;
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
    }
}
