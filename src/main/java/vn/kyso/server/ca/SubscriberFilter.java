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

    /** The longest search text (the CA's limit); what is typed beyond it is dropped, not refused. */
    static final int MAX_TEXT = 100;

    SubscriberFilter {
        q = text(q);
        offset = Math.max(0, offset);
    }

    /** A search box's text: stripped, null when blank, cut to {@link #MAX_TEXT} characters. */
    static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String stripped = q.strip();
        return stripped.length() <= MAX_TEXT ? stripped : stripped.substring(0, MAX_TEXT).strip();
    }

    SubscriberSearch search() {
        return new SubscriberSearch(q, kind, PAGE, offset);
    }

    /** The first {@link #PICKS} people a picker's search finds, with how many match in all. */
    static ResultPage<DirectoryApi.SubscriberView> picks(CertificateAuthority ca, String q) {
        ResultPage<Subscriber> found = ca.findSubscribers(new SubscriberSearch(text(q), null, PICKS, 0));
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
