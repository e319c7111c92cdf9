package vn.kyso.ca.issuance;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.X500Name;
import org.springframework.dao.DuplicateKeyException;

import vn.kyso.ca.Agency;
import vn.kyso.ca.CaEvent;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateIssued;
import vn.kyso.ca.CertificateProfile;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.Officer;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.Unit;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.custody.KeyCustody;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.keys.KeyPairs;
import vn.kyso.ca.profile.CertificateMaker;
import vn.kyso.ca.profile.SubjectNames;
import vn.kyso.ca.register.CertificateRegister;
import vn.kyso.ca.revocation.Lifecycle;
import vn.kyso.ca.subscriber.SubscriberDirectory;
import vn.kyso.ca.subscriber.UnitDirectory;

/**
 * Issues subscriber certificates. Everything that can be refused (profile, subscriber, CSR) is
 * checked before anything is written; the certificate, its custody key and the audit entry
 * are written in one transaction.
 */
public final class Issuance {

    private static final int SERIAL_ATTEMPTS = 3;

    private final CaSettings settings;
    private final CaDatabase db;
    private final CertificateRegister register;
    private final SubscriberDirectory subscribers;
    private final UnitDirectory units;
    private final CertificateMaker maker;
    private final Hierarchy hierarchy;
    private final KeyCustody custody;
    private final Lifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    private final CsrCheck csrs;

    public Issuance(CaSettings settings, CaDatabase db, CertificateRegister register, SubscriberDirectory subscribers,
                    UnitDirectory units, CertificateMaker maker, Hierarchy hierarchy, KeyCustody custody,
                    Lifecycle lifecycle, AuditLog audit, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.db = db;
        this.register = register;
        this.subscribers = subscribers;
        this.units = units;
        this.maker = maker;
        this.hierarchy = hierarchy;
        this.custody = custody;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.csrs = new CsrCheck(hierarchy.crypto(), settings.profiles().maxRsaBits());
    }

    public CertificateRecord fromCsr(String actor, CsrIssueRequest request) {
        CertificateProfile profile = CertificateProfile.named(request.profile());
        Subscriber subscriber = subscriberFor(request.subscriberId(), profile);
        PublicKey key = csrs.publicKey(request.csrDer());
        return issue(actor, profile, subscriber, key, null, null, "CERTIFICATE_ISSUED", "from CSR");
    }

    public CertificateRecord withCustody(String actor, CustodyIssueRequest request) {
        CertificateProfile profile = CertificateProfile.named(request.profile());
        Subscriber subscriber = subscriberFor(request.subscriberId(), profile);
        KeyPair pair = KeyPairs.generate(settings.custody().keyAlgorithm(), null, random);
        return issue(actor, profile, subscriber, pair.getPublic(),
                () -> custody.seal(subscriber.id(), pair.getPrivate(), request.allowExport()),
                null, "CERTIFICATE_ISSUED", "key in custody");
    }

    /** A new certificate for the same key and subscriber; the old one is revoked as superseded. */
    public CertificateRecord renew(String actor, BigInteger serial) {
        CertificateRecord old = renewable(serial);
        Long custodyId = register.custodyKeyId(serial);
        return issue(actor, profileOf(old), subscribers.byId(old.subscriberId()), old.certificate().getPublicKey(),
                () -> custodyId, serial, "CERTIFICATE_RENEWED", "renewal of " + old.serialHex());
    }

    /** A new certificate for a new key from a CSR; the old one is revoked as superseded. */
    public CertificateRecord rekey(String actor, BigInteger serial, byte[] csr) {
        CertificateRecord old = renewable(serial);
        PublicKey key = csrs.publicKey(csr);
        return issue(actor, profileOf(old), subscribers.byId(old.subscriberId()), key, () -> null, serial,
                "CERTIFICATE_REKEYED", "re-key of " + old.serialHex() + " from CSR");
    }

    /**
     * A new certificate for a new custody key, whose holder chooses its PIN; the old one is revoked
     * as superseded. The cure for a forgotten PIN or a locked key.
     */
    public CertificateRecord rekeyWithCustody(String actor, BigInteger serial, boolean allowExport) {
        CertificateRecord old = renewable(serial);
        Subscriber subscriber = subscribers.byId(old.subscriberId());
        KeyPair pair = KeyPairs.generate(settings.custody().keyAlgorithm(), null, random);
        return issue(actor, profileOf(old), subscriber, pair.getPublic(),
                () -> custody.seal(subscriber.id(), pair.getPrivate(), allowExport), serial,
                "CERTIFICATE_REKEYED", "re-key of " + old.serialHex() + " with a new custody key");
    }

