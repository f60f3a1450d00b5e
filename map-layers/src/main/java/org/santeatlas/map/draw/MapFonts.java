package org.santeatlas.map.draw;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of every map: DejaVu Sans (regular and bold) shipped in this module's resources
 * ({@code org/santeatlas/map/fonts}, Bitstream Vera licence, see {@code LICENSE-DejaVu.txt} beside them), so
 * that a PNG is the same on every machine, every French accent is there, and PDF export can embed the very
 * files the text was measured with. Loaded once; the fonts are immutable and shared by every thread.
 */
public final class MapFonts {

    /** Resource paths of the two TTF files. */
    public static final String REGULAR_TTF = "/org/santeatlas/map/fonts/DejaVuSans.ttf";
    public static final String BOLD_TTF = "/org/santeatlas/map/fonts/DejaVuSans-Bold.ttf";

    private static final Font REGULAR = load(REGULAR_TTF);
    private static final Font BOLD = load(BOLD_TTF);

    private MapFonts() {
    }

    /** The regular or bold face at a size (points of the current user space: reference pixels on a map). */
    public static Font font(boolean bold, double size) {
        return (bold ? BOLD : REGULAR).deriveFont((float) size);
    }

    /** The family name written in SVG text ("DejaVu Sans"). */
    public static String family() {
        return REGULAR.getFamily();
    }

    /** The TTF of a face, for an exporter that embeds it; the caller closes the stream. */
    public static InputStream open(boolean bold) {
        InputStream in = MapFonts.class.getResourceAsStream(bold ? BOLD_TTF : REGULAR_TTF);
        if (in == null) {
            throw new IllegalStateException("font resource missing: " + (bold ? BOLD_TTF : REGULAR_TTF));
        }
        return in;
    }

    /** The PostScript-style font name Java gives a face ("DejaVu Sans", "DejaVu Sans Bold"). */
    public static String fontName(boolean bold) {
        return (bold ? BOLD : REGULAR).getFontName();
    }

    private static Font load(String resource) {
        try (InputStream in = MapFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + resource);
            }
            Font f = Font.createFont(Font.TRUETYPE_FONT, in);
            // Registered so that a Font made by name elsewhere (JFreeSVG's metrics, logical lookups) finds it.
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
