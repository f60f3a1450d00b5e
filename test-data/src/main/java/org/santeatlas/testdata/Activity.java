package org.santeatlas.testdata;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.santeatlas.testdata.Catalog.Slot;

/**
 * Monthly activity of a facility, before any planted error: counts driven by the catchment
 * population, the facility type, seasonality and Poisson noise. A pure function of (seed, facility,
 * period), so that a planted value's "value before planting" can be recomputed at any time.
 *
 * <p>Rates are orders of magnitude seen in Sahelian HMIS data: 0.55 curative contacts per person per
 * year, 4.6 % births and 5 % pregnancies per year, malaria testing peaking August–October (rainy
 * season) with positivity up to ~60 %, acute malnutrition admissions peaking in the lean season
 * (July–September). Consistency holds by construction: confirmed ≤ tested, treated ≤ confirmed,
 * Penta3 ≤ Penta1, CPN4 ≤ CPN1, MAS admissions ≤ consultations &lt; 5 ans.
 */
final class Activity {

    static final Slot[] SLOTS = Slot.values();

    private static final double[] MALARIA_SEASON = {0.55, 0.45, 0.4, 0.4, 0.5, 0.75, 1.15, 1.8, 2.2, 2.0, 1.3, 0.8};
    private static final double[] POSITIVITY = {0.28, 0.24, 0.22, 0.22, 0.25, 0.33, 0.45, 0.57, 0.62, 0.6, 0.47, 0.35};
    private static final double[] CONSULTATION_SEASON = {0.92, 0.88, 0.9, 0.92, 0.95, 1.0, 1.08, 1.2, 1.25, 1.18, 1.02, 0.95};
    private static final double[] LEAN_SEASON = {0.8, 0.75, 0.8, 0.85, 0.95, 1.2, 1.45, 1.6, 1.4, 1.0, 0.8, 0.75};
    /** Rainy-season access: outreach and antenatal visits dip when roads flood. */
    private static final double[] ACCESS = {1.0, 1.0, 1.02, 1.02, 1.0, 0.98, 0.93, 0.88, 0.9, 0.97, 1.02, 1.05};

    private final long seed;
    private final YearMonth firstPeriod;

    Activity(long seed, YearMonth firstPeriod) {
        this.seed = seed;
        this.firstPeriod = firstPeriod;
    }

    /** Whether the monthly report of this facility type has the cell at all. */
    static boolean offers(Facility.Type type, Slot slot) {
        return switch (type) {
            case CSI1, CSI2 -> true;
            case CHR, HD -> switch (slot) {
                case PENTA1, PENTA3, RR1, VAT2 -> false;
                default -> true;
            };
            case CASE -> switch (slot) {
                case CONS_U5, CONS_5P, PALU_TEST, PALU_CONF, PALU_TRAIT, CPN1, CPN2, CPN3, CPN4, PF -> true;
                default -> false;
            };
        };
    }

