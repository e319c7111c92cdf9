package vn.kyso.ca;

import java.time.Instant;
import java.util.Objects;

/** A full CRL of the issuing CA, DER-encoded, as served at the distribution point. */
public record PublishedCrl(long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    public PublishedCrl {
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(der, "der");
    }
}
