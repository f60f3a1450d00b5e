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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.santeatlas.app.demo.DemoWorkspaces;
import org.santeatlas.app.map.MapViewModel;
import org.santeatlas.app.quality.QualityViewModel;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapDataRepository.DataElementInfo;
import org.santeatlas.map.layer.ChoroplethLayer;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.view.Viewport;
import org.santeatlas.quality.Dimension;
import org.santeatlas.testdata.DemoGenerator;
import org.santeatlas.testdata.DemoSize;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the fictional demo, as a user drives it (headless Monocle, French): the districts'
 * colours, hover and click on a facility, the quality checks and their findings, a damaged import, the
 * switch to English; then screenshots of the window and its dialogs under {@code target/screenshots}.
 * One application for the class, in order: each step builds on the state the previous one left, as a
 * user's session does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    static Path demo;
    static String swappedUid;
    static SanteAtlasApplication application;
    static final FxRobot robot = new FxRobot();
    /** The facility hovered and clicked: the most isolated one, so that no neighbour is nearer the cursor. */
    static int facility = -1;
    static final java.util.Map<String, Integer> SEEN = new java.util.TreeMap<>();

    @BeforeAll
    static void openDemo() throws Exception {
        demo = dir.resolve("demo");
        var build = DemoWorkspaces.build(demo, DemoSize.DEMO, DemoGenerator.DEFAULT_SEED, s -> { });
        String truth = Files.readString(build.files().groundTruthJson());
        Matcher m = Pattern.compile("\"swappedCoordinates\"\\s*:\\s*\\[\\s*\\{\\s*\"orgUnit\"\\s*:\\s*\"(\\w+)\"").matcher(truth);
        assertThat(m.find()).as("the demo plants a swapped-coordinates facility").isTrue();
        swappedUid = m.group(1);
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

    static ShellViewModel shell() {
        return application.shell();
    }

    static MapViewModel map() {
        return shell().map();
    }

    @Test
    @Order(1)
    void districtFillsMatchTheClassOfTheirMalariaValueForTheMonth() throws Exception {
        MapViewModel.MapData data = map().dataProperty().get();
        assertThat(data.districts().size()).as("districts on the map").isGreaterThan(2);
        DataElementInfo malaria = data.dataElements().stream().filter(d -> "SNIS_PALU_CONF".equals(d.code()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            map().itemProperty().set(malaria);
            map().periodProperty().set(map().periods().get(map().periods().size() / 2));
        });
        waitFor(() -> map().model().entry(MapViewModel.DISTRICTS).orElseThrow().layer() instanceof ChoroplethLayer c
                && c.classification().classCount() > 1);
        ChoroplethLayer layer = (ChoroplethLayer) map().model().entry(MapViewModel.DISTRICTS).orElseThrow().layer();
        robot.interact(() -> map().home());
        WritableImage image = paintAndSnapshot();
        Viewport v = map().viewport();

        int checked = 0;
        List<String> colours = new ArrayList<>();
        for (int d = 0; d < data.districts().size(); d++) {
            Rgba expected = layer.fillOf(d);
            colours.add(expected.toHex());
            SEEN.clear();
            double share = shareOfSamplesWithColour(image, v, data, d, expected);
            if (!Double.isNaN(share)) {
                // Labels and facility symbols cover some samples: the district's commonest colour is its class's.
                String commonest = SEEN.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat("#" + commonest).as("commonest colour of %s (%s)", data.districts().get(d).name(), SEEN)
                        .isEqualToIgnoringCase(expected.toHex());
                assertThat(share).as("share of %s in its class colour", data.districts().get(d).name()).isGreaterThan(0.3);
                checked++;
            }
        }
        assertThat(checked).as("districts large enough to sample").isGreaterThan(2);
        assertThat(colours.stream().distinct().count()).as("classes shown").isGreaterThan(1);
        assertThat(robot.lookup("#period-label").queryAs(Label.class).getText())
                .isEqualTo(map().periodLabel(map().periodProperty().get()));
    }

    @Test
    @Order(2)
    void hoveringAFacilityShowsItsNameTypeAndValue() throws Exception {
        FeatureSet facilities = map().dataProperty().get().facilities().features();
        facility = mostIsolated(facilities);
        String uid = facilities.get(facility).uid();
        robot.interact(() -> {
            map().focusOn(uid);
            map().clearSelection();
        });
        Point2D screen = screenPointOf(facilities.get(facility).world().getCoordinate());
        robot.moveTo(screen.add(30, 30));
        robot.moveTo(screen);
        waitFor(() -> robot.lookup("#map-tooltip").query().isVisible());

        String tip = robot.lookup("#map-tooltip").queryAs(Label.class).getText();
        String[] lines = tip.split("\n");
        assertThat(lines[0]).isEqualTo(facilities.get(facility).name());
        assertThat(lines[1]).isEqualTo(map().typeName(facilities.get(facility).category()));
        assertThat(lines[2]).startsWith(map().itemProperty().get().label() + ", "
                + map().periodLabel(map().periodProperty().get()) + " : ");
    }

    @Test
    @Order(3)
    void clickingTheFacilityShowsItsDetails() throws Exception {
        FeatureSet facilities = map().dataProperty().get().facilities().features();
        Point2D screen = screenPointOf(facilities.get(facility).world().getCoordinate());
        robot.clickOn(screen);
        waitFor(() -> robot.lookup("#details-title").tryQuery().isPresent());

        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo(facilities.get(facility).name());
        assertThat(map().selectionProperty().get().feature().uid()).isEqualTo(facilities.get(facility).uid());
        assertThat(robot.lookup("#details-sparkline").tryQuery()).isPresent();
    }

    @Test
    @Order(4)
    void runningTheChecksFillsTheScorecardAndFindsTheSwappedFacilityWhichTheMapThenCentres() throws Exception {
        QualityViewModel quality = shell().quality();
        robot.clickOn("#quality-run");
        waitFor(() -> !quality.runningProperty().get(), 240);
        assertThat(quality.rows()).as(quality.statusProperty().get()).isNotEmpty();

        GridPane card = robot.lookup("#scorecard").queryAs(GridPane.class);
        assertThat(quality.scorecardProperty().get().districts()).isNotEmpty();
        assertThat(card.getChildren().size()).as("scorecard cells")
                .isGreaterThan(quality.scorecardProperty().get().districts().size() * 2);
        @SuppressWarnings("unchecked")
        TableView<QualityViewModel.Row> table = robot.lookup("#findings-table").queryAs(TableView.class);
        QualityViewModel.Row swapped = table.getItems().stream()
                .filter(r -> swappedUid.equals(r.finding().orgUnit()) && r.finding().dimension() == Dimension.GEOGRAPHY)
                .findFirst().orElseThrow(() -> new AssertionError("no geographic finding on " + swappedUid));

        // ControlsFX's column filter, as a right-click on the Dimension header would set it.
        var filter = application.view().qualityView().tableFilter();
        var dimensionColumn = table.getColumns().get(1);
        robot.interact(() -> {
            filter.unSelectAllValues(dimensionColumn);
            filter.selectValue(dimensionColumn, "Géographie");
            filter.executeFilter();
        });
        assertThat(table.getItems()).isNotEmpty().contains(swapped)
                .allSatisfy(r -> assertThat(r.finding().dimension()).isEqualTo(Dimension.GEOGRAPHY));
        assertThat(table.getItems().size()).isLessThan(quality.rows().size());

        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(swapped);
            table.scrollTo(swapped);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Coordinate at = map().selectionProperty().get().feature().world().getCoordinate();
        assertThat(map().selectionProperty().get().feature().uid()).isEqualTo(swappedUid);
        assertThat(map().viewport().centerX()).isCloseTo(at.x, org.assertj.core.data.Offset.offset(1.0));
        assertThat(map().viewport().centerY()).isCloseTo(at.y, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    @Order(5)
    void aDamagedFileShowsItsLineAndLeavesTheCountsAsTheyWere() throws Exception {
        List<String> before = counts();
        Path file = Files.writeString(dir.resolve("registry.csv"), "code;nom;type;latitude;longitude\nSC-X-1;;CSI;13.5;2.1\n");
        robot.interact(() -> application.view().openImport(List.of(file)));
        waitFor(() -> robot.lookup("#import-files").tryQuery().isPresent());
        waitFor(() -> !robot.lookup("#import-start").queryButton().isDisabled());
        robot.clickOn("#import-start");
        waitFor(() -> robot.lookup("#import-problems").queryAs(TextArea.class).getText().contains("registry.csv"));

        String problems = robot.lookup("#import-problems").queryAs(TextArea.class).getText();
        assertThat(problems).contains("registry.csv:2: ");
        assertThat(robot.lookup("#import-created").queryAs(Label.class).getText()).isEqualTo("0");
        screenshot(robot.lookup("#import-wizard").query().getScene(), "import-result");
        robot.interact(() -> robot.lookup("#import-wizard").query().getScene().getWindow().hide());
        robot.interact(() -> shell().summary().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !counts().isEmpty());
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void switchingToEnglishChangesTheMenusAndKeepsTheSelectionAndTheData() throws Exception {
        String selected = map().selectionProperty().get().feature().uid();
        DataElementInfo item = map().itemProperty().get();
        assertThat(robot.lookup("Espace de travail").tryQuery()).isPresent();

        robot.clickOn("Langue");
        robot.clickOn("English");
        waitFor(() -> robot.lookup("Workspace").tryQuery().isPresent());

        assertThat(robot.lookup("Data").tryQuery()).isPresent();
        assertThat(robot.lookup("Help").tryQuery()).isPresent();
        assertThat(robot.lookup("Espace de travail").tryQuery()).isEmpty();
        assertThat(map().selectionProperty().get().feature().uid()).isEqualTo(selected);
        assertThat(map().itemProperty().get()).isEqualTo(item);
        assertThat(robot.lookup("#quality-run").queryButton().getText()).isEqualTo("Run checks");
        waitFor(() -> robot.lookup("#details-title").tryQuery().isPresent());
        robot.interact(() -> shell().setLanguage(java.util.Locale.FRANCE));
        waitFor(() -> robot.lookup("Espace de travail").tryQuery().isPresent());
    }

    @Test
    @Order(7)
    void screenshotsOfTheWindowAndItsDialogs() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        robot.interact(() -> map().home());
        waitFor(() -> robot.lookup("#details-title").tryQuery().isPresent());
        Scene main = application.view().root().getScene();
        assertThat(main.getWidth()).isEqualTo(1366);
        assertThat(main.getHeight()).isEqualTo(768);
        screenshot(main, "main-window");

        for (String[] menu : new String[][] {{"Aide", "menu-about", "about-dialog"},
                {"Aide", "menu-shortcuts", "shortcuts-dialog"}, {"Aide", "menu-sources", "sources-dialog"},
                {"Données", "menu-pull", "pull-dialog"}}) {
            robot.clickOn(menu[0]);
            robot.clickOn("#" + menu[1]);
            waitFor(() -> robot.lookup("#" + menu[2]).tryQuery().isPresent());
            Node pane = robot.lookup("#" + menu[2]).query();
            screenshot(pane.getScene(), menu[2]);
            robot.interact(() -> pane.getScene().getWindow().hide());
        }
        robot.interact(() -> {
            var d = new org.santeatlas.app.settings.SettingsDialog(shell().settings(), shell().messages(),
                    main.getWindow());
            d.dialog().show();
        });
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        Node settings = robot.lookup("#settings-dialog").query();
        screenshot(settings.getScene(), "settings-dialog");
        robot.interact(() -> settings.getScene().getWindow().hide());

        robot.interact(() -> application.view().openImport(List.of(demo.resolve("metadata.json"),
                demo.resolve("dataValueSets.json"), demo.resolve("registry.csv"))));
        waitFor(() -> robot.lookup("#import-files").tryQuery().isPresent()
                && !robot.lookup("#import-files").queryListView().getItems().isEmpty()
                && robot.lookup("#import-files").queryListView().getItems().stream()
                        .allMatch(e -> ((org.santeatlas.app.importing.ImportViewModel.FileEntry) e).detected()));
        Node wizard = robot.lookup("#import-wizard").query();
        screenshot(wizard.getScene(), "import-choose");
        robot.interact(() -> wizard.getScene().getWindow().hide());

        for (String name : List.of("main-window", "about-dialog", "shortcuts-dialog", "sources-dialog", "pull-dialog",
                "settings-dialog", "import-choose", "import-result")) {
            BufferedImage png = ImageIO.read(SCREENSHOTS.resolve(name + ".png").toFile());
            assertThat(png).as(name).isNotNull();
            assertThat(png.getWidth()).as(name).isGreaterThan(200);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static List<String> counts() {
        List<String> out = new ArrayList<>();
        for (WorkspaceSummaryViewModel.Count c : shell().summary().counts()) {
            out.add(c.id() + "=" + c.value());
        }
        return out;
    }

    /** Paints the canvas now and returns its pixels. */
    private static WritableImage paintAndSnapshot() {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> {
            application.view().mapView().paintNow();
            Canvas c = application.view().mapView().canvas();
            out[0] = c.snapshot(null, null);
        });
        return out[0];
    }

    /**
     * The share of sample pixels of district d that have its expected colour: a grid over the district, kept
     * at least 6 px inside it and 12 px from any facility and from its label's anchor. NaN when the district
     * is too small on screen to sample.
     */
    private static double shareOfSamplesWithColour(WritableImage image, Viewport v, MapViewModel.MapData data, int d,
            Rgba expected) {
        Geometry g = data.districts().get(d).world();
        GeometryFactory f = new GeometryFactory();
        Geometry boundary = g.getBoundary();
        Coordinate label = g.getInteriorPoint().getCoordinate();
        PixelReader px = image.getPixelReader();
        var e = g.getEnvelopeInternal();
        int total = 0;
        int matching = 0;
        for (int i = 1; i < 24; i++) {
            for (int j = 1; j < 24; j++) {
                double wx = e.getMinX() + e.getWidth() * i / 24;
                double wy = e.getMinY() + e.getHeight() * j / 24;
                var p = f.createPoint(new Coordinate(wx, wy));
                if (!g.contains(p) || boundary.distance(p) / v.resolution() < 6
                        || Math.abs(wy - label.y) / v.resolution() < 14) {
                    continue;
                }
                double r = 12 * v.resolution();
                if (data.facilities().features().query(new org.locationtech.jts.geom.Envelope(wx - r, wx + r, wy - r,
                        wy + r)).length > 0) {
                    continue;
                }
                int sx = (int) Math.round(v.screenX(wx));
                int sy = (int) Math.round(v.screenY(wy));
                if (sx < 0 || sy < 0 || sx >= image.getWidth() || sy >= image.getHeight()) {
                    continue;
                }
                int argb = px.getArgb(sx, sy);
                total++;
                SEEN.merge(String.format("%06x", argb & 0xffffff), 1, Integer::sum);
                if (Math.abs(((argb >> 16) & 0xff) - expected.red()) <= 3 && Math.abs(((argb >> 8) & 0xff) - expected.green()) <= 3
                        && Math.abs((argb & 0xff) - expected.blue()) <= 3) {
                    matching++;
                }
            }
        }
        return total < 8 ? Double.NaN : (double) matching / total;
    }

    private static int mostIsolated(FeatureSet facilities) {
        int best = 0;
        double bestDistance = -1;
        for (int i = 0; i < facilities.size(); i++) {
            Coordinate c = facilities.get(i).world().getCoordinate();
            double nearest = Double.MAX_VALUE;
            for (int j = 0; j < facilities.size(); j++) {
                if (j != i) {
                    nearest = Math.min(nearest, c.distance(facilities.get(j).world().getCoordinate()));
                }
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = i;
            }
        }
        return best;
    }

    private static Point2D screenPointOf(Coordinate world) {
        Viewport v = map().viewport();
        Canvas c = application.view().mapView().canvas();
        Point2D[] out = new Point2D[1];
        robot.interact(() -> out[0] = c.localToScreen(v.screenX(world.x), v.screenY(world.y)));
        return out[0];
    }

    /** Writes a scene's pixels as a PNG under target/screenshots. */
    static void screenshot(Scene scene, String name) throws Exception {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = scene.snapshot(null));
        WritableImage img = out[0];
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(b, "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        waitFor(condition, TIMEOUT_SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition, long seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
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

    static Window windowOf(Node n) {
        return n.getScene().getWindow();
    }
}
