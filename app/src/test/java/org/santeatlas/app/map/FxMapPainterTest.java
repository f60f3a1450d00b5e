package org.santeatlas.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.map.layer.BoundaryLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.layer.MapRenderer;
import org.santeatlas.map.layer.RenderContext;
import org.santeatlas.map.label.PlacedLabel;
import org.santeatlas.map.style.AreaStyle;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;
import org.testfx.api.FxToolkit;

/** The map layers paint on a JavaFX canvas through the same code as on paper (headless Monocle). */
class FxMapPainterTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBoundaryLayerFillsItsAreaAndPlacesItsAccentedLabelOnTheCanvas() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        FeatureSet areas = new FeatureSet(List.of(MapFeature.of(1, "A", "Aire de santé de Kélé", gf.createPolygon(
                new Coordinate[] {new Coordinate(0, 0), new Coordinate(1000, 0), new Coordinate(1000, 1000),
                    new Coordinate(0, 1000), new Coordinate(0, 0)}))));
        MapModel model = MapModel.of(new BoundaryLayer("areas", "Aire", areas,
                AreaStyle.filled(Rgba.hex("#3182bd"), LineStyle.solid(Rgba.BLACK, 1)),
                TextStyle.plain(12, Rgba.BLACK).withHalo(Rgba.WHITE, 2), 0));
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(300, 200);
                Viewport v = Viewport.fit(new Envelope(0, 1000, 0, 1000), 300, 200, 10);
                List<PlacedLabel> placed = MapRenderer.render(new FxMapPainter(canvas.getGraphicsContext2D()), model,
                        RenderContext.of(v));
                WritableImage image = canvas.snapshot(null, null);
                result.complete(new Object[] {placed, image.getPixelReader().getArgb(150, 40),
                    image.getPixelReader().getArgb(5, 100)});
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        Object[] r = result.get(30, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        List<PlacedLabel> placed = (List<PlacedLabel>) r[0];
        assertThat(placed).extracting(PlacedLabel::text).containsExactly("Aire de santé de Kélé");
        assertThat((int) r[1] & 0xffffff).isEqualTo(0x3182bd); // inside the area, away from the label
        assertThat((int) r[2] & 0xffffff).isNotEqualTo(0x3182bd); // outside the area: not filled
    }
}
