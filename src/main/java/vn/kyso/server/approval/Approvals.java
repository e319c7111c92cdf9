package vn.kyso.server.approval;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.server.approval.ApprovalRequest.Status;
import vn.kyso.server.approval.IdentityAction.GrantRoles;
import vn.kyso.server.approval.IdentityAction.IssueCustody;
import vn.kyso.server.approval.IdentityAction.IssueFromCsr;
import vn.kyso.server.approval.IdentityAction.LinkSubscriber;
import vn.kyso.server.approval.IdentityAction.RekeyFromCsr;
import vn.kyso.server.approval.IdentityAction.ResetPassword;
import vn.kyso.server.security.Account;
import vn.kyso.server.security.AccountAudit;
import vn.kyso.server.security.AccountException;
import vn.kyso.server.security.AccountException.ErrorCode;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * Separation of duties for identity (issue 13, docs/decisions.md): under dual control, an admin's
 * certificate issuance, re-key from a CSR, link of an account to a subscriber, password reset and
 * grant of an approving role wait as a request until a second person approves it: another admin, or a
 * registration officer (two registrars are not enough). Nobody approves their own request, nor
 * one in their own name or for their own account. Every request, approval, refusal and failure is
 * in the audit log. Without dual control (the demo, or a setting) the same actions run at once.
 */
@Service
public class Approvals {

    private static final Logger log = LoggerFactory.getLogger(Approvals.class);
    static final int LIST_LIMIT = 200;

    private final ApprovalStore store;
    private final CertificateAuthority ca;
    private final Accounts accounts;
    private final AccountAudit audit;
    private final Clock clock;
    private volatile boolean enabled;

    Approvals(ApprovalStore store, CertificateAuthority ca, Accounts accounts, AccountAudit audit, Clock clock,
            DualControlProperties settings, @Value("${kyso.demo.enabled:false}") boolean demo) {
        this.store = store;
        this.ca = ca;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.enabled = settings.enabled() && !demo;
        log.info("Dual control of identity (certificates, account links, approving roles): {}",
                enabled ? "on, a second person approves" : demo ? "off (demo)" : "off (kyso.security.dual-control.enabled)");
    }

