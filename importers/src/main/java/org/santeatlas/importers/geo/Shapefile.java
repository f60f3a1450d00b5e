package org.santeatlas.importers.geo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.cts.op.CoordinateOperationException;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDouble;
import org.h2.value.ValueInteger;
import org.h2.value.ValueNull;
import org.h2.value.ValueReal;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.h2gis.functions.io.utility.PRJUtil;
import org.h2gis.functions.spatial.crs.ST_Transform;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.santeatlas.importers.ImportContext;
import org.santeatlas.importers.ImportFailure;

/**
 * An ESRI Shapefile read through H2GIS's own readers ({@code org.h2gis.functions.io.shp.internal} for the
 * {@code .shp} and {@code .shx}, {@code org.h2gis.functions.io.dbf.internal} for the {@code .dbf}): the
 * {@code .shp} is the file imported, its parts are found beside it by base name, ignoring case. Records
 * are read one at a time by their {@code .shx} offset, so memory does not grow with the file.
 *
 * <p>The {@code .dbf}'s character set: the user's {@code --charset}, else the {@code .cpg}, else the
 * dBASE header's language driver, else windows-1252 ({@link ShapefileCharsets}). Coordinates come back in
 * WGS 84 (SRID 4326): reprojected with H2GIS's {@code ST_Transform} (CTS) from the EPSG code the
 * {@code .prj} names or describes ({@link Projections}; H2GIS's {@code PRJUtil} only reads WKT with an
 * EPSG authority, which ArcGIS does not write). Without a {@code .prj}, coordinates within ±180/±90 are
 * taken as WGS 84 (reported); others are refused.
 *
 * <p>Damaged files (cut short, parts that do not belong together) are refused as a whole, naming the
 * part. The import's thread; the workspace connection is used for reprojection only.
 */
public final class Shapefile implements AutoCloseable {

    /** What a shapefile's records are, from its header's shape type. */
    public enum Kind { POINTS, LINES, POLYGONS, NONE }

    /** Files that come with a {@code .shp} (ESRI, QGIS, GDAL): never imported on their own beside it. */
    private static final Set<String> SIDECARS = Set.of("shx", "dbf", "prj", "cpg", "sbn", "sbx", "fbn", "fbx",
            "ain", "aih", "atx", "ixs", "mxs", "qix", "qmd", "qpj", "xml", "shp.xml");

    private static final int HEADER_BYTES = 100;

    private final ImportContext context;
    private final Path shp;
    private final List<FileChannel> channels = new ArrayList<>();
    private ShapefileReader shapes;
    private IndexFile index;
    private DbaseFileReader table;
    private ShapeType type;
    private Charset charset;
    private int srid;
    private int size;

    private Shapefile(ImportContext context) {
        this.context = context;
        this.shp = context.file();
    }

