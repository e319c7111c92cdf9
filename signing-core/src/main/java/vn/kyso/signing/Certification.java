package vn.kyso.signing;

/**
 * A certification (author) signature: the DocMDP permission the document carries afterwards.
 * Only the first signature of a document may certify it.
 */
public enum Certification {
    /** P=1: no change at all is permitted after this signature. */
    NO_CHANGES(1),
    /** P=2: filling forms, instantiating page templates and signing are permitted. */
    FORM_FILLING_AND_SIGNING(2),
    /** P=3: as P=2, plus annotations. */
    FORM_FILLING_SIGNING_AND_ANNOTATIONS(3);

    private final int permission;

    Certification(int permission) {
        this.permission = permission;
    }

    /** The DocMDP /P value. */
    public int permission() {
        return permission;
    }

    /** The certification with this /P value. */
    public static Certification ofPermission(int p) {
        for (Certification c : values()) {
            if (c.permission == p) {
                return c;
            }
        }
        throw new IllegalArgumentException("DocMDP permission must be 1, 2 or 3, not " + p);
    }
}
