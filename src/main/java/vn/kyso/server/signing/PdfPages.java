package vn.kyso.server.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.springframework.stereotype.Component;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;

/**
 * Reads an uploaded PDF before signing: refuses what is not a PDF, is encrypted or has more pages
 * than {@code kyso.limits.max-pages}, and gives each page's size and a PNG of it for the console.
 * Pages are measured as a reader shows them (after /Rotate), in millimetres.
 */
@Component
public class PdfPages {

    /** One page as displayed: its width and height in millimetres. */
    public record PageSize(int number, double widthMm, double heightMm) {
    }

    /** Issue 13: drawing one page for the console may take this long, then the page is refused (422). */
    static final java.time.Duration PREVIEW_BUDGET = java.time.Duration.ofSeconds(10);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfPages.class);

    private final KysoProperties properties;
    private final BoundedRendering preview;

    @org.springframework.beans.factory.annotation.Autowired
    PdfPages(KysoProperties properties) {
        this(properties, BoundedRendering.MAX_CONTENT_BYTES, PREVIEW_BUDGET);
    }

    PdfPages(KysoProperties properties, long maxContentBytes, java.time.Duration budget) {
        this.properties = properties;
        this.preview = new BoundedRendering(maxContentBytes, budget);
    }

    /** The pages of {@code pdf}, after the checks every signing does first. */
    public List<PageSize> inspect(byte[] pdf) {
        try (PDDocument document = open(pdf)) {
            List<PageSize> sizes = new ArrayList<>();
            int number = 1;
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                boolean turned = Math.floorMod(page.getRotation(), 180) == 90;
                double w = (turned ? box.getHeight() : box.getWidth()) / VisibleSignature.POINTS_PER_MM;
                double h = (turned ? box.getWidth() : box.getHeight()) / VisibleSignature.POINTS_PER_MM;
                sizes.add(new PageSize(number++, round(w), round(h)));
            }
            return sizes;
        } catch (IOException e) {
            throw notAPdf(e);
        }
    }

    /** Page {@code number} (from 1) as a PNG at {@code dpi}. */
    public byte[] render(byte[] pdf, int number, int dpi) {
        try (PDDocument document = open(pdf)) {
            if (number < 1 || number > document.getNumberOfPages()) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "no page " + number, "page");
            }
            BufferedImage image;
            try {
                image = preview.renderer(document, number - 1).renderImageWithDPI(number - 1, dpi, ImageType.RGB);
            } catch (BoundedRendering.TooSlow e) {
                log.warn("Page {} preview stopped: over its {} time budget", number, PREVIEW_BUDGET);
                throw BoundedRendering.tooComplex("preview over its time budget");
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw notAPdf(e);
        }
    }

    private PDDocument open(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new SigningRefusedException(Reason.NO_DOCUMENT, "empty upload");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new SigningException(SigningException.ErrorCode.ENCRYPTED_PDF, "the PDF is encrypted");
        } catch (IOException e) {
            throw notAPdf(e);
        }
        int pages = document.getNumberOfPages();
        int max = properties.limits().maxPages();
        if (pages > max) {
            close(document);
            throw new SigningRefusedException(Reason.TOO_MANY_PAGES, "the PDF has " + pages + " pages", pages, max);
        }
        if (pages == 0) {
            close(document);
            throw notAPdf(null);
        }
        return document;
    }

    private static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // read-only document: nothing was written
        }
    }

    private static SigningException notAPdf(IOException cause) {
        return new SigningException(SigningException.ErrorCode.NOT_A_PDF, "the upload is not a readable PDF", cause);
    }

    private static double round(double mm) {
        return Math.round(mm * 10) / 10.0;
    }
}
