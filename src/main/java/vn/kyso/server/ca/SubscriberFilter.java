package vn.kyso.server.ca;

import org.springframework.web.util.UriComponentsBuilder;

import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.SubscriberSearch;

/** The subscribers page's search (text, kind, page), and its links to other pages of the same search. */
record SubscriberFilter(String q, SubscriberKind kind, int offset) {

    static final int PAGE = 50;

    SubscriberFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        offset = Math.max(0, offset);
    }

    SubscriberSearch search() {
        return new SubscriberSearch(q, kind, PAGE, offset);
    }

    public String pageUrl(int newOffset) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/subscribers");
        if (q != null) {
            url.queryParam("q", q);
        }
        if (kind != null) {
            url.queryParam("kind", kind.name());
        }
        if (newOffset > 0) {
            url.queryParam("offset", newOffset);
        }
        return url.encode().build().toUriString();
    }
}
