package vn.kyso.signing.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.ChangeSummary;
import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.TimestampReport;
import vn.kyso.signing.VerificationReport;

/**
 * The verification engine behind {@code PdfVerifier}: opens the file, finds its signatures and
 * document timestamps, and checks each. Thread-safe; holds the caches that make repeated
 * verifications cheap. Only unreadable input throws (as {@link SigningException}).
 */
public final class DocumentVerifier {

    private final VerifierSettings settings;
    private final CertificateCache cache = new CertificateCache();
    private final OcspResponses ocsp;
    private final SignatureCheck signatures;
    private final DocumentTimestampCheck documentTimestamps;

    public DocumentVerifier(VerifierSettings settings) {
        this.settings = settings;
        ChainValidator chains = new ChainValidator(settings.trustAnchors(), settings.timestampOnly(),
                settings.signatureOnly(), cache);
        TimestampTokens tokens = new TimestampTokens(chains, cache);
        RevocationChecker revocation = new RevocationChecker(settings.revocationSource(), settings.onlineTimeout(), cache);
        this.ocsp = new OcspResponses(cache);
        this.signatures = new SignatureCheck(chains, revocation, tokens, cache);
        this.documentTimestamps = new DocumentTimestampCheck(tokens);
    }

    /** Verifies {@code pdf}; throws only when it cannot be read as a PDF. */
    public VerificationReport verify(byte[] pdf) {
        PdfFile file = new PdfFile(pdf);
        PDDocument document = file.open();
        try (Revisions revisions = new Revisions(file, document, settings.pageComparison())) {
            return verify(file, revisions);
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF,
                    "The PDF structure cannot be read: " + PdfFile.oneLine(e), e);
        }
    }

    /**
     * How many bytes the {@code number}-th signature (1-based, in the order of
     * {@link VerificationReport#signatures()}) signed: the length of the revision it signs.
     * Throws {@code INVALID_REQUEST} when there is no such signature or its range is unusable.
     */
    public long signedLength(byte[] pdf, int number) {
        PdfFile file = new PdfFile(pdf);
        try (Revisions revisions = new Revisions(file, file.open(), settings.pageComparison())) {
            List<SignatureCandidate> signatures = SignatureFinder.find(revisions.current()).stream()
                    .filter(c -> !c.isDocumentTimestamp())
                    .sorted(Comparator.comparingLong(SignatureCandidate::rangeEnd))
                    .toList();
            if (number < 1 || number > signatures.size()) {
                throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                        "The document has " + signatures.size() + " signatures; there is no signature " + number);
            }
            long end = signatures.get(number - 1).rangeEnd();
            if (end <= 0 || end > file.length() || !file.isRevisionEnd(end)) {
                throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                        "Signature " + number + " does not sign a whole revision of the file");
            }
            return end;
        }
    }

    private VerificationReport verify(PdfFile file, Revisions revisions) {
        List<String> documentProblems = new ArrayList<>();
        List<SignatureCandidate> candidates = new ArrayList<>(SignatureFinder.markShared(SignatureFinder.find(revisions.current())));
        addRemovedSignatures(file, revisions, candidates);
        candidates.sort(Comparator.comparingLong(SignatureCandidate::rangeEnd));
        DocumentContext context = new DocumentContext(revisions, Dss.read(revisions.current()), settings.clock().instant(),
                cache, ocsp);

        // latest first: a later document timestamp proves when an earlier one's TSA certificate was used
        List<TimestampReport> timestamps = new ArrayList<>();
        for (int i = candidates.size() - 1; i >= 0; i--) {
            SignatureCandidate c = candidates.get(i);
            if (c.isDocumentTimestamp()) {
                timestamps.add(0, guarded(() -> withChanges(documentTimestamps.check(c, context), revisions.summary(c)),
                        e -> new TimestampReport(c.field(), Indication.INDETERMINATE, SubIndication.GENERIC, null, null,
                                false, Modifications.DISALLOWED, List.of(e))));
            }
        }
        List<SignatureReport> reports = new ArrayList<>();
        for (SignatureCandidate c : candidates) {
            if (!c.isDocumentTimestamp()) {
                reports.add(guarded(() -> SignerIdentity.complete(withChanges(signatures.check(c, context),
                        revisions.summary(c)), c.contents(), cache).withReason(c.dictionary().getString(COSName.REASON)),
                        e -> new SignatureReport(c.field(), Indication.INDETERMINATE, SubIndication.GENERIC, null, null,
                                null, null, null, c.claimedTime(), null, false, Modifications.DISALLOWED, List.of(e))));
            }
        }
        if (candidates.isEmpty()) {
            documentProblems.add("the document has no signatures");
        }
        if (!file.endsWithRevision()) {
            documentProblems.add("the file has data after its last %%EOF marker");
        }
        return new VerificationReport(reports, timestamps, documentProblems);
    }

    /**
     * Signatures whose /ByteRange is still in the file but that the current form no longer
     * references: an update removed them. Each is taken from the revision it signs.
     */
    private static void addRemovedSignatures(PdfFile file, Revisions revisions, List<SignatureCandidate> candidates) {
        for (long[] range : SignatureFinder.scanByteRanges(file.bytes())) {
            long end = range[2] + range[3];
            boolean known = candidates.stream().anyMatch(c -> java.util.Arrays.equals(c.byteRange(), range));
            if (known || range[0] != 0 || end <= 0 || end >= file.length() || !file.isRevisionEnd(end)) {
                continue;
            }
            PDDocument revision = revisions.at(end);
            if (revision == null) {
                continue;
            }
            for (SignatureCandidate c : SignatureFinder.find(revision)) {
                if (java.util.Arrays.equals(c.byteRange(), range)
                        && candidates.stream().noneMatch(k -> k.sameSignatureAs(c))) {
                    candidates.add(c.markRemoved());
                }
            }
        }
    }

    private static SignatureReport withChanges(SignatureReport report, ChangeSummary summary) {
        return summary == null ? report : report.withChanges(summary);
    }

    private static TimestampReport withChanges(TimestampReport report, ChangeSummary summary) {
        return summary == null ? report : report.withChanges(summary);
    }

    private static <T> T guarded(java.util.function.Supplier<T> check, java.util.function.Function<String, T> onError) {
        try {
            return check.get();
        } catch (RuntimeException | StackOverflowError e) {
            return onError.apply("the signature could not be checked: " + PdfFile.oneLine(e));
        }
    }
}
