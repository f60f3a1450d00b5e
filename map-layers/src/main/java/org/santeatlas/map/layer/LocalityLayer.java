package org.santeatlas.map.layer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.data.MapFeature;
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
 *
 * <p>Given a {@link Coverage} (the result of the carte sanitaire analysis), the dots take two colours,
 * covered and not covered, each with its legend row and count; the size still says the population.
 */
public final class LocalityLayer implements Layer {

    /** Covered localities: the blue end of ColorBrewer RdYlBu, told apart from its red end by the colour-blind too. */
    public static final Rgba COVERED = Rgba.hex("#2c7bb6");

    /** Localities out of reach. */
    public static final Rgba NOT_COVERED = Rgba.hex("#d7191c");

    /**
     * Which localities are covered.
     *
     * @param coveredIds the {@code LOCALITY.ID} of the covered localities; every other one is not covered
     * @param radiusKm the radius of the analysis, for the legend
     */
    public record Coverage(Set<Integer> coveredIds, double radiusKm) {
        public Coverage {
            coveredIds = Set.copyOf(coveredIds);
        }
    }

    private final String id;
    private final String title;
    private final FeatureSet localities;
    private final Rgba color;
    private final double maxDiameter;
    private final double maxPopulation;
    private final Coverage coverage;

    public LocalityLayer(String id, String title, FeatureSet localities, Rgba color, double maxDiameter) {
        this(id, title, localities, color, maxDiameter, null);
    }

    /** Localities coloured by coverage (when {@code coverage} is not null). */
    public LocalityLayer(String id, String title, FeatureSet localities, Rgba color, double maxDiameter,
            Coverage coverage) {
        this.coverage = coverage;
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

    /** The colour of locality feature f: by coverage when there is one, else the layer's. */
    public Rgba colorOf(MapFeature f) {
        if (coverage == null) {
            return color;
        }
        return coverage.coveredIds().contains(f.id()) ? COVERED : NOT_COVERED;
    }

    public Optional<Coverage> coverage() {
        return Optional.ofNullable(coverage);
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        for (int i : localities.visible(v, maxDiameter)) {
            var f = localities.get(i);
            Point p = (Point) f.world();
            boolean known = Double.isFinite(f.value());
            Rgba c = colorOf(f);
            SymbolStyle s = new SymbolStyle(SymbolShape.CIRCLE, diameter(f.value()),
                    known ? c.withOpacity(coverage == null ? 0.45 : 0.6) : Rgba.TRANSPARENT, LineStyle.solid(c, 0.6));
            painter.drawSymbol(v.screenX(p.getX()), v.screenY(p.getY()), s);
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return localities.hitTest(v, sx, sy, tolerancePx);
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        List<Legend.Row> rows = new java.util.ArrayList<>();
        if (coverage != null) {
            int covered = 0;
            for (var f : localities.features()) {
                covered += coverage.coveredIds().contains(f.id()) ? 1 : 0;
            }
            double mid = maxPopulation > 0 ? diameter(maxPopulation * 0.25) : 6;
            String km = m.number(coverage.radiusKm(), 2);
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, mid, COVERED.withOpacity(0.6),
                    LineStyle.solid(COVERED, 0.6))), m.get("legend.coverage.covered", km), OptionalInt.of(covered)));
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, mid,
                    NOT_COVERED.withOpacity(0.6), LineStyle.solid(NOT_COVERED, 0.6))), m.get("legend.coverage.notCovered", km),
                    OptionalInt.of(localities.size() - covered)));
        }
        if (maxPopulation <= 0) {
            return rows.isEmpty() ? Optional.empty() : Optional.of(new Legend(title, rows));
        }
        // Sizes in a neutral grey when colours say coverage.
        Rgba sizeColor = coverage == null ? color : Rgba.hex("#737373");
        LineStyle edge = LineStyle.solid(sizeColor, 0.6);
        for (double share : new double[] {1, 0.25}) {
            double pop = maxPopulation * share;
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, diameter(pop),
                    sizeColor.withOpacity(0.45), edge)), m.get("legend.inhabitants", m.number(pop, 0)),
                    java.util.OptionalInt.empty()));
        }
        return Optional.of(new Legend(title, rows));
    }
}
