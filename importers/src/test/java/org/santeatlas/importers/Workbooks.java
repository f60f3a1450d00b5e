package org.santeatlas.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small XLSX fixtures the way Excel saves them (POI's usermodel, which is fine for a few rows):
 * text, numbers, dates with a date format, numbers with a display format, and formulas with their
 * cached results. A null cell is left out; a null row is left empty.
 */
public final class Workbooks {

    /** A formula cell; its cached value is computed when the workbook is written. */
    public record Formula(String formula) {
    }

    /** A number shown with a display format, e.g. {@code 0.00} or {@code 00000}. */
    public record Formatted(double value, String format) {
    }

    private Workbooks() {
    }

    public static Path write(Path file, Object[]... rows) throws IOException {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("Feuil1", rows);
        return write(file, sheets);
    }

    public static Path write(Path file, Map<String, Object[][]> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (Map.Entry<String, Object[][]> s : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(s.getKey());
                Object[][] rows = s.getValue();
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        Object v = rows[r][c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof String t) {
                            cell.setCellValue(t);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof Formatted f) {
                            CellStyle style = wb.createCellStyle();
                            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(f.format()));
                            cell.setCellValue(f.value());
                            cell.setCellStyle(style);
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.formula());
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else {
                            throw new IllegalArgumentException(v.getClass().getName());
                        }
                    }
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
