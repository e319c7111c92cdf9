package vn.kyso.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A signature ingestion saw and did not count, as kept for the auditor.
 *
 * @param observedAt    when it was ingested
 * @param observedBy    who ingested it (an account, or "watch-folder")
 * @param document      the document's name (zip entries: archive.zip!/entry.pdf)
 * @param fileSha256    SHA-256 (hex) of the document's file, null when not read
 * @param field         the signature field
 * @param signatureId   the signature's identity, null when its CMS is unreadable
 * @param certificate   the issuer and serial the signature names (claims, not proof); may be null
 * @param subject       the signing certificate's subject, may be null
 * @param evidenceTime  the time the evidence supports (timestamp, else ingestion)
 * @param reason        why it was not counted
 * @param detail        the explanation (English)
 */
public record RejectedObservation(Instant observedAt, String observedBy, String document, String fileSha256,
        String field, String signatureId, CertificateRef certificate, String subject, Instant evidenceTime,
        RejectionReason reason, String detail) {

    public RejectedObservation {
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(reason, "reason");
    }
}
