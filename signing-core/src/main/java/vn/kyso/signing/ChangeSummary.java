package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * What happened to the document after one signature: the changes, their class (the most
 * serious change's), whether the signatures before them permit them all, and what the pages
 * themselves say when they were rendered and compared.
 *
 * @param changeClass  NONE when the signature covers the whole file
 * @param permitted    whether every change is permitted (true for NONE)
 * @param changes      the changes found, most serious first
 * @param pageCheck    whether the pages were rendered and compared, and how that went
 * @param pagesThatDiffer the 1-based pages of the final file that look different from the signed revision
 */
public record ChangeSummary(ChangeClass changeClass, boolean permitted, List<Change> changes, PageCheck pageCheck,
        List<Integer> pagesThatDiffer) {

    /** The outcome of rendering the signed revision's pages and the final file's. */
    public enum PageCheck {
        /** Not needed: no change above long-term-validation updates. */
        NOT_RUN,
        /** The compared pages look the same. */
        SAME,
        /** Some pages look different, or the page count changed. */
        DIFFERENT,
        /** Stopped at a limit (pages, time) or a page could not be rendered; what was compared is in pagesThatDiffer. */
        INCOMPLETE
    }

    public static final ChangeSummary NO_CHANGE = new ChangeSummary(ChangeClass.NONE, true, List.of(), PageCheck.NOT_RUN,
            List.of());

    public ChangeSummary {
        Objects.requireNonNull(changeClass, "changeClass");
        Objects.requireNonNull(pageCheck, "pageCheck");
        changes = List.copyOf(changes);
        pagesThatDiffer = List.copyOf(pagesThatDiffer);
    }

    /** The summary of {@code changes} (empty means only that the file grew by nothing worth naming). */
    public static ChangeSummary of(List<Change> changes) {
        ChangeClass worst = ChangeClass.LTV_UPDATES;
        boolean permitted = true;
        for (Change c : changes) {
            if (c.changeClass().compareTo(worst) > 0) {
                worst = c.changeClass();
            }
            permitted &= c.permitted();
        }
        List<Change> sorted = changes.stream()
                .sorted(java.util.Comparator.comparing(Change::permitted).thenComparing(c -> c.changeClass(),
                        java.util.Comparator.reverseOrder()))
                .toList();
        return new ChangeSummary(worst, permitted, sorted, PageCheck.NOT_RUN, List.of());
    }

    /**
     * Whether what was signed is still what is shown: nothing came after the signature but
     * validation data and other signatures (each reported on its own). Form data, comments and
     * anything else do not qualify, permitted or not.
     */
    public boolean leavesSignedContent() {
        if (changeClass.compareTo(ChangeClass.LTV_UPDATES) <= 0) {
            return true;
        }
        return permitted && changeClass == ChangeClass.FORM_FILLING && changes.stream()
                .allMatch(c -> c.changeClass() != ChangeClass.FORM_FILLING || c.kind() == ChangeKind.SIGNATURE_ADDED
                        || c.kind() == ChangeKind.SIGNATURE_FIELD_SIGNED || c.kind() == ChangeKind.EMPTY_SIGNATURE_FIELD_ADDED);
    }

    /** The legacy three-valued view. */
    public Modifications modifications() {
        if (changeClass == ChangeClass.NONE) {
            return Modifications.NONE;
        }
        return permitted ? Modifications.ALLOWED : Modifications.DISALLOWED;
    }

    public ChangeSummary withPages(PageCheck check, List<Integer> pages) {
        return new ChangeSummary(changeClass, permitted, changes, check, pages);
    }

    public ChangeSummary with(Change extra) {
        List<Change> all = new java.util.ArrayList<>(changes);
        all.add(extra);
        ChangeSummary s = of(all);
        return new ChangeSummary(s.changeClass, s.permitted, s.changes, pageCheck, pagesThatDiffer);
    }

    /** The summary reports that predate the change analysis imply. */
    static ChangeSummary fromModifications(Modifications modifications) {
        return switch (modifications) {
            case NONE -> NO_CHANGE;
            case ALLOWED -> new ChangeSummary(ChangeClass.FORM_FILLING, true, List.of(), PageCheck.NOT_RUN, List.of());
            case DISALLOWED -> new ChangeSummary(ChangeClass.OTHER, false, List.of(), PageCheck.NOT_RUN, List.of());
        };
    }
}
