package vn.kyso.signing.verify;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.ChangeSummary;
import vn.kyso.signing.SigningException;

/**
 * The revisions of one file opened as documents of their own, each opened once and closed
 * together at the end of the verification.
 */
final class Revisions implements AutoCloseable {

    private final PdfFile file;
    private final PDDocument current;
    private final Map<Long, PDDocument> opened = new HashMap<>();
    private final Map<SignatureCandidate, ChangeSummary> summaries = new java.util.IdentityHashMap<>();
    private final PageComparison pages;

    Revisions(PdfFile file, PDDocument current, PageComparisonLimits limits) {
        this.file = file;
        this.current = current;
        this.pages = new PageComparison(current, limits);
    }

    /** Keeps the change analysis of {@code candidate} for its report. */
    void remember(SignatureCandidate candidate, ChangeSummary summary) {
        summaries.put(candidate, summary);
    }

    /** The change analysis made for {@code candidate}, null when none was made. */
    ChangeSummary summary(SignatureCandidate candidate) {
        return summaries.get(candidate);
    }

    /** The rendering comparison of this file's pages (its final renders are shared by all signatures). */
    PageComparison pages() {
        return pages;
    }

    PdfFile file() {
        return file;
    }

    PDDocument current() {
        return current;
    }

    /** The revision ending at {@code end}, or null when that prefix cannot be read as a PDF. */
    PDDocument at(long end) {
        if (end == file.length()) {
            return current;
        }
        if (opened.containsKey(end)) {
            return opened.get(end);
        }
        PDDocument doc;
        try {
            doc = file.openRevision(end);
        } catch (SigningException e) {
            doc = null;
        }
        opened.put(end, doc);
        return doc;
    }

    /**
     * The DocMDP permission (1, 2 or 3) of a certification signature in {@code revision}, or 0
     * when the revision is not certified.
     */
    static int docMdpPermission(PDDocument revision) {
        COSDictionary perms = SignatureFinder.dict(revision.getDocumentCatalog().getCOSObject().getItem(COSName.PERMS));
        COSDictionary signature = perms == null ? null : SignatureFinder.dict(perms.getItem(COSName.DOCMDP));
        if (signature == null) {
            return 0;
        }
        COSBase references = signature.getDictionaryObject(COSName.REFERENCE);
        if (references instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSDictionary reference = SignatureFinder.dict(array.get(i));
                if (reference != null && COSName.DOCMDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))) {
                    COSDictionary params = SignatureFinder.dict(reference.getItem(COSName.TRANSFORM_PARAMS));
                    int p = params == null ? 2 : params.getInt(COSName.P, 2);
                    return p < 1 || p > 3 ? 2 : p;
                }
            }
        }
        return 2;
    }

    @Override
    public void close() {
        for (PDDocument d : opened.values()) {
            if (d != null) {
                try {
                    d.close();
                } catch (IOException e) {
                    // closing an in-memory document cannot lose data
                }
            }
        }
        try {
            current.close();
        } catch (IOException e) {
            // as above
        }
    }
}
