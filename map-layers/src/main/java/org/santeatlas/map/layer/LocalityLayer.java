package org.santeatlas.map.layer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.SymbolShape;
import org.santeatlas.map.style.SymbolStyle;
import org.santeatlas.map.view.Viewport;

/**
 * Localities as population dots: a circle whose area is proportional to the population
 * ({@code diameter = maxDiameter × √(population / maxPopulation)}, at least 2 px), translucent so that
 * clusters show. Localities without a population are small hollow dots.
 */
public final class LocalityLayer implements Layer {

    private final String id;
    private final String title;
    private final FeatureSet localities;
    private final Rgba color;
    private final double maxDiameter;
    private final double maxPopulation;

    public LocalityLayer(String id, String title, FeatureSet localities, Rgba color, double maxDiameter) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.localities = localities;
        this.color = color;
        this.maxDiameter = maxDiameter;
        double max = 0;
        for (var f : localities.features()) {
            if (Double.isFinite(f.value())) {
                max = Math.max(max, f.value());
            }
        }
        this.maxPopulation = max;
    }

    @Override
    public String id() {
        return id;
    }

    /** The dot diameter (reference pixels) of a population. */
    public double diameter(double population) {
        if (!Double.isFinite(population) || maxPopulation <= 0) {
            return 3;
        }
        return Math.max(2, maxDiameter * Math.sqrt(Math.max(0, population) / maxPopulation));
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        LineStyle edge = LineStyle.solid(color, 0.6);
        for (int i : localities.visible(v, maxDiameter)) {
            var f = localities.get(i);
            Point p = (Point) f.world();
            boolean known = Double.isFinite(f.value());
            SymbolStyle s = new SymbolStyle(SymbolShape.CIRCLE, diameter(f.value()),
                    known ? color.withOpacity(0.45) : Rgba.TRANSPARENT, edge);
            painter.drawSymbol(v.screenX(p.getX()), v.screenY(p.getY()), s);
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return localities.hitTest(v, sx, sy, tolerancePx);
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        if (maxPopulation <= 0) {
            return Optional.empty();
        }
        LineStyle edge = LineStyle.solid(color, 0.6);
        List<Legend.Row> rows = new java.util.ArrayList<>();
        for (double share : new double[] {1, 0.25}) {
            double pop = maxPopulation * share;
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, diameter(pop),
                    color.withOpacity(0.45), edge)), m.get("legend.inhabitants", m.number(pop, 0)),
                    java.util.OptionalInt.empty()));
        }
        return Optional.of(new Legend(title, rows));
    }
}
