package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.santeatlas.map.draw.Java2dPainter;
import org.santeatlas.map.draw.TextBounds;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.label.LabelPlacer;
import org.santeatlas.map.label.PlacedLabel;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.TextStyle;

class LabelPlacerTest {

    static final TextStyle STYLE = TextStyle.plain(12, Rgba.BLACK).withHalo(Rgba.WHITE, 2);

    Graphics2D g;
    Java2dPainter painter;

    @BeforeEach
    void painter() {
        g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        painter = new Java2dPainter(g);
    }

    @AfterEach
    void dispose() {
        g.dispose();
    }

    @Test
    void theHigherPriorityWinsACollisionWhateverTheOrder() {
        LabelCandidate low = LabelCandidate.centered("Aire de santé de Kélé", null, 200, 100, 1, STYLE, 0);
        LabelCandidate high = LabelCandidate.centered("District sanitaire de Diozébane", null, 205, 102, 9, STYLE, 0);
        List<PlacedLabel> placed = LabelPlacer.place(List.of(low, high), painter, 400, 200);
        // The higher one keeps its centre; the lower one moves above it, clear of it.
        assertThat(placed).extracting(PlacedLabel::text).containsExactly("District sanitaire de Diozébane",
                "Aire de santé de Kélé");
        TextBounds b = painter.measureText("District sanitaire de Diozébane", STYLE);
        assertThat(placed.get(0).x()).isEqualTo(205 - b.width() / 2);
        assertThat(placed.get(1).y()).isLessThan(placed.get(0).y());
        assertThat(placed.get(0).overlaps(placed.get(1))).isFalse();
        // With its three positions taken (a band of obstacles across the screen), it is left out.
        List<PlacedLabel> blocked = LabelPlacer.place(List.of(low), List.of(new double[] {0, 40, 400, 120}), painter,
                400, 200);
        assertThat(blocked).isEmpty();
    }

    @Test
    void placedBoxesNeverOverlapAndStayOnScreen() {
        List<LabelCandidate> many = new java.util.ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            many.add(LabelCandidate.besidePoint("Case de santé n° " + i, r.nextDouble(0, 600), r.nextDouble(0, 400),
                    r.nextInt(10), STYLE, 5));
        }
        List<PlacedLabel> placed = LabelPlacer.place(many, painter, 600, 400);
        assertThat(placed).isNotEmpty().hasSizeLessThan(300);
        for (int i = 0; i < placed.size(); i++) {
            PlacedLabel a = placed.get(i);
            assertThat(a.boxX()).isGreaterThanOrEqualTo(0);
            assertThat(a.boxY()).isGreaterThanOrEqualTo(0);
            assertThat(a.boxX() + a.boxWidth()).isLessThanOrEqualTo(600);
            assertThat(a.boxY() + a.boxHeight()).isLessThanOrEqualTo(400);
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(a.overlaps(placed.get(j))).as(a.text() + " / " + placed.get(j).text()).isFalse();
            }
        }
    }

    @Test
    void aPointLabelMovesLeftWhenItsRightIsTaken() {
        LabelCandidate first = LabelCandidate.besidePoint("Hôpital", 100, 100, 5, STYLE, 6);
        LabelCandidate second = LabelCandidate.besidePoint("Dispensaire", 100, 100, 1, STYLE, 6);
        List<PlacedLabel> placed = LabelPlacer.place(List.of(first, second), painter, 400, 200);
        assertThat(placed).hasSize(2);
        assertThat(placed.get(0).x()).isEqualTo(106); // right of the point
        TextBounds b = painter.measureText("Dispensaire", STYLE);
        assertThat(placed.get(1).x() + b.width()).isEqualTo(94); // left of the point, same gap
    }

    @Test
    void aNameTooWideForItsAreaFallsBackToTheShortNameOrIsDropped() {
        double wide = painter.measureText("Aire de santé de Tin-Diguésay", STYLE).width();
        LabelCandidate fits = LabelCandidate.centered("Aire de santé de Tin-Diguésay", "AS Tin-Diguésay", 200, 50, 1,
                STYLE, wide - 1);
        LabelCandidate never = LabelCandidate.centered("Aire de santé de Tin-Diguésay", "AS Tin-Diguésay", 200, 150,
                1, STYLE, 10);
        List<PlacedLabel> placed = LabelPlacer.place(List.of(fits, never), painter, 400, 200);
        assertThat(placed).extracting(PlacedLabel::text).containsExactly("AS Tin-Diguésay");
    }
}
