package vn.kyso.usage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VerificationReport;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.IngestResult.SkipReason;

/**
 * Finds signatures with signing-core's {@link PdfVerifier}, offline. Counting use needs who
 * signed and when, not trust: an INDETERMINATE signature (unknown root, no revocation data)
 * still names its signer by issuer and serial and counts; an INVALID one (altered bytes, bad
 * signature value) proves nothing and is reported instead.
 */
public final class VerifiedSignatures implements SignatureExtractor {

    private final PdfVerifier verifier;

    public VerifiedSignatures(Collection<X509Certificate> trustAnchors, Clock clock, long maxFileSize) {
        this.verifier = PdfVerifier.builder().trustAnchors(trustAnchors).clock(clock)
                .revocationSource(RevocationSource.none()).maxFileSize(maxFileSize).build();
    }

    @Override
    public List<FoundSignature> extract(Path pdf) throws UnreadableDocument {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UnreadableDocument(SkipReason.READ_ERROR, "cannot read the file: " + e.getMessage(), e);
        }
        VerificationReport report;
        Map<String, String> revisions;
        try {
            report = verifier.verify(bytes);
            revisions = report.signatures().isEmpty() ? Map.of() : SignedRevisions.of(bytes);
        } catch (SigningException e) {
            SkipReason reason = switch (e.code()) {
                case ENCRYPTED_PDF -> SkipReason.ENCRYPTED;
                case LIMIT_EXCEEDED -> SkipReason.TOO_LARGE;
                case IO_ERROR -> SkipReason.READ_ERROR;
                default -> SkipReason.NOT_A_PDF;
            };
            throw new UnreadableDocument(reason, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocument(SkipReason.NOT_A_PDF, "not a readable PDF: " + e.getMessage(), e);
        }
        List<FoundSignature> found = new ArrayList<>();
        for (SignatureReport s : report.signatures()) {
            boolean identified = s.issuer() != null && s.certificateSerial() != null;
            String problem = s.indication() == Indication.INVALID || !identified
                    ? (s.problems().isEmpty() ? String.valueOf(s.subIndication()) : String.join("; ", s.problems()))
                    : null;
            String revision = revisions.getOrDefault(s.field(), SignedRevisions.sha256(bytes, bytes.length));
            found.add(new FoundSignature(s.field(),
                    identified ? new CertificateRef(s.issuer(), s.certificateSerial()) : null,
                    s.signerSubject(), s.timestampTime() != null ? s.timestampTime() : s.signingTime(), problem,
                    revision));
        }
        return found;
    }
}
