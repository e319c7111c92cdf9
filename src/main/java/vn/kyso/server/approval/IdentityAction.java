package vn.kyso.server.approval;

import java.util.Objects;
import java.util.Set;

import vn.kyso.server.security.Role;

/** A change in someone's name that, under dual control, waits for a second person's approval. */
public sealed interface IdentityAction {

    Kind kind();

    /** The closed set of actions; stored by name. */
    enum Kind {
        ISSUE_CUSTODY, ISSUE_CSR, REKEY_CSR, LINK_SUBSCRIBER, GRANT_ROLES, RESET_PASSWORD
    }

    /** A certificate whose key kyso generates and keeps; its holder chooses the PIN. */
    record IssueCustody(long subscriberId, String profile, boolean allowExport) implements IdentityAction {
        public Kind kind() {
            return Kind.ISSUE_CUSTODY;
        }
    }

    /** A certificate for a key its requester holds (PKCS#10). */
    record IssueFromCsr(long subscriberId, String profile, byte[] csrDer) implements IdentityAction {
        public IssueFromCsr {
            Objects.requireNonNull(csrDer, "csrDer");
        }

        public Kind kind() {
            return Kind.ISSUE_CSR;
        }
    }

    /** A new key from a PKCS#10 request for an existing certificate's subscriber (the old one revoked). */
    record RekeyFromCsr(String serialHex, byte[] csrDer) implements IdentityAction {
        public RekeyFromCsr {
            Objects.requireNonNull(serialHex, "serialHex");
            Objects.requireNonNull(csrDer, "csrDer");
        }

        public Kind kind() {
            return Kind.REKEY_CSR;
        }
    }

    /** An account is to act as this subscriber (sign with its certificates, choose its keys' PINs). */
    record LinkSubscriber(long accountId, String subscriberId) implements IdentityAction {
        public Kind kind() {
            return Kind.LINK_SUBSCRIBER;
        }
    }

    /** An account's roles are to be these, adding ADMIN or REGISTRAR (who may approve). */
    record GrantRoles(long accountId, Set<Role> roles) implements IdentityAction {
        public GrantRoles {
            roles = Set.copyOf(roles);
        }

        public Kind kind() {
            return Kind.GRANT_ROLES;
        }
    }

    /**
     * An account's password is to be this one-time password (its hash; never the password), to be
     * changed at the next login: whoever knows it could log in as the account, e.g. to choose the
     * PIN of a key its holder has not chosen yet.
     */
    record ResetPassword(long accountId, String passwordHash) implements IdentityAction {
        public ResetPassword {
            java.util.Objects.requireNonNull(passwordHash, "passwordHash");
        }

        public Kind kind() {
            return Kind.RESET_PASSWORD;
        }

        @Override
        public String toString() {
            return "ResetPassword[accountId=" + accountId + "]";
        }
    }
}
