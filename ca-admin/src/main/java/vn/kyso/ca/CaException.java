package vn.kyso.ca;

import java.util.OptionalInt;

/**
 * The CA could not do what was asked. Messages name what was wrong, never a secret
 * (PIN, passphrase, key material). The service maps {@link ErrorCode} to HTTP in one place.
 */
public class CaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    /** WRONG_PIN: attempts left before the key locks; ACTIVATION_EXHAUSTED: signatures left. */
    private final Integer left;

    public CaException(ErrorCode code, String message) {
        this(code, message, (Integer) null);
    }

    public CaException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.left = null;
    }

    private CaException(ErrorCode code, String message, Integer left) {
        super(message);
        this.code = code;
        this.left = left;
    }

    /** A wrong PIN, with the attempts left before the key locks. */
    public static CaException wrongPin(int attemptsLeft) {
        return new CaException(ErrorCode.WRONG_PIN,
                "wrong PIN; " + attemptsLeft + " attempt(s) left before the key is locked", attemptsLeft);
    }

    /** An activation with fewer signatures left than asked for. */
    public static CaException activationExhausted(int signaturesLeft) {
        return new CaException(ErrorCode.ACTIVATION_EXHAUSTED,
                "the activation has " + signaturesLeft + " signature(s) left", signaturesLeft);
    }

    public ErrorCode code() {
        return code;
    }

    /** For {@link ErrorCode#WRONG_PIN}: how many attempts remain before the key locks, when known. */
    public OptionalInt attemptsLeft() {
        return code == ErrorCode.WRONG_PIN && left != null ? OptionalInt.of(left) : OptionalInt.empty();
    }

    /** For {@link ErrorCode#ACTIVATION_EXHAUSTED}: how many signatures the activation still allows. */
    public OptionalInt signaturesLeft() {
        return code == ErrorCode.ACTIVATION_EXHAUSTED && left != null ? OptionalInt.of(left)
                : OptionalInt.empty();
    }

    /** What went wrong, as a closed set. */
    public enum ErrorCode {
        /** A request field is missing or malformed (bad CCCD, empty name, bad date...). */
        INVALID_REQUEST,
        /** The PKCS#10 request cannot be parsed. */
        MALFORMED_CSR,
        /** The PKCS#10 request's signature does not verify with its own public key (no proof of possession). */
        CSR_SIGNATURE_INVALID,
        /** The public key is too weak or of an unsupported type (RSA under 2048 bits, EC under 256). */
        UNSUPPORTED_KEY,
        /** No certificate profile has this name. */
        UNKNOWN_PROFILE,
        /** The profile does not fit the subscriber (agency profile for an officer...). */
        PROFILE_MISMATCH,
        /** No subscriber has this id. */
        UNKNOWN_SUBSCRIBER,
        /** No unit has this code at that date. */
        UNKNOWN_UNIT,
        /** A subscriber with this CCCD or MST, or a unit with this code and start date, exists already. */
        DUPLICATE,
        /** No certificate has this serial number. */
        UNKNOWN_CERTIFICATE,
        /** The number is not an RFC 5280 CRLReason code. */
        INVALID_REVOCATION_REASON,
        /** The revocation is refused: a CA certificate, or reason removeFromCRL on a full CRL. */
        REVOCATION_REFUSED,
        /** The certificate's status does not allow the change (revoking a revoked one, releasing an active one...). */
        INVALID_STATUS,
        /** The certificate has no key in kyso's custody. */
        NO_CUSTODY_KEY,
        /** The PIN does not open the custody key (the attempt is counted). */
        WRONG_PIN,
        /** The custody key is locked after too many wrong PINs; the cure is a new key and certificate. */
        KEY_LOCKED,
        /** The custody key's holder has not chosen a PIN yet (a new key); nobody can use it until they do. */
        PIN_NOT_CHOSEN,
        /** The holder chose a PIN already; only a change with the current PIN replaces it. */
        PIN_ALREADY_CHOSEN,
        /** Policy does not allow a PKCS#12 export of this key (the CA's setting, or the key's own flag from issuance). */
        EXPORT_NOT_ALLOWED,
        /** The custody key's one PKCS#12 export was made already. */
        ALREADY_EXPORTED,
        /** The CA key store cannot be opened or does not hold the expected keys. */
        KEY_STORE_ERROR,
        /** The CA hierarchy is missing or inconsistent (imported key does not match its certificate...). */
        HIERARCHY_ERROR,
        /** A cryptographic operation failed unexpectedly. */
        CRYPTO_ERROR,
        /** The database failed. */
        STORAGE_ERROR,
        /** No key activation has this token (malformed, unknown, or forged). */
        ACTIVATION_UNKNOWN,
        /** The key activation has expired or was ended. */
        ACTIVATION_EXPIRED,
        /** The key activation has fewer signatures left than asked for. */
        ACTIVATION_EXHAUSTED,
        /** The key activation belongs to another account. */
        ACTIVATION_NOT_YOURS
    }
}
