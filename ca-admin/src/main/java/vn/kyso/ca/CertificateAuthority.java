package vn.kyso.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.crl.CrlPublisher;
import vn.kyso.ca.custody.KeyActivations;
import vn.kyso.ca.custody.KeyCustody;
import vn.kyso.ca.custody.KeyUnlock;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.hierarchy.HierarchyBootstrap;
import vn.kyso.ca.issuance.Issuance;
import vn.kyso.ca.ocsp.OcspResponder;
import vn.kyso.ca.profile.CertificateMaker;
import vn.kyso.ca.profile.SerialNumbers;
import vn.kyso.ca.register.CertificateRegister;
import vn.kyso.ca.revocation.ExpiryWatch;
import vn.kyso.ca.revocation.Lifecycle;
import vn.kyso.ca.subscriber.SubscriberDirectory;
import vn.kyso.ca.subscriber.SubscriberMatch;
import vn.kyso.ca.subscriber.UnitDirectory;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * The province's certificate authority: the one entry point of ca-admin. Thread-safe.
 *
 * <p>Methods that change something take the {@code actor} (the account doing it) for the audit
 * log. Failures are {@link CaException}s with an {@link CaException.ErrorCode}; a refused
 * request writes nothing. OCSP and TSA never throw: bad requests get their protocol's error.
 */
public final class CertificateAuthority {

    private final Hierarchy hierarchy;
    private final CertificateRegister register;
    private final UnitDirectory units;
    private final SubscriberDirectory subscribers;
    private final Issuance issuance;
    private final Lifecycle lifecycle;
    private final ExpiryWatch expiry;
    private final KeyUnlock keys;
    private final KeyActivations activations;
    private final CrlPublisher crls;
    private final Optional<CrlPublisher> rootCrls;
    private final OcspResponder ocsp;
    private final vn.kyso.ca.tsa.TimeStampAuthority tsa;
    private final AuditLog audit;
    private final CaDatabase db;

