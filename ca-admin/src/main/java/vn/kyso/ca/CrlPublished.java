package vn.kyso.ca;

import java.time.Instant;

/** A new full CRL was issued. */
public record CrlPublished(long crlNumber, int revokedCount, Instant thisUpdate, Instant nextUpdate, Instant at)
        implements CaEvent {
}