    /** What a submission led to: the change done, or a request that waits for approval. */
    public record Submitted<T>(T done, ApprovalRequest pending) {
        public boolean isPending() {
            return pending != null;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Tests of the shared context switch it (the setting is read once at start). */
    void enabled(boolean on) {
        this.enabled = on;
    }

    public Submitted<CertificateRecord> issue(KysoUser actor, IdentityAction action) {
        if (!(action instanceof IssueCustody || action instanceof IssueFromCsr || action instanceof RekeyFromCsr)) {
            throw new IllegalArgumentException("not an issuance: " + action.kind());
        }
        return submit(actor, action, CertificateRecord.class);
    }

    public Submitted<Account> linkSubscriber(KysoUser actor, long accountId, String subscriberId) {
        return submit(actor, new LinkSubscriber(accountId, blankToNull(subscriberId)), Account.class);
    }

    /** A one-time password the account must change at its next login; under dual control it waits (its hash only). */
    public Submitted<Account> resetPassword(KysoUser actor, long accountId, String oneTimePassword) {
        return submit(actor, new ResetPassword(accountId, accounts.encodeOneTimePassword(accountId, oneTimePassword)),
                Account.class);
    }

    public Submitted<Account> setRoles(KysoUser actor, long accountId, Set<Role> roles) {
        return submit(actor, new GrantRoles(accountId, roles), Account.class);
    }

    /**
     * Creates an account; under dual control its link to a subscriber and its approving roles
     * become requests (an account asked with approving roles only is refused: create it with
     * another role, then grant), except for the first second approver of a fresh installation.
     */
    public Submitted<Account> createAccount(KysoUser actor, NewAccount request) {
        if (!enabled) {
            return new Submitted<>(accounts.create(actor.getUsername(), request), null);
        }
        Set<Role> asked = request.roles() == null ? Set.of() : request.roles();
        Set<Role> approving = EnumSet.noneOf(Role.class);
        asked.stream().filter(Role.APPROVERS::contains).forEach(approving::add);
        if (!approving.isEmpty() && bootstrap(actor)) {
            Account created = accounts.create(actor.getUsername(), new NewAccount(request.username(),
                    request.displayName(), request.password(), asked, null));
            recordBootstrap(actor, new GrantRoles(created.id(), asked), created);
            return link(actor, created, request.subscriberId());
        }
        Set<Role> now = EnumSet.noneOf(Role.class);
        asked.stream().filter(r -> !Role.APPROVERS.contains(r)).forEach(now::add);
        if (now.isEmpty() && !asked.isEmpty()) {
            throw new AccountException(ErrorCode.ROLE_NEEDS_APPROVAL,
                    "under dual control an account is created with another role, then granted an approving one");
        }
        Account created = accounts.create(actor.getUsername(), new NewAccount(request.username(),
                request.displayName(), request.password(), now, null));
        List<ApprovalRequest> waiting = new ArrayList<>();
        if (!approving.isEmpty()) {
            waiting.add(submit(actor, new GrantRoles(created.id(), asked), Account.class).pending());
        }
        Submitted<Account> linked = link(actor, created, request.subscriberId());
        if (linked.isPending()) {
            waiting.add(linked.pending());
        }
        return new Submitted<>(created, waiting.stream().filter(Objects::nonNull).findFirst().orElse(null));
    }

    private Submitted<Account> link(KysoUser actor, Account created, String subscriberId) {
        if (blankToNull(subscriberId) == null) {
            return new Submitted<>(created, null);
        }
        return linkSubscriber(actor, created.id(), subscriberId);
    }

    private <T> Submitted<T> submit(KysoUser actor, IdentityAction action, Class<T> type) {
        if (!enabled || !needsApproval(action)) {
            return new Submitted<>(type.cast(execute(actor.getUsername(), action)), null);
        }
        if (action instanceof GrantRoles && bootstrap(actor)) {
            T done = type.cast(execute(actor.getUsername(), action));
            recordBootstrap(actor, action, done);
            return new Submitted<>(done, null);
        }
        validate(action);
        long id = store.insert(action, actor.getUsername(), clock.instant(), Status.PENDING);
        ApprovalRequest request = get(id);
        audit.record(actor.getUsername(), "IDENTITY_REQUESTED", target(id), describe(request));
        return new Submitted<>(null, request);
    }

    /** {@code approver}, a second person, approves: the change is made in the requester's name. */
    public ApprovalRequest approve(KysoUser approver, long id) {
        ApprovalRequest request = get(id);
        requireSecondPerson(approver, request);
        if (!store.decide(id, Status.APPROVED, approver.getUsername(), clock.instant())) {
            throw new AccountException(ErrorCode.NOT_PENDING, "request " + id + " was already decided");
        }
        audit.record(approver.getUsername(), "IDENTITY_APPROVED", target(id), describe(request));
        try {
            Object done = execute(request.requestedBy(), store.action(request));
            store.outcome(id, Status.APPROVED, outcome(done));
        } catch (RuntimeException e) {
            // approved but not done: the request says why (an error code), never stays "approved" without an outcome
            failed(approver, id, e instanceof CaException ca ? ca.code().name()
                    : e instanceof AccountException account ? account.code().name() : "INTERNAL_ERROR");
            throw e;
        }
        return get(id);
    }

    /** {@code decider}, a second person, refuses the request; nothing changes. */
    public ApprovalRequest reject(KysoUser decider, long id) {
        ApprovalRequest request = get(id);
        requireApprover(decider);
        if (!store.decide(id, Status.REJECTED, decider.getUsername(), clock.instant())) {
            throw new AccountException(ErrorCode.NOT_PENDING, "request " + id + " was already decided");
        }
        store.forgetSecrets(id);
        audit.record(decider.getUsername(), "IDENTITY_REJECTED", target(id), describe(request));
        return get(id);
    }

    public ApprovalRequest get(long id) {
        return store.find(id).orElseThrow(() -> new AccountException(ErrorCode.NOT_FOUND, "no request " + id));
    }

    public List<ApprovalRequest> pending() {
        return store.byStatus(Status.PENDING, LIST_LIMIT);
    }

    public List<ApprovalRequest> decided(int limit) {
        return store.decided(Math.min(limit, LIST_LIMIT));
    }

    /** Whether {@code user} may approve this request (the console hides the button otherwise). */
    public boolean mayApprove(KysoUser user, ApprovalRequest request) {
        try {
            requireSecondPerson(user, request);
            return request.pending();
        } catch (AccountException e) {
            return false;
        }
    }

    private void requireSecondPerson(KysoUser approver, ApprovalRequest request) {
        requireApprover(approver);
        if (approver.getUsername().equals(request.requestedBy())
                || request.accountId() != null && request.accountId() == approver.accountId()
                || request.subscriberId() != null && String.valueOf(request.subscriberId()).equals(approver.subscriberId())
                || request.linkTo() != null && request.linkTo().equals(approver.subscriberId())) {
            throw new AccountException(ErrorCode.OWN_REQUEST, "nobody approves their own request or one in their name");
        }
        boolean requesterIsAdmin = accounts.find(request.requestedBy()).map(a -> a.hasRole(Role.ADMIN)).orElse(false);
        if (!approver.hasRole(Role.ADMIN) && !requesterIsAdmin) {
            throw new AccountException(ErrorCode.NOT_AN_APPROVER, "two registration officers are not enough");
        }
    }

    private static void requireApprover(KysoUser user) {
        if (Role.APPROVERS.stream().noneMatch(user::hasRole)) {
            throw new AccountException(ErrorCode.NOT_AN_APPROVER, "only an admin or a registration officer decides");
        }
    }

    private boolean needsApproval(IdentityAction action) {
        if (action instanceof LinkSubscriber link) {
            return link.subscriberId() != null
                    && !link.subscriberId().equals(accounts.get(link.accountId()).subscriberId());
        }
        if (action instanceof GrantRoles grant) {
            Set<Role> before = accounts.get(grant.accountId()).roles();
            return grant.roles().stream().anyMatch(r -> Role.APPROVERS.contains(r) && !before.contains(r));
        }
        return true;
    }

    /**
     * A fresh installation has one admin and nobody to approve: the first approving role it grants
     * runs at once (recorded as BOOTSTRAP), as long as no second approver ever existed and no
     * other enabled account holds an approving role. Disabling the others later does not reopen it.
     */
    private boolean bootstrap(KysoUser actor) {
        return !store.dualControlEstablished() && accounts.list().stream()
                .noneMatch(a -> a.enabled() && a.id() != actor.accountId() && a.roles().stream().anyMatch(Role.APPROVERS::contains));
    }

    private void recordBootstrap(KysoUser actor, IdentityAction action, Object done) {
        long id = store.insert(action, actor.getUsername(), clock.instant(), Status.BOOTSTRAP);
        store.outcome(id, Status.BOOTSTRAP, outcome(done));
        audit.record(actor.getUsername(), "IDENTITY_BOOTSTRAP", target(id),
                "the first second approver, granted alone: " + describe(get(id)));
    }

    /** What can be checked before a second person looks at it: the subscriber, the certificate. */
    private void validate(IdentityAction action) {
        if (action instanceof IssueCustody a) {
            ca.subscriber(a.subscriberId());
        } else if (action instanceof IssueFromCsr a) {
            ca.subscriber(a.subscriberId());
        } else if (action instanceof RekeyFromCsr a) {
            ca.certificate(new BigInteger(a.serialHex(), 16)).orElseThrow(() ->
                    new CaException(CaException.ErrorCode.UNKNOWN_CERTIFICATE, "no certificate " + a.serialHex()));
        } else if (action instanceof LinkSubscriber a) {
            accounts.get(a.accountId());
        } else if (action instanceof GrantRoles a) {
            accounts.get(a.accountId());
        } else if (action instanceof ResetPassword a) {
            accounts.get(a.accountId());
        }
    }

    private Object execute(String actor, IdentityAction action) {
        if (action instanceof IssueCustody a) {
            return ca.issueWithCustody(actor, new CustodyIssueRequest(a.subscriberId(), a.profile(), a.allowExport()));
        } else if (action instanceof IssueFromCsr a) {
            return ca.issueFromCsr(actor, new CsrIssueRequest(a.subscriberId(), a.profile(), a.csrDer()));
        } else if (action instanceof RekeyFromCsr a) {
            return ca.rekey(actor, new BigInteger(a.serialHex(), 16), a.csrDer());
        } else if (action instanceof LinkSubscriber a) {
            return accounts.linkSubscriber(actor, a.accountId(), a.subscriberId());
        }
        if (action instanceof ResetPassword a) {
            accounts.resetPasswordToHash(actor, a.accountId(), a.passwordHash());
            return accounts.get(a.accountId());
        }
        GrantRoles a = (GrantRoles) action;
        return accounts.setRoles(actor, a.accountId(), a.roles());
    }

    private void failed(KysoUser approver, long id, String code) {
        store.outcome(id, Status.FAILED, code);
        audit.record(approver.getUsername(), "IDENTITY_FAILED", target(id), "refused on approval: " + code);
    }

    private static String outcome(Object done) {
        if (done instanceof CertificateRecord record) {
            return "certificate " + record.serialHex();
        }
        return done instanceof Account account ? "account " + account.username() : String.valueOf(done);
    }

    static String describe(ApprovalRequest r) {
        return switch (r.kind()) {
            case ISSUE_CUSTODY, ISSUE_CSR -> r.kind() + " subscriber " + r.subscriberId() + ", profile " + r.profile()
                    + (r.allowExport() ? ", export allowed" : "");
            case REKEY_CSR -> r.kind() + " certificate " + r.serial();
            case LINK_SUBSCRIBER -> r.kind() + " account " + r.accountId() + " -> subscriber " + r.linkTo();
            case GRANT_ROLES -> r.kind() + " account " + r.accountId() + " -> roles " + r.roles();
            case RESET_PASSWORD -> r.kind() + " account " + r.accountId() + " (one-time password)";
        } + ", requested by " + r.requestedBy();
    }

    static String target(long id) {
        return "identity-request:" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
