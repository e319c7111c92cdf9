package vn.kyso.server.trust;

/** A change to the trust anchors could not be made; mapped to HTTP in vn.kyso.server.web. */
public class TrustAnchorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public TrustAnchorException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong. */
    public enum ErrorCode {
        /** The upload is not one X.509 certificate in PEM or DER, or is larger than a certificate can be. */
        NOT_A_CERTIFICATE,
        /** The certificate is not a CA certificate (basicConstraints cA), so nothing can chain to it. */
        NOT_A_CA,
        /** The label is blank or longer than 200 characters. */
        INVALID_LABEL,
        /** An anchor is trusted for signatures, timestamps or both: not for nothing. */
        NO_USE,
        /** This certificate is already an anchor (maybe retired). */
        DUPLICATE,
        /** No anchor with this id. */
        NOT_FOUND,
        /** A retired anchor cannot be changed nor trusted again. */
        RETIRED
    }
}
