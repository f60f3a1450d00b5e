package org.santeatlas.map.label;

import java.util.Objects;
import org.santeatlas.map.style.TextStyle;

/**
 * A label a layer would like to show: text, anchor in screen pixels, priority (higher is placed first), and
 * where it may go: centred on the anchor (areas) or beside it (points, {@code offsetPx} away from the
 * symbol). {@code maxWidthPx} drops a label wider than its area (0: no limit).
 */
public record LabelCandidate(String text, double x, double y, int priority, TextStyle style, Placement placement,
        double offsetPx, double maxWidthPx) {

    /** Where a label may sit relative to its anchor. */
    public enum Placement {
        /** Centred on the anchor; nowhere else. */
        CENTER,
        /** Right of the anchor, else left, above, below. */
        AROUND_POINT
    }

    public LabelCandidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(placement, "placement");
    }

    public static LabelCandidate centered(String text, double x, double y, int priority, TextStyle style, double maxWidthPx) {
        return new LabelCandidate(text, x, y, priority, style, Placement.CENTER, 0, maxWidthPx);
    }

    public static LabelCandidate besidePoint(String text, double x, double y, int priority, TextStyle style, double offsetPx) {
        return new LabelCandidate(text, x, y, priority, style, Placement.AROUND_POINT, offsetPx, 0);
    }
}
