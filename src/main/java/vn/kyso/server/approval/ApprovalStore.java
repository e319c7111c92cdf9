package vn.kyso.server.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.kyso.server.approval.ApprovalRequest.Status;
import vn.kyso.server.approval.IdentityAction.GrantRoles;
import vn.kyso.server.approval.IdentityAction.IssueCustody;
import vn.kyso.server.approval.IdentityAction.IssueFromCsr;
import vn.kyso.server.approval.IdentityAction.LinkSubscriber;
import vn.kyso.server.approval.IdentityAction.RekeyFromCsr;
import vn.kyso.server.approval.IdentityAction.ResetPassword;
import vn.kyso.server.security.Role;

/** The identity requests table, plain SQL for H2 and PostgreSQL. */
@Repository
class ApprovalStore {

    private static final String COLUMNS = "id, kind, subscriber_id, serial, profile, allow_export, account_id, link_to, "
            + "roles, requested_by, requested_at, status, decided_by, decided_at, outcome";

    private final JdbcClient jdbc;

    ApprovalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(IdentityAction action, String requestedBy, Instant at, Status status) {
        Long subscriberId = null;
        String serial = null;
        String profile = null;
        byte[] csr = null;
        boolean allowExport = false;
        Long accountId = null;
        String linkTo = null;
        String roles = null;
        String passwordHash = null;
        if (action instanceof IssueCustody a) {
            subscriberId = a.subscriberId();
            profile = a.profile();
            allowExport = a.allowExport();
        } else if (action instanceof IssueFromCsr a) {
            subscriberId = a.subscriberId();
            profile = a.profile();
            csr = a.csrDer();
        } else if (action instanceof RekeyFromCsr a) {
            serial = a.serialHex();
            csr = a.csrDer();
        } else if (action instanceof LinkSubscriber a) {
            accountId = a.accountId();
            linkTo = a.subscriberId();
        } else if (action instanceof GrantRoles a) {
            accountId = a.accountId();
            roles = EnumSet.copyOf(a.roles()).stream().map(Role::name).collect(Collectors.joining(","));
        } else if (action instanceof ResetPassword a) {
            accountId = a.accountId();
            passwordHash = a.passwordHash();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO server_identity_request (kind, subscriber_id, serial, profile, csr, allow_export,
                  account_id, link_to, roles, requested_by, requested_at, status, password_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(action.kind().name(), subscriberId, serial, profile, csr, allowExport, accountId, linkTo, roles,
                        requestedBy, Timestamp.from(at), status.name(), passwordHash)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ApprovalRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_identity_request WHERE id = ?").param(id)
                .query(ApprovalStore::request).optional();
    }

    /** The action a request stands for, as the requester asked it. */
    IdentityAction action(ApprovalRequest request) {
        byte[] csr = jdbc.sql("SELECT csr FROM server_identity_request WHERE id = ?").param(request.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getBytes(1))).single().orElse(null);
        return switch (request.kind()) {
            case ISSUE_CUSTODY -> new IssueCustody(request.subscriberId(), request.profile(), request.allowExport());
            case ISSUE_CSR -> new IssueFromCsr(request.subscriberId(), request.profile(), csr);
            case REKEY_CSR -> new RekeyFromCsr(request.serial(), csr);
            case LINK_SUBSCRIBER -> new LinkSubscriber(request.accountId(), request.linkTo());
            case GRANT_ROLES -> new GrantRoles(request.accountId(), request.roles());
            case RESET_PASSWORD -> new ResetPassword(request.accountId(), jdbc.sql(
                    "SELECT password_hash FROM server_identity_request WHERE id = ?").param(request.id())
                    .query(String.class).single());
        };
    }

    List<ApprovalRequest> byStatus(Status status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_identity_request WHERE status = ? ORDER BY id DESC LIMIT ?")
                .params(status.name(), limit).query(ApprovalStore::request).list();
    }

    List<ApprovalRequest> decided(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_identity_request WHERE status <> 'PENDING' "
                + "ORDER BY id DESC LIMIT ?").param(limit).query(ApprovalStore::request).list();
    }

    /** Claims a pending request for one decision: false when another decision came first. */
    boolean decide(long id, Status status, String decidedBy, Instant at) {
        return jdbc.sql("UPDATE server_identity_request SET status = ?, decided_by = ?, decided_at = ? "
                        + "WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), decidedBy, Timestamp.from(at), id).update() == 1;
    }

    void outcome(long id, Status status, String outcome) {
        jdbc.sql("UPDATE server_identity_request SET status = ?, outcome = ?, password_hash = NULL WHERE id = ?")
                .params(status.name(), outcome, id).update();
    }

    /** A refused reset keeps no hash. */
    void forgetSecrets(long id) {
        jdbc.sql("UPDATE server_identity_request SET password_hash = NULL WHERE id = ?").param(id).update();
    }

    /** Whether a second approver has ever existed: an approval given, or a role granted at the start. */
    boolean dualControlEstablished() {
        return jdbc.sql("SELECT COUNT(*) FROM server_identity_request WHERE status IN ('APPROVED', 'FAILED', 'BOOTSTRAP')")
                .query(Long.class).single() > 0;
    }

    private static ApprovalRequest request(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = roles == null || roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
        return new ApprovalRequest(rs.getLong("id"), IdentityAction.Kind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("subscriber_id", Long.class), rs.getString("serial"), rs.getString("profile"),
                rs.getBoolean("allow_export"), (Long) rs.getObject("account_id", Long.class), rs.getString("link_to"),
                roleSet, rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
                Status.valueOf(rs.getString("status")), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                rs.getString("outcome"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
