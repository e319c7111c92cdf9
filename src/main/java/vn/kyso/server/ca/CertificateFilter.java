package vn.kyso.server.ca;

import org.springframework.web.util.UriComponentsBuilder;

import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateStatus;

/**
 * The certificate list as the admin left it (search text, status, kind, holder, page): carried
 * through a confirmation page and back, so that revoking the 40th person of a search returns to
 * that search, not to the top of 967 certificates.
 */
record CertificateFilter(String q, CertificateStatus status, CertificateKind kind, Long subscriberId, int offset) {

    static final int PAGE = 50;

    CertificateFilter {
        q = SubscriberFilter.text(q);
        offset = Math.max(0, offset);
    }

    CertificateQuery query() {
        return new CertificateQuery(subscriberId, status, kind, q, PAGE, offset);
    }

    /** The list's URL with this filter (encoded; only this console's own path, never a URL from the request). */
    public String listUrl() {
        return withFilter(UriComponentsBuilder.fromPath("/admin/certificates")).encode().build().toUriString();
    }

    /** The same filter on another page of the list. */
    public String pageUrl(int newOffset) {
        return new CertificateFilter(q, status, kind, subscriberId, newOffset).listUrl();
    }

    /** The same filter for everyone's certificates (the holder dropped), from the first page. */
    public String everyHolderUrl() {
        return new CertificateFilter(q, status, kind, null, 0).listUrl();
    }

    /** A confirmation page ({@code revoke}, {@code suspend}) of one certificate, carrying this filter. */
    public String confirmUrl(String serial, String action) {
        return withFilter(UriComponentsBuilder.fromPath("/admin/certificates/{serial}/{action}")).encode()
                .buildAndExpand(serial, action).toUriString();
    }

    private UriComponentsBuilder withFilter(UriComponentsBuilder url) {
        if (q != null) {
            url.queryParam("q", q);
        }
        if (status != null) {
            url.queryParam("status", status.name());
        }
        if (kind != null) {
            url.queryParam("kind", kind.name());
        }
        if (subscriberId != null) {
            url.queryParam("subscriberId", subscriberId);
        }
        if (offset > 0) {
            url.queryParam("offset", offset);
        }
        return url;
    }
}
