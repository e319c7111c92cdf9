package vn.kyso.usage.ingest;

import java.security.cert.X509Certificate;
import java.time.Instant;

import vn.kyso.usage.CertificateRef;

/**
 * A signature found in a PDF, with what the verifier proved about it.
 *
 * @param field             the signature field's fully qualified name
 * @param certificate       the issuer and serial the signature names (for the auditor's eyes only:
 *                          anyone can write these); null when it names none readably
 * @param subject           the signer's subject DN, null when the certificate is not embedded
 * @param signerCertificate the certificate whose key verified the intact signature; null when the
 *                          signed bytes or the signature value do not verify
 * @param signatureId       SHA-256 (hex) of the signature value; null when the CMS is unreadable
 * @param timestampTime     the time a valid signature timestamp proves; null when there is none
 * @param claimedTime       the time the signer claims (/M or signingTime): shown, never evidence
 * @param problem           why the signature does not verify cryptographically; null when it does
 * @param revisionSha256    SHA-256 of the signed revision (the file up to the end of the byte range)
 */
public record FoundSignature(String field, CertificateRef certificate, String subject,
        X509Certificate signerCertificate, String signatureId, Instant timestampTime, Instant claimedTime,
        String problem, String revisionSha256) {
}
