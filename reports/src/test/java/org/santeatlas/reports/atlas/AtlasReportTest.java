package org.santeatlas.reports.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.map.coverage.CoverageInput;
import org.santeatlas.map.coverage.CoverageRepository;
import org.santeatlas.map.coverage.CoverageResult;
import org.santeatlas.map.coverage.FacilitySelection;
import org.santeatlas.map.coverage.SiteSuggestion;
import org.santeatlas.reports.DemoWorkspace;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.pdf.PdfInspect;

/**
 * The atlas prints the coverage analysis' own figures: the PDF's text, read back with PDFBox, holds for a
 * district and each of its health areas the numbers {@link CoverageAnalysis} computes (run here separately on
 * the same workspace), formatted in the report's language; the sites listed are {@link SiteSuggestion}'s; the
 * facility table's hospital distances are the analysis' ellipsoidal ones.
 */
class AtlasReportTest {

    private static Path out(String name) throws Exception {
        String keep = System.getenv("REPORT_KEEP");
        return Path.of(Objects.requireNonNullElse(keep, Files.createTempDirectory("reports").toString())).resolve(name);
    }

    /** A table row as the text stripper reads it: the cells one space apart. */
    private static String row(String... cells) {
        return String.join(" ", cells);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aDistrictPagePrintsTheCoverageAnalysisFiguresItsAreasAndItsSuggestedSites(String lang) throws Exception {
        ReportText t = new ReportText(Locale.forLanguageTag(lang));
        double radius = lang.equals("fr") ? CoverageAnalysis.DEFAULT_RADIUS : 7_500;
        Path pdf = out("atlas-siza-" + lang + ".pdf");
        CoverageResult r;
        try (Workspace ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY)) {
            try (OutputStream o = Files.newOutputStream(pdf)) {
                assertThat(AtlasReport.write(ws, "Siza", radius, t, Paper.A4, LocalDate.of(2026, 11, 23), o)).isEqualTo(1);
            }
            CoverageInput input = new CoverageRepository(ws.connection()).load(OptionalInt.empty());
            r = CoverageAnalysis.run(input, radius, FacilitySelection.ALL);
        }
        CoverageInput in = r.input();
        int district = r.findUnit("Siza", in.districtLevel()).orElseThrow();
        List<CoverageResult.Stats> areas = r.atLevelWithin(in.areaLevel(), district);
        assertThat(areas).hasSizeGreaterThan(1);
        CoverageResult.Stats d = r.unit(district);
        assertThat(d.population()).isPositive();
        assertThat(d.covered()).isPositive().isLessThan(d.population());

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            String nbsp = t.french() ? "\u202f" : "";
            String km = lang.equals("fr") ? "5" : "7.50";
            // the district's figures, and each area's
            assertThat(text).contains(row(lang.equals("fr") ? "Ensemble du district" : "Whole district",
                    t.format(d.population(), 0), t.format(d.covered(), 0), t.format(d.coveragePercent(), 1) + nbsp + "%",
                    t.format(d.facilities(), 0), t.format(d.facilitiesPer10000(), 2)));
            for (CoverageResult.Stats a : areas) {
                assertThat(text).contains(row(a.name(), t.format(a.population(), 0), t.format(a.covered(), 0),
                        t.percent(a.coveragePercent() / 100, 1), t.format(a.facilities(), 0),
                        t.format(a.facilitiesPer10000(), 2)));
            }
            // the national figures on the overview page
            assertThat(text).contains(row(lang.equals("fr") ? "Ensemble du pays" : "Whole country",
                    t.format(r.total().population(), 0), t.format(r.total().covered(), 0),
                    t.percent(r.total().coveragePercent() / 100, 1), t.format(r.total().facilities(), 0),
                    t.format(r.total().facilitiesPer10000(), 2)));
            assertThat(text).contains(lang.equals("fr") ? "Couverture à 5 km, par aire de santé"
                    : "Coverage within " + km + " km, by health area");
            // the suggested sites, as SiteSuggestion ranks them
            SiteSuggestion.Plan plan = SiteSuggestion.suggest(r, AtlasReport.SITES_PER_DISTRICT, district);
            assertThat(plan.sites()).isNotEmpty();
            int rank = 0;
            for (SiteSuggestion.Site s : plan.sites()) {
                CoverageInput.Locality l = in.localities().get(s.locality());
                assertThat(text).contains(row(Integer.toString(++rank), l.name()));
                assertThat(text).contains(row(t.format(l.population(), 0), t.format(s.gain(), 0),
                        t.format(s.cumulativeCovered(), 0), t.percent(s.cumulativePercent() / 100, 1)));
            }
            // every facility of the district: the population of the covered localities it is nearest to, and its
            // distance to the district hospital from the analysis
            long[] served = new long[in.facilities().size()];
            for (int i = 0; i < in.localities().size(); i++) {
                if (r.isCovered(i)) {
                    served[r.nearestFacility(i)] += in.localities().get(i).population();
                }
            }
            List<String> distances = new ArrayList<>();
            for (int f = 0; f < in.facilities().size(); f++) {
                CoverageInput.Facility x = in.facilities().get(f);
                if (x.unit() >= 0 && r.isWithin(x.unit(), district) && r.hospitalDistance(f).isPresent()) {
                    distances.add(row(t.format(served[f], 0), t.format(r.hospitalDistance(f).getAsDouble() / 1000, 1),
                            in.facilities().get(r.districtHospital(f)).name()));
                }
            }
            assertThat(distances).isNotEmpty();
            assertThat(text).contains(distances);
            assertThat(text).doesNotContain("pas encore disponible", "not yet available");
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                assertThat(PdfInspect.imageCount(doc.getPage(i))).isZero();
            }
            List<String> notEmbedded = new ArrayList<>();
            PdfInspect.forEachFont(doc, (name, font) -> {
                if (!font.isEmbedded()) {
                    notEmbedded.add(name + " " + font.getName());
                }
            });
            assertThat(notEmbedded).isEmpty();
        }
    }

    @Test
    void thePopulationServedSumsToTheCoveredPopulation() throws Exception {
        try (Workspace ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY)) {
            CoverageResult r = CoverageAnalysis.run(new CoverageRepository(ws.connection()).load(OptionalInt.empty()));
            AtlasReport.Figures f = new AtlasReport.Figures(r);
            assertThat(java.util.Arrays.stream(f.served).sum()).isEqualTo(r.total().covered()).isPositive();
            int district = r.input().ancestorAt(r.input().localities().get(0).unit(), r.input().districtLevel());
            assertThat(f.localityIds(district)).contains(r.input().localities().get(0).id())
                    .hasSizeLessThan(r.input().localities().size());
        }
    }
}
