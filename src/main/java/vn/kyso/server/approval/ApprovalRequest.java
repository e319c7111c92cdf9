package vn.kyso.server.approval;

import java.time.Instant;
import java.util.Set;

import vn.kyso.server.security.Role;

/**
 * A request in someone's name and its fate. The CSR of a request from PKCS#10 is kept but not
 * shown here (it is in the store, for the approval to issue from).
 *
 * @param outcome the issued certificate's serial, the account changed, or the error code that stopped it
 */
public record ApprovalRequest(long id, IdentityAction.Kind kind, Long subscriberId, String serial, String profile,
                              boolean allowExport, Long accountId, String linkTo, Set<Role> roles,
                              String requestedBy, Instant requestedAt, Status status, String decidedBy,
                              Instant decidedAt, String outcome) {

    public ApprovalRequest {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public enum Status {
        PENDING, APPROVED, REJECTED,
        /** Approved, but the CA or the account change refused it (outcome: the error code). */
        FAILED,
        /** A role granted by the only approver there was, before any second person existed. */
        BOOTSTRAP
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
