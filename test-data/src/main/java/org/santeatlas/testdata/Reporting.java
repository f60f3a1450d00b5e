package org.santeatlas.testdata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which facility sent which monthly report, and when: the completeness and timeliness side of the
 * data. A report is on time when completed at most {@link Catalog#TIMELY_DAYS} days after the end of
 * its month (DHIS2 data set "timelyDays").
 */
final class Reporting {

    static final byte NOT_EXPECTED = 0;
    static final byte MISSING = 1;
    static final byte REPORTED = 2;

    /** Seconds of the day at which clerks enter data: 07:30 to 18:00 UTC. */
    private static final int FIRST_SECOND = 27_000;
    private static final int WORKING_SECONDS = 37_800;

    final List<YearMonth> periods;
    /** [facility index][period index]. */
    final byte[][] status;
    /** Completion date, epoch day, of a REPORTED facility-month. */
    final int[][] completionDay;
    /** Time the values were entered, epoch seconds UTC, of a REPORTED facility-month. */
    final long[][] entrySecond;
    /** Facilities with a long streak of missing reports (insecurity, staff away). */
    final List<Facility> interrupted = new ArrayList<>();

    Reporting(List<Facility> facilities, List<YearMonth> periods, SizeProfile profile, long seed) {
        this.periods = periods;
        int n = facilities.size();
        int m = periods.size();
        status = new byte[n][m];
        completionDay = new int[n][m];
        entrySecond = new long[n][m];

        SplittableRandom picker = new SplittableRandom(seed ^ 0x4E50_0E1EL);
        boolean[] streak = new boolean[n];
        int chosen = 0;
        for (int guard = 0; chosen < profile.insecureFacilities() && guard < 100_000; guard++) {
            Facility f = facilities.get(picker.nextInt(n));
            boolean primaryCare = f.type.isCsi() || f.type == Facility.Type.CASE;
            if (primaryCare && !streak[f.index] && f.duplicateOf == null && f.closedDate == null) {
                streak[f.index] = true;
                interrupted.add(f);
                chosen++;
            }
        }
        interrupted.sort(Comparator.comparing(f -> f.code));

        for (Facility f : facilities) {
            SplittableRandom r = new SplittableRandom(mix(seed, f.index, 0x5EED));
            int streakStart = streak[f.index] ? r.nextInt(m - 6) : -1;
            int streakLength = streak[f.index] ? 4 + r.nextInt(6) : 0;
            // A facility opened during the range is interrupted while it is open, never before it opened
            // (no random draw added: every other facility's data stay as they were).
            for (int p = 0; streakStart >= 0 && p < m && streakStart < m - streakLength; p++) {
                YearMonth ym = periods.get(p);
                if (f.isOpenDuring(ym.atDay(1), ym.atEndOfMonth())) {
                    streakStart = Math.max(streakStart, p);
                    break;
                }
            }
            for (int p = 0; p < m; p++) {
                YearMonth ym = periods.get(p);
                LocalDate start = ym.atDay(1);
                LocalDate end = ym.atEndOfMonth();
                double missRoll = r.nextDouble();
                double lateRoll = r.nextDouble();
                double daysRoll = r.nextDouble() + r.nextDouble();
                int second = FIRST_SECOND + r.nextInt(WORKING_SECONDS);
                int enteredEarlier = r.nextInt(3);
                if (!f.isOpenDuring(start, end)) {
                    status[f.index][p] = NOT_EXPECTED;
                    continue;
                }
                boolean inStreak = p >= streakStart && p < streakStart + streakLength;
                if (inStreak || missRoll > f.reliability) {
                    status[f.index][p] = MISSING;
                    continue;
                }
                status[f.index][p] = REPORTED;
                int daysAfter;
                if (lateRoll > f.punctuality) {
                    // Late: 16 to 75 days after the end of the month, most of them just late.
                    daysAfter = Catalog.TIMELY_DAYS + 1 + (int) (60 * daysRoll * daysRoll / 4);
                } else {
                    // On time: 1 to 15 days, triangular around day 8.
                    daysAfter = 1 + (int) (Catalog.TIMELY_DAYS * daysRoll / 2);
                    daysAfter = Math.min(Catalog.TIMELY_DAYS, daysAfter);
                }
                long completion = end.toEpochDay() + daysAfter;
                long entryDay = Math.max(end.toEpochDay() + 1, completion - enteredEarlier);
                completionDay[f.index][p] = (int) completion;
                entrySecond[f.index][p] = entryDay * 86_400L + second;
            }
        }
    }

    /** Latest timely completion date of a period (end of month + timelyDays). */
    LocalDate deadline(int period) {
        return periods.get(period).atEndOfMonth().plusDays(Catalog.TIMELY_DAYS);
    }

    boolean isLate(int facility, int period) {
        return status[facility][period] == REPORTED
                && completionDay[facility][period] > deadline(period).toEpochDay();
    }

    static long mix(long seed, long a, long b) {
        return seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
    }
}
