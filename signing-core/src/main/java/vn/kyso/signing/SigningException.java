package vn.kyso.signing;

/**
 * signing-core could not do what was asked (bad input, unreachable TSA, wrong key password...).
 * A signature that fails verification is not an exception: it is a report.
 * Messages never contain secrets (passwords, PINs, key material).
 */
public class SigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SigningException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SigningException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong, as a closed set; the service maps each to an HTTP status in one place. */
    public enum ErrorCode {
        /** The input is not a PDF, is empty, truncated, or its structure cannot be read. */
        NOT_A_PDF,
        /** The PDF is encrypted and no (or a wrong) password was given. */
        ENCRYPTED_PDF,
        /** The PDF opens without a password, but its encryption's permissions forbid adding a signature. */
        ENCRYPTION_FORBIDS_SIGNING,
        /** The document's certification signature (DocMDP P=1) forbids any change. */
        CERTIFICATION_FORBIDS_CHANGES,
        /** The input exceeds a configured limit (size, pages). */
        LIMIT_EXCEEDED,
        /** The key store cannot be opened with the given password, or holds no usable key. */
        KEY_UNAVAILABLE,
        /** The key or algorithm is not allowed (RSA under 2048 bits, unsupported curve...). */
        UNSUPPORTED_KEY,
        /** The signing certificate is expired, not yet valid, or lacks the needed key usage. */
        CERTIFICATE_NOT_USABLE,
        /** The timestamp authority could not be reached or answered with an error. */
        TSA_UNAVAILABLE,
        /** OCSP/CRL data needed for B-LT could not be fetched. */
        REVOCATION_UNAVAILABLE,
        /** The signing certificate is revoked or suspended. */
        CERTIFICATE_REVOKED,
        /** A two-step signing handle is unknown, expired or already used, or the value does not match. */
        INVALID_SIGNING_HANDLE,
        /** The request itself is invalid (bad placement, missing field, anchor text not found...). */
        INVALID_REQUEST,
        /** An I/O error reading or writing a file. */
        IO_ERROR
    }
}
