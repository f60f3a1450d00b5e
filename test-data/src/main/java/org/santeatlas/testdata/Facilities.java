package org.santeatlas.testdata;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The health facilities of the fictional country (one CSI per area, cases de santé in villages, a
 * district hospital per district, a regional hospital per region) and the registry, with the planted
 * geographic and registry problems.
 */
final class Facilities {

    /** A row of the master facility list (registry.csv / registry.geojson). */
    record RegistryRecord(String code, String name, String type, String status, String region,
            String district, String area, Coordinate point, String owner) {}

    /** A facility published at another district's location. */
    record Misplaced(Facility facility, AdminUnit actualArea) {}

    final List<Facility> all = new ArrayList<>();
    final List<Facility> swapped = new ArrayList<>();
    final List<Misplaced> outsideDistrict = new ArrayList<>();
    final List<Facility> withoutCoordinates = new ArrayList<>();
    final List<Facility> duplicates = new ArrayList<>();
    final List<Facility> notInRegistry = new ArrayList<>();
    final List<Facility> openedDuringPeriod = new ArrayList<>();
    final List<Facility> closed = new ArrayList<>();
    final List<RegistryRecord> registry = new ArrayList<>();
    final List<RegistryRecord> registryOnly = new ArrayList<>();

    private final Territory territory;
    private final SizeProfile profile;
    private final SplittableRandom random;
    private final Map<AdminUnit, PreparedGeometry> prepared = new HashMap<>();
    private final Map<AdminUnit, Integer> nextSequence = new HashMap<>();
    private final LocalDate firstMonth;
    private final LocalDate lastMonth;

    private Facilities(Territory territory, SizeProfile profile, SplittableRandom random,
            LocalDate firstMonth, LocalDate lastMonth) {
        this.territory = territory;
        this.profile = profile;
        this.random = random;
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
        for (AdminUnit area : territory.areas) {
            prepared.put(area, PreparedGeometryFactory.prepare(area.geometry));
        }
    }

    /**
     * @param firstMonth first day of the first period
     * @param lastMonth first day of the last period
     */
    static Facilities build(Territory territory, List<Locality> localities, SizeProfile profile,
            SplittableRandom random, PlaceNames names, LocalDate firstMonth, LocalDate lastMonth) {
        Facilities f = new Facilities(territory, profile, random, firstMonth, lastMonth);
        f.place(localities);
        f.plantDates();
        f.plantGeography();
        f.all.sort(Comparator.comparing(x -> x.code));
        for (int i = 0; i < f.all.size(); i++) {
            f.all.get(i).index = i;
        }
        f.buildRegistry(localities, names);
        return f;
    }

    private void place(List<Locality> localities) {
        Map<AdminUnit, List<Locality>> byArea = new HashMap<>();
        for (Locality l : localities) {
            byArea.computeIfAbsent(l.area(), a -> new ArrayList<>()).add(l);
        }
        double[] caseWeights = new double[territory.areas.size()];
        for (int i = 0; i < caseWeights.length; i++) {
            AdminUnit area = territory.areas.get(i);
            caseWeights[i] = area.urban ? 0 : StrictMath.sqrt(area.population);
        }
        int totalCases = (int) Math.round(profile.casesPerArea() * territory.areas.size());
        int[] cases = Territory.allocate(totalCases, caseWeights, 0);
        double meanDistrict = (double) territory.country.population / territory.districts.size();

        int areaIndex = 0;
        for (AdminUnit region : territory.regions) {
            for (AdminUnit district : region.children) {
                AdminUnit capital = district.children.get(0);
                Facility hd = add(Facility.Type.HD, capital, district.place, near(capital, district.seed, 600, 2_500));
                hd.catchment = 11_000 * StrictMath.pow(district.population / meanDistrict, 0.3)
                        * StrictMath.exp(0.2 * Localities.gaussian(random));
                if (district.isCapitalOfParent()) {
                    Facility chr = add(Facility.Type.CHR, capital, region.place, near(capital, region.seed, 1_000, 3_500));
                    chr.catchment = 24_000 * StrictMath.exp(0.2 * Localities.gaussian(random));
                }
                // territory.areas lists the areas in this same region → district → area order.
                for (AdminUnit area : district.children) {
                    placeArea(area, cases[areaIndex++], byArea.get(area));
                }
            }
        }
    }

