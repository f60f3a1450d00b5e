package org.santeatlas.map.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Point;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.draw.MapPainter;
import org.santeatlas.map.label.LabelCandidate;
import org.santeatlas.map.style.LineStyle;
import org.santeatlas.map.style.Rgba;
import org.santeatlas.map.style.SymbolShape;
import org.santeatlas.map.style.SymbolStyle;
import org.santeatlas.map.view.Viewport;

/**
 * Facilities coloured by a status class (reporting status, quality findings…) and optionally sized by a
 * value: proportional circles whose <em>area</em> is proportional to the value (diameter ∝ √value, so a
 * facility with four times the cases covers four times the paper), largest painted first so small ones stay
 * visible. Without sizes each facility keeps the shape and size of its type. Two legends in one: the status
 * classes with their counts, then reference circles for the sizes.
 */
public final class FacilityStatusLayer implements Layer {

    /** One status class: its words and colour. */
    public record StatusClass(String label, Rgba color) {}

    /** Diameter (reference px) of the largest value's circle. */
    public static final double MAX_DIAMETER = 30;
    /** Smallest circle drawn for a positive value, so it stays visible. */
    static final double MIN_DIAMETER = 2.5;
    static final Rgba NO_STATUS = Rgba.hex("#bdbdbd");
    static final LineStyle SIZE_EDGE = LineStyle.solid(Rgba.hex("#252525"), 0.6);

    private final String id;
    private final String title;
    private final FeatureSet facilities;
    private final Map<String, SymbolStyle> typeSymbols;
    private final List<FacilityType> types;
    private final int[] status;
    private final List<StatusClass> classes;
    private final String noStatusLabel;
    private final double[] sizes;
    private final String sizeTitle;
    private final double maxValue;
    private final int[] paintOrder;
    private final org.santeatlas.map.style.TextStyle labels;
    private final List<FacilityKind> labelledKinds;

