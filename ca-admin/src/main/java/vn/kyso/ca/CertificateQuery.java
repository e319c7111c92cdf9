package vn.kyso.ca;

/**
 * A filter over the register; null fields match everything.
 *
 * @param text   the start of a serial (hex), or what {@link SubscriberSearch} matches of the
 *               holder (name, CCCD/MST, unit); null or blank for any
 * @param limit  at most this many (1..1000), newest first
 */
public record CertificateQuery(Long subscriberId, CertificateStatus status, CertificateKind kind, String text,
                               int limit, int offset) {
    public CertificateQuery {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw Checks.invalid("limit must be 1..1000 and offset not negative");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            throw Checks.invalid("the search text is longer than 100 characters");
        }
    }

    public CertificateQuery(Long subscriberId, CertificateStatus status, CertificateKind kind, int limit, int offset) {
        this(subscriberId, status, kind, null, limit, offset);
    }

    public static CertificateQuery all() {
        return new CertificateQuery(null, null, null, 1000, 0);
    }
}
