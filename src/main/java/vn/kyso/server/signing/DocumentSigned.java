package vn.kyso.server.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import vn.kyso.signing.PadesLevel;

/**
 * A signing the service made or tried, published as a Spring application event for the usage
 * module to count. The document is named by its SHA-256 only. A failed signing is published with
 * outcome {@link Outcome#FAILED}: it is counted as failed, never as made.
 *
 * @param certificateIssuer the signing certificate's issuer DN (RFC 4514); null when the failure
 *                          came before a certificate was chosen
 * @param certificateSerial the signing certificate's serial, lower-case hex; null likewise
 * @param documentSha256    SIGNED: SHA-256 (hex) of the signed PDF returned; FAILED: of the upload
 * @param signatureField    the signature field made; null when FAILED
 * @param at                when the signing ended
 * @param channel           where the signing was asked for
 * @param level             the PAdES level asked for
 * @param duration          how long it took
 * @param outcome           SIGNED or FAILED
 * @param failure           the error code when FAILED (e.g. WRONG_PIN, NOT_A_PDF), else null
 * @param account           the account that asked
 * @param signatureId       SIGNED: the signature's identity (SHA-256 of its signature value), which
 *                          the usage module shares with ingestion so the signature counts once;
 *                          null when FAILED
 */
public record DocumentSigned(String certificateIssuer, String certificateSerial, String documentSha256,
        String signatureField, Instant at, Channel channel, PadesLevel level, Duration duration, Outcome outcome,
        String failure, String account, String signatureId) {

    /** A signing event without a signature identity (a failure, or a caller that has none). */
    public DocumentSigned(String certificateIssuer, String certificateSerial, String documentSha256,
            String signatureField, Instant at, Channel channel, PadesLevel level, Duration duration, Outcome outcome,
            String failure, String account) {
        this(certificateIssuer, certificateSerial, documentSha256, signatureField, at, channel, level, duration,
                outcome, failure, account, null);
    }

    public DocumentSigned {
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.SIGNED && (certificateSerial == null || signatureField == null)) {
            throw new IllegalArgumentException("a signed document names its certificate and signature field");
        }
    }

    /** Where the signing was asked for. */
    public enum Channel {
        API, WEB,
        /** the Cloud Signature Consortium API ({@code /csc/v2/}); counted with the API */
        CSC
    }

    /** Whether the signature was made. */
    public enum Outcome {
        SIGNED, FAILED
    }
}
