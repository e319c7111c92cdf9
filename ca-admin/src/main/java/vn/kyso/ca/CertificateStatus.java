package vn.kyso.ca;

/** Where a certificate stands. Expiry is read from its dates, not stored as a status. */
public enum CertificateStatus {
    /** Issued and neither suspended nor revoked. */
    ACTIVE,
    /** On hold (certificateHold): shown as revoked by CRL and OCSP until released. */
    SUSPENDED,
    /** Revoked for good. */
    REVOKED
}
