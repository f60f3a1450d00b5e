package org.santeatlas.importers.geo;

import java.io.IOException;
import java.sql.SQLException;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.Importer;

/**
 * Boundaries as an ESRI Shapefile of polygons ({@link Shapefile}: the .shp with its .dbf, .shx, .prj and
 * .cpg), attached to the org units they match or kept as a boundary layer, as {@link BoundaryGeoJsonImporter}
 * does; the .dbf's columns are the properties matched ({@code NOM}, {@code CODE}, {@code ADM2_FR}…).
 */
public final class BoundaryShapefileImporter implements Importer {

    @Override
    public ImportFormat format() {
        return ImportFormat.BOUNDARIES_SHAPEFILE;
    }

    @Override
    public void run(ImportContext context) throws ImportFailure, IOException, SQLException {
        try (Shapefile shapes = Shapefile.open(context)) {
            if (shapes.kind() != Shapefile.Kind.POLYGONS && shapes.size() > 0) {
                throw wrongType(context, shapes);
            }
            new BoundaryImport(context).run((geometries, visitor) -> {
                for (int i = 0; i < shapes.size(); i++) {
                    Polygons.Parsed parsed = geometries ? new Polygons.Parsed(shapes.geometry(i), null, null) : null;
                    visitor.feature(i + 1, i + 1, shapes.attributes(i), null, parsed);
                }
            });
        }
    }

    static ImportFailure wrongType(ImportContext context, Shapefile shapes) {
        return new ImportFailure(context.problem(0, 0, "import.shapefileWrongType", "a shapefile of "
                + shapes.typeName() + ": boundaries are polygons, facility registries points; lines are not"
                + " imported", shapes.typeName()));
    }
}
