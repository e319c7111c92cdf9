package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate was suspended, released or revoked.
 *
 * @param reason the revocation reason (CERTIFICATE_HOLD when suspended), null when released
 */
public record CertificateStatusChanged(BigInteger serial, CertificateStatus status, RevocationReason reason,
                                       String actor, Instant at) implements CaEvent {
    public CertificateStatusChanged {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
