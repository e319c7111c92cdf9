package vn.kyso.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * Later evidence about a closed month: a proven signature dated in it (by a timestamp) that
 * arrived after the month closed. It is shown beside the report; the report's figures stay.
 *
 * @param certificate  the certificate it proves use of
 * @param signedAt     the time its evidence proves
 * @param signatureId  its identity (SHA-256 of the signature value)
 * @param document     the document it came in
 * @param fileSha256   SHA-256 (hex) of that file
 * @param recordedAt   when it was added
 * @param recordedBy   who added it
 */
public record Amendment(CertificateRef certificate, Instant signedAt, String signatureId, String document,
        String fileSha256, Instant recordedAt, String recordedBy) {

    public Amendment {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
