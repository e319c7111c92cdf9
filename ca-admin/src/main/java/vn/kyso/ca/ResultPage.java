package vn.kyso.ca;

import java.util.List;
import java.util.Objects;

/**
 * One page of a longer list: the items from {@code offset} and how many match in all, so that a
 * console can say "1–50 of 969" and offer the next page without loading the other rows.
 */
public record ResultPage<T>(List<T> items, long total, int offset, int limit) {
    public ResultPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (total < 0 || offset < 0 || limit < 1) {
            throw Checks.invalid("a page needs total and offset not negative and a limit of at least 1");
        }
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    /** The first item's position counted from 1 (0 for an empty page). */
    public long first() {
        return items.isEmpty() ? 0 : offset + 1L;
    }

    public long last() {
        return offset + (long) items.size();
    }
}
