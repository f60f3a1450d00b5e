package org.santeatlas.quality.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.quality.geo.FacilityNames;
import org.santeatlas.quality.geo.Geodesy;
import org.santeatlas.quality.geo.OrgUnits;
import org.santeatlas.quality.geo.OrgUnits.Unit;
import org.santeatlas.quality.registry.Reconciliation.Ambiguous;
import org.santeatlas.quality.registry.Reconciliation.Candidate;
import org.santeatlas.quality.registry.Reconciliation.Match;
import org.santeatlas.quality.registry.Reconciliation.Method;

/**
 * Matches master-facility-list records to SNIS facilities, one to one, in this order:
 * <ol>
 *   <li>the user's decisions in REGISTRY_MAPPING: a confirmed or overridden pair is kept, and an
 *       override to "no org unit" keeps the record unmatched;</li>
 *   <li>the same code (trimmed, case ignored) when exactly one facility carries it;</li>
 *   <li>the name, type words aside, at least {@code duplicateNameSimilarity} alike ({@link FacilityNames}),
 *       with compatible kinds, and either both points within {@value #MATCH_RADIUS_METRES} m or, when
 *       a point is missing, the same district name. One candidate: a match. Several: the best wins
 *       when its similarity leads the next by {@value #AMBIGUITY_MARGIN}; otherwise the record is
 *       ambiguous. Two records wanting one facility: the better keeps it, the other is ambiguous.</li>
 * </ol>
 * Read-only: {@link RegistryMapping#saveProposals} stores the result when the caller wants it.
 */
public final class RegistryReconciler {

    /**
     * How far a registry point may be from the SNIS point of the same facility, metres: registry points
     * are often taken at the village centre, SNIS points at the building, or the other way round.
     */
    public static final double MATCH_RADIUS_METRES = 5_000;

    /** How much better (in name similarity) the best candidate must be to win outright. */
    public static final double AMBIGUITY_MARGIN = 0.05;

    private RegistryReconciler() {
    }

    public static Reconciliation reconcile(Connection connection, QualityParameters parameters) throws SQLException {
        return reconcile(OrgUnits.load(connection), RegistryRecord.load(connection), RegistryMapping.load(connection),
                parameters);
    }

