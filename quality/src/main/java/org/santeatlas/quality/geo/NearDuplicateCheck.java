package org.santeatlas.quality.geo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.QualityCheck;
import org.santeatlas.quality.QualityContext;
import org.santeatlas.quality.Severity;
import org.santeatlas.quality.geo.OrgUnits.Unit;

/**
 * Facilities entered twice in the SNIS: two facilities closer than {@code duplicateDistanceMetres}
 * (geodesic) whose names, type words aside, are at least {@code duplicateNameSimilarity} alike
 * ({@link FacilityNames}) and whose kinds do not differ. One finding per pair, on the member that
 * looks like the second entry: the one with fewer stored values, then the later opening date, then
 * the later code; {@code expected} holds the other member's UID.
 */
public final class NearDuplicateCheck implements QualityCheck {

    public static final String ID = "geo-near-duplicates";
    public static final String NEAR_DUPLICATE = "geo-near-duplicate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.GEOGRAPHY;
    }

    @Override
    public void run(QualityContext context, Consumer<Finding> findings) throws SQLException {
        OrgUnits tree = context.shared(OrgUnits.class, OrgUnits::load);
        double maxMetres = context.parameters().duplicateDistanceMetres();
        double minSimilarity = context.parameters().duplicateNameSimilarity();
        Map<Integer, Long> valueCounts = valueCounts(context);
        List<Unit> located = new ArrayList<>();
        STRtree index = new STRtree();
        Map<Integer, FacilityNames.Parsed> names = new HashMap<>();
        for (Unit f : tree.facilities()) {
            if (f.hasPoint()) {
                located.add(f);
                index.insert(f.geometry().getEnvelopeInternal(), f);
                names.put(f.id(), FacilityNames.parse(f.name()));
            }
        }
        for (Unit a : located) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Point pa = (Point) a.geometry();
            Envelope box = new Envelope(pa.getCoordinate());
            box.expandBy(Geodesy.longitudeDegrees(maxMetres, pa.getY()), Geodesy.latitudeDegrees(maxMetres));
            @SuppressWarnings("unchecked")
            List<Unit> near = index.query(box);
            near.sort(Comparator.comparing(Unit::uid));
            for (Unit b : near) {
                if (b.uid().compareTo(a.uid()) <= 0) {
                    continue;
                }
                double metres = Geodesy.distanceMetres(pa, (Point) b.geometry());
                if (metres > maxMetres) {
                    continue;
                }
                double similarity = FacilityNames.similarity(names.get(a.id()), names.get(b.id()));
                if (similarity < minSimilarity) {
                    continue;
                }
                Unit second = second(a, b, valueCounts);
                Unit first = second == a ? b : a;
                List<Object> args = List.of(second.name(), first.name(), Math.round(metres),
                        Math.round(similarity * 100));
                findings.accept(new Finding(NEAR_DUPLICATE, Dimension.GEOGRAPHY,
                        metres < maxMetres / 4 ? Severity.HIGH : Severity.MEDIUM, second.uid(), null, null, null,
                        String.format(Locale.ROOT, "%.0f m", metres), first.uid(), similarity * (1 - metres / maxMetres),
                        String.format(Locale.ROOT, "name similarity %.2f (Jaro-Winkler, type words ignored), %.0f m apart",
                                similarity, metres), "geo.nearDuplicate", args,
                        Explanations.english("geo.nearDuplicate", args)));
            }
        }
    }

    /** The member that looks like the second entry of the same facility. */
    private static Unit second(Unit a, Unit b, Map<Integer, Long> valueCounts) {
        int byValues = Long.compare(valueCounts.getOrDefault(a.id(), 0L), valueCounts.getOrDefault(b.id(), 0L));
        if (byValues != 0) {
            return byValues < 0 ? a : b;
        }
        LocalDate oa = a.openingDate();
        LocalDate ob = b.openingDate();
        if (oa != null && ob != null && !oa.equals(ob)) {
            return oa.isAfter(ob) ? a : b;
        }
        String ca = a.code() == null ? a.uid() : a.code();
        String cb = b.code() == null ? b.uid() : b.code();
        return ca.compareTo(cb) > 0 ? a : b;
    }

    private static Map<Integer, Long> valueCounts(QualityContext context) throws SQLException {
        Map<Integer, Long> counts = new HashMap<>();
        try (Statement st = context.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT ORG_UNIT_ID, SUM(VALUE_COUNT) FROM DATA_VALUE_SERIES GROUP BY ORG_UNIT_ID")) {
            while (rs.next()) {
                counts.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