    /**
     * Opens the context's {@code .shp} with its parts.
     *
     * @throws ImportFailure a part is missing or damaged, or the projection is unknown
     */
    public static Shapefile open(ImportContext context) throws ImportFailure, IOException, SQLException {
        Shapefile s = new Shapefile(context);
        try {
            s.init();
            return s;
        } catch (ImportFailure | IOException | SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void init() throws ImportFailure, IOException, SQLException {
        Path shx = part("shx").orElseThrow(() -> missing("shx"));
        Path dbf = part("dbf").orElseThrow(() -> missing("dbf"));
        long shpSize = Files.size(shp);
        ByteBuffer head = readHeader(shp, shpSize);
        if (head.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw damaged(partName("shp"), "not a shapefile (wrong file code)");
        }
        long declared = 2L * (head.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xffffffffL);
        if (shpSize < declared) {
            throw damaged(partName("shp"), "cut short: " + shpSize + " bytes of the " + declared
                    + " its header announces");
        }
        long shxSize = Files.size(shx);
        readHeader(shx, shxSize);
        if ((shxSize - HEADER_BYTES) % 8 != 0) {
            throw damaged(partName("shx"), "cut short or padded: " + shxSize + " bytes");
        }
        int records = (int) ((shxSize - HEADER_BYTES) / 8);
        charset = charset(dbf);
        try {
            shapes = new ShapefileReader(channel(shp));
            index = new IndexFile(channel(shx));
        } catch (IOException | RuntimeException e) {
            throw damaged(partName("shp"), String.valueOf(e.getMessage()));
        }
        type = shapes.getHeader().getShapeType();
        try {
            table = new DbaseFileReader(channel(dbf), charset.name());
        } catch (IOException | RuntimeException e) {
            throw damaged(partName("dbf"), String.valueOf(e.getMessage()));
        }
        DbaseFileHeader h = table.getHeader();
        long needed = (long) h.getHeaderLength() + (long) h.getNumRecords() * h.getRecordLength();
        if (Files.size(dbf) < needed) {
            throw damaged(partName("dbf"), "cut short: " + Files.size(dbf) + " bytes of the " + needed
                    + " its header announces");
        }
        if (h.getNumRecords() != records) {
            throw new ImportFailure(context.problem(0, 0, "import.shapefilePartsDisagree", "the .shx lists "
                    + records + " shapes and the .dbf " + h.getNumRecords() + " records: the files do not"
                    + " belong together", String.valueOf(records), String.valueOf(h.getNumRecords())));
        }
        size = records;
        srid = projection();
    }

    /** The records' kind: points (and multipoints), lines, polygons, or none (null shapes only). */
    public Kind kind() {
        if (type.isPointType() || type.isMultiPointType()) {
            return Kind.POINTS;
        }
        if (type.isLineType()) {
            return Kind.LINES;
        }
        return type.isPolygonType() ? Kind.POLYGONS : Kind.NONE;
    }

    /** The shape type as the header names it ("Polygon", "Arc"…), for messages. */
    public String typeName() {
        return type.toString();
    }

    public int size() {
        return size;
    }

    public Charset charset() {
        return charset;
    }

    /** The EPSG code of the file's coordinates (4326 when they are read as they are). */
    public int sourceSrid() {
        return srid;
    }

    /**
     * Record {@code i}'s (0-based) attributes by {@code .dbf} column, in column order: text trimmed,
     * numbers as numbers (whole ones as integers), dates as ISO text, blanks as null.
     */
    public ObjectNode attributes(int i) throws ImportFailure {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        DbaseFileHeader h = table.getHeader();
        for (int f = 0; f < table.getFieldCount(); f++) {
            String name = h.getFieldName(f).trim();
            Value v;
            try {
                v = table.getFieldValue(i, f);
            } catch (IOException | RuntimeException e) {
                throw damaged(partName("dbf"), "record " + (i + 1) + ": " + e.getMessage());
            }
            if (v == null || v == ValueNull.INSTANCE) {
                node.putNull(name);
            } else if (v instanceof ValueInteger || v instanceof ValueBigint) {
                node.put(name, v.getLong());
            } else if (v instanceof ValueDouble || v instanceof ValueReal) {
                double d = v.getDouble();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    node.put(name, (long) d);
                } else {
                    node.put(name, d);
                }
            } else if (v instanceof ValueBoolean) {
                node.put(name, v.getBoolean());
            } else {
                String s = v.getString().trim();
                if (s.isEmpty()) {
                    node.putNull(name);
                } else {
                    node.put(name, s);
                }
            }
        }
        return node;
    }

    /**
     * Record {@code i}'s (0-based) shape in WGS 84 (SRID 4326), null for a null shape. Points come as
     * Points or MultiPoints, polygons as MultiPolygons (rings as written: H2GIS tells shells from holes
     * by orientation).
     */
    public Geometry geometry(int i) throws ImportFailure, SQLException {
        Geometry g;
        try {
            g = shapes.geomAt(index.getOffset(i));
        } catch (IOException | RuntimeException e) {
            throw damaged(partName("shp"), "shape " + (i + 1) + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (g == null) {
            return null;
        }
        g.setSRID(srid);
        if (srid != Projections.WGS84 && !g.isEmpty()) {
            try {
                g = ST_Transform.ST_Transform(context.connection(), g, Projections.WGS84);
            } catch (CoordinateOperationException | RuntimeException e) {
                throw new ImportFailure(context.problem(i + 1, 0, "import.reprojectionFailed",
                        "shape " + (i + 1) + " could not be converted from EPSG:" + srid + " to WGS 84: "
                                + e.getMessage(), String.valueOf(i + 1), String.valueOf(srid),
                        String.valueOf(e.getMessage())), e);
            }
        }
        g.setSRID(Projections.WGS84);
        return g;
    }

    /**
     * Whether {@code file} is a part of a shapefile whose {@code .shp} is among {@code files} (same folder,
     * same base name ignoring case): such files are imported with their {@code .shp}, not on their own.
     */
    public static boolean isSidecar(Path file, Collection<Path> files) {
        String name = lowerName(file);
        for (Path other : files) {
            String o = lowerName(other);
            if (!o.endsWith(".shp") || o.equals(name) || !sameFolder(file, other)) {
                continue;
            }
            String stem = o.substring(0, o.length() - 4);
            if (name.startsWith(stem + ".") && SIDECARS.contains(name.substring(stem.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFolder(Path a, Path b) {
        Path pa = a.toAbsolutePath().getParent();
        Path pb = b.toAbsolutePath().getParent();
        return pa == null ? pb == null : pa.equals(pb);
    }

    private static String lowerName(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** The part with this extension beside the .shp, by base name ignoring case (Windows writes .SHX). */
    private Optional<Path> part(String extension) throws IOException {
        String name = shp.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String wanted = (dot < 0 ? name : name.substring(0, dot)) + "." + extension;
        Path exact = shp.resolveSibling(wanted);
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        Path folder = shp.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(folder)) {
            return siblings.filter(p -> p.getFileName().toString().equalsIgnoreCase(wanted))
                    .filter(Files::isRegularFile).findFirst();
        }
    }

    /** How problems name a part: the display name with the part's extension ({@code a.zip!districts.dbf}). */
    private String partName(String extension) {
        String shown = context.displayName();
        int dot = shown.lastIndexOf('.');
        int bang = shown.lastIndexOf('!');
        return (dot > bang + 1 ? shown.substring(0, dot) : shown) + "." + extension;
    }

    private Charset charset(Path dbf) throws IOException {
        if (context.options().charset().isPresent()) {
            return context.options().charset().get();
        }
        Optional<Path> cpg = part("cpg");
        if (cpg.isPresent()) {
            String text = new String(Files.readAllBytes(cpg.get()), StandardCharsets.ISO_8859_1);
            Optional<Charset> named = ShapefileCharsets.fromCpg(text);
            if (named.isPresent()) {
                return named.get();
            }
            Charset fallback = fromLanguageDriver(dbf).orElse(ShapefileCharsets.DEFAULT);
            context.report(0, 0, "import.shapefileUnknownCharset", partName("cpg") + " names the character set '"
                    + text.strip() + "', which is not known here; the .dbf is read as " + fallback.name(),
                    partName("cpg"), text.strip(), fallback.name());
            return fallback;
        }
        return fromLanguageDriver(dbf).orElse(ShapefileCharsets.DEFAULT);
    }

    private static Optional<Charset> fromLanguageDriver(Path dbf) throws IOException {
        try (FileChannel c = FileChannel.open(dbf)) {
            ByteBuffer b = ByteBuffer.allocate(32);
            while (b.hasRemaining() && c.read(b) > 0) {
                // the header's first 32 bytes
            }
            return b.position() < 30 ? Optional.empty() : ShapefileCharsets.fromLanguageDriver(b.get(29));
        }
    }

    /** The EPSG code of the coordinates, from the .prj; without one, 4326 if they fit, else refused. */
    private int projection() throws ImportFailure, IOException, SQLException {
        Optional<Path> prj = part("prj");
        if (prj.isEmpty()) {
            Envelope box = new Envelope(shapes.getHeader().minX(), shapes.getHeader().maxX(),
                    shapes.getHeader().minY(), shapes.getHeader().maxY());
            boolean degrees = box.getMinX() >= -180 && box.getMaxX() <= 180 && box.getMinY() >= -90
                    && box.getMaxY() <= 90;
            if (size > 0 && !degrees) {
                String corner = Math.round(box.getMinX()) + " " + Math.round(box.getMinY());
                throw new ImportFailure(context.problem(0, 0, "import.shapefileNoPrj", "no " + partName("prj")
                        + " and coordinates that are not longitude/latitude degrees (e.g. " + corner + "): add the"
                        + " .prj file that came with the shapefile", partName("prj"), corner));
            }
            if (size > 0) {
                context.report(0, 0, "import.shapefileAssumedWgs84", "no " + partName("prj")
                        + ": coordinates read as WGS 84 longitude/latitude", partName("prj"));
            }
            return Projections.WGS84;
        }
        String wkt = new String(Files.readAllBytes(prj.get()), StandardCharsets.UTF_8).replace("\uFEFF", "");
        OptionalInt code = Projections.epsg(wkt);
        if (code.isEmpty()) {
            int h2gis = PRJUtil.getSRID(prj.get().toFile());
            code = h2gis > 0 ? OptionalInt.of(h2gis) : OptionalInt.empty();
        }
        if (code.isEmpty() || !PRJUtil.isSRIDValid(code.getAsInt(), context.connection())) {
            String name = Projections.name(wkt);
            throw new ImportFailure(context.problem(0, 0, "import.shapefileUnknownProjection", partName("prj")
                    + ": unknown coordinate system '" + name + "'; export the layer in WGS 84 (EPSG:4326) and"
                    + " import it again", partName("prj"), name));
        }
        return code.getAsInt();
    }

    private ByteBuffer readHeader(Path file, long size) throws ImportFailure, IOException {
        String shown = partName(file.getFileName().toString().substring(file.getFileName().toString()
                .lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (size < HEADER_BYTES) {
            throw damaged(shown, "cut short: " + size + " bytes, less than a header");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        try (FileChannel c = FileChannel.open(file)) {
            while (b.hasRemaining() && c.read(b) > 0) {
                // fill the header
            }
        }
        return b;
    }

    private FileChannel channel(Path file) throws IOException {
        FileChannel c = FileChannel.open(file);
        channels.add(c);
        return c;
    }

    private ImportFailure missing(String extension) {
        return new ImportFailure(context.problem(0, 0, "import.shapefileMissingPart", "the " + partName(extension)
                + " file that goes with it is missing: a shapefile is several files (.shp, .shx, .dbf and .prj)"
                + " to import together, side by side or zipped together", partName(extension)));
    }

    private ImportFailure damaged(String part, String reason) {
        return new ImportFailure(context.problem(0, 0, "import.shapefileDamaged", part + " is damaged or cut short ("
                + reason + "); nothing was imported", part, reason));
    }

    @Override
    public void close() {
        for (FileChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // read-only channel; nothing to lose
            }
        }
    }
}
