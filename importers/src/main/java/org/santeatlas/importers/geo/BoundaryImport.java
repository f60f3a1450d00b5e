package org.santeatlas.importers.geo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;

/**
 * What the boundary importers share once they can read features: two passes over the file, the first
 * for the properties only (to match every feature before deciding, since the file's level comes from all
 * of them), the second for the geometries, one feature at a time, so that memory holds the keys but
 * never the file's geometries.
 *
 * <p>With {@code ImportOptions.attachBoundaries()} a matched feature's geometry becomes its org unit's
 * ORG_UNIT.GEOMETRY; the others are kept in the boundary layer named after the file. Without it, every
 * feature goes into that layer. A layer holds what the last import of its file did not attach: features
 * no longer there are deleted, and an empty layer goes. Counts: an org unit whose geometry changed is
 * updated, a layer feature created, updated or deleted, anything equal unchanged; a feature without a
 * usable geometry is rejected. The import's thread, within the caller's transaction.
 */
final class BoundaryImport {

    /** A boundary file read feature by feature, as many times as asked. */
    interface Source {
        /**
         * Visits the features in file order.
         *
         * @param geometries whether to read geometries; when false they come as null, unread
         */
        void read(boolean geometries, Visitor visitor) throws ImportFailure, IOException, SQLException;
    }

    @FunctionalInterface
    interface Visitor {
        /**
         * @param number    the feature's number in the file, from 1
         * @param line      where problems point: the JSON line, or the shapefile record number
         * @param featureId the GeoJSON Feature's id as text, null when none
         * @param geometry  the geometry read (WGS 84) with what reading mended, null in the first pass
         */
        void feature(int number, long line, ObjectNode properties, String featureId, Polygons.Parsed geometry)
                throws ImportFailure, SQLException;
    }

    private static final int REPORT_EVERY = 100;

    private final ImportContext context;
    private final String layerName;
    private final boolean attach;

    BoundaryImport(ImportContext context) {
        this.context = context;
        this.layerName = layerName(context.displayName());
        this.attach = context.options().attachBoundaries();
    }

    /** The layer of a file: its name without folders, archive and extensions ({@code NER_adm2}). */
    static String layerName(String displayName) {
        String s = displayName.substring(displayName.lastIndexOf('!') + 1);
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = s.replaceFirst("(?i)\\.(gz|gzip)$", "").replaceFirst("(?i)\\.(geojson|json|shp)$", "");
        s = s.isBlank() ? "boundaries" : s;
        // BOUNDARY_LAYER.NAME is VARCHAR(230) (V3 migration).
        return s.length() <= 230 ? s : s.substring(0, 230);
    }

