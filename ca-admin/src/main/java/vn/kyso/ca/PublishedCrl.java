package vn.kyso.ca;

import java.time.Instant;
import java.util.Objects;

/** A full CRL (the issuing CA's, or the root's over CA certificates), DER-encoded, as served at its distribution point. */
public record PublishedCrl(long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    public PublishedCrl {
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(der, "der");
    }
}
