package org.santeatlas.reports.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.santeatlas.quality.Dimension;
import org.santeatlas.quality.Finding;
import org.santeatlas.quality.reporting.Scorecard;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.dqr.DqrAnalysis;
import org.santeatlas.reports.dqr.DqrReport;
import org.santeatlas.reports.dqr.FindingText;

/**
 * The DQR tables as an XLSX workbook (Apache POI), one sheet per table, laid out to paste into the
 * ministry's annual data-quality report card: scorecard, completeness and timeliness, outliers, consistency.
 * Header rows bold on grey and frozen; numbers are numbers (shares as 0–1 with a percent format, counts
 * and values as plain numbers), so the sheet computes and sorts. The same engine figures as the PDF.
 */
public final class DqrWorkbook {

    private DqrWorkbook() {
    }

    public static void write(DqrAnalysis.Result r, ReportText t, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            scorecard(wb.createSheet(t.get("xlsx.scorecard")), r, t, s);
            completeness(wb.createSheet(t.get("xlsx.completeness")), r, t, s);
            outliers(wb.createSheet(t.get("xlsx.outliers")), r, t, s);
            consistency(wb.createSheet(t.get("xlsx.consistency")), r, t, s);
            wb.write(out);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle percent;
        final CellStyle decimal;
        final CellStyle integer;

        Styles(XSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.000"));
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        }
    }

    private static void header(Sheet sheet, Styles s, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names[i]);
            c.setCellStyle(s.header);
            sheet.setColumnWidth(i, Math.max(12, Math.min(50, names[i].length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void number(Row row, int col, double v, CellStyle style) {
        Cell c = row.createCell(col);
        if (Double.isFinite(v)) {
            c.setCellValue(v);
            c.setCellStyle(style);
        }
    }

    private static void text(Row row, int col, String v) {
        row.createCell(col).setCellValue(v == null ? "" : v);
    }

    private static void scorecard(Sheet sheet, DqrAnalysis.Result r, ReportText t, Styles s) {
        List<Dimension> dims = r.scorecard().dimensions();
        String[] names = new String[dims.size() + 2];
        names[0] = t.get("col.district");
        for (int i = 0; i < dims.size(); i++) {
            names[i + 1] = t.get("dimension." + dims.get(i).id());
        }
        names[names.length - 1] = t.get("dqr.overall");
        header(sheet, s, names);
        sheet.setColumnWidth(0, 36 * 256);
        int n = 1;
        for (Scorecard.Row row : r.scorecard().districts()) {
            scoreRow(sheet.createRow(n++), row.name(), row, dims, s);
        }
        scoreRow(sheet.createRow(n), t.get("dqr.country"), r.scorecard().country(), dims, s);
    }

    private static void scoreRow(Row x, String name, Scorecard.Row row, List<Dimension> dims, Styles s) {
        text(x, 0, name);
        for (int i = 0; i < dims.size(); i++) {
            number(x, i + 1, row.score(dims.get(i)), s.percent);
        }
        number(x, dims.size() + 1, row.overall(), s.percent);
    }

    private static void completeness(Sheet sheet, DqrAnalysis.Result r, ReportText t, Styles s) {
        header(sheet, s, t.get("col.district"), t.get("chart.completeness"), t.get("chart.timeliness"),
                t.get("param.completeness"), t.get("param.timeliness"));
        sheet.setColumnWidth(0, 36 * 256);
        int n = 1;
        for (Scorecard.Row row : r.scorecard().districts()) {
            Row x = sheet.createRow(n++);
            text(x, 0, row.name());
            number(x, 1, row.score(Dimension.COMPLETENESS), s.percent);
            number(x, 2, row.score(Dimension.TIMELINESS), s.percent);
            number(x, 3, r.parameters().completenessThreshold(), s.percent);
            number(x, 4, r.parameters().timelinessThreshold(), s.percent);
        }
    }

    private static void outliers(Sheet sheet, DqrAnalysis.Result r, ReportText t, Styles s) {
        header(sheet, s, t.get("col.facility"), t.get("col.dataElement"), t.get("col.period"), t.get("col.value"),
                t.get("xlsx.expectedLow"), t.get("xlsx.expectedHigh"), t.get("col.severity"), t.get("xlsx.method"),
                t.get("xlsx.score"));
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 30 * 256);
        int n = 1;
        for (Finding f : DqrReport.outliers(r)) {
            Row x = sheet.createRow(n++);
            text(x, 0, r.tree().name(f.orgUnit()));
            text(x, 1, r.data().dataElementName(f.dataElement()));
            text(x, 2, f.period());
            number(x, 3, FindingText.number(f.value()), s.integer);
            double[] range = FindingText.range(f.expected());
            number(x, 4, range[0], s.integer);
            number(x, 5, range[1], s.integer);
            text(x, 6, t.get("severity." + f.severity().id()));
            text(x, 7, f.method());
            number(x, 8, f.score(), s.decimal);
        }
    }

    private static void consistency(Sheet sheet, DqrAnalysis.Result r, ReportText t, Styles s) {
        header(sheet, s, t.get("xlsx.kind"), t.get("xlsx.item"), t.get("col.district"), t.get("col.current"),
                t.get("col.reference"), t.get("col.ratio"), t.get("col.nationalRatio"));
        sheet.setColumnWidth(1, 30 * 256);
        sheet.setColumnWidth(2, 36 * 256);
        int n = 1;
        for (Map.Entry<String, List<DqrAnalysis.DistrictRatio>> e : r.overTimeSpread().entrySet()) {
            for (DqrAnalysis.DistrictRatio d : e.getValue()) {
                Row x = sheet.createRow(n++);
                text(x, 0, t.get("dimension.consistency-over-time"));
                text(x, 1, r.data().dataElementName(e.getKey()));
                text(x, 2, d.district());
                number(x, 3, d.current(), s.integer);
                number(x, 4, d.reference(), s.integer);
                number(x, 5, d.ratio(), s.decimal);
                number(x, 6, d.national(), s.decimal);
            }
        }
        for (Map.Entry<String, List<DqrAnalysis.DistrictRatio>> e : r.internal().entrySet()) {
            for (DqrAnalysis.DistrictRatio d : e.getValue()) {
                Row x = sheet.createRow(n++);
                text(x, 0, t.get("dimension.internal-consistency"));
                text(x, 1, e.getKey());
                text(x, 2, d.district());
                number(x, 5, d.ratio(), s.decimal);
                number(x, 6, d.national(), s.decimal);
            }
        }
    }
}
