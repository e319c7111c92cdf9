package vn.kyso.ca;

/**
 * A filter over the register; null fields match everything.
 *
 * @param limit  at most this many (1..1000), newest first
 */
public record CertificateQuery(Long subscriberId, CertificateStatus status, CertificateKind kind, int limit,
                               int offset) {
    public CertificateQuery {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw Checks.invalid("limit must be 1..1000 and offset not negative");
        }
    }

    public static CertificateQuery all() {
        return new CertificateQuery(null, null, null, 1000, 0);
    }
}
