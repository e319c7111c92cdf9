package vn.kyso.server.trust;

import java.time.Instant;

/**
 * One trust anchor as admins see it (the certificate itself stays in the database).
 *
 * @param sha256        SHA-256 of the certificate's DER, lower-case hex: how reports name it
 * @param forSignatures whether a signer's path may end at it
 * @param forTimestamps whether a TSA's path may end at it
 * @param retiredAt     when it was retired for good; null while it is not
 * @param source        SETTING (seeded from {@code kyso.verification.trust-anchors}) or ADMIN
 * @param status        ACTIVE (trusted now), DISABLED (may be enabled again) or RETIRED (never again)
 */
public record TrustAnchor(long id, String label, String sha256, String subject, Instant notAfter,
        boolean forSignatures, boolean forTimestamps, boolean enabled, Instant retiredAt, String source,
        String createdBy, Instant createdAt, Instant updatedAt, String status) {

    public TrustAnchor {
        status = retiredAt != null ? "RETIRED" : enabled ? "ACTIVE" : "DISABLED";
    }

    public boolean trusted() {
        return retiredAt == null && enabled;
    }
}
