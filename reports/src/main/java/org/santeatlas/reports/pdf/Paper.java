package org.santeatlas.reports.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Paper sizes a report prints on: A4 by default (West Africa), US Letter on request. */
public enum Paper {
    A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

    private final PDRectangle portrait;

    Paper(PDRectangle portrait) {
        this.portrait = portrait;
    }

    /** The page box in points (1/72 inch), turned for landscape. */
    public PDRectangle box(Orientation o) {
        return o == Orientation.PORTRAIT ? portrait : new PDRectangle(portrait.getHeight(), portrait.getWidth());
    }
}
