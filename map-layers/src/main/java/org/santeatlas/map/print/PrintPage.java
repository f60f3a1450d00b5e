package org.santeatlas.map.print;

import org.santeatlas.map.draw.MapPainter;

/**
 * Something {@link MapExport} can print: a page designed in reference pixels (1/96 inch) and painted through
 * {@link MapPainter} only, so PNG, SVG and PDF come from the same painting path.
 */
public interface PrintPage {

    /** Paints the whole page; {@code pixelRatio} is device pixels per reference pixel (detail of geometry). */
    void paint(MapPainter painter, double pageWidth, double pageHeight, double pixelRatio);
}
