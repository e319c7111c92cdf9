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

import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VerificationReport;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.IngestResult.SkipReason;

/**
 * Finds signatures with signing-core's {@link PdfVerifier}, offline, and passes on what it
 * proved: the certificate whose key verified an intact signature, the signature's identity and
 * the time a valid signature timestamp proves. Whether that certificate is one the province
 * counts, and whether it was valid then, is the inventory's question ({@link ProvenSignatures}).
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
            String problem = s.intact() ? null
                    : s.problems().isEmpty() ? String.valueOf(s.subIndication()) : String.join("; ", s.problems());
            String revision = revisions.getOrDefault(s.field(), SignedRevisions.sha256(bytes, bytes.length));
            found.add(new FoundSignature(s.field(),
                    identified ? new CertificateRef(s.issuer(), s.certificateSerial()) : null, s.signerSubject(),
                    s.intact() ? s.signerCertificate() : null, s.signatureId(), s.timestampTime(), s.signingTime(),
                    problem, revision));
        }
        return found;
    }
}