    /**
     * @param status per facility the index of its class in {@code classes}, or -1 (no status: grey)
     * @param noStatusLabel the legend's words for -1 ("not expected to report")
     * @param sizes per facility the value that sizes it (NaN or ≤ 0: the smallest dot), or null for type sizes
     * @param sizeTitle the size legend's title (the item and period), when sizes are given
     */
    public FacilityStatusLayer(String id, String title, FeatureSet facilities, List<FacilityType> types,
            Map<String, SymbolStyle> typeSymbols, int[] status, List<StatusClass> classes, String noStatusLabel,
            double[] sizes, String sizeTitle, org.santeatlas.map.style.TextStyle labels, List<FacilityKind> labelledKinds) {
        if (status.length != facilities.size() || sizes != null && sizes.length != facilities.size()) {
            throw new IllegalArgumentException("one status and size per facility");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.facilities = facilities;
        this.types = List.copyOf(types);
        this.typeSymbols = Map.copyOf(typeSymbols);
        this.status = status.clone();
        this.classes = List.copyOf(classes);
        this.noStatusLabel = noStatusLabel;
        this.sizes = sizes == null ? null : sizes.clone();
        this.sizeTitle = sizeTitle;
        double max = 0;
        if (sizes != null) {
            for (double v : sizes) {
                if (v > max) {
                    max = v;
                }
            }
        }
        this.maxValue = max;
        this.labels = labels;
        this.labelledKinds = List.copyOf(labelledKinds);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < facilities.size(); i++) {
            order.add(i);
        }
        // Big circles under small ones; without sizes, the worst status on top (it is what the reader seeks).
        order.sort(sizes != null
                ? Comparator.comparingDouble((Integer i) -> -diameter(i)).thenComparingInt(i -> i)
                : Comparator.comparingInt((Integer i) -> this.status[i]).thenComparingInt(i -> i));
        this.paintOrder = order.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String id() {
        return id;
    }

    /** The circle diameter for a value: √(value / max) × {@link #MAX_DIAMETER}, at least the minimum. */
    public double diameterOf(double value) {
        if (!(value > 0) || maxValue <= 0) {
            return MIN_DIAMETER;
        }
        return Math.max(MIN_DIAMETER, MAX_DIAMETER * Math.sqrt(value / maxValue));
    }

    private double diameter(int i) {
        return diameterOf(sizes[i]);
    }

    /** The symbol of facility i. */
    public SymbolStyle symbolOf(int i) {
        Rgba fill = status[i] < 0 ? NO_STATUS : classes.get(status[i]).color();
        if (sizes != null) {
            return new SymbolStyle(SymbolShape.CIRCLE, diameter(i), fill.withOpacity(0.85), SIZE_EDGE);
        }
        String c = facilities.get(i).category();
        SymbolStyle type = c == null ? null : typeSymbols.get(c);
        SymbolShape shape = type == null ? SymbolShape.DIAMOND : type.shape() == SymbolShape.HOSPITAL_CROSS
                ? SymbolShape.SQUARE : type.shape();
        return new SymbolStyle(shape, type == null ? 6 : Math.max(7, type.size()), fill, SIZE_EDGE);
    }

    public int statusOf(int i) {
        return status[i];
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        int[] visible = facilities.visible(v, MAX_DIAMETER);
        boolean[] shown = new boolean[facilities.size()];
        for (int i : visible) {
            shown[i] = true;
        }
        for (int i : paintOrder) {
            if (shown[i]) {
                Point p = (Point) facilities.get(i).world();
                painter.drawSymbol(v.screenX(p.getX()), v.screenY(p.getY()), symbolOf(i));
            }
        }
    }

    @Override
    public void labels(RenderContext ctx, List<LabelCandidate> out) {
        if (labels == null || labelledKinds.isEmpty()) {
            return;
        }
        Viewport v = ctx.viewport();
        Map<String, FacilityKind> kinds = new java.util.HashMap<>();
        for (FacilityType t : types) {
            kinds.put(t.groupUid(), t.kind());
        }
        for (int i : facilities.visible(v, 0)) {
            String c = facilities.get(i).category();
            if (labelledKinds.contains(c == null ? FacilityKind.OTHER : kinds.getOrDefault(c, FacilityKind.OTHER))) {
                Point p = (Point) facilities.get(i).world();
                out.add(LabelCandidate.besidePoint(facilities.get(i).shortName(), v.screenX(p.getX()),
                        v.screenY(p.getY()), 40, labels, symbolOf(i).size() / 2 + 2));
            }
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return facilities.hitTest(v, sx, sy, tolerancePx);
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        int[] counts = new int[classes.size()];
        int none = 0;
        for (int s : status) {
            if (s < 0) {
                none++;
            } else {
                counts[s]++;
            }
        }
        List<Legend.Row> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, 9, classes.get(c).color(), SIZE_EDGE)),
                    classes.get(c).label(), OptionalInt.of(counts[c])));
        }
        if (none > 0 && noStatusLabel != null) {
            rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, 9, NO_STATUS, SIZE_EDGE)),
                    noStatusLabel, OptionalInt.of(none)));
        }
        return Optional.of(new Legend(title, rows));
    }

    @Override
    public List<Legend> legends(MapMessages m) {
        List<Legend> out = new ArrayList<>();
        legend(m).ifPresent(out::add);
        sizeLegend(m).ifPresent(out::add);
        return out;
    }

    /** The size legend: three reference circles of round values (largest first), or empty without sizes. */
    public Optional<Legend> sizeLegend(MapMessages m) {
        if (sizes == null || maxValue <= 0) {
            return Optional.empty();
        }
        List<Legend.Row> rows = new ArrayList<>();
        double last = Double.NaN;
        for (double fraction : new double[] {1, 0.25, 1 / 16.0}) {
            double v = niceFloor(maxValue * fraction);
            if (v > 0 && v != last) {
                rows.add(new Legend.Row(new Legend.Symbol(new SymbolStyle(SymbolShape.CIRCLE, diameterOf(v),
                        Rgba.WHITE.withOpacity(0.85), SIZE_EDGE)), m.number(v, v == Math.rint(v) ? 0 : 2),
                        OptionalInt.empty()));
                last = v;
            }
        }
        return Optional.of(new Legend(sizeTitle == null ? "" : sizeTitle, rows));
    }

    /** The largest 1, 2 or 5 × 10ⁿ not above x (x > 0). */
    static double niceFloor(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= x) {
                return m * p;
            }
        }
        return p;
    }
}
