package vn.kyso.signing.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.AnnotationFilter;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeClass;
import vn.kyso.signing.ChangeKind;
import vn.kyso.signing.ChangeSummary;

/**
 * The second opinion from the pages themselves: renders the pages a later revision may have
 * changed, in the signed revision and in the final file, and says which look different. It
 * closes what no structural rule anticipates: when the only changes found are new signatures
 * (whose widgets are left out of both renders: each signature is reported on its own) and a
 * page still looks different, that is a change of its own, never permitted. Only run when a
 * change above validation data was found, and bounded by {@link PageComparisonLimits}.
 */
final class PageComparison {

    /** Kinds whose widgets the renders leave out, so a page that still differs is unexplained. */
    private static final java.util.Set<ChangeKind> INVISIBLE = java.util.EnumSet.of(ChangeKind.SIGNATURE_ADDED,
            ChangeKind.SIGNATURE_FIELD_SIGNED, ChangeKind.EMPTY_SIGNATURE_FIELD_ADDED, ChangeKind.DOCUMENT_TIMESTAMP_ADDED);

    /** Leaves out signature widgets (a signature's look is the signature's, reported on its own). */
    private static final AnnotationFilter NO_SIGNATURE_WIDGETS = annotation -> {
        COSDictionary d = annotation.getCOSObject();
        return !(COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE)) && FormFields.isSignatureField(d));
    };

    private final PDDocument current;
    private final PageComparisonLimits limits;
    private final Map<Integer, BufferedImage> finalRenders = new HashMap<>();
    private PDFRenderer finalRenderer;

    PageComparison(PDDocument current, PageComparisonLimits limits) {
        this.current = current;
        this.limits = limits;
    }

    ChangeSummary compare(PDDocument signed, long rangeEnd, ChangeSummary summary) {
        if (limits.maxPages() == 0) {
            return summary;
        }
        long deadline = System.nanoTime() + limits.timeLimit().toNanos();
        int signedCount = signed.getNumberOfPages();
        int finalCount = current.getNumberOfPages();
        int common = Math.min(signedCount, finalCount);
        TreeSet<Integer> pages = new TreeSet<>();
        for (Change c : summary.changes()) {
            if (c.changeClass().compareTo(ChangeClass.LTV_UPDATES) > 0) {
                if (c.page() == null) {
                    for (int p = 1; p <= common; p++) {
                        pages.add(p);
                    }
                } else if (c.page() <= common) {
                    pages.add(c.page());
                }
            }
        }
        List<Integer> differ = new ArrayList<>();
        boolean incomplete = false;
        PDFRenderer signedRenderer = renderer(signed);
        int done = 0;
        for (int page : pages) {
            if (done++ >= limits.maxPages() || System.nanoTime() > deadline) {
                incomplete = true;
                break;
            }
            try {
                if (!looksSame(render(signedRenderer, page), finalRender(page))) {
                    differ.add(page);
                }
            } catch (IOException | RuntimeException e) {
                incomplete = true;
            }
        }
        for (int p = common + 1; p <= finalCount; p++) {
            differ.add(p); // pages the signed revision does not have
        }
        boolean countChanged = signedCount != finalCount;
        ChangeSummary.PageCheck check = incomplete ? ChangeSummary.PageCheck.INCOMPLETE
                : differ.isEmpty() && !countChanged ? ChangeSummary.PageCheck.SAME : ChangeSummary.PageCheck.DIFFERENT;
        ChangeSummary result = summary.withPages(check, differ);
        boolean explained = summary.changes().stream()
                .anyMatch(c -> c.changeClass().compareTo(ChangeClass.LTV_UPDATES) > 0 && !INVISIBLE.contains(c.kind()));
        if ((!differ.isEmpty() || countChanged) && !explained) {
            Integer first = differ.isEmpty() ? null : differ.get(0);
            result = result.with(new Change(ChangeKind.PAGE_LOOKS_DIFFERENT, false, first, null,
                    (first == null ? "the number of pages" : "page " + first)
                            + " looks different from what was signed, and no change found explains it"));
        }
        return result;
    }

    private BufferedImage finalRender(int page) throws IOException {
        BufferedImage image = finalRenders.get(page);
        if (image == null) {
            if (finalRenderer == null) {
                finalRenderer = renderer(current);
            }
            image = render(finalRenderer, page);
            finalRenders.put(page, image);
        }
        return image;
    }

    private static PDFRenderer renderer(PDDocument document) {
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setAnnotationsFilter(NO_SIGNATURE_WIDGETS);
        return renderer;
    }

    private BufferedImage render(PDFRenderer renderer, int page) throws IOException {
        return renderer.renderImageWithDPI(page - 1, limits.dpi(), ImageType.RGB);
    }

    /**
     * Same size, and no pixel differs markedly but for a stray one or two: the renderer is
     * deterministic, so the same content gives the same pixels, and one changed digit changes dozens.
     */
    static boolean looksSame(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        long allowed = 2;
        long different = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (p != q && channelGap(p, q) > 32 && ++different > allowed) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int channelGap(int p, int q) {
        int gap = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            gap = Math.max(gap, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
        }
        return gap;
    }
}
