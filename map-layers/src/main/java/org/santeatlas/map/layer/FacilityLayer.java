package org.santeatlas.map.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.santeatlas.map.style.TextStyle;
import org.santeatlas.map.view.Viewport;

/**
 * Facilities as symbols, one per type: the shape says the tier (a crossed square for hospitals, a circle
 * for health centres, a triangle for posts, a diamond otherwise), the colour and size the type within its
 * tier. Lower tiers are painted first so hospitals stay on top. Facilities of the types listed in
 * {@code labelledKinds} offer their names as labels.
 */
public final class FacilityLayer implements Layer {

    /** Facilities without a known type. */
    static final SymbolStyle UNTYPED = new SymbolStyle(SymbolShape.DIAMOND, 6, Rgba.hex("#737373"),
            LineStyle.solid(Rgba.WHITE, 0.8));

    private final String id;
    private final String title;
    private final FeatureSet facilities;
    private final List<FacilityType> types;
    private final Map<String, SymbolStyle> symbols;
    private final Map<String, Integer> rank = new HashMap<>();
    private final int[] paintOrder;
    private final TextStyle labels;
    private final List<FacilityKind> labelledKinds;
    private final java.util.Set<String> hospitalTypes = new java.util.HashSet<>();

    public FacilityLayer(String id, String title, FeatureSet facilities, List<FacilityType> types,
            Map<String, SymbolStyle> symbols, TextStyle labels, List<FacilityKind> labelledKinds) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title == null ? "" : title;
        this.facilities = facilities;
        this.types = List.copyOf(types);
        this.symbols = Map.copyOf(symbols);
        this.labels = labels;
        this.labelledKinds = List.copyOf(labelledKinds);
        for (int i = 0; i < this.types.size(); i++) {
            rank.put(this.types.get(i).groupUid(), i);
            if (this.types.get(i).kind() == FacilityKind.HOSPITAL) {
                hospitalTypes.add(this.types.get(i).groupUid());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < facilities.size(); i++) {
            order.add(i);
        }
        // Most important type (rank 0) last, i.e. on top; untyped first.
        order.sort(Comparator.comparingInt((Integer i) -> -rankOf(i)).thenComparingInt(i -> i));
        this.paintOrder = order.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The default symbols for types ordered most important first: shape by tier; within a tier, colour
     * shade and size step down with the type's rank.
     */
    public static Map<String, SymbolStyle> defaultSymbols(List<FacilityType> types) {
        Map<FacilityKind, String[]> shades = Map.of(
                FacilityKind.HOSPITAL, new String[] {"#b2182b", "#d6604d", "#f4a582"},
                FacilityKind.HEALTH_CENTRE, new String[] {"#2166ac", "#4393c3", "#92c5de"},
                FacilityKind.HEALTH_POST, new String[] {"#1b7837", "#5aae61", "#a6dba0"},
                FacilityKind.OTHER, new String[] {"#762a83", "#9970ab", "#c2a5cf"});
        Map<FacilityKind, Double> sizes = Map.of(FacilityKind.HOSPITAL, 12.0, FacilityKind.HEALTH_CENTRE, 8.0,
                FacilityKind.HEALTH_POST, 7.5, FacilityKind.OTHER, 7.0);
        Map<FacilityKind, Integer> seen = new HashMap<>();
        Map<String, SymbolStyle> out = new HashMap<>();
        LineStyle halo = LineStyle.solid(Rgba.WHITE, 0.9);
        for (FacilityType t : types) {
            int n = seen.merge(t.kind(), 1, Integer::sum) - 1;
            String[] s = shades.get(t.kind());
            SymbolShape shape = switch (t.kind()) {
                case HOSPITAL -> SymbolShape.HOSPITAL_CROSS;
                case HEALTH_CENTRE -> SymbolShape.CIRCLE;
                case HEALTH_POST -> SymbolShape.TRIANGLE;
                case OTHER -> SymbolShape.DIAMOND;
            };
            double size = Math.max(5, sizes.get(t.kind()) - 1.5 * n);
            out.put(t.groupUid(), new SymbolStyle(shape, size, Rgba.hex(s[Math.min(n, s.length - 1)]), halo));
        }
        return out;
    }

    @Override
    public String id() {
        return id;
    }

    public FeatureSet facilities() {
        return facilities;
    }

    private int rankOf(int i) {
        String c = facilities.get(i).category();
        Integer r = c == null ? null : rank.get(c);
        return r == null ? Integer.MAX_VALUE / 2 : r;
    }

    /** The symbol of facility i. */
    public SymbolStyle symbolOf(int i) {
        String c = facilities.get(i).category();
        SymbolStyle s = c == null ? null : symbols.get(c);
        return s == null ? UNTYPED : s;
    }

    @Override
    public void draw(MapPainter painter, RenderContext ctx) {
        Viewport v = ctx.viewport();
        int[] visible = facilities.visible(v, 16);
        if (visible.length == 0) {
            return;
        }
        boolean[] shown = new boolean[facilities.size()];
        for (int i : visible) {
            shown[i] = true;
        }
        // Facilities of one style, consecutive in paint order, go to the painter together: 5,000 symbols cost a
        // few dozen painter calls instead of 10,000 (a raster painter stamps one pre-drawn image per symbol).
        double[] xy = new double[2 * visible.length];
        SymbolStyle current = null;
        int count = 0;
        for (int i : paintOrder) {
            if (!shown[i]) {
                continue;
            }
            Point p = (Point) facilities.get(i).world();
            SymbolStyle s = symbolOf(i);
            if (!s.equals(current)) {
                if (count > 0) {
                    painter.drawSymbols(xy, count, current);
                }
                count = 0;
                current = s;
            }
            xy[2 * count] = v.screenX(p.getX());
            xy[2 * count + 1] = v.screenY(p.getY());
            count++;
        }
        if (count > 0) {
            painter.drawSymbols(xy, count, current);
        }
    }

    @Override
    public void labels(RenderContext ctx, List<LabelCandidate> out) {
        if (labels == null || labelledKinds.isEmpty()) {
            return;
        }
        Viewport v = ctx.viewport();
        Map<String, FacilityKind> kinds = new HashMap<>();
        for (FacilityType t : types) {
            kinds.put(t.groupUid(), t.kind());
        }
        for (int i : facilities.visible(v, 0)) {
            String c = facilities.get(i).category();
            FacilityKind k = c == null ? FacilityKind.OTHER : kinds.getOrDefault(c, FacilityKind.OTHER);
            if (labelledKinds.contains(k)) {
                Point p = (Point) facilities.get(i).world();
                // Below the area labels (base priority 100 in the composed maps): names of the areas come first.
                int priority = 50 - rankOf(i);
                out.add(LabelCandidate.besidePoint(facilities.get(i).shortName(), v.screenX(p.getX()), v.screenY(p.getY()),
                        priority, labels, symbolOf(i).size() / 2 + 2));
            }
        }
    }

    /** Hospital symbols stay visible: no label covers them. */
    @Override
    public void labelObstacles(RenderContext ctx, List<double[]> out) {
        Viewport v = ctx.viewport();
        for (int i : facilities.visible(v, 0)) {
            String c = facilities.get(i).category();
            if (c != null && hospitalTypes.contains(c)) {
                Point p = (Point) facilities.get(i).world();
                double r = symbolOf(i).size() / 2 + 1;
                out.add(new double[] {v.screenX(p.getX()) - r, v.screenY(p.getY()) - r, 2 * r, 2 * r});
            }
        }
    }

    @Override
    public List<Hit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        return facilities.hitTest(v, sx, sy, tolerancePx);
    }

    @Override
    public Optional<Legend> legend(MapMessages m) {
        Map<String, Integer> counts = new HashMap<>();
        int untyped = 0;
        for (var f : facilities.features()) {
            if (f.category() == null || !symbols.containsKey(f.category())) {
                untyped++;
            } else {
                counts.merge(f.category(), 1, Integer::sum);
            }
        }
        List<Legend.Row> rows = new ArrayList<>();
        for (FacilityType t : types) {
            if (counts.containsKey(t.groupUid())) {
                rows.add(new Legend.Row(new Legend.Symbol(symbols.get(t.groupUid())), t.name(),
                        OptionalInt.of(counts.get(t.groupUid()))));
            }
        }
        if (untyped > 0) {
            rows.add(new Legend.Row(new Legend.Symbol(UNTYPED), m.get("legend.untyped"), OptionalInt.of(untyped)));
        }
        return Optional.of(new Legend(title, rows));
    }
}
