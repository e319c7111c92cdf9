package vn.kyso.signing;

/** The main status of a validation (ETSI EN 319 102-1, 5.1.3). */
public enum Indication {
    VALID, INVALID, INDETERMINATE
}
