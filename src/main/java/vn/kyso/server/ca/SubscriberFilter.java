package vn.kyso.server.ca;

import org.springframework.web.util.UriComponentsBuilder;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.SubscriberSearch;

/** The subscribers page's search (text, kind, page), and its links to other pages of the same search. */
record SubscriberFilter(String q, SubscriberKind kind, int offset) {

    static final int PAGE = 50;
    /** How many people a picker (the issuing form, an account's link) lists for a search. */
    static final int PICKS = 20;

    SubscriberFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        offset = Math.max(0, offset);
    }

    SubscriberSearch search() {
        return new SubscriberSearch(q, kind, PAGE, offset);
    }

    /** The first {@link #PICKS} people a picker's search finds, with how many match in all. */
    static ResultPage<DirectoryApi.SubscriberView> picks(CertificateAuthority ca, String q) {
        ResultPage<Subscriber> found = ca.findSubscribers(new SubscriberSearch(q, null, PICKS, 0));
        return new ResultPage<>(found.items().stream().map(DirectoryApi.SubscriberView::of).toList(), found.total(),
                0, PICKS);
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