    void run(Source source) throws ImportFailure, IOException, SQLException {
        List<BoundaryMatcher.Keys> keys = new ArrayList<>();
        source.read(false, (number, line, properties, featureId, geometry) ->
                keys.add(BoundaryProperties.keys(number, properties, featureId)));
        Map<Integer, BoundaryMatcher.Decision> decisions = new HashMap<>();
        int level = 0;
        if (attach) {
            BoundaryMatcher matcher = BoundaryMatcher.load(context.connection());
            decisions = matcher.decide(keys);
            level = matcher.level();
        }
        Map<Integer, BoundaryMatcher.Keys> byNumber = new HashMap<>();
        keys.forEach(k -> byNumber.put(k.number(), k));
        Report report = new Report();
        Map<Integer, BoundaryMatcher.Decision> decided = decisions;
        try (Layer layer = new Layer(); OrgUnits orgUnits = new OrgUnits()) {
            source.read(true, (number, line, properties, featureId, parsed) -> {
                BoundaryMatcher.Keys k = byNumber.get(number);
                if (k == null) {
                    // The file changed between the two passes.
                    throw new ImportFailure(context.problem(line, 0, "import.boundaryFileChanged",
                            "the file changed while it was being read; import it again"));
                }
                store(k, line, properties, parsed, decided.getOrDefault(number, new BoundaryMatcher.Unmatched()),
                        layer, orgUnits, report);
                if (number % REPORT_EVERY == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new ImportFailure(context.problem(0, 0, "import.cancelled",
                                "import cancelled; the workspace is unchanged"));
                    }
                    // Features stand in for bytes: the second pass knows how many there are.
                    context.progress().update(number, keys.size(), number);
                }
            });
            layer.finish();
            context.reports().accept(new BoundaryReport(attach, layer.exists() ? Optional.of(layerName)
                    : Optional.empty(), layer.size(), level, report.byCode, report.byName, report.ambiguous, report.unmatched,
                    report.repaired, report.rejected));
        }
    }

    private void store(BoundaryMatcher.Keys k, long line, ObjectNode properties, Polygons.Parsed parsed,
                       BoundaryMatcher.Decision decision, Layer layer, OrgUnits orgUnits, Report report)
            throws SQLException {
        String n = String.valueOf(k.number());
        String label = k.label();
        Polygons.Prepared p = parsed.error() != null
                ? new Polygons.Prepared(null, null, parsed.error(), "notPolygon")
                : Polygons.prepare(parsed.geometry(), parsed.repair());
        if (p.geometry() == null) {
            context.counts().rejected();
            report.rejected.add(feature(k, null, p.error()));
            switch (p.errorKey()) {
                case "empty" -> context.report(line, 0, "import.boundaryNoGeometry", "feature " + n + " (" + label
                        + "): no geometry, or an empty one", n, label);
                case "notPolygon" -> context.report(line, 0, "import.boundaryNotPolygon", "feature " + n + " ("
                        + label + "): " + p.error() + " instead of a polygon", n, label, p.error());
                default -> context.report(line, 0, "import.boundaryUnrepairable", "feature " + n + " (" + label
                        + "): " + p.error(), n, label, p.error());
            }
            return;
        }
        if (p.repaired()) {
            report.repaired.add(feature(k, null, p.repair()));
            context.report(line, 0, "import.boundaryRepaired", "feature " + n + " (" + label
                    + "): invalid geometry repaired (" + p.repair() + ")", n, label, p.repair());
        }
        if (decision instanceof BoundaryMatcher.Attach a) {
            orgUnits.attach(a.unit(), p.geometry());
            (a.by() == BoundaryMatcher.By.CODE ? report.byCode : report.byName).add(feature(k, a.unit(), ""));
            return;
        }
        layer.put(k, properties, p.geometry(), p.repaired());
        if (!attach) {
            return;
        }
        if (decision instanceof BoundaryMatcher.Ambiguous a) {
            String candidates = a.candidates().stream().map(BoundaryMatcher.Unit::name)
                    .collect(Collectors.joining(", "));
            report.ambiguous.add(new BoundaryReport.Feature(k.number(), label, Optional.empty(), candidates,
                    a.reason()));
            context.report(line, 0, "import.boundaryAmbiguous", "feature " + n + " (" + label + "): not attached, "
                    + a.reason() + "; kept in layer '" + layerName + "'", n, label, a.reason(), layerName);
        } else {
            report.unmatched.add(feature(k, null, ""));
            context.report(line, 0, "import.boundaryUnmatched", "feature " + n + " (" + label + "): no org unit has"
                    + " this code or name; kept in layer '" + layerName + "'", n, label, layerName);
        }
    }

    private static BoundaryReport.Feature feature(BoundaryMatcher.Keys k, BoundaryMatcher.Unit unit, String note) {
        return new BoundaryReport.Feature(k.number(), k.label(), unit == null ? Optional.empty()
                : Optional.of(unit.uid()), unit == null ? "" : unit.name(), note == null ? "" : note);
    }

    /** The report's lists as they fill. */
    private static final class Report {
        final List<BoundaryReport.Feature> byCode = new ArrayList<>();
        final List<BoundaryReport.Feature> byName = new ArrayList<>();
        final List<BoundaryReport.Feature> ambiguous = new ArrayList<>();
        final List<BoundaryReport.Feature> unmatched = new ArrayList<>();
        final List<BoundaryReport.Feature> repaired = new ArrayList<>();
        final List<BoundaryReport.Feature> rejected = new ArrayList<>();
    }

    /** ORG_UNIT.GEOMETRY, replaced when different. */
    private final class OrgUnits implements AutoCloseable {
        private final PreparedStatement select;
        private final PreparedStatement update;

        OrgUnits() throws SQLException {
            select = context.connection().prepareStatement("SELECT GEOMETRY FROM ORG_UNIT WHERE ID = ?");
            update = context.connection().prepareStatement("UPDATE ORG_UNIT SET GEOMETRY = ?, BATCH_ID = ?"
                    + " WHERE ID = ?");
        }

        void attach(BoundaryMatcher.Unit unit, Geometry geometry) throws SQLException {
            select.setInt(1, unit.id());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && same(rs.getObject(1), geometry)) {
                    context.counts().unchanged();
                    return;
                }
            }
            update.setObject(1, geometry);
            update.setInt(2, context.batchId());
            update.setInt(3, unit.id());
            update.executeUpdate();
            context.counts().updated();
        }

        @Override
        public void close() throws SQLException {
            try {
                select.close();
            } finally {
                update.close();
            }
        }
    }

    /** The file's BOUNDARY_LAYER and its BOUNDARY_FEATURE rows, keyed by feature number. */
    private final class Layer implements AutoCloseable {
        private Integer id;
        private boolean changed;
        private final Set<Integer> kept = new HashSet<>();
        private final PreparedStatement select;
        private final PreparedStatement merge;

        Layer() throws SQLException {
            try (PreparedStatement find = context.connection().prepareStatement(
                    "SELECT ID FROM BOUNDARY_LAYER WHERE NAME = ?")) {
                find.setString(1, layerName);
                try (ResultSet rs = find.executeQuery()) {
                    id = rs.next() ? rs.getInt(1) : null;
                }
            }
            select = context.connection().prepareStatement("SELECT CODE, NAME, ORG_UNIT_ID, PROPERTIES, REPAIRED,"
                    + " GEOMETRY FROM BOUNDARY_FEATURE WHERE LAYER_ID = ? AND FEATURE_NO = ?");
            merge = context.connection().prepareStatement("MERGE INTO BOUNDARY_FEATURE(LAYER_ID, FEATURE_NO, CODE,"
                    + " NAME, ORG_UNIT_ID, PROPERTIES, REPAIRED, GEOMETRY, BATCH_ID) KEY(LAYER_ID, FEATURE_NO)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        boolean exists() {
            return id != null;
        }

        /** Features the layer holds after {@link #finish()}. */
        int size() {
            return id == null ? 0 : kept.size();
        }

        void put(BoundaryMatcher.Keys k, ObjectNode properties, Geometry geometry, boolean repaired)
                throws SQLException {
            String code = k.codes().isEmpty() ? null : cut(k.codes().get(0), 100);
            String name = k.names().isEmpty() ? null : cut(k.names().get(0), 230);
            String json = properties == null || properties.isEmpty() ? null : properties.toString();
            kept.add(k.number());
            boolean exists = false;
            if (id != null) {
                select.setInt(1, id);
                select.setInt(2, k.number());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        exists = true;
                        if (Objects.equals(rs.getString(1), code) && Objects.equals(rs.getString(2), name)
                                && rs.getObject(3) == null && Objects.equals(text(rs.getObject(4)), json)
                                && rs.getBoolean(5) == repaired && same(rs.getObject(6), geometry)) {
                            context.counts().unchanged();
                            return;
                        }
                    }
                }
            } else {
                create();
            }
            merge.setInt(1, id);
            merge.setInt(2, k.number());
            merge.setString(3, code);
            merge.setString(4, name);
            merge.setObject(5, null);
            merge.setString(6, json);
            merge.setBoolean(7, repaired);
            merge.setObject(8, geometry);
            merge.setInt(9, context.batchId());
            merge.executeUpdate();
            changed = true;
            if (exists) {
                context.counts().updated();
            } else {
                context.counts().created();
            }
        }

        private void create() throws SQLException {
            try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO BOUNDARY_LAYER(NAME,"
                    + " SOURCE, BATCH_ID) VALUES (?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, layerName);
                insert.setString(2, cut(context.displayName(), 1000));
                insert.setInt(3, context.batchId());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
            }
        }

        /** Deletes the layer's features this import did not keep, then the layer if it is left empty. */
        void finish() throws SQLException {
            if (id == null) {
                return;
            }
            List<Integer> gone = new ArrayList<>();
            try (PreparedStatement q = context.connection().prepareStatement(
                    "SELECT FEATURE_NO FROM BOUNDARY_FEATURE WHERE LAYER_ID = ?")) {
                q.setInt(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (!kept.contains(rs.getInt(1))) {
                            gone.add(rs.getInt(1));
                        }
                    }
                }
            }
            if (!gone.isEmpty()) {
                try (PreparedStatement delete = context.connection().prepareStatement(
                        "DELETE FROM BOUNDARY_FEATURE WHERE LAYER_ID = ? AND FEATURE_NO = ?")) {
                    for (int number : gone) {
                        delete.setInt(1, id);
                        delete.setInt(2, number);
                        delete.addBatch();
                        context.counts().deleted();
                    }
                    delete.executeBatch();
                }
                changed = true;
            }
            if (kept.isEmpty()) {
                try (PreparedStatement delete = context.connection().prepareStatement(
                        "DELETE FROM BOUNDARY_LAYER WHERE ID = ?")) {
                    delete.setInt(1, id);
                    delete.executeUpdate();
                }
                id = null;
            } else if (changed) {
                try (PreparedStatement touch = context.connection().prepareStatement(
                        "UPDATE BOUNDARY_LAYER SET SOURCE = ?, BATCH_ID = ? WHERE ID = ?")) {
                    touch.setString(1, cut(context.displayName(), 1000));
                    touch.setInt(2, context.batchId());
                    touch.setInt(3, id);
                    touch.executeUpdate();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                select.close();
            } finally {
                merge.close();
            }
        }
    }

    /** Whether a stored geometry is the one about to be written: same type, SRID and coordinates. */
    private static boolean same(Object stored, Geometry geometry) {
        return stored instanceof Geometry g && g.getSRID() == geometry.getSRID() && g.equalsExact(geometry);
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
