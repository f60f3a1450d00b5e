package org.santeatlas.map.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.santeatlas.map.data.Hit;
import org.santeatlas.map.view.Viewport;

/**
 * The map's layers, bottom first, each with its visibility and opacity: an immutable value; every change
 * returns a new model (the app keeps it in one property and repaints when it changes).
 */
public record MapModel(List<Entry> entries) {

    /** A layer in the stack. */
    public record Entry(Layer layer, boolean visible, double opacity) {
        public Entry {
            Objects.requireNonNull(layer, "layer");
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must be within 0..1: " + opacity);
            }
        }
    }

    /** The layer of a hit test answer. */
    public record LayerHit(Layer layer, Hit hit) {}

    public MapModel {
        entries = List.copyOf(entries);
        long distinct = entries.stream().map(e -> e.layer().id()).distinct().count();
        if (distinct != entries.size()) {
            throw new IllegalArgumentException("layer ids must be unique");
        }
    }

    /** Visible, opaque layers, bottom first. */
    public static MapModel of(Layer... layers) {
        List<Entry> list = new ArrayList<>();
        for (Layer l : layers) {
            list.add(new Entry(l, true, 1));
        }
        return new MapModel(list);
    }

    public MapModel with(Layer layer) {
        List<Entry> list = new ArrayList<>(entries);
        list.add(new Entry(layer, true, 1));
        return new MapModel(list);
    }

    public MapModel withVisible(String id, boolean visible) {
        return replace(id, e -> new Entry(e.layer(), visible, e.opacity()));
    }

    public MapModel withOpacity(String id, double opacity) {
        return replace(id, e -> new Entry(e.layer(), e.visible(), opacity));
    }

    /** Moves a layer to another position (0 = bottom). */
    public MapModel moved(String id, int position) {
        List<Entry> list = new ArrayList<>(entries);
        Entry e = list.get(indexOf(id));
        list.remove(e);
        list.add(Math.max(0, Math.min(list.size(), position)), e);
        return new MapModel(list);
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.layer().id().equals(id)).findFirst();
    }

    /** The hit under a screen point in the top-most visible layer that has one. */
    public Optional<LayerHit> hitTest(Viewport v, double sx, double sy, double tolerancePx) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.visible() && e.opacity() > 0) {
                List<Hit> hits = e.layer().hitTest(v, sx, sy, tolerancePx);
                if (!hits.isEmpty()) {
                    return Optional.of(new LayerHit(e.layer(), hits.get(0)));
                }
            }
        }
        return Optional.empty();
    }

    private int indexOf(String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).layer().id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer " + id);
    }

    private MapModel replace(String id, java.util.function.UnaryOperator<Entry> change) {
        List<Entry> list = new ArrayList<>(entries);
        int i = indexOf(id);
        list.set(i, change.apply(list.get(i)));
        return new MapModel(list);
    }
}