    private void placeArea(AdminUnit area, int caseCount, List<Locality> villages) {
        boolean big = area.urban || area.isCapitalOfParent();
        Facility.Type csiType = big || random.nextInt(100) < 22 ? Facility.Type.CSI2 : Facility.Type.CSI1;
        Facility csi = add(csiType, area, area.place, near(area, area.seed, 100, 600));
        int roll = random.nextInt(100);
        if (roll < (big ? 12 : 5)) {
            csi.ownership = Facility.Ownership.PRIVATE;
        } else if (roll < (big ? 22 : 13)) {
            csi.ownership = Facility.Ownership.FAITH;
        }
        double caseShare = 0;
        List<Locality> candidates = new ArrayList<>(villages.subList(1, villages.size()));
        for (int k = 0; k < caseCount && !candidates.isEmpty(); k++) {
            // Villages with more people are likelier to have a case de santé.
            long total = 0;
            for (Locality l : candidates) {
                total += l.population();
            }
            long pick = random.nextLong(total);
            int chosen = 0;
            for (int j = 0; j < candidates.size(); j++) {
                pick -= candidates.get(j).population();
                if (pick < 0) {
                    chosen = j;
                    break;
                }
            }
            Locality village = candidates.remove(chosen);
            Facility cs = add(Facility.Type.CASE, area, village.name(), near(area, village.point(), 50, 250));
            double share = random.nextDouble(0.08, 0.14);
            cs.catchment = share * area.population;
            caseShare += share;
        }
        // A very large town has several CSIs in reality; one fictional CSI serves at most 60,000 people.
        csi.catchment = Math.min(60_000, (1 - caseShare) * area.population);
    }

    private Facility add(Facility.Type type, AdminUnit area, String place, Coordinate point) {
        Facility f = new Facility(type, area, place, point);
        f.name = switch (type) {
            case CHR -> "Centre Hospitalier Régional " + PlaceNames.de(place);
            case HD -> "Hôpital de District " + PlaceNames.de(place);
            case CSI1, CSI2 -> "CSI " + place;
            case CASE -> "Case de santé " + PlaceNames.de(place);
        };
        f.shortName = switch (type) {
            case CHR -> "CHR " + place;
            case HD -> "HD " + place;
            case CSI1, CSI2 -> "CSI " + place;
            case CASE -> "CS " + place;
        };
        f.code = nextCode(area.parent);
        f.openingDate = switch (type) {
            case CHR, HD -> LocalDate.of(1965 + random.nextInt(31), 1, 1);
            case CSI1, CSI2 -> LocalDate.of(1975 + random.nextInt(44), 1 + random.nextInt(12), 1);
            case CASE -> LocalDate.of(1990 + random.nextInt(32), 1 + random.nextInt(12), 1);
        };
        f.utilisation = StrictMath.exp(0.25 * Localities.gaussian(random));
        f.antenatal = StrictMath.exp(0.15 * Localities.gaussian(random));
        f.immunisation = Math.min(1.25, StrictMath.exp(0.12 * Localities.gaussian(random)));
        f.reliability = switch (type) {
            case CHR, HD -> random.nextDouble(0.985, 0.998);
            case CSI1, CSI2 -> random.nextDouble(0.94, 0.992);
            case CASE -> random.nextDouble(0.9, 0.975);
        };
        f.punctuality = random.nextDouble(0.82, 0.98);
        f.storedBy = "ds_" + PlaceNames.key(area.parent.place);
        all.add(f);
        return f;
    }

    private String nextCode(AdminUnit district) {
        int seq = nextSequence.merge(district, 1, Integer::sum);
        return String.format("%s-%04d", district.code, seq);
    }

    /** A grid point {@code min}–{@code max} metres from {@code centre}, inside {@code area}. */
    private Coordinate near(AdminUnit area, Coordinate centre, double min, double max) {
        PreparedGeometry inside = prepared.get(area);
        for (int i = 0; i < 200; i++) {
            Coordinate c = Geo.offset(centre, random.nextDouble(min, max), random.nextDouble(0, 2 * Math.PI));
            if (Geo.contains(inside, c)) {
                return c;
            }
            max = Math.max(min + 1, max * 0.9);
        }
        return Geo.contains(inside, centre) ? centre : Geo.randomPointIn(inside, random, 100_000);
    }

