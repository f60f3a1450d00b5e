package org.santeatlas.reports.pdf;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Walks a PDF's resources, nested form XObjects (charts, maps) included. */
public final class PdfInspect {

    private PdfInspect() {
    }

    /** Every font of every page and of the forms drawn on it. */
    public static void forEachFont(PDDocument pdf, BiConsumer<String, PDFont> action) throws IOException {
        for (PDPage p : pdf.getPages()) {
            fonts(p.getResources(), action, 0);
        }
    }

    private static void fonts(PDResources r, BiConsumer<String, PDFont> action, int depth) throws IOException {
        if (r == null || depth > 8) {
            return;
        }
        for (COSName n : r.getFontNames()) {
            action.accept(n.getName(), r.getFont(n));
        }
        for (COSName n : r.getXObjectNames()) {
            PDXObject x = r.getXObject(n);
            if (x instanceof PDFormXObject f) {
                fonts(f.getResources(), action, depth + 1);
            }
        }
    }

    /** Image XObjects on a page, inside its forms too: a vector chart or map has none. */
    public static int imageCount(PDPage page) throws IOException {
        return images(page.getResources(), 0);
    }

    private static int images(PDResources r, int depth) throws IOException {
        if (r == null || depth > 8) {
            return 0;
        }
        int n = 0;
        for (COSName name : r.getXObjectNames()) {
            PDXObject x = r.getXObject(name);
            if (x instanceof PDImageXObject) {
                n++;
            } else if (x instanceof PDFormXObject f) {
                n += images(f.getResources(), depth + 1);
            }
        }
        return n;
    }

    /** Form XObjects directly on a page (each chart or map is one). */
    public static int formCount(PDPage page) throws IOException {
        int n = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDFormXObject) {
                n++;
            }
        }
        return n;
    }
}
