package org.santeatlas.importers;

import java.util.OptionalDouble;

/** Reading coordinates as spreadsheets write them: decimal degrees with a point or a comma. */
public final class Coordinates {

    private Coordinates() {
    }

    public static OptionalDouble parseDecimalDegrees(String text) {
        String s = text.trim().replace(',', '.').replace("°", "");
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
