package vn.kyso.signing;

import java.util.Objects;

/**
 * One change a later revision made to a signed document.
 *
 * @param kind      the rule that recognised it (its {@link ChangeKind#changeClass()} is the class)
 * @param permitted whether the signatures before it permit it (DocMDP, FieldMDP locks)
 * @param page      the 1-based page it concerns, null when it concerns the document
 * @param subject   the field, annotation type or entry it concerns, null when none
 * @param english   a one-line description in English (the service shows {@code kind} in the reader's language)
 */
public record Change(ChangeKind kind, boolean permitted, Integer page, String subject, String english) {

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(english, "english");
    }

    public ChangeClass changeClass() {
        return kind.changeClass();
    }
}
