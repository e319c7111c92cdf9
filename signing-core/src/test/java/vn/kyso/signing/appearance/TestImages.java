package vn.kyso.signing.appearance;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Transparent PNGs drawn with Java2D: a blue handwritten signature and a red round seal. */
final class TestImages {

    static final Color INK_BLUE = new Color(20, 40, 200);
    static final Color SEAL_RED = new Color(220, 20, 30);

    private TestImages() {
    }

    /** A blue signature stroke on a transparent 600 x 220 canvas with a transparent margin. */
    static byte[] blueSignature() {
        BufferedImage image = new BufferedImage(600, 220, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setColor(INK_BLUE);
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D stroke = new Path2D.Double();
        stroke.moveTo(40, 150);
        stroke.curveTo(110, 20, 160, 40, 190, 150);
        stroke.curveTo(230, 200, 290, 50, 340, 110);
        stroke.curveTo(390, 170, 450, 60, 520, 70);
        stroke.moveTo(90, 175);
        stroke.curveTo(250, 160, 400, 185, 560, 150);
        g.draw(stroke);
        g.dispose();
        return png(image);
    }

    /** A red round seal, 500 px across (plus a 20 px transparent margin), with its agency's name. */
    static byte[] redSeal() {
        BufferedImage image = new BufferedImage(540, 540, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setColor(SEAL_RED);
        g.setStroke(new BasicStroke(14));
        g.draw(new Ellipse2D.Double(27, 27, 486, 486));
        g.setStroke(new BasicStroke(5));
        g.draw(new Ellipse2D.Double(95, 95, 350, 350));
        Font font = serif().deriveFont(Font.PLAIN, 30f);
        String ring = "ỦY BAN NHÂN DÂN TỈNH CÀ MAU * ";
        // letters around the ring, between the two circles
        double step = 2 * Math.PI / ring.length();
        for (int i = 0; i < ring.length(); i++) {
            double angle = -Math.PI / 2 + i * step;
            AffineTransform at = new AffineTransform();
            at.translate(270 + 200 * Math.cos(angle), 270 + 200 * Math.sin(angle));
            at.rotate(angle + Math.PI / 2);
            g.setFont(font.deriveFont(at));
            g.drawString(String.valueOf(ring.charAt(i)), -8, 10);
        }
        g.setFont(serif().deriveFont(Font.BOLD, 40f));
        centred(g, "ỦY BAN", 255);
        centred(g, "NHÂN DÂN", 300);
        g.setStroke(new BasicStroke(4));
        g.drawLine(190, 330, 350, 330);
        g.dispose();
        return png(image);
    }

    /** An image with no visible pixel at all. */
    static byte[] fullyTransparent() {
        return png(new BufferedImage(50, 20, BufferedImage.TYPE_INT_ARGB));
    }

    private static void centred(Graphics2D g, String text, int baseline) {
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, 270 - width / 2, baseline);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** The bundled Liberation Serif, so Vietnamese letters draw whatever fonts the machine has. */
    static Font serif() {
        try (InputStream in = TestImages.class.getResourceAsStream("fonts/LiberationSerif-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
