package org.santeatlas.quality.registry;

import java.util.List;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/**
 * The outcome of matching the master facility list to the SNIS facilities.
 *
 * @param matched      one registry record ↔ one org unit
 * @param ambiguous    records with several plausible org units, none clearly better
 * @param registryOnly records with no org unit (including those the user said have none)
 * @param snisOnly     facilities no record stands for
 */
public record Reconciliation(List<Match> matched, List<Ambiguous> ambiguous, List<RegistryRecord> registryOnly,
                             List<Unit> snisOnly) {

    /** How a pair was made, strongest first. */
    public enum Method {
        /** The user confirmed this pair. */
        CONFIRMED,
        /** The user chose this org unit. */
        OVERRIDDEN,
        /** Same code in both lists. */
        CODE,
        /** Similar names, close points (or the same district when a point is missing). */
        NAME_DISTANCE
    }

    /**
     * @param similarity     of the names, type words aside (0–1)
     * @param distanceMetres between the registry point and the org unit's point; NaN when either is missing
     */
    public record Match(RegistryRecord record, Unit orgUnit, Method method, double similarity, double distanceMetres) {
    }

    public record Candidate(Unit orgUnit, double similarity, double distanceMetres) {
    }

    public record Ambiguous(RegistryRecord record, List<Candidate> candidates) {
    }

    public Reconciliation {
        matched = List.copyOf(matched);
        ambiguous = List.copyOf(ambiguous);
        registryOnly = List.copyOf(registryOnly);
        snisOnly = List.copyOf(snisOnly);
    }
}
