package org.santeatlas.map.draw;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.santeatlas.map.view.Viewport;

/**
 * A path in screen pixels (y down) made of straight segments: what every painter fills or strokes. Rings
 * are filled with the even-odd rule, so that a polygon's holes stay empty. Reusable: {@link #clear()} keeps
 * the arrays. Not thread-safe.
 */
public final class ScreenPath {

    /** Segment kinds. */
    public static final byte MOVE = 0;
    public static final byte LINE = 1;
    public static final byte CLOSE = 2;

    private byte[] ops = new byte[64];
    private double[] xy = new double[128];
    private int size;

    public ScreenPath moveTo(double x, double y) {
        add(MOVE, x, y);
        return this;
    }

    public ScreenPath lineTo(double x, double y) {
        add(LINE, x, y);
        return this;
    }

    public ScreenPath close() {
        add(CLOSE, Double.NaN, Double.NaN);
        return this;
    }

    public ScreenPath clear() {
        size = 0;
        return this;
    }

    /** A closed rectangle. */
    public ScreenPath rect(double x, double y, double w, double h) {
        return moveTo(x, y).lineTo(x + w, y).lineTo(x + w, y + h).lineTo(x, y + h).close();
    }

    /** A closed regular polygon approximating a circle, with enough sides to look round at its size. */
    public ScreenPath circle(double cx, double cy, double r) {
        int n = Math.max(16, Math.min(96, (int) Math.ceil(r * 2.5)));
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                moveTo(x, y);
            } else {
                lineTo(x, y);
            }
        }
        return close();
    }

    /**
     * Appends a world geometry (Web Mercator metres) seen through a viewport: polygons as closed rings,
     * lines as open paths; points are ignored (they are symbols, not paths). Consecutive vertices that
     * land within a tenth of a pixel of each other are skipped.
     */
    public ScreenPath append(Geometry world, Viewport v) {
        if (world instanceof Polygon p) {
            ring(p.getExteriorRing().getCoordinates(), v, true);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                ring(p.getInteriorRingN(h).getCoordinates(), v, true);
            }
        } else if (world instanceof LineString l) {
            ring(l.getCoordinates(), v, l.isClosed());
        } else if (world instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                append(c.getGeometryN(i), v);
            }
        }
        return this;
    }

    private void ring(Coordinate[] cs, Viewport v, boolean closed) {
        if (cs.length < 2) {
            return;
        }
        double lastX = v.screenX(cs[0].x);
        double lastY = v.screenY(cs[0].y);
        moveTo(lastX, lastY);
        for (int i = 1; i < cs.length; i++) {
            double x = v.screenX(cs[i].x);
            double y = v.screenY(cs[i].y);
            if (Math.abs(x - lastX) < 0.1 && Math.abs(y - lastY) < 0.1 && i < cs.length - 1) {
                continue;
            }
            lineTo(x, y);
            lastX = x;
            lastY = y;
        }
        if (closed) {
            close();
        }
    }

    private void add(byte op, double x, double y) {
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, size * 2);
            xy = Arrays.copyOf(xy, size * 4);
        }
        ops[size] = op;
        xy[2 * size] = x;
        xy[2 * size + 1] = y;
        size++;
    }

    /** Number of segments. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public byte op(int i) {
        return ops[i];
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }
}
