package vn.kyso.server.usage;

import java.util.List;

/**
 * One page of a long list on the dashboard (the never-used, dormant, top-user and certificate
 * lists run to hundreds of rows in a province): the rows shown, which page, how many there are.
 *
 * @param rows   this page's rows
 * @param number this page, from 1
 * @param pages  how many pages (at least 1)
 * @param total  how many rows in all
 * @param first  the position (from 1) of this page's first row
 */
record Paged<T>(List<T> rows, int number, int pages, int total, int first) {

    static final int SIZE = 20;

    /** Page {@code requested} (1 when absent or out of range) of {@code all}. */
    static <T> Paged<T> of(List<T> all, Integer requested) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int number = requested == null || requested < 1 || requested > pages ? 1 : requested;
        int from = (number - 1) * SIZE;
        return new Paged<>(all.subList(from, Math.min(all.size(), from + SIZE)), number, pages, all.size(), from + 1);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }

    /** The position (from 1) of this page's last row. */
    public int last() {
        return first + rows.size() - 1;
    }
}
