package org.santeatlas.reports.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for {@link ReportDocument#table}: a header row and text cells, each column a share of the text
 * width; numbers right-aligned. A long table breaks across pages and repeats its header row on each.
 * Cells may carry a background colour (the scorecard's heat table).
 */
public final class Table {

    /** A column: its header, its relative width, whether its cells align right (numbers). */
    public record Column(String header, double weight, boolean right) {
        public Column {
            Objects.requireNonNull(header);
        }

        public static Column text(String header, double weight) {
            return new Column(header, weight, false);
        }

        public static Column number(String header, double weight) {
            return new Column(header, weight, true);
        }
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Color[]> fills = new ArrayList<>();
    private float fontSize = 8.5f;

    public Table(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
        this.columns = List.copyOf(columns);
    }

    public static Table of(Column... columns) {
        return new Table(List.of(columns));
    }

    /** Adds a row; null cells print empty. */
    public Table row(String... cells) {
        return row(cells, null);
    }

    /** Adds a row whose cells have these backgrounds (null: none). */
    public Table row(String[] cells, Color[] cellFills) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + columns.size()
                    + " columns");
        }
        rows.add(cells.clone());
        fills.add(cellFills == null ? null : cellFills.clone());
        return this;
    }

    public Table fontSize(float size) {
        this.fontSize = size;
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String[]> rows() {
        return rows;
    }

    Color fill(int row, int column) {
        Color[] f = fills.get(row);
        return f == null ? null : f[column];
    }

    public float fontSize() {
        return fontSize;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