    /** Facilities that are ordinary enough to carry one planted problem each. */
    private List<Facility> plainCandidates() {
        List<Facility> out = new ArrayList<>();
        for (Facility f : all) {
            if ((f.type == Facility.Type.CSI1 || f.type == Facility.Type.CASE) && !f.area.urban
                    && !f.area.isCapitalOfParent() && f.closedDate == null
                    && f.openingDate.isBefore(firstMonth) && f.duplicateOf == null) {
                out.add(f);
            }
        }
        // Deterministic shuffle (Fisher–Yates).
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Facility tmp = out.get(i);
            out.set(i, out.get(j));
            out.set(j, tmp);
        }
        return out;
    }

    private void plantDates() {
        List<Facility> pool = plainCandidates();
        int months = (int) ChronoUnit.MONTHS.between(firstMonth, lastMonth) + 1;
        for (int i = 0; i < profile.openedDuringPeriod(); i++) {
            Facility f = pool.remove(pool.size() - 1);
            f.openingDate = firstMonth.plusMonths(2 + random.nextInt(months - 6));
            openedDuringPeriod.add(f);
        }
        for (int i = 0; i < profile.closed(); i++) {
            Facility f = pool.remove(pool.size() - 1);
            LocalDate month = firstMonth.plusMonths(13 + random.nextInt(months - 18));
            f.closedDate = month.withDayOfMonth(month.lengthOfMonth());
            closed.add(f);
        }
    }

    private void plantGeography() {
        List<Facility> pool = plainCandidates();
        // Near duplicates first: prefer the CSI of a town quarter ("CSI Tahoua-Est").
        List<Facility> originals = new ArrayList<>();
        for (Facility f : all) {
            boolean quarter = f.area.urban && !f.area.isCapitalOfParent();
            if (quarter && f.type.isCsi() && originals.size() < Math.max(1, profile.nearDuplicates() / 3)) {
                originals.add(f);
            }
        }
        while (originals.size() < profile.nearDuplicates()) {
            originals.add(pool.remove(pool.size() - 1));
        }
        for (Facility original : originals) {
            duplicates.add(duplicate(original));
        }

        for (int i = 0; i < profile.swapped(); i++) {
            Facility f = takeWhere(pool, x -> x.truePoint.x < 10.5);
            f.publishedPoint = new Coordinate(f.truePoint.y, f.truePoint.x);
            swapped.add(f);
        }
        for (int i = 0; i < profile.outsideDistrict(); i++) {
            // A facility within ~10 km of another district: the wrong point lands next door.
            outsideDistrict.add(misplace(takeWhere(pool, this::nearAnotherDistrict)));
        }
        for (int i = 0; i < profile.missingCoordinates(); i++) {
            Facility f = pool.remove(pool.size() - 1);
            f.publishedPoint = null;
            f.registryHasCoordinates = i % 2 == 0;
            withoutCoordinates.add(f);
        }
        for (int i = 0; i < profile.snisOnly(); i++) {
            Facility f = pool.remove(pool.size() - 1);
            f.inRegistry = false;
            notInRegistry.add(f);
        }
        for (int i = 0; i < profile.registryWithoutCoordinates(); i++) {
            pool.remove(pool.size() - 1).registryHasCoordinates = false;
        }
    }

    private static Facility takeWhere(List<Facility> pool, Predicate<Facility> test) {
        for (int i = pool.size() - 1; i >= 0; i--) {
            if (test.test(pool.get(i))) {
                return pool.remove(i);
            }
        }
        throw new IllegalStateException("No facility left for a planted problem");
    }

    /** A second SNIS org unit for the same facility, 30–110 m away, with a slightly different name. */
    private Facility duplicate(Facility original) {
        Facility dup = new Facility(original.type, original.area, original.place,
                near(original.area, original.truePoint, 30, 110));
        dup.name = variant(original.name);
        dup.shortName = variant(original.shortName);
        dup.code = nextCode(original.district());
        dup.ownership = original.ownership;
        dup.openingDate = LocalDate.of(2012 + random.nextInt(10), 1 + random.nextInt(12), 1);
        dup.catchment = 0.3 * original.catchment;
        dup.utilisation = original.utilisation;
        dup.antenatal = original.antenatal;
        dup.immunisation = original.immunisation;
        dup.reliability = random.nextDouble(0.8, 0.95);
        dup.punctuality = random.nextDouble(0.6, 0.9);
        dup.storedBy = original.storedBy;
        dup.duplicateOf = original;
        dup.inRegistry = false;
        all.add(dup);
        return dup;
    }

    /**
     * How a second SNIS entry for the same facility tends to be spelled: "CSI Tahoua-Est" → "CSI
     * Tahoua Est"; "Case de santé de Guéchémé" → "Case de sante de Guecheme"; "CSI Kollo" → "C.S.I.
     * Kollo". Equal once accents, case and punctuation are ignored.
     */
    static String variant(String name) {
        if (name.indexOf('-') >= 0) {
            return name.replace('-', ' ');
        }
        String ascii = PlaceNames.ascii(name);
        if (!ascii.equals(name)) {
            return ascii;
        }
        if (name.startsWith("CSI ")) {
            return "C.S.I. " + name.substring(4);
        }
        return name.toUpperCase(Locale.FRENCH);
    }

    /**
     * A point a few kilometres from the facility that falls in another district: the kind of error a
     * GPS reading taken at the district office, or a mistyped decimal, produces.
     */
    private Misplaced misplace(Facility f) {
        for (double radius = 3_000; radius <= 1_000_000; radius *= 2) {
            for (int i = 0; i < 300; i++) {
                Coordinate c = Geo.offset(f.truePoint, random.nextDouble(0.3 * radius, radius),
                        random.nextDouble(0, 2 * Math.PI));
                AdminUnit area = areaContaining(c);
                if (area != null && area.parent != f.district() && !area.urban) {
                    f.publishedPoint = c;
                    return new Misplaced(f, area);
                }
            }
        }
        throw new IllegalStateException("No other district near " + f.code);
    }

    private boolean nearAnotherDistrict(Facility f) {
        var point = Geo.FACTORY.createPoint(f.truePoint);
        for (AdminUnit district : territory.districts) {
            if (district != f.district() && district.geometry.distance(point) < 0.09) {
                return true;
            }
        }
        return false;
    }

    private AdminUnit areaContaining(Coordinate c) {
        for (AdminUnit area : territory.areas) {
            if (area.geometry.getEnvelopeInternal().contains(c) && Geo.contains(prepared.get(area), c)) {
                return area;
            }
        }
        return null;
    }

    private void buildRegistry(List<Locality> localities, PlaceNames names) {
        for (Facility f : all) {
            if (f.inRegistry) {
                registry.add(record(f));
            }
        }
        Set<String> hostVillages = new HashSet<>();
        for (Facility f : all) {
            hostVillages.add(f.area.code + "|" + f.place);
        }
        List<Locality> free = new ArrayList<>();
        for (Locality l : localities) {
            if (!l.area().urban && !hostVillages.contains(l.area().code + "|" + l.name())
                    && !l.code().endsWith("-L001")) {
                free.add(l);
            }
        }
        for (int i = 0; i < profile.registryOnly(); i++) {
            Locality village = free.remove(random.nextInt(free.size()));
            AdminUnit area = village.area();
            Coordinate point = near(area, village.point(), 50, 250);
            String code = nextCode(area.parent);
            RegistryRecord r;
            if (i % 2 == 0) {
                r = new RegistryRecord(code, "Case de santé " + PlaceNames.de(village.name()),
                        Facility.Type.CASE.label, "Fonctionnel", area.region().place, area.parent.place,
                        area.place, point, Facility.Ownership.PUBLIC.label);
            } else {
                String brand = names.unique(point.y);
                r = new RegistryRecord(code, "Clinique privée " + brand, "Clinique privée", "Fonctionnel",
                        area.region().place, area.parent.place, area.place, point,
                        Facility.Ownership.PRIVATE.label);
            }
            registry.add(r);
            registryOnly.add(r);
        }
        registry.sort(Comparator.comparing(RegistryRecord::code));
    }

    private static RegistryRecord record(Facility f) {
        String status = f.closedDate != null ? "Fermé" : "Fonctionnel";
        Coordinate point = f.registryHasCoordinates ? f.truePoint : null;
        return new RegistryRecord(f.code, f.name, f.type.label, status, f.area.region().place,
                f.district().place, f.area.place, point, f.ownership.label);
    }
}
