package org.santeatlas.map.print;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.svg.SVGGraphics2D;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.draw.MapFonts;

/**
 * Renders a {@link PrintPage} to PNG, SVG or PDF through the same Java2D painter. The page is designed in
 * reference pixels (96 per inch):
 * <ul>
 * <li>PNG: {@code width × height} pixels at {@code dpi}, the layout scaled by dpi / 96 so lines and text keep
 * their printed size; the PNG records its DPI (pHYs chunk);</li>
 * <li>SVG (JFreeSVG) and PDF (PDFBox graphics2d): vector, a page of {@code width / dpi × height / dpi} inches
 * (the CLI's defaults, 1754 × 1240 at 150 dpi, are A4 landscape); text stays text — in PDF DejaVu Sans is
 * embedded (subset) from {@link MapFonts}, in SVG it is named by family.</li>
 * </ul>
 * Blocking; any thread (Java2D off-screen).
 */
public final class MapExport {

    /** Reference pixels per inch: the CSS pixel, the unit of every style size. */
    public static final double REFERENCE_DPI = 96;

    /** Pixel ratio vector output simplifies geometry for: 300 dpi print detail. */
    static final double VECTOR_PIXEL_RATIO = 300 / REFERENCE_DPI;

    /** A4 landscape in points (1/72 inch). */
    public static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    /** The formats, chosen by the file's extension. */
    public enum Format {
        PNG, SVG, PDF;

        /** The format a file name ends with (case-insensitive), if any. */
        public static Optional<Format> of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private MapExport() {
    }

    /** Writes the page in the format its file name says; {@code width × height} pixels at {@code dpi}. */
    public static void write(PrintPage page, Path file, int width, int height, double dpi) throws IOException {
        Format format = Format.of(file).orElseThrow(() -> new IllegalArgumentException("not .png, .svg or .pdf: " + file));
        checkSize(width, height, dpi);
        switch (format) {
            case PNG -> writePng(page, file, width, height, dpi);
            case SVG -> writeSvg(page, file, width / dpi * REFERENCE_DPI, height / dpi * REFERENCE_DPI);
            case PDF -> writePdf(page, file, new PDRectangle((float) (width / dpi * 72), (float) (height / dpi * 72)));
        }
    }

    private static void checkSize(int width, int height, double dpi) {
        if (width <= 0 || height <= 0 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("image size must be within 1..20000 pixels: " + width + "×" + height);
        }
        if (!(dpi >= 24 && dpi <= 1200)) {
            throw new IllegalArgumentException("dpi must be within 24..1200: " + dpi);
        }
    }

    /** The page drawn on a new RGB image. */
    public static BufferedImage render(PrintPage layout, int width, int height, double dpi) {
        checkSize(width, height, dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            double scale = dpi / REFERENCE_DPI;
            Java2dPainter painter = new Java2dPainter(g);
            g.scale(scale, scale);
            layout.paint(painter, width / scale, height / scale, scale);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders the page and writes it as a PNG that states its DPI. */
    public static void writePng(PrintPage layout, Path file, int width, int height, double dpi) throws IOException {
        writePng(render(layout, width, height, dpi), file, dpi);
    }

    /**
     * The page as an SVG document of {@code width × height} reference pixels (CSS px: an SVG viewer prints it
     * at its true size). Text is SVG text in DejaVu Sans; halos are paths.
     */
    public static String svg(PrintPage layout, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        try {
            layout.paint(new Java2dPainter(g), width, height, VECTOR_PIXEL_RATIO);
            return g.getSVGDocument();
        } finally {
            g.dispose();
        }
    }

    public static void writeSvg(PrintPage layout, Path file, double width, double height) throws IOException {
        Files.writeString(file, svg(layout, width, height), StandardCharsets.UTF_8);
    }

    /**
     * Writes a one-page PDF of the given size (points): the page's Java2D drawing becomes PDF vector
     * operators in a form XObject, DejaVu Sans embedded as a subset so text is selectable and searchable.
     */
    public static void writePdf(PrintPage layout, Path file, PDRectangle pageSize) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePdf(layout, out, pageSize);
        }
    }

    public static void writePdf(PrintPage layout, OutputStream out, PDRectangle pageSize) throws IOException {
        try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            for (boolean bold : new boolean[] {false, true}) {
                try (InputStream ttf = MapFonts.open(bold)) {
                    fonts.registerFont(MapFonts.fontName(bold), ttf);
                }
            }
            PDPage page = new PDPage(pageSize);
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, pageSize.getWidth(), pageSize.getHeight());
            g.setFontTextDrawer(fonts);
            try {
                // Points to reference pixels: the layout is designed at 96 per inch, the page counts 72.
                double scale = 72 / REFERENCE_DPI;
                Java2dPainter painter = new Java2dPainter(g);
                g.scale(scale, scale);
                layout.paint(painter, pageSize.getWidth() / scale, pageSize.getHeight() / scale, VECTOR_PIXEL_RATIO);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreator("SantéAtlas");
            doc.save(out);
        }
    }

    /** Writes an image as a PNG whose pHYs chunk records {@code dpi}. */
    public static void writePng(BufferedImage image, Path file, double dpi) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            setDpi(meta, dpi);
            writer.write(null, new IIOImage(image, null, meta), null);
        } finally {
            writer.dispose();
        }
    }

    private static void setDpi(IIOMetadata meta, double dpi) throws IIOInvalidTreeException {
        String pixelsPerMetre = Integer.toString((int) Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
    }
}
