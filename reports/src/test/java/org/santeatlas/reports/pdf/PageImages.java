package org.santeatlas.reports.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Golden-image comparison of PDF pages: a page rendered at 60 dpi against a committed reference PNG, within a
 * tolerance (anti-aliasing differs a little between Java versions). On a mismatch, or when the reference is
 * missing, the actual page and the difference image are written to {@code target/golden/} for a look.
 */
public final class PageImages {

    private PageImages() {
    }

    public static BufferedImage render(PDDocument doc, int pageIndex) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(pageIndex, 60, ImageType.RGB);
    }

    /** Share of pixels whose largest channel difference exceeds 48, and the mean channel difference (0–255). */
    public record Difference(double changedShare, double meanDelta, boolean sameSize) {}

    public static Difference compare(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return new Difference(1, 255, false);
        }
        long changed = 0;
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int max = 0;
                for (int s = 0; s <= 16; s += 8) {
                    int d = Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
                    max = Math.max(max, d);
                    sum += d;
                }
                if (max > 48) {
                    changed++;
                }
            }
        }
        double n = (double) a.getWidth() * a.getHeight();
        return new Difference(changed / n, sum / (3 * n), true);
    }

    /** Reads the reference {@code name} of the test resources, or null when absent; writes the actual image for a look. */
    public static BufferedImage reference(String name, BufferedImage actual) throws IOException {
        Path out = Path.of("target", "golden");
        Files.createDirectories(out);
        ImageIO.write(actual, "png", out.resolve(name).toFile());
        var in = PageImages.class.getResourceAsStream("/org/santeatlas/reports/golden/" + name);
        if (in == null) {
            return null;
        }
        try (in) {
            return ImageIO.read(in);
        }
    }
}