    public static Reconciliation reconcile(OrgUnits tree, List<RegistryRecord> records,
                                           Map<String, RegistryMapping.Entry> decisions, QualityParameters parameters) {
        List<Unit> facilities = tree.facilities();
        Map<String, Unit> byUid = new HashMap<>();
        Map<String, List<Unit>> byCode = new HashMap<>();
        for (Unit f : facilities) {
            byUid.put(f.uid(), f);
            if (f.code() != null && !f.code().isBlank()) {
                byCode.computeIfAbsent(f.code().trim().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        Set<Integer> taken = new HashSet<>();
        List<Match> matched = new ArrayList<>();
        List<RegistryRecord> registryOnly = new ArrayList<>();
        List<Ambiguous> ambiguous = new ArrayList<>();
        List<RegistryRecord> open = new ArrayList<>();

        for (RegistryRecord r : records) {
            RegistryMapping.Entry d = decisions.get(RegistryMapping.key(r.source(), r.code()));
            if (d != null && d.isUserDecision()) {
                if (d.orgUnitUid() == null) {
                    registryOnly.add(r);
                    continue;
                }
                Unit u = tree.byUid(d.orgUnitUid());
                if (u != null && taken.add(u.id())) {
                    matched.add(match(r, u, d.decision() == RegistryMapping.Decision.CONFIRMED ? Method.CONFIRMED
                            : Method.OVERRIDDEN));
                    continue;
                }
                // The chosen org unit is gone, or taken twice: matched automatically again.
            }
            open.add(r);
        }

        List<RegistryRecord> remaining = new ArrayList<>();
        for (RegistryRecord r : open) {
            List<Unit> sameCode = r.code() == null ? null : byCode.get(r.code().trim().toUpperCase(Locale.ROOT));
            if (sameCode != null && sameCode.size() == 1 && taken.add(sameCode.get(0).id())) {
                matched.add(match(r, sameCode.get(0), Method.CODE));
            } else {
                remaining.add(r);
            }
        }

        double threshold = parameters.duplicateNameSimilarity();
        Map<RegistryRecord, List<Candidate>> candidates = new LinkedHashMap<>();
        for (RegistryRecord r : remaining) {
            FacilityNames.Parsed name = parsed(r);
            String district = r.district() == null ? null : FacilityNames.adminPlace(r.district());
            List<Candidate> list = new ArrayList<>();
            for (Unit f : facilities) {
                if (taken.contains(f.id())) {
                    continue;
                }
                double similarity = FacilityNames.similarity(name, FacilityNames.parse(f.name()));
                if (similarity < threshold) {
                    continue;
                }
                double metres = distance(r, f);
                boolean near = Double.isNaN(metres) ? district != null && district.equals(districtKey(tree, f))
                        : metres <= MATCH_RADIUS_METRES;
                if (near) {
                    list.add(new Candidate(f, similarity, metres));
                }
            }
            list.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                    .thenComparingDouble(c -> Double.isNaN(c.distanceMetres()) ? Double.MAX_VALUE : c.distanceMetres()));
            candidates.put(r, list);
        }
        // Best pairs first, so that two records wanting one facility resolve in favour of the better.
        List<RegistryRecord> order = new ArrayList<>(candidates.keySet());
        order.sort(Comparator.comparingDouble((RegistryRecord r) -> candidates.get(r).isEmpty() ? 0
                : -candidates.get(r).get(0).similarity()).thenComparing(RegistryRecord::code));
        for (RegistryRecord r : order) {
            List<Candidate> list = candidates.get(r);
            if (list.isEmpty()) {
                registryOnly.add(r);
                continue;
            }
            Candidate best = list.get(0);
            boolean clear = list.size() == 1 || best.similarity() - list.get(1).similarity() >= AMBIGUITY_MARGIN;
            if (clear && taken.add(best.orgUnit().id())) {
                matched.add(new Match(r, best.orgUnit(), Method.NAME_DISTANCE, best.similarity(), best.distanceMetres()));
            } else {
                ambiguous.add(new Ambiguous(r, list));
            }
        }

        List<Unit> snisOnly = new ArrayList<>();
        for (Unit f : facilities) {
            if (!taken.contains(f.id())) {
                snisOnly.add(f);
            }
        }
        matched.sort(Comparator.comparing(m -> m.record().code()));
        registryOnly.sort(Comparator.comparing(RegistryRecord::code));
        ambiguous.sort(Comparator.comparing(a -> a.record().code()));
        return new Reconciliation(matched, ambiguous, registryOnly, snisOnly);
    }

    private static Match match(RegistryRecord r, Unit u, Method method) {
        return new Match(r, u, method, FacilityNames.jaroWinkler(FacilityNames.parse(r.name()).place(),
                FacilityNames.parse(u.name()).place()), distance(r, u));
    }

    /** The record's name with the kind its type column gives when the name gives none. */
    static FacilityNames.Parsed parsed(RegistryRecord r) {
        FacilityNames.Parsed name = FacilityNames.parse(r.name());
        if (name.kind() == FacilityNames.Kind.UNKNOWN && r.type() != null) {
            return new FacilityNames.Parsed(name.key(), name.place(), FacilityNames.parse(r.type()).kind());
        }
        return name;
    }

    static double distance(RegistryRecord r, Unit f) {
        if (r.point() == null || !f.hasPoint()) {
            return Double.NaN;
        }
        return Geodesy.distanceMetres(r.point(), (Point) f.geometry());
    }

    static String districtKey(OrgUnits tree, Unit f) {
        Unit d = tree.ancestorAtLevel(f, tree.districtLevel());
        return d == null ? null : FacilityNames.adminPlace(d.name());
    }
}
