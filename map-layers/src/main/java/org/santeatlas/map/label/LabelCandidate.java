package org.santeatlas.map.label;

import java.util.Objects;
import org.santeatlas.map.style.TextStyle;

/**
 * A label a layer would like to show: text, anchor in screen pixels, priority (higher is placed first), and
 * where it may go: centred on the anchor (areas) or beside it (points, {@code offsetPx} away from the
 * symbol). A text wider than {@code maxWidthPx} (0: no limit) gives way to {@code shortText}, and the
 * label is dropped when that is too wide as well.
 */
public record LabelCandidate(String text, String shortText, double x, double y, int priority, TextStyle style,
        Placement placement, double offsetPx, double maxWidthPx) {

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
        shortText = shortText == null ? text : shortText;
    }

    public static LabelCandidate centered(String text, String shortText, double x, double y, int priority,
            TextStyle style, double maxWidthPx) {
        return new LabelCandidate(text, shortText, x, y, priority, style, Placement.CENTER, 0, maxWidthPx);
    }

    public static LabelCandidate besidePoint(String text, double x, double y, int priority, TextStyle style, double offsetPx) {
        return new LabelCandidate(text, text, x, y, priority, style, Placement.AROUND_POINT, offsetPx, 0);
    }
}
