import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws SantéAtlas's application icon: a map pin carrying a green health cross over a folded map, on a
 * rounded teal tile. Run with {@code java DrawIcon.java OUT.png [SIZE]} (single-file source launch);
 * the committed PNGs under ../jpackage/icons were made with it. Coordinates are in a 512-unit square,
 * y down, scaled to SIZE pixels.
 */
public final class DrawIcon {

    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 512.0, size / 512.0);

        // Tile: teal, lighter at the top.
        RoundRectangle2D tile = new RoundRectangle2D.Double(16, 16, 480, 480, 104, 104);
        g.setPaint(new GradientPaint(0, 16, new Color(0x1F9E89), 0, 496, new Color(0x0B5E63)));
        g.fill(tile);

        // Folded map: three panels in perspective, alternating shades, with a river across them.
        double top = 300, bottom = 430;
        double[] xTop = {96, 200, 312, 416};
        double[] xBottom = {72, 190, 322, 440};
        Color[] panels = {new Color(0xF4EBD0), new Color(0xE3D6B0), new Color(0xF4EBD0)};
        for (int i = 0; i < 3; i++) {
            Path2D p = new Path2D.Double();
            p.moveTo(xTop[i], top + (i % 2 == 0 ? 0 : 14));
            p.lineTo(xTop[i + 1], top + (i % 2 == 0 ? 14 : 0));
            p.lineTo(xBottom[i + 1], bottom + (i % 2 == 0 ? 14 : 0));
            p.lineTo(xBottom[i], bottom + (i % 2 == 0 ? 0 : 14));
            p.closePath();
            g.setColor(panels[i]);
            g.fill(p);
        }
        g.setClip(new Path2D.Double(new java.awt.Polygon(new int[] {96, 416, 440, 72}, new int[] {300, 300, 444, 444}, 4)));
        g.setColor(new Color(0x4FA3D1));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D river = new Path2D.Double();
        river.moveTo(60, 400);
        river.curveTo(150, 340, 230, 430, 300, 372);
        river.curveTo(350, 330, 400, 350, 460, 320);
        g.draw(river);
        g.setClip(null);

        // Pin: a drop shape (circle + point) in a warm red, with a shadow on the map.
        g.setColor(new Color(0, 0, 0, 60));
        g.fill(new Ellipse2D.Double(216, 372, 80, 22));
        Area pin = new Area(new Ellipse2D.Double(146, 62, 220, 220));
        Path2D point = new Path2D.Double();
        point.moveTo(166, 226);
        point.quadTo(236, 300, 256, 386);
        point.quadTo(276, 300, 346, 226);
        point.closePath();
        pin.add(new Area(point));
        g.setPaint(new GradientPaint(0, 62, new Color(0xE8553F), 0, 386, new Color(0xB8321F)));
        g.fill(pin);
        g.setColor(new Color(0x8E2414));
        g.setStroke(new BasicStroke(6));
        g.draw(pin);

        // Health cross (green on a white disc: first aid, not the protected red-cross emblem).
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(170, 86, 172, 172));
        g.setColor(new Color(0x17806F));
        double cx = 256, cy = 172, arm = 26, half = 62;
        g.fill(new RoundRectangle2D.Double(cx - arm, cy - half, 2 * arm, 2 * half, 14, 14));
        g.fill(new RoundRectangle2D.Double(cx - half, cy - arm, 2 * half, 2 * arm, 14, 14));
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
