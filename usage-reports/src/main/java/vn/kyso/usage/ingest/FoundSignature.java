package vn.kyso.usage.ingest;

import java.time.Instant;

import vn.kyso.usage.CertificateRef;

/**
 * A signature found in a PDF.
 *
 * @param field          the signature field's fully qualified name
 * @param certificate    the signer's issuer and serial (known even when the chain is untrusted);
 *                       null when the signature is too broken to name its signer (then problem says why)
 * @param subject        the signer's subject DN, null when the certificate is not embedded
 * @param time           the timestamp's time, else the claimed signing time; null when neither
 * @param problem        why the signature does not verify cryptographically; null when it does
 * @param revisionSha256 SHA-256 of the signed revision (the file up to the end of the byte range)
 */
public record FoundSignature(String field, CertificateRef certificate, String subject, Instant time, String problem,
        String revisionSha256) {
}
