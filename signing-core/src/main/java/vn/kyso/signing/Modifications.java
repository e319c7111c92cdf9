package vn.kyso.signing;

/** What happened to the document after a signature was made. */
public enum Modifications {
    /** The signature covers the whole file. */
    NONE,
    /** Later incremental updates only add what is allowed (signatures, DSS, document timestamps, permitted form filling). */
    ALLOWED,
    /** A later update changed content, resources, annotations, the catalog or the page tree. */
    DISALLOWED
}
