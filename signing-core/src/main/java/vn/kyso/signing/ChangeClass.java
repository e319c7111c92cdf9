package vn.kyso.signing;

/**
 * The kind of change a later revision made to a signed document, from harmless to anything,
 * as ISO 32000-2 §12.8.2.2 (DocMDP) orders what a certification may permit. Ordered: a list of
 * changes is classified by its most serious one.
 */
public enum ChangeClass {
    /** The signature covers the whole file. */
    NONE,
    /** Validation data and the routine updates of signing tools: DSS/VRI, document timestamps, version, metadata. */
    LTV_UPDATES,
    /** Form filling and signing: field values, new or filled signature fields (DocMDP P=2 and P=3). */
    FORM_FILLING,
    /** Comments: annotations added, changed or removed (DocMDP P=3 only). */
    ANNOTATIONS,
    /** Anything that can change what a reader sees: never permitted. */
    OTHER
}
