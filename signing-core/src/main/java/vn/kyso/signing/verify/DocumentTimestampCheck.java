package vn.kyso.signing.verify;

import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.Modifications;
import vn.kyso.signing.TimestampReport;

/** Checks one document timestamp (/SubFilter /ETSI.RFC3161) over its byte range. */
final class DocumentTimestampCheck {

    private final TimestampTokens tokens;

    DocumentTimestampCheck(TimestampTokens tokens) {
        this.tokens = tokens;
    }

    TimestampReport check(SignatureCandidate candidate, DocumentContext context) {
        Verdict verdict = new Verdict();
        PDDocument revision = SignedRevision.check(context.revisions, candidate, verdict);
        java.time.Instant time = null;
        String tsa = null;
        String anchor = null;
        if (revision != null) {
            byte[] bytes = context.revisions.file().bytes();
            TimestampTokens.Result result = tokens.check(candidate.contents(),
                    alg -> ByteRangeCheck.digest(bytes, candidate.byteRange(), alg), context.certificates,
                    context.tsaCheckTime(candidate.rangeEnd()));
            time = result.time();
            tsa = result.tsa();
            anchor = result.anchorSha256();
            Verdict tokenVerdict = result.verdict();
            tokenVerdict.problems().forEach(p -> verdict.fail(tokenVerdict.indication(), tokenVerdict.subIndication(), p));
        }
        Modifications modifications = SignedRevision.modifications(context.revisions, candidate, revision, verdict);
        boolean signsDss = revision != null && Dss.read(revision).present();
        context.timestamps.add(new DocumentContext.CheckedTimestamp(candidate.rangeEnd(), verdict.isValid() && time != null,
                time, signsDss));
        return new TimestampReport(candidate.field(), verdict.indication(), verdict.subIndication(), time, tsa,
                candidate.rangeEnd() == context.revisions.file().length(), modifications, verdict.problems(), anchor, null);
    }
}
