package vn.kyso.ca;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A subscriber certificate's serial, subscriber and current status in the register, without its
 * encoding: what an inventory kept elsewhere compares itself with at start-up.
 */
public record RegisteredStatus(BigInteger serial, long subscriberId, CertificateStatus status) {
    public RegisteredStatus {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(status, "status");
    }
}
