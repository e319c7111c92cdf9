package vn.kyso.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signing produced.
 *
 * @param fieldName       the signature field that holds the signature
 * @param level           the PAdES level reached
 * @param signingCertificate the signer's certificate
 * @param claimedSigningTime the time written in /M (from the signer's Clock)
 * @param timestampTime   the signature timestamp's genTime (B-T and above), or null
 * @param documentSha256  SHA-256 of the whole output file, for the usage event
 * @param outputSize      the output's size in bytes
 * @param signatureId     the signature's stable identity ({@link SignatureId}), shared with the verifier's report
 */
public record SignResult(String fieldName, PadesLevel level, X509Certificate signingCertificate,
        Instant claimedSigningTime, Instant timestampTime, byte[] documentSha256, long outputSize,
        String signatureId) {

    public SignResult {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        Objects.requireNonNull(claimedSigningTime, "claimedSigningTime");
        documentSha256 = documentSha256.clone();
    }

    @Override
    public byte[] documentSha256() {
        return documentSha256.clone();
    }
}
