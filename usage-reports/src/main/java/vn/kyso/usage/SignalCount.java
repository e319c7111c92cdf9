package vn.kyso.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A number of CHECKED or VERIFIED signals for one certificate, counted rather than stored one by
 * one. A busy OCSP responder answers thousands of requests a second: each is a usage signal, but
 * what the reports need of them is how many there were per certificate and day, which is what the
 * rollups keep. Signatures (SIGNED, SEEN) are never counted this way: each is stored once.
 *
 * @param type        CHECKED or VERIFIED
 * @param certificate the certificate the signals name
 * @param at          when they happened (the day they count on, in the reports' zone)
 * @param count       how many, at least 1
 */
public record SignalCount(EventType type, CertificateRef certificate, Instant at, int count) {

    public SignalCount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(at, "at");
        if (type.isSignature()) {
            throw new IllegalArgumentException("signatures are recorded one by one, not counted: " + type);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }
}
