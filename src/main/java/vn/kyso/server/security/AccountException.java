package vn.kyso.server.security;

/** An account operation could not be done; messages never contain a password. */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public AccountException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong; mapped to HTTP in vn.kyso.server.web. */
    public enum ErrorCode {
        /** Another account already has this username. */
        USERNAME_TAKEN,
        /** The username is not 3-64 characters of a-z, 0-9, dot, dash, underscore. */
        INVALID_USERNAME,
        /** The current password given to change it is wrong. */
        WRONG_PASSWORD,
        /** The new password is too short, too long or equals the username. */
        WEAK_PASSWORD,
        /** An account needs at least one role. */
        NO_ROLE,
        /** A token's name must be 1-100 characters. */
        INVALID_TOKEN_NAME,
        /** No such account or token (or not the caller's). */
        NOT_FOUND,
        /** The account must change its one-time password before doing anything else. */
        PASSWORD_CHANGE_REQUIRED,
        /** An admin may not disable their own account nor drop their own ADMIN role. */
        SELF_LOCKOUT,
        /** The session was ended: the account was disabled, or its roles, subscriber or password changed. */
        SESSION_ENDED,
        /** Too many wrong passwords for this account or from this address: wait (429, Retry-After). */
        LOGIN_THROTTLED,
        /** Issue 13, dual control: nobody approves a request of their own, or one in their own name. */
        OWN_REQUEST,
        /** Only an admin or a registration officer approves, and two registrars are not enough. */
        NOT_AN_APPROVER,
        /** The request was already approved, rejected or failed. */
        NOT_PENDING,
        /** Under dual control an account with only approving roles is created with another role, then granted. */
        ROLE_NEEDS_APPROVAL
    }
}
