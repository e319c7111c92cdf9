package vn.kyso.signing.verify;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.util.ArrayList;
import java.util.List;

import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeClass;
import vn.kyso.signing.ChangeKind;
import vn.kyso.signing.ChangeSummary;
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
        if (candidate.sharesSignatureWith() != null) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the field uses the same signature as field '"
                    + candidate.sharesSignatureWith() + "': one signature is shown twice");
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
     * What happened after the signed revision, classified change by change (kept in
     * {@code revisions} for the report). Changes the signed revision's signatures do not permit
     * make the signature INVALID/FORMAT_FAILURE (see the package documentation for why).
     */
    static Modifications modifications(Revisions revisions, SignatureCandidate candidate, PDDocument revision,
            Verdict verdict) {
        ChangeSummary summary = summary(revisions, candidate, revision);
        for (Change change : summary.changes()) {
            if (!change.permitted()) {
                verdict.invalid(SubIndication.FORMAT_FAILURE, change.english());
            }
        }
        revisions.remember(candidate, summary);
        return summary.modifications();
    }

    private static ChangeSummary summary(Revisions revisions, SignatureCandidate candidate, PDDocument revision) {
        PdfFile file = revisions.file();
        List<Change> changes = new ArrayList<>();
        if (candidate.rangeEnd() == file.length()) {
            return ChangeSummary.NO_CHANGE;
        }
        if (candidate.sharesSignatureWith() != null) {
            changes.add(new Change(ChangeKind.SIGNATURE_REUSED, false, null, candidate.field(), "the field '"
                    + candidate.field() + "' shows the signature of field '" + candidate.sharesSignatureWith() + "'"));
        } else if (revision == null) {
            changes.add(new Change(ChangeKind.NOT_ANALYSABLE, false, null, null,
                    "the signed revision cannot be read, so the changes after it cannot be analysed"));
        } else {
            changes.addAll(RevisionComparison.compare(revision, revisions.current(), file.bytes(), candidate.rangeEnd()));
        }
        if (!file.endsWithRevision()) {
            changes.add(new Change(ChangeKind.DATA_APPENDED, false, null, null,
                    "bytes after the last %%EOF are not a complete incremental update (appended after signing)"));
        }
        if (candidate.removedLater()) {
            changes.add(new Change(ChangeKind.SIGNATURE_REMOVED, false, null, candidate.field(),
                    "a later revision removed this signature from the document"));
        }
        ChangeSummary summary = ChangeSummary.of(changes);
        if (revision != null && summary.changeClass().compareTo(ChangeClass.LTV_UPDATES) > 0) {
            summary = revisions.pages().compare(revision, candidate.rangeEnd(), summary);
        }
        return summary;
    }
}
