package vn.kyso.server.signing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Issue 13: a page preview that cannot burn a core. Before drawing, the decoded size of the page's
 * content and of the forms it draws is measured up to {@code maxContentBytes} (a Flate stream is
 * inflated here, chunk by chunk, so a 10 MB file that inflates to 10 GB stops after the bound);
 * while drawing, every operator checks the time budget. Either limit refuses the page with
 * {@link SigningRefusedException.Reason#PAGE_TOO_COMPLEX}: one line in the log, a 422.
 */
final class BoundedRendering {

    /** Far more than any page an officer signs (scans are images, not content). */
    static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;
    /** Form XObjects inside forms, beyond which a page is refused rather than walked. */
    private static final int MAX_FORM_DEPTH = 12;

    private final long maxContentBytes;
    private final Duration budget;

    BoundedRendering(long maxContentBytes, Duration budget) {
        this.maxContentBytes = maxContentBytes;
        this.budget = budget;
    }

    /** Thrown from inside PDFBox's drawing when the budget is spent. */
    static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("page drawing over its time budget");
        }
    }

    PDFRenderer renderer(PDDocument document, int pageIndex) throws IOException {
        long[] left = {maxContentBytes};
        measure(document.getPage(pageIndex), left);
        long deadline = System.nanoTime() + budget.toNanos();
        return new PDFRenderer(document) {
            @Override
            protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
                return new PageDrawer(parameters) {
                    @Override
                    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                            throw new TooSlow();
                        }
                        super.processOperator(operator, operands);
                    }
                };
            }
        };
    }

    private void measure(PDPage page, long[] left) throws IOException {
        java.util.Iterator<PDStream> streams = page.getContentStreams();
        while (streams.hasNext()) {
            consume(streams.next().getCOSObject(), left);
        }
        forms(page.getResources(), left, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void forms(PDResources resources, long[] left, int depth, Set<COSBase> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                if (depth >= MAX_FORM_DEPTH) {
                    throw tooComplex("forms nested deeper than " + MAX_FORM_DEPTH);
                }
                consume(form.getCOSObject(), left);
                forms(form.getResources(), left, depth + 1, seen);
            }
        }
    }

    /** Reads the stream decoded, counting against what is left; a lone Flate filter is inflated here. */
    private void consume(COSStream stream, long[] left) throws IOException {
        COSBase filter = stream.getFilters();
        boolean flateOnly = COSName.FLATE_DECODE.equals(filter) || filter instanceof org.apache.pdfbox.cos.COSArray array
                && array.size() == 1 && COSName.FLATE_DECODE.equals(array.getObject(0));
        if (flateOnly && stream.getDictionaryObject(COSName.DECODE_PARMS) == null) {
            inflate(stream, left);
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = stream.createInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                spend(left, n);
            }
        }
    }

    private void inflate(COSStream stream, long[] left) throws IOException {
        Inflater inflater = new Inflater();
        byte[] raw = new byte[64 * 1024];
        byte[] out = new byte[256 * 1024];
        try (InputStream in = stream.createRawInputStream()) {
            for (int n; !inflater.finished() && (n = in.read(raw)) > 0; ) {
                inflater.setInput(raw, 0, n);
                while (!inflater.needsInput() && !inflater.finished()) {
                    int produced = inflater.inflate(out);
                    spend(left, produced);
                    if (produced == 0 && inflater.needsDictionary()) {
                        return; // PDFBox will refuse it itself
                    }
                }
            }
        } catch (DataFormatException broken) {
            // a damaged stream: PDFBox draws what it can, as before
        } finally {
            inflater.end();
        }
    }

    private static void spend(long[] left, long bytes) {
        left[0] -= bytes;
        if (left[0] < 0) {
            throw tooComplex("content over the preview's bound");
        }
    }

    static SigningRefusedException tooComplex(String why) {
        return new SigningRefusedException(SigningRefusedException.Reason.PAGE_TOO_COMPLEX, why);
    }
}
