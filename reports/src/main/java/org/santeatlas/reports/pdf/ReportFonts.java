package org.santeatlas.reports.pdf;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report typeface: DejaVu Sans and DejaVu Sans Bold, shipped in this module's resources with their
 * licence ({@code fonts/LICENSE-DejaVu.txt}, Bitstream Vera licence: redistribution allowed), so that
 * accents and the "é" of "Santé" print the same on every machine. The same two files serve the PDF text
 * (embedded subsets, {@link PDType0Font}) and Java2D (charts and maps measure their text with the AWT font
 * of the same file, then {@link #textDrawer()} writes it as PDF text with the PDF font).
 */
public final class ReportFonts {

    /** The family name Java2D knows the fonts by once {@link #registerAwt()} has run. */
    public static final String FAMILY = "DejaVu Sans";

    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static volatile boolean awtRegistered;

    private final PDFont regular;
    private final PDFont bold;

    private ReportFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads both fonts into {@code doc}, embedded as subsets (only the glyphs used are written). */
    public static ReportFonts load(PDDocument doc) {
        registerAwt();
        try (InputStream r = open(REGULAR); InputStream b = open(BOLD)) {
            return new ReportFonts(PDType0Font.load(doc, r, true), PDType0Font.load(doc, b, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report fonts", e);
        }
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    public PDFont font(boolean isBold) {
        return isBold ? bold : regular;
    }

    /**
     * Makes {@link #FAMILY} available to Java2D even where the system has no DejaVu (Windows), so that
     * charts and maps measure their text with the very font the PDF embeds. Idempotent; any thread.
     */
    public static void registerAwt() {
        if (awtRegistered) {
            return;
        }
        synchronized (ReportFonts.class) {
            if (awtRegistered) {
                return;
            }
            GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (String res : new String[] {REGULAR, BOLD}) {
                try (InputStream in = open(res)) {
                    ge.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException | FontFormatException e) {
                    throw new IllegalStateException("cannot register " + res, e);
                }
            }
            awtRegistered = true;
        }
    }

    /** A plain or bold AWT font of the report family, {@code size} points. */
    public static Font awt(boolean isBold, float size) {
        registerAwt();
        return new Font(FAMILY, isBold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /**
     * The text drawer of the Graphics2D bridge: every font a chart or map asks for (DejaVu Sans, or a logical
     * font such as SansSerif that JFreeChart uses by default) is written with the embedded DejaVu, bold or
     * not, so chart and map text stays text (selectable, extractable) instead of becoming outlines.
     * One drawer per document; close it after the document is saved.
     */
    public PdfBoxGraphics2DFontTextDrawer textDrawer() {
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer() {
            @Override
            protected PDFont mapFont(Font font, IPdfBoxGraphics2DFontTextDrawer.IFontTextDrawerEnv env) {
                return font.isBold() ? bold : regular;
            }
        };
        drawer.registerFont(FAMILY, regular);
        drawer.registerFont(FAMILY + " Bold", bold);
        return drawer;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ReportFonts.class.getResourceAsStream("/org/santeatlas/reports/" + resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }
}
