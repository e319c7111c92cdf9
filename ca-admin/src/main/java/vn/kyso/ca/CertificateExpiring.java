package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** A subscriber's certificate expires within the warning period (published once per certificate). */
public record CertificateExpiring(BigInteger serial, long subscriberId, String subject, Instant notAfter, Instant at)
        implements CaEvent {
    public CertificateExpiring {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(at, "at");
    }
}
