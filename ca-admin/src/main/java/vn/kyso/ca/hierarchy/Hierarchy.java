package vn.kyso.ca.hierarchy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.profile.CertificateMaker;
import vn.kyso.ca.register.CertificateRegister;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * The CA's live credentials: root certificate, issuing CA key, OCSP responder and TSA keys.
 * The responder certificate is short-lived; {@link #ocsp()} replaces it when it nears expiry.
 */
public final class Hierarchy {

    static final String ROOT = "kyso-root";
    static final String ISSUING = "kyso-issuing";
    static final String OCSP = "kyso-ocsp";
    static final String TSA = "kyso-tsa";

    private final CaSettings settings;
    private final CaKeyStore keyStore;
    private final CaDatabase db;
    private final CertificateRegister register;
    private final CertificateMaker maker;
    private final AuditLog audit;
    private final NativeCrypto crypto;
    private final X509Certificate root;
    private final SigningCredential issuing;
    private final SigningCredential tsa;
    private volatile SigningCredential ocsp;
    private volatile Instant ocspRenewAt;

    Hierarchy(CaSettings settings, CaKeyStore keyStore, CaDatabase db, CertificateRegister register,
              CertificateMaker maker, AuditLog audit, NativeCrypto crypto, X509Certificate root,
              SigningCredential issuing, SigningCredential ocsp, SigningCredential tsa) {
        this.settings = settings;
        this.keyStore = keyStore;
        this.db = db;
        this.register = register;
        this.maker = maker;
        this.audit = audit;
        this.crypto = crypto;
        this.root = root;
        this.issuing = issuing;
        this.tsa = tsa;
        if (ocsp == null) {
            this.ocspRenewAt = Instant.MIN; // first start: the bootstrap issues one at once
        } else {
            useOcsp(ocsp);
        }
    }

    /** How the CA's keys sign, and what checks subscribers' signatures (CSRs) natively. */
    public NativeCrypto crypto() {
        return crypto;
    }

    public X509Certificate root() {
        return root;
    }

    public SigningCredential issuing() {
        return issuing;
    }

    /**
     * The root's own key, when this CA made its root; an imported issuing CA's root key is
     * elsewhere, and so is its CRL.
     */
    public Optional<SigningCredential> rootSigner() {
        if (!keyStore.contains(ROOT)) {
            return Optional.empty();
        }
        return Optional.of(SigningCredential.prepared(keyStore.privateKey(ROOT), root, keyStore.provider(), crypto));
    }

    public SigningCredential tsa() {
        return tsa;
    }

    /** Issuing CA first, root last: what end-entity certificates chain to. */
    public List<X509Certificate> chain() {
        return List.of(issuing.certificate(), root);
    }

    /** The current responder credential, renewed first when it is near its end. */
    public SigningCredential ocsp() {
        if (!maker.now().isBefore(ocspRenewAt)) {
            renewOcsp();
        }
        return ocsp;
    }

    boolean ocspNeedsRenewal() {
        return !maker.now().isBefore(ocspRenewAt);
    }

    /** Issues a fresh responder key and certificate (also used on first start). */
    public synchronized SigningCredential renewOcsp() {
        if (ocsp != null && maker.now().isBefore(ocspRenewAt)) {
            return ocsp; // another thread renewed it while this one waited
        }
        KeyPair pair = keyStore.generate(settings.responders().ocspKey());
        X509Certificate cert = maker.ocspResponder(name(settings.responders().ocspName()), pair.getPublic(), issuing,
                maker.now().plus(settings.responders().ocspValidity()));
        keyStore.store(OCSP, pair.getPrivate(), List.of(cert, issuing.certificate(), root));
        SigningCredential fresh = SigningCredential.prepared(keyStore.privateKey(OCSP), cert, keyStore.provider(), crypto);
        db.inTransaction(() -> {
            HierarchyBootstrap.saveAuthority(db, "OCSP", OCSP, cert, maker.now());
            register.insert(cert, CertificateKind.OCSP_RESPONDER, null, null, maker.now());
            audit.append("system", "OCSP_RESPONDER_ISSUED", CertificateRegister.hex(cert.getSerialNumber()),
                    "notAfter=" + cert.getNotAfter().toInstant());
            return null;
        });
        useOcsp(fresh);
        return fresh;
    }

    private void useOcsp(SigningCredential credential) {
        if (credential == null) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR, "no OCSP responder credential");
        }
        this.ocsp = credential;
        this.ocspRenewAt = credential.certificate().getNotAfter().toInstant()
                .minus(settings.responders().ocspRenewBefore());
    }

    static X500Name name(String dn) {
        try {
            return new X500Name(BCStyle.INSTANCE, dn);
        } catch (IllegalArgumentException e) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR, "not a distinguished name: " + dn, e);
        }
    }
}
