package vn.kyso.server.verification;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

import vn.kyso.signing.Indication;

/**
 * kyso verified one signature (one event per signature of an uploaded document), published as a
 * Spring application event for the usage module's VERIFIED count.
 *
 * @param certificateIssuer the signer certificate's issuer DN; null when the signature names no certificate
 * @param certificateSerial lower-case hex; null likewise
 * @param documentSha256    SHA-256 (hex) of the uploaded file
 * @param signatureField    the signature field's name
 * @param indication        the verdict
 * @param at                when it was verified
 * @param channel           API or WEB
 * @param signerCertificate the certificate whose key verified the intact signature, null when not intact
 * @param signatureId       the signature's identity (SHA-256 of its signature value), may be null
 */
public record DocumentVerified(String certificateIssuer, String certificateSerial, String documentSha256,
        String signatureField, Indication indication, Instant at, String channel, X509Certificate signerCertificate,
        String signatureId) {

    public DocumentVerified(String certificateIssuer, String certificateSerial, String documentSha256,
            String signatureField, Indication indication, Instant at, String channel) {
        this(certificateIssuer, certificateSerial, documentSha256, signatureField, indication, at, channel, null, null);
    }

    public DocumentVerified {
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(signatureField, "signatureField");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(at, "at");
    }
}
