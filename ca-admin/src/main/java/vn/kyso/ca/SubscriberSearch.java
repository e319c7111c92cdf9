package vn.kyso.ca;

/**
 * What an admin looks for among subscribers: {@code text} (a name or part of it, with or without
 * diacritics; the start of a CCCD or MST; part of a unit's name or its code), null or blank for
 * everyone; {@code kind} null for both kinds.
 */
public record SubscriberSearch(String text, SubscriberKind kind, int limit, int offset) {
    public SubscriberSearch {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw Checks.invalid("limit must be 1..1000 and offset not negative");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            throw Checks.invalid("the search text is longer than 100 characters");
        }
    }
}
