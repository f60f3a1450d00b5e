package org.santeatlas.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.map.MapViewModel;
import org.santeatlas.app.map.MapViewModel.LevelChoice;
import org.santeatlas.app.map.MapViewModel.ThemeItem;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.MapRequest.ThemeKind;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The data picker's other themes (indicator, reporting rate, quality score), the on-screen legend, the
 * classification controls and the choropleth level, then the map exported as PDF, SVG and PNG through the
 * print path — on the fictional demo, headless, in French, driven through the sidebar's controls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapToolsWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path dir;

    static SanteAtlasApplication application;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openDemo() throws Exception {
        Path demo = dir.resolve("demo");
        DemoWorkspaces.build(demo, DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, s -> { });
        FxToolkit.registerPrimaryStage();
        application = (SanteAtlasApplication) FxToolkit.setupApplication(SanteAtlasApplication.class,
                DesktopLauncher.Target.demo(demo).toArguments().toArray(String[]::new));
        robot.interact(() -> {
            Stage s = (Stage) application.view().root().getScene().getWindow();
            s.setWidth(1366);
            s.setHeight(768);
        });
        waitFor(() -> map().dataProperty().get() != null && map().viewport() != null);
    }

    @AfterAll
    static void close() throws TimeoutException {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
    }

    static MapViewModel map() {
        return application.shell().map();
    }

    @SuppressWarnings("unchecked")
    static <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) robot.lookup("#" + id).queryAs(ComboBox.class);
    }

    @Test
    @Order(1)
    void pickerOffersIndicatorsReportingRatesAndQualityBesideDataElements() {
        List<ThemeItem> items = combo("theme-item").getItems().stream().map(ThemeItem.class::cast).toList();
        assertThat(items).extracting(ThemeItem::kind).contains(ThemeKind.DATA_ELEMENT, ThemeKind.INDICATOR,
                ThemeKind.REPORTING_RATE, ThemeKind.QUALITY);
    }

    @Test
    @Order(2)
    void choosingAnIndicatorShowsItsChoroplethAndALegendCountingEveryDistrict() throws Exception {
        ThemeItem indicator = item(ThemeKind.INDICATOR);
        robot.interact(() -> {
            combo("theme-item").setValue(indicator);
            map().periodProperty().set(map().periods().get(map().periods().size() / 2));
        });
        waitFor(() -> map().legendProperty().get() != null && map().themeStatusProperty().get().contains(indicator.name()));
        Legend legend = map().legendProperty().get();
        ChoroplethLayer layer = theme();
        int districts = map().dataProperty().get().districts().size();
        assertThat(legend.rows().stream().mapToInt(r -> r.count().orElse(0)).sum())
                .as("every district in one legend row").isEqualTo(districts);
        // The legend on screen is the layer's: the same rows, the same counts.
        List<String> shown = legendTexts();
        List<String> expected = new ArrayList<>();
        for (Legend.Row r : legend.rows()) {
            expected.add(r.label() + " " + map().formatNumber(r.count().orElse(0)));
        }
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(layer.classification().classCount()).isGreaterThan(1);
        int before = classRows(legend);

        robot.interact(() -> {
            combo("class-method").setValue(org.santeatlas.map.theme.ClassificationMethod.QUANTILES);
            combo("class-count").setValue(3);
        });
        waitFor(() -> theme() != layer && theme().classification().classCount() == 3
                && classRows(map().legendProperty().get()) == 3);
        assertThat(before).as("Jenks in 5 classes before").isEqualTo(5);
        assertThat(legendTexts()).hasSize(map().legendProperty().get().rows().size());
        assertThat(map().legendProperty().get().title()).contains("quantiles");
    }

    @Test
    @Order(3)
    void healthAreasLevelClassesEveryArea() throws Exception {
        int areas = map().dataProperty().get().areas().size();
        assertThat(areas).isGreaterThan(map().dataProperty().get().districts().size());
        robot.interact(() -> combo("theme-level").setValue(LevelChoice.AREA));
        waitFor(() -> theme().classification() != null
                && map().legendProperty().get().rows().stream().mapToInt(r -> r.count().orElse(0)).sum() == areas);
        assertThat(map().districtValues()).hasSize(areas);
        MainWindowTest.screenshot(application.view().root().getScene(), "theme-indicator-areas");
        robot.interact(() -> combo("theme-level").setValue(LevelChoice.DISTRICT));
        int districts = map().dataProperty().get().districts().size();
        waitFor(() -> map().legendProperty().get().rows().stream().mapToInt(r -> r.count().orElse(0)).sum() == districts);
    }

    @Test
    @Order(4)
    void reportingRateIsAPercentageAndQualityWithoutARunSaysWhatToDo() throws Exception {
        ThemeItem rate = item(ThemeKind.REPORTING_RATE);
        robot.interact(() -> combo("theme-item").setValue(rate));
        waitFor(() -> map().themeStatusProperty().get().contains(rate.name()) && map().legendProperty().get() != null);
        ChoroplethLayer layer = theme();
        for (int i = 0; i < map().dataProperty().get().districts().size(); i++) {
            double v = layer.value(i);
            assertThat(Double.isNaN(v) || v >= 0 && v <= 100.0001).as("reporting rate %s", v).isTrue();
        }
        MainWindowTest.screenshot(application.view().root().getScene(), "theme-reporting-rate");

        ThemeItem quality = item(ThemeKind.QUALITY);
        robot.interact(() -> combo("theme-item").setValue(quality));
        String expected = map().messages().get("map.error.map.noQualityRun");
        waitFor(() -> map().themeStatusProperty().get().equals(expected));
        assertThat(map().legendProperty().get()).isNull();
        assertThat(map().model().entry(MapViewModel.DISTRICTS).orElseThrow().layer()).isNotInstanceOf(ChoroplethLayer.class);
    }

    @Test
    @Order(5)
    void exportWritesTheCurrentThemeAsPdfSvgAndPng() throws Exception {
        ThemeItem indicator = item(ThemeKind.INDICATOR);
        robot.interact(() -> combo("theme-item").setValue(indicator));
        waitFor(() -> map().legendProperty().get() != null && map().themeStatusProperty().get().contains(indicator.name()));

        Path pdf = export(dir.resolve("carte.pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(indicator.name());
            // The quantile classes of the view, not the print path's default Jenks.
            assertThat(text).containsIgnoringCase("quantiles");
        }
        Path svg = export(dir.resolve("carte.svg"));
        assertThat(Files.readString(svg)).contains("<svg").contains(indicator.name());
        Path png = export(dir.resolve("carte.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(ShellViewModel.EXPORT_WIDTH);
        assertThat(ShellView.withExtension(dir.resolve("carte"), ".pdf")).isEqualTo(dir.resolve("carte.pdf"));
        assertThat(ShellView.withExtension(dir.resolve("carte.SVG"), ".pdf")).isEqualTo(dir.resolve("carte.SVG"));
    }

    @Test
    @Order(6)
    void reportsDialogWritesTheSelectedDistrictsReviewAsPdfAndExplainsAnUnknownPeriod() throws Exception {
        org.santeatlas.map.data.MapFeature district = map().dataProperty().get().districts().get(1);
        robot.interact(() -> map().select(district.uid()));
        robot.clickOn("Rapports");
        robot.clickOn("#menu-report-dqr");
        waitFor(() -> robot.lookup("#reports-dialog").tryQuery().isPresent());
        ComboBox<?> districts = combo("reports-district");
        assertThat(districts.getConverter() == null ? null : String.valueOf(districts.getValue())).contains(district.name());
        Path folder = dir.resolve("rapports");
        robot.interact(() -> {
            robot.lookup("#reports-folder").queryAs(javafx.scene.control.TextField.class).setText(folder.toString());
            combo("reports-period").getEditor().setText("1999");
        });
        robot.clickOn("#reports-generate");
        Label result = robot.lookup("#reports-result").queryAs(Label.class);
        waitFor(() -> result.getText().contains("1999") && !robot.lookup("#reports-progress").query().isVisible());
        assertThat(result.getText()).startsWith("Pas de données pour la période « 1999 »");
        assertThat(result.getStyleClass()).contains("error-message");

        String year = Integer.toString(map().periods().get(0).startDate().getYear());
        robot.interact(() -> combo("reports-period").getEditor().setText(year));
        robot.clickOn("#reports-generate");
        waitFor(() -> result.getText().endsWith(".pdf"));
        Path pdf;
        try (var files = Files.list(folder)) {
            pdf = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        assertThat(result.getText()).isEqualTo(map().messages().get("reports.done", pdf.toString()));
        assertThat(pdf.getFileName().toString()).startsWith("revue-qualite-").endsWith("-" + year + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(doc)).contains(district.name());
        }
        assertThat(robot.lookup("#reports-open-folder").query().isVisible()).isTrue();
        MainWindowTest.screenshot(robot.lookup("#reports-dialog").query().getScene(), "reports-dialog");
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#reports-dialog").query().getScene().getWindow()).close());
    }

    @Test
    @Order(7)
    void coverageToggleDrawsDiscsAroundFacilitiesAndTheAreaCardShowsCoveredPopulation() throws Exception {
        robot.interact(() -> {
            combo("theme-item").setValue(null);
            map().clearSelection();
        });
        MapViewModel.MapData data = map().dataProperty().get();
        // The facility farthest from the others: its disc is not hidden under a neighbour's.
        int f = 0;
        double best = -1;
        for (int i = 0; i < data.facilities().features().size(); i++) {
            var c = data.facilities().features().get(i).world().getCoordinate();
            double nearest = Double.MAX_VALUE;
            for (int j = 0; j < data.facilities().features().size(); j++) {
                if (j != i) {
                    nearest = Math.min(nearest, c.distance(data.facilities().features().get(j).world().getCoordinate()));
                }
            }
            if (nearest > best) {
                best = nearest;
                f = i;
            }
        }
        var at = data.facilities().features().get(f).world().getCoordinate();
        robot.interact(() -> {
            org.santeatlas.map.view.Viewport v = map().viewport();
            // 100 m per pixel: a 5 km disc is about 50 px (more in Web Mercator) around the facility.
            map().viewportProperty().set(org.santeatlas.map.view.Viewport.of(at.x, at.y, 100, v.width(), v.height()));
        });
        int[] before = ring(at);
        robot.interact(() -> robot.lookup("#coverage-toggle").queryAs(javafx.scene.control.CheckBox.class).fire());
        waitFor(() -> map().coverageProperty().get() != null
                && map().model().entry(MapViewModel.COVERAGE).isPresent());
        int[] after = ring(at);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed++;
            }
        }
        assertThat(changed).as("pixels 15–35 px from the facility changed by its disc").isGreaterThan(before.length * 3 / 4);

        org.santeatlas.map.coverage.CoverageResult result = map().coverageProperty().get();
        assertThat(result.radiusMetres()).isEqualTo(application.shell().settings().radiusKm() * 1000);
        org.santeatlas.map.data.MapFeature district = data.districts().get(0);
        robot.interact(() -> map().focusOn(district.uid()));
        var stats = result.unit(result.input().unitIndex(district.uid()));
        String covered = java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(stats.covered());
        waitFor(() -> application.shell().details().detailsProperty().get() != null
                && application.shell().details().detailsProperty().get().facts().stream()
                        .anyMatch(x -> x.label().equals("Population couverte") && x.value().equals(covered)));
        assertThat(application.shell().details().detailsProperty().get().facts())
                .anyMatch(x -> x.label().startsWith("Couverture (") && x.value().endsWith(" %"));
        MainWindowTest.screenshot(application.view().root().getScene(), "coverage-area-card");

        robot.interact(() -> robot.lookup("#coverage-toggle").queryAs(javafx.scene.control.CheckBox.class).fire());
        waitFor(() -> map().model().entry(MapViewModel.COVERAGE).isEmpty());
        robot.interact(() -> {
            org.santeatlas.map.view.Viewport v = map().viewport();
            map().viewportProperty().set(org.santeatlas.map.view.Viewport.of(at.x, at.y, 100, v.width(), v.height()));
        });
        assertThat(ring(at)).isEqualTo(before);
    }

    /** The canvas's pixels on a ring 15–35 px around a world point, painted now. */
    private static int[] ring(org.locationtech.jts.geom.Coordinate world) {
        List<Integer> out = new ArrayList<>();
        robot.interact(() -> {
            application.view().mapView().paintNow();
            javafx.scene.canvas.Canvas c = application.view().mapView().canvas();
            javafx.scene.image.WritableImage img = c.snapshot(null, null);
            org.santeatlas.map.view.Viewport v = map().viewport();
            double cx = v.screenX(world.x);
            double cy = v.screenY(world.y);
            for (int dy = -35; dy <= 35; dy += 2) {
                for (int dx = -35; dx <= 35; dx += 2) {
                    double r = Math.hypot(dx, dy);
                    if (r >= 15 && r <= 35) {
                        out.add(img.getPixelReader().getArgb((int) (cx + dx), (int) (cy + dy)));
                    }
                }
            }
        });
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Path export(Path file) throws TimeoutException {
        AtomicReference<String> done = new AtomicReference<>();
        robot.interact(() -> application.shell().exportMap(file, done::set));
        waitFor(() -> done.get() != null);
        assertThat(done.get()).isEqualTo(map().messages().get("export.done", file.toString()));
        return file;
    }

    private static int classRows(Legend legend) {
        String noData = new org.santeatlas.map.MapMessages(map().messages().locale()).get("legend.noData");
        return (int) legend.rows().stream().filter(r -> !r.label().equals(noData)).count();
    }

    private static List<String> legendTexts() {
        VBox box = robot.lookup("#legend").queryAs(VBox.class);
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (Node line : box.getChildren()) {
                if (line instanceof javafx.scene.layout.HBox h) {
                    out.add(((Label) h.getChildren().get(1)).getText() + " " + ((Label) h.getChildren().get(2)).getText());
                }
            }
        });
        return out;
    }

    private static ChoroplethLayer theme() {
        return map().model().entry(MapViewModel.DISTRICTS).orElseThrow().layer() instanceof ChoroplethLayer c ? c : null;
    }

    private static ThemeItem item(ThemeKind kind) {
        return map().dataProperty().get().themeItems().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
            Boolean[] ok = {false};
            robot.interact(() -> {
                try {
                    ok[0] = condition.call();
                } catch (Exception e) {
                    ok[0] = false;
                }
            });
            return ok[0];
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
