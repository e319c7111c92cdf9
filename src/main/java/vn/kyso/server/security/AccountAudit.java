package vn.kyso.server.security;

/**
 * Where changes to accounts and API tokens are recorded: who did what to which account, never a
 * password or a token. The service writes them into the CA's hash-chained audit log, beside the
 * logins and the CA's own actions.
 *
 * <p>Callers record after their change has committed, outside any transaction: the CA chains its
 * entries under a lock of its own, which must not wait on an open transaction of the caller.
 */
@FunctionalInterface
public interface AccountAudit {

    /**
     * @param actor   the account that acted ({@code system} for the first start)
     * @param action  what it did, e.g. {@code ACCOUNT_CREATED}
     * @param target  {@code account:<username>}
     * @param details what else an auditor needs (roles, token name), never a secret
     */
    void record(String actor, String action, String target, String details);

    /** The audit target naming an account. */
    static String target(String username) {
        return "account:" + username;
    }
}
