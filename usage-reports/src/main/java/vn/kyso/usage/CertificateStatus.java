package vn.kyso.usage;

/** A certificate's lifecycle status as the inventory knows it. */
public enum CertificateStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    /** Seen in a signed document but never announced by a CA nor imported. */
    UNKNOWN
}
