package vn.kyso.usage;

/** Why an ingested signature was not counted (a rejected observation, kept for the auditor). */
public enum RejectionReason {
    /** The signed bytes or the signature value do not verify, or the CMS cannot be read. */
    NOT_INTACT,
    /** The signature's certificate is not one in the inventory (by encoding or key): another CA's, or a lookalike. */
    NOT_IN_INVENTORY,
    /** The inventory does not know when the certificate is valid. */
    NO_VALIDITY,
    /** The certificate was not yet valid at the time the evidence supports. */
    NOT_YET_VALID,
    /** The certificate had expired at the time the evidence supports. */
    EXPIRED,
    /** The certificate was revoked at or before the time the evidence supports. */
    REVOKED,
    /** The certificate is suspended and no timestamp proves the signature older than that. */
    SUSPENDED
}
