package org.santeatlas.importers;

import java.util.List;

/**
 * One row of a spreadsheet-like file (CSV or XLSX) as text, the way the user sees it.
 *
 * @param line  where the row is in its file, for {@code file:line} messages: the CSV line the record ended
 *              on, or the spreadsheet's row number (1-based)
 * @param cells the row's cells in column order; missing trailing cells are simply absent
 */
public record TableRow(long line, List<String> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell of a column, empty text when the row is shorter. */
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    public int size() {
        return cells.size();
    }

    /** Whether every cell is blank (spreadsheets keep formatted but empty rows). */
    public boolean isBlank() {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
