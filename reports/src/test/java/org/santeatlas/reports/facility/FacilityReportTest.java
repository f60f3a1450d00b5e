package org.santeatlas.reports.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.reports.DemoWorkspace;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.data.OrgUnitTree;
import org.santeatlas.reports.data.WorkspaceData;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.PdfInspect;

class FacilityReportTest {

    private static Path out(String name) throws Exception {
        String keep = System.getenv("REPORT_KEEP");
        return Path.of(Objects.requireNonNullElse(keep, Files.createTempDirectory("reports").toString())).resolve(name);
    }

    @Test
    void eachFacilityGetsASheetWithItsTwelveMonthsAsStored() throws Exception {
        Path pdf = out("fiches-bodo.pdf");
        int facilities;
        List<String> names = new ArrayList<>();
        String expectedLatest;
        try (Workspace ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY)) {
            try (OutputStream o = Files.newOutputStream(pdf)) {
                facilities = FacilityReport.write(ws, "Bodo", "2025", new ReportText(Locale.ENGLISH), Paper.A4,
                        LocalDate.of(2026, 11, 23), o);
            }
            OrgUnitTree tree = OrgUnitTree.load(ws.connection());
            OrgUnitTree.Unit bodo = tree.atLevel(3).stream().filter(u -> u.name().endsWith("Bodo")).findFirst().orElseThrow();
            tree.facilitiesUnder(bodo).forEach(u -> names.add(u.name()));
            // the December 2025 consultations of the district's first facility, as stored
            WorkspaceData data = new WorkspaceData(ws.connection());
            double[] v = data.monthly(data.dataElements().get(0).uid(), tree.facilitiesUnder(bodo).get(0).id(), null,
                    List.of(YearMonth.of(2025, 12)));
            expectedLatest = Double.isFinite(v[0]) ? String.format(Locale.ENGLISH, "%,.0f", v[0]) : "–";
        }
        assertThat(facilities).isEqualTo(names.size()).isGreaterThan(3);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(facilities + 2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(names).contains("Reporting record", "Health area").contains(expectedLatest);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                assertThat(PdfInspect.imageCount(doc.getPage(i))).isZero();
            }
        }
    }
}
