package vn.kyso.usage;

/** What a usage event records. SIGNED and SEEN are signatures; CHECKED and VERIFIED are other signals. */
public enum EventType {
    /** kyso made a signature with the certificate. */
    SIGNED,
    /** A signature by the certificate was found in an ingested document. */
    SEEN,
    /** Someone asked OCSP about the certificate. */
    CHECKED,
    /** kyso verified a signature made with the certificate. */
    VERIFIED;

    /** Whether this event is a signature the certificate made (counts towards regular use). */
    public boolean isSignature() {
        return this == SIGNED || this == SEEN;
    }
}
