package org.santeatlas.map.print;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.santeatlas.map.draw.Java2dPainter;

/**
 * Renders a {@link PrintLayout} to an image or a PNG file. The layout is designed in reference pixels
 * (96 per inch); an output of {@code width × height} pixels at {@code dpi} draws it scaled by dpi / 96, so
 * lines and text keep their printed size at any resolution, and the PNG records its DPI (pHYs chunk).
 * Blocking; any thread (Java2D off-screen).
 */
public final class MapExport {

    /** Reference pixels per inch: the CSS pixel, the unit of every style size. */
    public static final double REFERENCE_DPI = 96;

    private MapExport() {
    }

    /** The page drawn on a new RGB image. */
    public static BufferedImage render(PrintLayout layout, int width, int height, double dpi) {
        if (width <= 0 || height <= 0 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("image size must be within 1..20000 pixels: " + width + "×" + height);
        }
        if (!(dpi >= 24 && dpi <= 1200)) {
            throw new IllegalArgumentException("dpi must be within 24..1200: " + dpi);
        }
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
    public static void writePng(PrintLayout layout, Path file, int width, int height, double dpi) throws IOException {
        writePng(render(layout, width, height, dpi), file, dpi);
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
