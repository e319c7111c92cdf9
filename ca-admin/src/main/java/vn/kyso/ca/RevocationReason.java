package vn.kyso.ca;

import java.util.Arrays;

/** RFC 5280 CRLReason, with its code. Code 7 is unused by the RFC. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    REMOVE_FROM_CRL(8),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The reason with this RFC 5280 code; an unknown code is an {@code INVALID_REVOCATION_REASON}. */
    public static RevocationReason ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new CaException(CaException.ErrorCode.INVALID_REVOCATION_REASON,
                        "not an RFC 5280 revocation reason code: " + code));
    }
}
