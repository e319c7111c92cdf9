package vn.kyso.signing.verify;

import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.Modifications;
import vn.kyso.signing.SubIndication;

/**
 * The checks shared by signatures and document timestamps about the revision they sign: the
 * byte range is well formed, the signed revision is a readable PDF that itself holds this
 * signature dictionary, and what later revisions changed.
 */
final class SignedRevision {

    private SignedRevision() {
    }

    /**
     * Runs the structural checks; failures go to {@code verdict} as INVALID/FORMAT_FAILURE.
     *
     * @return the signed revision, or null when the signature cannot be checked further
     */
    static PDDocument check(Revisions revisions, SignatureCandidate candidate, Verdict verdict) {
        PdfFile file = revisions.file();
        PDDocument revision = null;
        long end = candidate.rangeEnd();
        if (candidate.byteRange() != null && end > 0 && end <= file.length() && file.isRevisionEnd(end)) {
            revision = revisions.at(end);
        }
        Long offset = revision == null ? null : ByteRangeCheck.objectOffset(revision, candidate.objectKey());
        String problem = ByteRangeCheck.problem(file, candidate, offset);
        if (problem != null) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, problem);
            return null;
        }
        if (revision == null) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the signed revision of the file cannot be read as a PDF");
            return null;
        }
        if (revision != revisions.current() && !holds(revision, candidate)) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the signature dictionary is not part of the revision it signs");
            return null;
        }
        return revision;
    }

    private static boolean holds(PDDocument revision, SignatureCandidate candidate) {
        for (SignatureCandidate c : SignatureFinder.find(revision)) {
            if (c.sameSignatureAs(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What happened after the signed revision. DISALLOWED changes make the signature
     * INVALID/FORMAT_FAILURE (see the package documentation for why).
     */
    static Modifications modifications(Revisions revisions, SignatureCandidate candidate, PDDocument revision,
            Verdict verdict) {
        PdfFile file = revisions.file();
        if (candidate.rangeEnd() == file.length()) {
            return Modifications.NONE;
        }
        if (revision == null) {
            return Modifications.DISALLOWED;
        }
        RevisionComparison.Result result = RevisionComparison.compare(revision, revisions.current(),
                Revisions.docMdpPermission(revision));
        Modifications modifications = result.modifications();
        result.problems().forEach(p -> verdict.invalid(SubIndication.FORMAT_FAILURE, p));
        if (!file.endsWithRevision()) {
            verdict.invalid(SubIndication.FORMAT_FAILURE,
                    "bytes after the last %%EOF are not a complete incremental update (appended after signing)");
            modifications = Modifications.DISALLOWED;
        }
        if (candidate.removedLater()) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "a later revision removed this signature from the document");
            modifications = Modifications.DISALLOWED;
        }
        return modifications;
    }
}
