package vn.kyso.signing.appearance;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders pages with PDFBox and finds coloured pixels, so tests check what a reader shows. */
final class Rendering {

    static final int DPI = 144;
    static final double PX_PER_PT = DPI / 72.0;
    static final double PX_PER_MM = DPI / 25.4;
    private static final Path SCREENSHOTS = Path.of("target", "appearance-screenshots");

    /** Decides whether one RGB pixel belongs to what a test looks for. */
    @FunctionalInterface
    interface PixelTest {
        boolean test(int r, int g, int b);
    }

    static final PixelTest BLUE = (r, g, b) -> b > 140 && r < 110 && g < 130 && b - r > 60;
    static final PixelTest RED = (r, g, b) -> r > 150 && g < 120 && b < 120 && r - b > 60;
    static final PixelTest DARK = (r, g, b) -> r < 120 && g < 120 && b < 120;
    static final PixelTest COLOURED = (r, g, b) -> Math.max(Math.abs(r - g), Math.max(Math.abs(g - b), Math.abs(r - b))) > 40;

    private Rendering() {
    }

    /** Renders page {@code pageIndex} (0-based) and saves it as target/appearance-screenshots/{name}.png (and .pdf). */
    static BufferedImage render(byte[] pdf, int pageIndex, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, DPI, ImageType.RGB);
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(image, "png", SCREENSHOTS.resolve(name + ".png").toFile());
            // the signed file too, for a look in another reader
            Files.write(SCREENSHOTS.resolve(name + ".pdf"), pdf);
            return image;
        }
    }

    /** The same page rendered by poppler's pdftoppm, an independent reader; saved as {name}-poppler.png. */
    static BufferedImage renderWithPoppler(byte[] pdf, int pageIndex, String name)
            throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path file = Files.write(SCREENSHOTS.resolve(name + ".pdf"), pdf);
        String page = String.valueOf(pageIndex + 1);
        Process process = new ProcessBuilder("pdftoppm", "-r", String.valueOf(DPI), "-png", "-singlefile", "-f", page,
                "-l", page, file.toString(), SCREENSHOTS.resolve(name + "-poppler").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("pdftoppm failed: " + output);
        }
        return ImageIO.read(SCREENSHOTS.resolve(name + "-poppler.png").toFile());
    }

    /** The bounds of pixels passing {@code test} inside {@code region} (pixels), or null when none do. */
    static Rectangle bounds(BufferedImage image, Rectangle region, PixelTest test) {
        Rectangle clip = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = clip.y; y < clip.y + clip.height; y++) {
            for (int x = clip.x; x < clip.x + clip.width; x++) {
                int p = image.getRGB(x, y);
                if (test.test((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    static Rectangle bounds(BufferedImage image, PixelTest test) {
        return bounds(image, new Rectangle(0, 0, image.getWidth(), image.getHeight()), test);
    }

    /** Pixel row of a displayed-frame y coordinate (points from the bottom of an A4 page). */
    static double row(double yPoints) {
        return (TestDocuments.HEIGHT - yPoints) * PX_PER_PT;
    }

    static double column(double xPoints) {
        return xPoints * PX_PER_PT;
    }
}
