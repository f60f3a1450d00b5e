package org.santeatlas.map.view;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What the map shows: an immutable value of a world centre (Web Mercator metres, y north), a resolution
 * (world metres per screen pixel) and a screen size (pixels, y down, origin at the top-left corner).
 * Every change returns a new viewport; the transforms are plain arithmetic on doubles, so they stay exact
 * (to rounding) at any zoom, with no accumulated matrix.
 *
 * <p>Screen x = (world x − centre x) / resolution + width / 2; screen y = (centre y − world y) / resolution
 * + height / 2. Any thread.
 */
public final class Viewport {

    /** Resolution at zoom 0 of the usual 256-pixel tiles: the world's width / 256, metres per pixel. */
    public static final double ZOOM0_RESOLUTION = 2 * WebMercator.HALF_WORLD / 256;

    /** Closest zoom allowed: 1 cm per pixel, far below anything a health map needs. */
    public static final double MIN_RESOLUTION = 0.01;

    /** Farthest zoom allowed: the whole world in 256 pixels. */
    public static final double MAX_RESOLUTION = ZOOM0_RESOLUTION;

    private final double centerX;
    private final double centerY;
    private final double resolution;
    private final int width;
    private final int height;

    private Viewport(double centerX, double centerY, double resolution, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("screen size must be positive: " + width + "×" + height);
        }
        if (!(resolution > 0) || Double.isInfinite(resolution) || !Double.isFinite(centerX)
                || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("bad viewport: centre " + centerX + ", " + centerY + ", resolution "
                    + resolution);
        }
        this.centerX = centerX;
        this.centerY = centerY;
        this.resolution = Math.max(MIN_RESOLUTION, Math.min(MAX_RESOLUTION, resolution));
        this.width = width;
        this.height = height;
    }

    /** A viewport centred on a world point (metres) at a resolution (metres per pixel). */
    public static Viewport of(double centerX, double centerY, double resolution, int width, int height) {
        return new Viewport(centerX, centerY, resolution, width, height);
    }

    /**
     * The viewport of a screen size that shows a world envelope whole, centred, with {@code paddingPx} free
     * pixels on every side (at least 1 pixel of map remains).
     */
    public static Viewport fit(Envelope world, int width, int height, double paddingPx) {
        Objects.requireNonNull(world, "world");
        if (world.isNull()) {
            throw new IllegalArgumentException("cannot fit an empty envelope");
        }
        double usableW = Math.max(1, width - 2 * paddingPx);
        double usableH = Math.max(1, height - 2 * paddingPx);
        double res = Math.max(world.getWidth() / usableW, world.getHeight() / usableH);
        if (res <= 0) {
            res = 1; // a single point: 1 m per pixel around it
        }
        return new Viewport(world.centre().x, world.centre().y, res, width, height);
    }

    public double centerX() {
        return centerX;
    }

    public double centerY() {
        return centerY;
    }

    /** World metres per screen pixel. */
    public double resolution() {
        return resolution;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The tile zoom level of this resolution (0 = world in 256 px), fractional. */
    public double zoom() {
        return Math.log(ZOOM0_RESOLUTION / resolution) / Math.log(2);
    }

    public Viewport withCenter(double x, double y) {
        return new Viewport(x, y, resolution, width, height);
    }

    public Viewport withResolution(double metresPerPixel) {
        return new Viewport(centerX, centerY, metresPerPixel, width, height);
    }

    /** The same centre and resolution on a screen of another size (a resized window). */
    public Viewport withSize(int newWidth, int newHeight) {
        return new Viewport(centerX, centerY, resolution, newWidth, newHeight);
    }

    /** Moves the map content by a screen offset (a drag of dx, dy pixels moves what is drawn with it). */
    public Viewport pan(double dxPx, double dyPx) {
        return new Viewport(centerX - dxPx * resolution, centerY + dyPx * resolution, resolution, width, height);
    }

    /**
     * Zooms by {@code factor} (2 = twice closer) keeping the world point under screen point (sx, sy) where it
     * is, as a mouse wheel does.
     */
    public Viewport zoomAbout(double factor, double sx, double sy) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double wx = worldX(sx);
        double wy = worldY(sy);
        double res = Math.max(MIN_RESOLUTION, Math.min(MAX_RESOLUTION, resolution / factor));
        double cx = wx - (sx - width / 2.0) * res;
        double cy = wy + (sy - height / 2.0) * res;
        return new Viewport(cx, cy, res, width, height);
    }

    // ---- transforms ---------------------------------------------------------------------------

    /** Screen x (pixels) of a world x (metres). */
    public double screenX(double worldX) {
        return (worldX - centerX) / resolution + width / 2.0;
    }

    /** Screen y (pixels, down) of a world y (metres, north). */
    public double screenY(double worldY) {
        return (centerY - worldY) / resolution + height / 2.0;
    }

    /** World x (metres) of a screen x (pixels). */
    public double worldX(double screenX) {
        return centerX + (screenX - width / 2.0) * resolution;
    }

    /** World y (metres) of a screen y (pixels). */
    public double worldY(double screenY) {
        return centerY - (screenY - height / 2.0) * resolution;
    }

    /** The WGS 84 coordinate (x = longitude, y = latitude, degrees) under a screen point. */
    public Coordinate toWgs84(double sx, double sy) {
        return WebMercator.toWgs84(worldX(sx), worldY(sy));
    }

    /** The screen point (pixels) of a WGS 84 position (degrees). */
    public Coordinate toScreen(double longitude, double latitude) {
        return new Coordinate(screenX(WebMercator.x(longitude)), screenY(WebMercator.y(latitude)));
    }

    /** The world envelope (metres) the screen shows. */
    public Envelope worldBounds() {
        double hw = width / 2.0 * resolution;
        double hh = height / 2.0 * resolution;
        return new Envelope(centerX - hw, centerX + hw, centerY - hh, centerY + hh);
    }

    /** Latitude (degrees) at the centre of the screen. */
    public double centerLatitude() {
        return WebMercator.latitude(centerY);
    }

    /** Ground metres per screen pixel at a latitude (degrees): the resolution × cos φ (sphere). */
    public double groundResolution(double latitude) {
        return resolution / WebMercator.scaleFactor(latitude);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Viewport v && v.centerX == centerX && v.centerY == centerY && v.resolution == resolution
                && v.width == width && v.height == height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(centerX, centerY, resolution, width, height);
    }

    @Override
    public String toString() {
        return "Viewport[centre=" + centerX + "," + centerY + " res=" + resolution + " m/px " + width + "×" + height + "]";
    }
}
