package org.santeatlas.map.layer;

import java.util.List;
import java.util.OptionalInt;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.SymbolStyle;

/**
 * A layer's legend: a title and rows of a key (swatch, symbol or line), a label already in the user's
 * language, and a count where counting makes sense (areas per class, facilities per type). The same value
 * feeds the screen legend and the print one.
 */
public record Legend(String title, List<Row> rows) {

    public Legend {
        rows = List.copyOf(rows);
    }

    /** What a legend row shows left of its label. */
    public sealed interface Key permits Swatch, Symbol, Line {}

    public record Swatch(AreaStyle style) implements Key {}

    public record Symbol(SymbolStyle style) implements Key {}

    public record Line(LineStyle style) implements Key {}

    public record Row(Key key, String label, OptionalInt count) {}
}
