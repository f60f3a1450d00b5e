package org.santeatlas.map.label;

/** A label that found room (or, with a null candidate, an obstacle): the text shown, its baseline origin (x, y) and the box it reserves, screen pixels. */
public record PlacedLabel(LabelCandidate candidate, String text, double x, double y, double boxX, double boxY, double boxWidth,
        double boxHeight) {

    public boolean overlaps(PlacedLabel o) {
        return boxX < o.boxX + o.boxWidth && o.boxX < boxX + boxWidth && boxY < o.boxY + o.boxHeight
                && o.boxY < boxY + boxHeight;
    }
}
