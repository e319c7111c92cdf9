package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate was issued to a subscriber. Carries the DER so that an inventory kept
 * elsewhere (usage-reports) needs nothing else from the CA.
 */
public record CertificateIssued(BigInteger serial, long subscriberId, CertificateKind kind, String subject,
                                Instant notBefore, Instant notAfter, byte[] der, Instant at) implements CaEvent {
    public CertificateIssued {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(der, "der");
        Objects.requireNonNull(at, "at");
    }
}
