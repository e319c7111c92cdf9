package vn.kyso.server.signing;

/**
 * The service refused a signing for a reason of its own (whose certificate, which PIN, which
 * limit); signing-core's own refusals stay {@code SigningException}s. Both become RFC 9457
 * problems in the one problem handler. Messages never carry the PIN.
 */
public class SigningRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient Object[] args;
    private final Integer attemptsLeft;
    private final Integer signaturesLeft;

    public SigningRefusedException(Reason reason, String message, Object... args) {
        this(reason, message, null, null, args);
    }

    // an array, not varargs: an int argument must never be taken for a count by overload resolution
    private SigningRefusedException(Reason reason, String message, Integer attemptsLeft, Integer signaturesLeft,
            Object[] args) {
        super(message);
        this.reason = reason;
        this.args = args.clone();
        this.attemptsLeft = attemptsLeft;
        this.signaturesLeft = signaturesLeft;
    }

    /** WRONG_PIN, with the attempts left before the key locks when known. */
    static SigningRefusedException wrongPin(Integer attemptsLeft) {
        return new SigningRefusedException(Reason.WRONG_PIN, "wrong PIN", attemptsLeft, null,
                new Object[] {attemptsLeft == null ? "?" : attemptsLeft});
    }

    /** ACTIVATION_EXHAUSTED, with the signatures the activation still allows. */
    static SigningRefusedException exhausted(int signaturesLeft) {
        return new SigningRefusedException(Reason.ACTIVATION_EXHAUSTED, "activation exhausted", null, signaturesLeft,
                new Object[] {signaturesLeft});
    }

    public Reason reason() {
        return reason;
    }

    /** Arguments of the user-facing message {@code problem.signing.<REASON>}. */
    public Object[] args() {
        return args.clone();
    }

    /** For ACTIVATION_EXHAUSTED: how many signatures the activation still allows. */
    public Integer signaturesLeft() {
        return signaturesLeft;
    }

    /** For WRONG_PIN: how many tries remain before the key locks, when known. */
    public Integer attemptsLeft() {
        return attemptsLeft;
    }

    /** Why; each has a message in both bundles and an HTTP status in the problem handler. */
    public enum Reason {
        /** No file part, or an empty one. */
        NO_DOCUMENT,
        /** More documents in one batch than allowed. */
        TOO_MANY_DOCUMENTS,
        /** The document has more pages than allowed. */
        TOO_MANY_PAGES,
        /** The caller holds no valid certificate usable for this step. */
        NO_CERTIFICATE,
        /** The caller holds several usable certificates and named none. */
        CERTIFICATE_CHOICE_REQUIRED,
        /** The certificate is not the caller's own (or does not exist). */
        NOT_YOUR_CERTIFICATE,
        /** The agency certificate may be used only by the clerks the admin named. */
        NOT_A_CLERK,
        /** The step needs the other kind of certificate (personal for signing, agency for sealing). */
        WRONG_CERTIFICATE_KIND,
        /** The certificate is revoked. */
        CERTIFICATE_REVOKED,
        /** The certificate is suspended. */
        CERTIFICATE_SUSPENDED,
        /** The certificate is expired or not yet valid. */
        CERTIFICATE_EXPIRED,
        /** kyso does not hold the certificate's key (use the two-step flow). */
        NO_CUSTODY_KEY,
        /** The PIN does not open the key. */
        WRONG_PIN,
        /** The key is locked after too many wrong PINs (the cure is a new key and certificate). */
        KEY_LOCKED,
        /** The key's holder has not chosen its PIN yet (a new custody key; /sign/pin). */
        PIN_NOT_CHOSEN,
        /** The key's PIN was chosen already: changing it needs the current PIN. */
        PIN_ALREADY_CHOSEN,
        /** A visible signature was placed but no signature image was given or stored. */
        NO_SIGNATURE_IMAGE,
        /** The issue step needs the agency's seal image and none was given or stored. */
        NO_SEAL_IMAGE,
        /** Issuing needs a valid personal signature already on the document. */
        NO_VALID_PERSONAL_SIGNATURE,
        /** A layout or step field is missing or malformed. */
        INVALID_FIELD,
        /** The certificate chain of a two-step request cannot be read. */
        INVALID_CERTIFICATE_CHAIN,
        /** The two-step handle belongs to someone else. */
        HANDLE_NOT_YOURS,
        /** The request took longer than {@code kyso.limits.request-timeout} (checked between documents). */
        TIME_LIMIT_EXCEEDED,
        /** Neither a PIN nor a key activation was given. */
        CREDENTIAL_REQUIRED,
        /** No key activation has this token. */
        ACTIVATION_UNKNOWN,
        /** The key activation has expired or was ended. */
        ACTIVATION_EXPIRED,
        /** The key activation has fewer signatures left than the request needs. */
        ACTIVATION_EXHAUSTED,
        /** The key activation belongs to another account (or the account is disabled). */
        ACTIVATION_NOT_YOURS,
        /** The activation asked for more signatures or a longer time than allowed. */
        ACTIVATION_LIMIT,
        /**
         * Issue 13: a page too heavy to preview (its content decodes to more than the preview reads,
         * or drawing it takes longer than the preview's time budget): a 10 MB PDF that inflates to
         * 10 GB must not burn a core.
         */
        PAGE_TOO_COMPLEX,
        /** Issue 15: the request names a remote-signing service that is not configured. */
        REMOTE_SERVICE_UNKNOWN,
        /** Signing in to the remote service needs an account and password, or a token: exactly one. */
        REMOTE_LOGIN_REQUIRED,
        /** The remote service refused (its status and words: a wrong PIN, a lock, an unknown credential). */
        REMOTE_REFUSED,
        /** The remote service did not answer in time, or its answer is not the CSC API's. */
        REMOTE_UNAVAILABLE
    }
}
