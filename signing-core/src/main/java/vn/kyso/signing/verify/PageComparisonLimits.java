package vn.kyso.signing.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the second opinion from the pages may go: it renders pages of the signed revision
 * and of the final file only when a later revision changed more than validation data, and
 * stops at these bounds (the report then says the comparison is incomplete).
 *
 * @param maxPages  the most pages compared per signature (0 turns the comparison off)
 * @param dpi       the resolution of the renders (low: the question is "different or not")
 * @param timeLimit the longest the comparison may take for one signature
 */
public record PageComparisonLimits(int maxPages, int dpi, Duration timeLimit) {

    /** 10 pages at 72 dpi within 10 seconds. */
    public static final PageComparisonLimits DEFAULT = new PageComparisonLimits(10, 72, Duration.ofSeconds(10));

    public PageComparisonLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxPages < 0 || dpi < 10 || dpi > 300 || timeLimit.isNegative()) {
            throw new IllegalArgumentException("page comparison: maxPages >= 0, dpi 10..300, timeLimit >= 0");
        }
    }
}
