package vn.kyso.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import vn.kyso.signing.PadesLevel;

/**
 * One thing that happened with a certificate. Documents are named by their SHA-256 only, never
 * by content. Signatures (SIGNED, SEEN) are identified by (certificate, document, signature
 * field): the same signature counts once however often it is recorded, whichever of SIGNED or
 * SEEN comes first. CHECKED and VERIFIED events are identified by {@code reference}: give the
 * same reference to make a retry idempotent, or null to count every call.
 *
 * @param type           what happened
 * @param certificate    the certificate concerned
 * @param at             when it happened (the signing time for signatures)
 * @param documentSha256 for SIGNED, SEEN and VERIFIED: SHA-256 (hex) of the signed revision
 *                       (the file up to the end of the signature's byte range)
 * @param signatureField for SIGNED, SEEN and VERIFIED: the signature field's name
 * @param channel        for SIGNED: where the signing was asked for
 * @param level          for SIGNED: the PAdES level made (may be null)
 * @param duration       for SIGNED: how long signing took (may be null)
 * @param reference      for CHECKED and VERIFIED: an idempotency reference (may be null)
 * @param signatureId    for SIGNED, SEEN and VERIFIED: the signature's identity, SHA-256 (hex) of
 *                       its signature value ({@code vn.kyso.signing.SignatureId}); when given, a
 *                       SIGNED or SEEN event is the same signature as any other with this id,
 *                       whatever the document's later revisions and the route it came by. Null
 *                       for events recorded before identities existed: then (certificate,
 *                       document, field) identifies the signature, as before.
 */
public record UsageEvent(EventType type, CertificateRef certificate, Instant at, String documentSha256,
        String signatureField, Channel channel, PadesLevel level, Duration duration, String reference,
        String signatureId) {

    /** An event without a signature identity. */
    public UsageEvent(EventType type, CertificateRef certificate, Instant at, String documentSha256,
            String signatureField, Channel channel, PadesLevel level, Duration duration, String reference) {
        this(type, certificate, at, documentSha256, signatureField, channel, level, duration, reference, null);
    }

    public UsageEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(at, "at");
        if (type != EventType.CHECKED) {
            Objects.requireNonNull(documentSha256, "documentSha256");
            Objects.requireNonNull(signatureField, "signatureField");
        }
        if (documentSha256 != null) {
            documentSha256 = documentSha256.toLowerCase(Locale.ROOT);
            if (documentSha256.length() != 64 || !documentSha256.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("documentSha256 must be 64 hex digits");
            }
        }
        if (signatureId != null) {
            signatureId = signatureId.toLowerCase(Locale.ROOT);
            if (signatureId.length() != 64 || !signatureId.chars().allMatch(HexFormat::isHexDigit)
                    || type == EventType.CHECKED) {
                throw new IllegalArgumentException("signatureId must be 64 hex digits, for signatures only");
            }
        }
        if (type == EventType.SIGNED) {
            Objects.requireNonNull(channel, "channel");
        } else if (channel != null || level != null || duration != null) {
            throw new IllegalArgumentException("channel, level and duration belong to SIGNED events only");
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration is negative");
        }
    }

    /** A signature kyso made. */
    public static UsageEvent signed(CertificateRef certificate, Instant at, String documentSha256, String signatureField,
            Channel channel, PadesLevel level, Duration duration) {
        return new UsageEvent(EventType.SIGNED, certificate, at, documentSha256, signatureField, channel, level, duration,
                null);
    }

    /** A signature kyso made, with its identity (the signer's {@code SignResult.signatureId()}). */
    public static UsageEvent signed(CertificateRef certificate, Instant at, String documentSha256, String signatureField,
            Channel channel, PadesLevel level, Duration duration, String signatureId) {
        return new UsageEvent(EventType.SIGNED, certificate, at, documentSha256, signatureField, channel, level, duration,
                null, signatureId);
    }

    /** A proven signature found in an ingested document, with its identity. */
    public static UsageEvent seen(CertificateRef certificate, Instant at, String documentSha256, String signatureField,
            String signatureId) {
        return new UsageEvent(EventType.SEEN, certificate, at, documentSha256, signatureField, null, null, null, null,
                signatureId);
    }

    /** A signature found in an ingested document. */
    public static UsageEvent seen(CertificateRef certificate, Instant at, String documentSha256, String signatureField) {
        return new UsageEvent(EventType.SEEN, certificate, at, documentSha256, signatureField, null, null, null, null);
    }

    /** An OCSP request about the certificate. */
    public static UsageEvent checked(CertificateRef certificate, Instant at, String reference) {
        return new UsageEvent(EventType.CHECKED, certificate, at, null, null, null, null, null, reference);
    }

    /** A verification kyso made of one of the certificate's signatures. */
    public static UsageEvent verified(CertificateRef certificate, Instant at, String documentSha256,
            String signatureField, String reference) {
        return new UsageEvent(EventType.VERIFIED, certificate, at, documentSha256, signatureField, null, null, null,
                reference);
    }
}
