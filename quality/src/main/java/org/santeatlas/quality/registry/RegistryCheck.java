package org.santeatlas.quality.registry;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.Explanations;
import org.santeatlas.quality.geo.FacilityNames;
import org.santeatlas.quality.geo.OrgUnits;
import org.santeatlas.quality.geo.OrgUnits.Unit;
import org.santeatlas.quality.registry.Reconciliation.Match;
import org.santeatlas.quality.registry.Reconciliation.Method;

/**
 * The master facility list against the SNIS ({@link RegistryReconciler}). Findings: records with no
 * SNIS facility ({@value #REGISTRY_ONLY}), facilities with no record ({@value #SNIS_ONLY}), records
 * with several candidates ({@value #AMBIGUOUS}), records without coordinates
 * ({@value #MISSING_COORDINATES}), and for matched pairs: points farther apart than
 * {@code locationToleranceMetres} ({@value #COORDINATES_DIFFER}), names that differ beyond type words
 * ({@value #NAME_MISMATCH}) and kinds that differ ({@value #TYPE_MISMATCH}). A registry record's code is
 * the finding's {@code value}.
 */
public final class RegistryCheck implements QualityCheck {

    public static final String ID = "registry";
    public static final String REGISTRY_ONLY = "registry-only";
    public static final String SNIS_ONLY = "registry-snis-only";
    public static final String AMBIGUOUS = "registry-ambiguous";
    public static final String MISSING_COORDINATES = "registry-missing-coordinates";
    public static final String COORDINATES_DIFFER = "registry-coordinates-differ";
    public static final String NAME_MISMATCH = "registry-name-mismatch";
    public static final String TYPE_MISMATCH = "registry-type-mismatch";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.REGISTRY;
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        OrgUnits tree = context.shared(OrgUnits.class, OrgUnits::load);
        List<RegistryRecord> records = RegistryRecord.load(context.connection());
        if (records.isEmpty()) {
            return;
        }
        Reconciliation result = RegistryReconciler.reconcile(tree, records, RegistryMapping.load(context.connection()),
                context.parameters());
        Map<String, Unit> districts = new HashMap<>();
        for (Unit d : tree.atLevel(tree.districtLevel())) {
            districts.putIfAbsent(FacilityNames.adminPlace(d.name()), d);
        }
        double tolerance = context.parameters().locationToleranceMetres();
        double threshold = context.parameters().duplicateNameSimilarity();

        for (RegistryRecord r : result.registryOnly()) {
            Unit district = r.district() == null ? null : districts.get(FacilityNames.adminPlace(r.district()));
            emit(findings, REGISTRY_ONLY, Severity.MEDIUM, district == null ? null : district.uid(), r.code(), null, 0,
                    "no SNIS facility with this code, nor with a similar name nearby", "registry.registryOnly",
                    List.of(r.name(), r.code(), r.source()));
        }
        for (Unit f : result.snisOnly()) {
            emit(findings, SNIS_ONLY, Severity.MEDIUM, f.uid(), f.code(), null, 0,
                    "no registry record with this code, nor with a similar name nearby", "registry.snisOnly",
                    List.of(f.name(), f.code() == null ? f.uid() : f.code()));
        }
        for (Reconciliation.Ambiguous a : result.ambiguous()) {
            String uids = a.candidates().stream().map(c -> c.orgUnit().uid()).collect(Collectors.joining(", "));
            String names = a.candidates().stream().map(c -> c.orgUnit().name()).collect(Collectors.joining(", "));
            emit(findings, AMBIGUOUS, Severity.MEDIUM, a.candidates().get(0).orgUnit().uid(), a.record().code(), uids,
                    a.candidates().size(), a.candidates().size() + " candidates of similar name",
                    "registry.ambiguous", List.of(a.record().name(), a.record().code(), names));
        }
        Map<Integer, Unit> matchedBy = new HashMap<>();
        for (Match m : result.matched()) {
            matchedBy.put(m.record().id(), m.orgUnit());
        }
        for (RegistryRecord r : records) {
            if (r.point() == null) {
                Unit u = matchedBy.get(r.id());
                emit(findings, MISSING_COORDINATES, Severity.LOW, u == null ? null : u.uid(), r.code(), null, 0,
                        "no latitude/longitude in the registry", "registry.missingCoordinates",
                        List.of(r.name(), r.code()));
            }
        }
        for (Match m : result.matched()) {
            RegistryRecord r = m.record();
            Unit u = m.orgUnit();
            if (!Double.isNaN(m.distanceMetres()) && m.distanceMetres() > tolerance) {
                emit(findings, COORDINATES_DIFFER, Severity.MEDIUM, u.uid(), r.code(),
                        String.format(Locale.ROOT, "%.6f, %.6f", r.point().getX(), r.point().getY()), m.distanceMetres(),
                        String.format(Locale.ROOT, "SNIS and registry points %.0f m apart (matched by %s)",
                                m.distanceMetres(), m.method()), "registry.coordinatesDiffer",
                        List.of(u.name(), r.code(), Math.round(m.distanceMetres() / 100) / 10.0));
            }
            FacilityNames.Parsed registryName = RegistryReconciler.parsed(r);
            FacilityNames.Parsed snisName = FacilityNames.parse(u.name());
            if (m.method() != Method.NAME_DISTANCE && m.similarity() < threshold) {
                emit(findings, NAME_MISMATCH, Severity.LOW, u.uid(), r.code(), r.name(), 1 - m.similarity(),
                        String.format(Locale.ROOT, "name similarity %.2f (matched by %s)", m.similarity(), m.method()),
                        "registry.nameMismatch", List.of(u.name(), r.name(), r.code()));
            }
            if (!registryName.kind().compatibleWith(snisName.kind())) {
                emit(findings, TYPE_MISMATCH, Severity.LOW, u.uid(), r.code(), r.type(), 0,
                        "kind " + snisName.kind() + " in the SNIS, " + registryName.kind() + " in the registry",
                        "registry.typeMismatch", List.of(u.name(), r.type() == null ? r.name() : r.type(), r.code()));
            }
        }
    }

    private static void emit(Consumer<Finding> findings, String check, Severity severity, String orgUnit, String value,
                             String expected, double score, String method, String key, List<Object> args) {
        findings.accept(new Finding(check, Dimension.REGISTRY, severity, orgUnit, null, null, null, value, expected,
                score, method, key, args, Explanations.english(key, args)));
    }
}