    /** Values of every slot (0 where not offered); index = {@link Slot#ordinal()}. */
    int[] values(Facility f, YearMonth period) {
        int p = (int) firstPeriod.until(period, ChronoUnit.MONTHS);
        SplittableRandom r = new SplittableRandom(Reporting.mix(seed, f.index, 1_000 + p));
        int month = period.getMonthValue() - 1;
        double trend = 1 + 0.03 * p / 12.0;
        double c = f.catchment;
        double lat = f.truePoint.y;
        boolean hospital = f.type.isHospital();
        double noise = StrictMath.exp(0.08 * Localities.gaussian(r));

        int[] v = new int[SLOTS.length];
        double utilisation = (f.type == Facility.Type.CASE ? 0.45 : 0.55) * f.utilisation;
        double consultations = c * utilisation / 12 * CONSULTATION_SEASON[month] * trend * noise;
        double underFiveShare = hospital ? 0.3 : f.type == Facility.Type.CASE ? 0.5 : 0.45;
        v[Slot.CONS_U5.ordinal()] = poisson(r, consultations * underFiveShare);
        v[Slot.CONS_5P.ordinal()] = poisson(r, consultations * (1 - underFiveShare));

        // Malaria falls off north of 14° N and is nearly absent in the Sahara.
        double malariaZone = Math.max(0.05, Math.min(1.0, (19.0 - lat) / 5.0));
        double tested = c * 0.30 * malariaZone * MALARIA_SEASON[month] * StrictMath.sqrt(f.utilisation) / 12 * noise;
        int palTest = poisson(r, tested);
        double positivity = Math.min(0.9, POSITIVITY[month] * r.nextDouble(0.85, 1.15) * (0.6 + 0.4 * malariaZone));
        int palConf = binomial(r, palTest, positivity);
        int palTreated = binomial(r, palConf, r.nextDouble(0.88, 0.99));
        v[Slot.PALU_TEST.ordinal()] = palTest;
        v[Slot.PALU_CONF.ordinal()] = palConf;
        v[Slot.PALU_TRAIT.ordinal()] = palTreated;

        double pregnancies = c * 0.05 / 12 * ACCESS[month] * f.antenatal * (f.type == Facility.Type.CASE ? 0.6 : 1.0);
        int cpn1 = poisson(r, pregnancies * 0.85);
        v[Slot.CPN1.ordinal()] = cpn1;
        v[Slot.CPN2.ordinal()] = poisson(r, pregnancies * 0.70);
        v[Slot.CPN3.ordinal()] = poisson(r, pregnancies * 0.52);
        v[Slot.CPN4.ordinal()] = Math.min(cpn1, poisson(r, pregnancies * 0.34));

        double births = c * 0.046 / 12;
        double skilled = switch (f.type) {
            case CHR -> 1.0;
            case HD -> 0.9;
            case CSI2 -> 0.55;
            case CSI1 -> 0.3;
            case CASE -> 0;
        };
        v[Slot.ACC.ordinal()] = poisson(r, births * skilled * trend);
        v[Slot.BCG.ordinal()] = poisson(r, births * (hospital ? 0.6 : 0.8) * f.immunisation);
        double infants = births * 0.93 * f.immunisation * ACCESS[month];
        int penta1 = poisson(r, infants * 0.92);
        v[Slot.PENTA1.ordinal()] = penta1;
        v[Slot.PENTA3.ordinal()] = binomial(r, penta1, 0.86);
        v[Slot.RR1.ordinal()] = poisson(r, infants * 0.78);
        v[Slot.VAT2.ordinal()] = poisson(r, pregnancies * 0.55 * f.immunisation);
        v[Slot.PF.ordinal()] = poisson(r, c * 0.22 * 0.2 / 12 * f.utilisation);
        double severeWasting = c * 0.17 * 0.03 / 12 * LEAN_SEASON[month] * (hospital ? 1.5 : 1.0);
        v[Slot.MAS.ordinal()] = Math.min(v[Slot.CONS_U5.ordinal()], poisson(r, severeWasting));

        for (Slot slot : SLOTS) {
            if (!offers(f.type, slot)) {
                v[slot.ordinal()] = 0;
            }
        }
        return v;
    }

    /** Poisson draw: Knuth's product method below 30, a rounded normal approximation above. */
    static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 30) {
            double limit = StrictMath.exp(-lambda);
            int k = 0;
            double product = r.nextDouble();
            while (product > limit) {
                k++;
                product *= r.nextDouble();
            }
            return k;
        }
        return (int) Math.max(0, Math.round(lambda + StrictMath.sqrt(lambda) * Localities.gaussian(r)));
    }

    /** Binomial draw: Bernoulli trials below 50, a clamped normal approximation above. */
    static int binomial(SplittableRandom r, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (n < 50) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        double sd = StrictMath.sqrt(n * p * (1 - p));
        long k = Math.round(mean + sd * Localities.gaussian(r));
        return (int) Math.max(0, Math.min(n, k));
    }
}
