package vn.kyso.ca.revocation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import vn.kyso.ca.CaEvent;
import vn.kyso.ca.CaEvents;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CertificateStatusChanged;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.register.CertificateRegister;

/**
 * Status changes of certificates. Each one locks the certificate's row, checks the move is
 * allowed, writes it with an audit entry in one transaction, then tells the listeners.
 */
public final class Lifecycle {

    /** Told after each committed change (the OCSP response cache forgets the serial). */
    public interface Listener {
        void changed(BigInteger serial);
    }

    private final CaDatabase db;
    private final CertificateRegister register;
    private final AuditLog audit;
    private final CaEvents events;
    private final Clock clock;
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Lifecycle(CaDatabase db, CertificateRegister register, AuditLog audit, CaEvents events, Clock clock) {
        this.db = db;
        this.register = register;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Puts the certificate on hold: CRL and OCSP show it revoked with reason certificateHold. */
    public CertificateRecord suspend(String actor, BigInteger serial) {
        return revoke(actor, serial, RevocationReason.CERTIFICATE_HOLD);
    }

    /** Takes a suspended certificate off hold. */
    public CertificateRecord release(String actor, BigInteger serial) {
        List<CaEvent> done = new ArrayList<>();
        CertificateRecord record = db.inTransaction(() -> {
            CertificateRecord current = register.lock(serial);
            if (current.status() != CertificateStatus.SUSPENDED) {
                throw new CaException(CaException.ErrorCode.INVALID_STATUS,
                        "certificate " + current.serialHex() + " is " + current.status() + ", not suspended");
            }
            done.add(change(actor, current, CertificateStatus.ACTIVE, null));
            return register.lock(serial);
        });
        published(done);
        return record;
    }

    /** Revokes (or, with CERTIFICATE_HOLD, suspends) one certificate. */
    public CertificateRecord revoke(String actor, BigInteger serial, RevocationReason reason) {
        refuseReason(reason);
        List<CaEvent> done = new ArrayList<>();
        CertificateRecord record = db.inTransaction(() -> {
            CertificateRecord current = register.lock(serial);
            done.add(revokeLocked(actor, current, reason));
            return register.lock(serial);
        });
        published(done);
        return record;
    }

    /** Revokes every active or suspended certificate of a subscriber (an officer who leaves). */
    public List<CertificateRecord> revokeAllOf(String actor, long subscriberId, RevocationReason reason) {
        refuseReason(reason);
        if (reason == RevocationReason.CERTIFICATE_HOLD) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "a bulk revocation cannot be a suspension");
        }
        List<CaEvent> done = new ArrayList<>();
        List<CertificateRecord> revoked = db.inTransaction(() -> {
            // Lock every row before the first audit entry takes the audit counter: a single revocation
            // takes a row and then the counter, so the same order here cannot deadlock with it.
            List<CertificateRecord> locked = new ArrayList<>();
            for (CertificateRecord r : register.ofSubscriber(subscriberId)) {
                CertificateRecord current = register.lock(r.serial());
                if (current.status() != CertificateStatus.REVOKED && !current.kind().isCa()) {
                    locked.add(current);
                }
            }
            List<CertificateRecord> out = new ArrayList<>();
            for (CertificateRecord current : locked) {
                done.add(revokeLocked(actor, current, reason));
                out.add(register.lock(current.serial()));
            }
            return out;
        });
        published(done);
        return revoked;
    }

    /**
     * Revokes a certificate whose row the caller locked, inside the caller's transaction
     * (renewal supersedes the old certificate this way). Returns the event to publish after commit.
     */
    public CertificateStatusChanged revokeLocked(String actor, CertificateRecord current, RevocationReason reason) {
        refuseReason(reason);
        if (current.kind().isCa()) {
            throw new CaException(CaException.ErrorCode.REVOCATION_REFUSED,
                    "a CA certificate cannot be revoked through the CA itself");
        }
        if (current.status() == CertificateStatus.REVOKED) {
            throw new CaException(CaException.ErrorCode.INVALID_STATUS,
                    "certificate " + current.serialHex() + " is revoked already");
        }
        if (current.status() == CertificateStatus.SUSPENDED && reason == RevocationReason.CERTIFICATE_HOLD) {
            throw new CaException(CaException.ErrorCode.INVALID_STATUS,
                    "certificate " + current.serialHex() + " is suspended already");
        }
        CertificateStatus to = reason == RevocationReason.CERTIFICATE_HOLD
                ? CertificateStatus.SUSPENDED : CertificateStatus.REVOKED;
        return change(actor, current, to, reason);
    }

    /** Publishes committed changes to the event port and the listeners. */
    public void published(List<? extends CaEvent> done) {
        for (CaEvent e : done) {
            if (e instanceof CertificateStatusChanged c) {
                listeners.forEach(l -> l.changed(c.serial()));
            }
            events.publish(e);
        }
    }

    private CertificateStatusChanged change(String actor, CertificateRecord current, CertificateStatus to,
                                            RevocationReason reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        register.updateStatus(current.serial(), to, reason, to == CertificateStatus.ACTIVE ? null : now);
        String action = switch (to) {
            case ACTIVE -> "CERTIFICATE_RELEASED";
            case SUSPENDED -> "CERTIFICATE_SUSPENDED";
            case REVOKED -> "CERTIFICATE_REVOKED";
        };
        audit.append(actor, action, current.serialHex(),
                reason == null ? "" : "reason=" + reason.name() + "(" + reason.code() + ")");
        return new CertificateStatusChanged(current.serial(), to, reason, actor, now);
    }

    private static void refuseReason(RevocationReason reason) {
        if (reason == null) {
            throw new CaException(CaException.ErrorCode.INVALID_REVOCATION_REASON, "a revocation reason is required");
        }
        if (reason == RevocationReason.REMOVE_FROM_CRL) {
            throw new CaException(CaException.ErrorCode.REVOCATION_REFUSED,
                    "removeFromCRL is only meaningful in delta CRLs; kyso issues full CRLs (release a suspended certificate instead)");
        }
    }
}