    private CertificateRecord issue(String actor, CertificateProfile profile, Subscriber subscriber, PublicKey key,
                                    Supplier<Long> custodyInTransaction, BigInteger supersedes, String action,
                                    String how) {
        X500Name subject = subject(profile, subscriber);
        String email = subscriber instanceof Officer o ? o.email() : ((Agency) subscriber).email();
        Period validity = profile == CertificateProfile.PERSONAL
                ? settings.profiles().personalValidity() : settings.profiles().agencyValidity();
        for (int attempt = 1; ; attempt++) {
            X509Certificate cert = maker.endEntity(subject, key, email, hierarchy.issuing(), validity);
            List<CaEvent> done = new ArrayList<>();
            // Issuances from CSRs touch nothing but their own rows and share commits with concurrent
            // ones; a renewal locks the old row, and a custody key is sealed in the transaction.
            boolean shared = supersedes == null && custodyInTransaction == null;
            Supplier<CertificateRecord> work = () -> {
                done.clear(); // a shared transaction that failed is run again alone
                if (supersedes != null) {
                    CertificateRecord old = register.lock(supersedes);
                    if (old.status() != CertificateStatus.ACTIVE) {
                        throw notRenewable(old);
                    }
                    done.add(lifecycle.revokeLocked(actor, old, RevocationReason.SUPERSEDED));
                }
                if (register.keyCertifiedForAnother(key, subscriber.id())) {
                    // issue 13: one public key, one person (or agency) across the CA
                    throw new CaException(CaException.ErrorCode.DUPLICATE,
                            "this public key is certified for another subscriber");
                }
                Long custodyId = custodyInTransaction == null ? null : custodyInTransaction.get();
                Instant now = clock.instant();
                CertificateRecord r = register.insert(cert, profile.certificateKind(), subscriber.id(), custodyId, now);
                audit.append(actor, action, r.serialHex(), "profile=" + profile.profileName() + "; subscriber="
                        + subscriber.id() + "; " + how + "; subject=" + r.subject());
                done.add(new CertificateIssued(r.serial(), subscriber.id(), r.kind(), r.subject(), r.notBefore(),
                        r.notAfter(), r.der(), now));
                return r;
                };
            try {
                CertificateRecord record = shared ? db.inSharedTransaction(work) : db.inTransaction(work);
                lifecycle.published(done);
                return record;
            } catch (CaException e) {
                if (!(e.getCause() instanceof DuplicateKeyException) || attempt >= SERIAL_ATTEMPTS) {
                    throw e;
                }
                // A serial collision: astronomically rare, but the constraint is the guarantee.
            }
        }
    }

    private Subscriber subscriberFor(long subscriberId, CertificateProfile profile) {
        Subscriber subscriber = subscribers.byId(subscriberId);
        if (subscriber.kind() != profile.subscriberKind()) {
            throw new CaException(CaException.ErrorCode.PROFILE_MISMATCH, "profile " + profile.profileName()
                    + " is for " + profile.subscriberKind() + " subscribers, not " + subscriber.kind());
        }
        return subscriber;
    }

    private CertificateRecord renewable(BigInteger serial) {
        CertificateRecord old = register.find(serial).orElseThrow(() -> CertificateRegister.unknown(serial));
        if (!old.kind().isSubscriber() || old.status() != CertificateStatus.ACTIVE) {
            throw notRenewable(old);
        }
        return old;
    }

    private static CaException notRenewable(CertificateRecord old) {
        return new CaException(CaException.ErrorCode.INVALID_STATUS, "certificate " + old.serialHex()
                + " (" + old.kind() + ", " + old.status() + ") cannot be renewed or re-keyed");
    }

    private static CertificateProfile profileOf(CertificateRecord record) {
        return record.kind() == CertificateProfile.AGENCY.certificateKind()
                ? CertificateProfile.AGENCY : CertificateProfile.PERSONAL;
    }

    private X500Name subject(CertificateProfile profile, Subscriber subscriber) {
        if (profile == CertificateProfile.AGENCY) {
            return SubjectNames.agency((Agency) subscriber, settings.profiles());
        }
        Officer officer = (Officer) subscriber;
        return SubjectNames.personal(officer, organisationOf(officer.unit()), settings.profiles());
    }

    /** The body a unit belongs to: its parent as it existed when the unit started, else the unit itself. */
    private String organisationOf(Unit unit) {
        if (unit.parentCode() == null) {
            return unit.name();
        }
        LocalDate day = unit.validFrom();
        return units.find(unit.parentCode(), day).map(Unit::name).orElse(unit.name());
    }
}
