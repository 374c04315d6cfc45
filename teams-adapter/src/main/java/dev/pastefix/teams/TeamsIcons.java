package dev.pastefix.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The two icons a Teams app package needs, drawn at build time instead of shipped as binaries: a
 * 192x192 colour icon (a white clipboard with a tick on the accent colour) and a 32x32 outline icon
 * (the same shape, white on transparent, as Teams requires). Only shapes are drawn, so no font is
 * needed on a headless server.
 */
final class TeamsIcons {
  static final int COLOR_SIZE = 192;
  static final int OUTLINE_SIZE = 32;
  static final Color ACCENT = Color.decode(TeamsAppPackage.ACCENT);

  private TeamsIcons() {}

  static byte[] color() {
    BufferedImage image = new BufferedImage(COLOR_SIZE, COLOR_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = graphics(image);
    g.setColor(ACCENT);
    g.fillRect(0, 0, COLOR_SIZE, COLOR_SIZE);
    drawMark(g, COLOR_SIZE);
    g.dispose();
    return png(image);
  }

  static byte[] outline() {
    BufferedImage image =
        new BufferedImage(OUTLINE_SIZE, OUTLINE_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = graphics(image);
    drawMark(g, OUTLINE_SIZE);
    g.dispose();
    return png(image);
  }

  /** A clipboard (the paste) with a tick (the fix), scaled to {@code size}. */
  private static void drawMark(Graphics2D g, int size) {
    double u = size / 32.0;
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) (2.2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new RoundRectangle2D.Double(8 * u, 6 * u, 16 * u, 21 * u, 3 * u, 3 * u));
    g.fill(new RoundRectangle2D.Double(12 * u, 3.5 * u, 8 * u, 5 * u, 2 * u, 2 * u));
    Path2D tick = new Path2D.Double();
    tick.moveTo(11.5 * u, 17 * u);
    tick.lineTo(14.8 * u, 20.5 * u);
    tick.lineTo(20.5 * u, 13 * u);
    g.setStroke(new BasicStroke((float) (2.6 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(tick);
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer in this JVM");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
