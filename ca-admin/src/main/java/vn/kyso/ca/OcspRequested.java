package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A relying party asked the OCSP responder about this serial: a usage signal.
 *
 * @param answer the status answered, null when the serial is unknown to the CA
 */
public record OcspRequested(BigInteger serial, CertificateStatus answer, Instant at) implements CaEvent {
    public OcspRequested {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(at, "at");
    }
}
