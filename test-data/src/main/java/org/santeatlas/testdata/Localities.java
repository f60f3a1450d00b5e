package org.santeatlas.testdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Villages and towns with their population, placed inside the areas; sets the population of every
 * admin unit. Populations: villages log-normal (clamped to 200–5,000), the main village of an area
 * (where its CSI stands) 1,500–6,000, district chefs-lieux 12,000–55,000, regional capitals
 * 90,000–260,000, their urban areas 18,000–50,000 plus quarters of 3,000–12,000.
 */
final class Localities {

    /** Year of the population estimates in localities.csv. */
    static final int YEAR = 2024;

    private Localities() {}

    static List<Locality> build(Territory t, SizeProfile profile, SplittableRandom random, PlaceNames names) {
        double[] weights = new double[t.areas.size()];
        for (int i = 0; i < weights.length; i++) {
            AdminUnit area = t.areas.get(i);
            weights[i] = area.urban ? 0 : area.geometry.getArea()
                    * StrictMath.pow(Territory.density(area.geometry.getCentroid().getY()), 0.7);
        }
        int[] counts = Territory.allocate(profile.localities(), weights, 3);
        List<Locality> out = new ArrayList<>(profile.localities());
        double mu = StrictMath.log(profile.villageMedianPopulation());
        for (int i = 0; i < counts.length; i++) {
            AdminUnit area = t.areas.get(i);
            PreparedGeometry inside = PreparedGeometryFactory.prepare(area.geometry);
            Set<String> local = new HashSet<>();
            local.add(PlaceNames.key(area.place));
            Coordinate main = Geo.contains(inside, area.seed)
                    ? area.seed
                    : Geo.round(area.geometry.getInteriorPoint().getCoordinate());
            out.add(new Locality(code(area, 1), area.place, area, mainPopulation(t, area, profile, random), main));
            for (int k = 2; k <= counts[i]; k++) {
                Coordinate c = Geo.randomPointIn(inside, random, 100_000);
                if (c == null) {
                    throw new IllegalStateException("Cannot place a village in " + area.code);
                }
                double g = gaussian(random);
                String name = names.uniqueIn(local, c.y);
                int population;
                if (area.urban) {
                    // A quarter of a regional capital rather than a village.
                    name = "Quartier " + name;
                    population = 3_000 + random.nextInt(9_000);
                } else {
                    population = (int) Math.round(StrictMath.exp(mu + 0.75 * g));
                    population = Math.max(200, Math.min(5_000, population));
                }
                out.add(new Locality(code(area, k), name, area, population, c));
            }
        }
        for (Locality l : out) {
            l.area().population += l.population();
        }
        for (AdminUnit district : t.districts) {
            district.population = district.children.stream().mapToLong(a -> a.population).sum();
        }
        for (AdminUnit region : t.regions) {
            region.population = region.children.stream().mapToLong(d -> d.population).sum();
        }
        t.country.population = t.regions.stream().mapToLong(r -> r.population).sum();
        return out;
    }

    private static int mainPopulation(Territory t, AdminUnit area, SizeProfile profile, SplittableRandom random) {
        if (area == t.capitalArea) {
            return profile.capitalPopulation() + random.nextInt(50_000);
        }
        AdminUnit district = area.parent;
        if (area.isCapitalOfParent() && district.isCapitalOfParent()) {
            return 90_000 + random.nextInt(170_000);
        }
        if (area.isCapitalOfParent()) {
            return 12_000 + random.nextInt(43_000);
        }
        if (area.urban) {
            return 18_000 + random.nextInt(32_000);
        }
        return 1_500 + random.nextInt(4_500);
    }

    private static String code(AdminUnit area, int index) {
        return String.format("%s-L%03d", area.code, index);
    }

    /** Standard normal draw (Box–Muller with StrictMath, reproducible on every JVM). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
