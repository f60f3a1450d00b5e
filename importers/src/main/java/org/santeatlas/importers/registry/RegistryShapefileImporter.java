package org.santeatlas.importers.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;
import org.santeatlas.importers.geo.Shapefile;

/**
 * A master facility list as an ESRI Shapefile of points (the .shp with its .dbf, .shx, .prj, .cpg; read
 * by {@link Shapefile}, reprojected to WGS 84): each record is handed to the GeoJSON registry's store as
 * a Feature whose properties are the .dbf's columns ({@code CODE}, {@code NOM}, {@code TYPE},
 * {@code DISTRICT}…), so that the same list as CSV, GeoJSON or shapefile lands identically.
 */
public final class RegistryShapefileImporter implements Importer {

    private static final int REPORT_EVERY = 1_000;

    @Override
    public ImportFormat format() {
        return ImportFormat.REGISTRY_SHAPEFILE;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (Shapefile shapes = Shapefile.open(context);
             RegistryUpsert upsert = new RegistryUpsert(context)) {
            if (shapes.kind() != Shapefile.Kind.POINTS && shapes.size() > 0) {
                throw new ImportFailure(context.problem(0, 0, "import.shapefileWrongType", "a shapefile of "
                        + shapes.typeName() + ": boundaries are polygons, facility registries points; lines are"
                        + " not imported", shapes.typeName()));
            }
            for (int i = 0; i < shapes.size(); i++) {
                ObjectNode feature = JsonNodeFactory.instance.objectNode();
                feature.put("type", "Feature");
                feature.set("properties", shapes.attributes(i));
                feature.set("geometry", geoJson(shapes.geometry(i)));
                RegistryGeoJsonImporter.store(context, upsert, feature, i + 1);
                if ((i + 1) % REPORT_EVERY == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new ImportFailure(context.problem(0, 0, "import.cancelled",
                                "import cancelled; the workspace is unchanged"));
                    }
                    context.progress().update(i + 1, shapes.size(), i + 1);
                }
            }
            context.progress().update(shapes.size(), shapes.size(), shapes.size());
        }
    }

    /** A Point or MultiPoint as GeoJSON, null for a null shape (then LATITUDE/LONGITUDE columns count). */
    private static ObjectNode geoJson(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", g.getNumGeometries() == 1 ? "Point" : g.getGeometryType());
        if (g.getNumGeometries() == 1) {
            Coordinate c = g.getGeometryN(0).getCoordinate();
            node.putArray("coordinates").add(c.x).add(c.y);
        } else {
            var positions = node.putArray("coordinates");
            for (Coordinate c : g.getCoordinates()) {
                positions.addArray().add(c.x).add(c.y);
            }
        }
        return node;
    }
}