    private CertificateAuthority(Builder b) {
        Clock clock = b.clock;
        db = CaDatabase.migrate(b.dataSource);
        audit = new AuditLog(db, clock);
        register = new CertificateRegister(db);
        register.fillKeyHashes();
        CertificateMaker maker = new CertificateMaker(b.settings, new SerialNumbers(b.random), clock);
        hierarchy = new HierarchyBootstrap(b.settings, b.keyStore, db, register, maker, audit, b.crypto)
                .open(Optional.ofNullable(b.importedCa));
        units = new UnitDirectory(db);
        units.seedIfEmpty();
        subscribers = new SubscriberDirectory(db, units, clock);
        subscribers.fillSearchNames();
        lifecycle = new Lifecycle(db, register, audit, b.events, clock);
        KeyCustody custody = new KeyCustody(db, b.settings.custody(), b.keyStore, clock, b.random);
        issuance = new Issuance(b.settings, db, register, subscribers, units, maker, hierarchy, custody, lifecycle,
                audit, clock, b.random);
        expiry = new ExpiryWatch(register, b.events, clock, b.settings.profiles().expiryWarning());
        keys = new KeyUnlock(db, register, custody, hierarchy, audit, clock);
        activations = new KeyActivations(db, keys, custody, hierarchy, audit, clock, b.random);
        crls = CrlPublisher.issuing(db, register, hierarchy, audit, b.events, clock, b.settings.responders());
        rootCrls = hierarchy.rootSigner().map(root -> CrlPublisher.root(db, register, root, audit, b.events, clock,
                b.settings.responders()));
        rootCrls.ifPresent(p -> p.publishIfDue("system")); // first start: published with the hierarchy
        ocsp = new OcspResponder(hierarchy, register, b.events, clock, b.settings.responders());
        lifecycle.addListener(ocsp::forget);
        tsa = new vn.kyso.ca.tsa.TimeStampAuthority(hierarchy, clock, b.random, b.settings.responders());
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- hierarchy ----

    public X509Certificate rootCertificate() {
        return hierarchy.root();
    }

    public X509Certificate issuingCertificate() {
        return hierarchy.issuing().certificate();
    }

    /** The current delegated OCSP responder certificate (renewed automatically). */
    public X509Certificate ocspResponderCertificate() {
        return hierarchy.ocsp().certificate();
    }

    public X509Certificate tsaCertificate() {
        return hierarchy.tsa().certificate();
    }

    /** Issuing CA then root: the chain above every subscriber certificate. */
    public List<X509Certificate> caChain() {
        return hierarchy.chain();
    }

    /**
     * Periodic upkeep for the service's scheduler: renews the OCSP responder certificate and
     * re-issues the root's CRL when due.
     */
    public void maintain() {
        hierarchy.ocsp();
        rootCrls.ifPresent(p -> p.publishIfDue("system"));
        activations.purgeExpired();
    }

    // ---- units and subscribers ----

    public List<Unit> units(LocalDate day) {
        return units.on(day);
    }

    public Unit unit(String code, LocalDate day) {
        return units.byCode(code, day);
    }

    /**
     * The dated unit directory: every unit of every period with its dates and successor. The one
     * source of units: the usage reports read it through their port (docs/usage.md, "Units").
     */
    public List<Unit> unitHistory() {
        return units.history();
    }

    public Unit addUnit(String actor, NewUnit unit) {
        return db.inTransaction(() -> {
            Unit added = units.add(unit);
            audit.append(actor, "UNIT_ADDED", added.code(), added.name() + " from " + added.validFrom());
            return added;
        });
    }

    /** Ends a unit's effective period; its subscribers and certificates keep pointing to it. */
    public Unit closeUnit(String actor, long unitId, LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        return db.inTransaction(() -> {
            Unit closed = units.close(unitId, lastDay);
            audit.append(actor, "UNIT_CLOSED", closed.code(), "last day " + lastDay);
            return closed;
        });
    }

    /**
     * Ends a unit by a merger or rename: from the day after {@code lastDay} the unit with
     * {@code successorCode} carries on its work (reports rolled up into today's units follow it).
     */
    public Unit mergeUnit(String actor, long unitId, LocalDate lastDay, String successorCode) {
        Objects.requireNonNull(lastDay, "lastDay");
        Checks.text(successorCode, "successorCode", 32);
        return db.inTransaction(() -> {
            Unit closed = units.close(unitId, lastDay, successorCode);
            audit.append(actor, "UNIT_MERGED", closed.code(), "last day " + lastDay + ", successor " + successorCode);
            return closed;
        });
    }

    public Officer registerOfficer(String actor, NewOfficer officer) {
        return db.inTransaction(() -> {
            Officer o = subscribers.addOfficer(officer);
            audit.append(actor, "OFFICER_REGISTERED", "subscriber:" + o.id(), o.fullName() + ", " + o.unit().code());
            return o;
        });
    }

    public Agency registerAgency(String actor, NewAgency agency) {
        return db.inTransaction(() -> {
            Agency a = subscribers.addAgency(agency);
            audit.append(actor, "AGENCY_REGISTERED", "subscriber:" + a.id(), a.name() + ", MST " + a.mst());
            return a;
        });
    }

    public Subscriber subscriber(long id) {
        return subscribers.byId(id);
    }

    /** Subscribers of a kind (null: both), of a unit (null: all units). */
    public List<Subscriber> subscribers(SubscriberKind kind, Long unitId) {
        return subscribers.list(kind, unitId);
    }

    /** One page of the subscribers a search matches (name, CCCD/MST, unit), by name. */
    public ResultPage<Subscriber> findSubscribers(SubscriberSearch search) {
        return subscribers.search(search);
    }

    // ---- issuance ----

    public CertificateRecord issueFromCsr(String actor, CsrIssueRequest request) {
        return issuance.fromCsr(actor, request);
    }

    public CertificateRecord issueWithCustody(String actor, CustodyIssueRequest request) {
        return issuance.withCustody(actor, request);
    }

    /** New certificate, same key; the old certificate is revoked as superseded. */
    public CertificateRecord renew(String actor, BigInteger serial) {
        return issuance.renew(actor, serial);
    }

    /** New certificate for the key of a new CSR; the old certificate is revoked as superseded. */
    public CertificateRecord rekey(String actor, BigInteger serial, byte[] csrDer) {
        return issuance.rekey(actor, serial, csrDer);
    }

    /**
     * New certificate for a new custody key, its PIN chosen by the holder; the old certificate is
     * revoked as superseded. This, not a PIN reset, cures a forgotten PIN or a locked key.
     */
    public CertificateRecord rekeyWithCustody(String actor, BigInteger serial, boolean allowExport) {
        return issuance.rekeyWithCustody(actor, serial, allowExport);
    }

    // ---- register ----

    public Optional<CertificateRecord> certificate(BigInteger serial) {
        return register.find(serial);
    }

    public List<CertificateRecord> certificates(CertificateQuery query) {
        return register.search(query, SubscriberMatch.of(query.text(), units).orElse(null));
    }

    /**
     * One page of the certificates a query matches, newest first, with the count of all matches;
     * the query's text matches the start of a serial or the holder (as {@link #findSubscribers}).
     */
    public ResultPage<CertificateRecord> findCertificates(CertificateQuery query) {
        return register.page(query, SubscriberMatch.of(query.text(), units).orElse(null));
    }

    /**
     * Every subscriber certificate's serial, subscriber and current status, for an inventory kept
     * elsewhere to find what it missed (a crash between an issuance's commit and its feed).
     */
    public List<RegisteredStatus> subscriberCertificateStatuses() {
        return register.subscriberStatuses();
    }

    // ---- lifecycle ----

    public CertificateRecord suspend(String actor, BigInteger serial) {
        return lifecycle.suspend(actor, serial);
    }

    public CertificateRecord release(String actor, BigInteger serial) {
        return lifecycle.release(actor, serial);
    }

    public CertificateRecord revoke(String actor, BigInteger serial, RevocationReason reason) {
        return lifecycle.revoke(actor, serial, reason);
    }

    /** Revokes with an RFC 5280 reason code as a client sends it; an unknown code writes nothing. */
    public CertificateRecord revoke(String actor, BigInteger serial, int reasonCode) {
        return lifecycle.revoke(actor, serial, RevocationReason.ofCode(reasonCode));
    }

    /** Revokes all active and suspended certificates of a subscriber (an officer who leaves). */
    public List<CertificateRecord> revokeAllOf(String actor, long subscriberId, RevocationReason reason) {
        subscribers.byId(subscriberId);
        return lifecycle.revokeAllOf(actor, subscriberId, reason);
    }

    /** Subscriber certificates, not revoked, expiring within the warning period (30 days by default). */
    public List<CertificateRecord> expiringCertificates() {
        return expiry.expiring();
    }

    /** Publishes {@link CertificateExpiring} once per expiring certificate; returns the ones warned now. */
    public List<CertificateRecord> publishExpiryWarnings() {
        return expiry.warn();
    }

    // ---- key custody ----

    /**
     * Unlocks a custody key with the PIN for one operation: {@code use} gets the private key and
     * chain, and the key is dropped when it returns. Wrong PINs are counted; the last allowed
     * one locks the key ({@code KEY_LOCKED}) for good: the cure is {@link #rekeyWithCustody}. A
     * key whose holder has not chosen a PIN yet is refused ({@code PIN_NOT_CHOSEN}).
     */
    public <T> T withCustodyKey(String actor, BigInteger serial, char[] pin, KeyUse<T> use) {
        return keys.use(actor, serial, pin, use);
    }

    /**
     * The holder's first PIN for a new custody key ({@code PIN_ALREADY_CHOSEN} once one was
     * chosen). The caller must have checked that {@code actor} is the key's holder: the personal
     * key's own officer, or a designated clerk of an agency key.
     */
    public void choosePin(String actor, BigInteger serial, char[] pin) {
        keys.choosePin(actor, serial, pin);
    }

    /** The holder changes the PIN; the current PIN is tried and counted as for a signature. */
    public void changePin(String actor, BigInteger serial, char[] currentPin, char[] newPin) {
        keys.changePin(actor, serial, currentPin, newPin);
    }

    /** Whether the custody key's holder has chosen its PIN. */
    public boolean pinChosen(BigInteger serial) {
        return keys.pinChosen(serial);
    }

    public boolean isKeyLocked(BigInteger serial) {
        return keys.isLocked(serial);
    }

    /**
     * Activates a custody key with its PIN for at most {@code signatures} signatures during
     * {@code lifetime} (the PIN attempt is counted and audited like any other). The result holds
     * the token, shown only now; {@link #withActivatedKey} takes it instead of the PIN.
     */
    public KeyActivation activateCustodyKey(String actor, BigInteger serial, char[] pin, int signatures,
                                            Duration lifetime) {
        return activations.authorize(actor, serial, pin, signatures, lifetime);
    }

    /**
     * Uses an activation for {@code signatures} signatures: refused when the token is unknown,
     * another account's, ended, expired, short of signatures, or its certificate is no longer
     * active. The signatures are taken before {@code use} runs and stay taken.
     */
    public <T> T withActivatedKey(String actor, String token, int signatures, KeyUse<T> use) {
        return activations.use(actor, token, signatures, use);
    }

    /** The activation a token names, if it is {@code actor}'s; nothing is taken. */
    public KeyActivation keyActivation(String actor, String token) {
        return activations.find(actor, token);
    }

    /** {@code actor}'s activation by id; nothing is taken. */
    public KeyActivation keyActivation(String actor, long id) {
        return activations.find(actor, id);
    }

    /** Ends every live activation of {@code account} now (audited, keys wiped): the account was disabled or changed. */
    public int endKeyActivationsOf(String actor, String account) {
        return activations.endAllOf(actor, account);
    }

    /** Ends {@code actor}'s activation now (audited); its key is wiped. */
    public KeyActivation endKeyActivation(String actor, long id) {
        return activations.end(actor, id);
    }

    /**
     * The one PKCS#12 export of a custody key (key and chain, protected by {@code exportPassword}
     * of at least 8 characters), when the key was issued with export allowed and the setting
     * still allows it. Refused without trying the PIN when not allowed ({@code EXPORT_NOT_ALLOWED})
     * or made already ({@code ALREADY_EXPORTED}); otherwise the PIN attempt is counted like a
     * signature's. Audited ({@code KEY_EXPORTED}, {@code KEY_EXPORT_REFUSED}).
     */
    public byte[] exportPkcs12(String actor, BigInteger serial, char[] pin, char[] exportPassword) {
        return keys.exportPkcs12(actor, serial, pin, exportPassword);
    }

    /** Where a custody key stands with its one export ({@code NO_CUSTODY_KEY} for a key kyso does not hold). */
    public KeyExport keyExport(BigInteger serial) {
        return keys.exportState(serial);
    }

    // ---- CRL, OCSP, TSA ----

    public PublishedCrl publishCrl(String actor) {
        return crls.publish(actor);
    }

    public Optional<PublishedCrl> latestCrl() {
        return crls.latest();
    }

    /**
     * The root's newest CRL over the CA certificates it signed (served at
     * {@link CaSettings#rootCrlUrl()}); empty when the root key is not this CA's (imported issuing CA).
     */
    public Optional<PublishedCrl> rootCrl() {
        return rootCrls.flatMap(CrlPublisher::latest);
    }

    /** Issues a new root CRL now (after revoking a CA certificate); empty without the root key. */
    public Optional<PublishedCrl> publishRootCrl(String actor) {
        return rootCrls.map(p -> p.publish(actor));
    }

    /** RFC 6960: DER OCSPRequest in, DER OCSPResponse out (malformedRequest for bad input). */
    public byte[] ocsp(byte[] requestDer) {
        return ocsp.respond(requestDer);
    }

    /** RFC 3161: DER TimeStampReq in, DER TimeStampResp out (rejection for bad input). */
    public byte[] timestamp(byte[] requestDer) {
        return tsa.respond(requestDer);
    }

    // ---- audit ----

    /** Records an action done outside the CA (a login, a console action) in the same chain. */
    public AuditEntry audit(String actor, String action, String target, String details) {
        return audit.record(actor, action, target, details);
    }

    /**
     * Chains the audit entries committed so far. Each change's entry is written in its own
     * transaction and chained soon after, in batches; the service calls this every few seconds so
     * that the last entries of a busy spell do not wait for the next change or read.
     */
    public void sealAuditLog() {
        audit.seal();
    }

    public List<AuditEntry> auditLog(long afterSeq, int limit) {
        return audit.entries(afterSeq, limit);
    }

    /** One page of the entries a filter matches, newest first. */
    public ResultPage<AuditEntry> auditLog(AuditFilter filter, int limit, int offset) {
        return audit.search(filter, limit, offset);
    }

    /** The action codes the audit log holds. */
    public List<String> auditActions() {
        return audit.actions();
    }

    public AuditVerification verifyAuditChain() {
        return audit.verify();
    }

    /** Everything the CA needs; {@link #open()} migrates the schema and loads or creates the hierarchy. */
    public static final class Builder {
        private DataSource dataSource;
        private CaSettings settings;
        private CaKeyStore keyStore;
        private CaEvents events = CaEvents.NONE;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private ImportedCa importedCa;
        private NativeCrypto crypto = NativeCrypto.system();

        private Builder() {
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder settings(CaSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder keyStore(CaKeyStore keyStore) {
            this.keyStore = keyStore;
            return this;
        }

        public Builder events(CaEvents events) {
            this.events = events;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /** Use this issuing CA on first start instead of generating a hierarchy. */
        public Builder importCa(ImportedCa importedCa) {
            this.importedCa = importedCa;
            return this;
        }

        /** Native signing for the CA's software keys (default: on when available, see {@link NativeCrypto}). */
        public Builder nativeCrypto(NativeCrypto crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        public CertificateAuthority open() {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(clock, "clock");
            if (keyStore == null) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "no CA key store given");
            }
            if (random == null) {
                random = new SecureRandom();
            }
            return new CertificateAuthority(this);
        }
    }
}
