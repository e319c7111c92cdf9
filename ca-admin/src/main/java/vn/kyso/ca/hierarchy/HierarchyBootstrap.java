package vn.kyso.ca.hierarchy;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.ImportedCa;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.profile.CertificateMaker;
import vn.kyso.ca.register.CertificateRegister;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * Loads the hierarchy recorded in the database, or creates it on first start: root and
 * issuing CA (or an imported issuing CA), then the OCSP responder and TSA certificates.
 */
public final class HierarchyBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(HierarchyBootstrap.class);

    private final CaSettings settings;
    private final CaKeyStore keyStore;
    private final CaDatabase db;
    private final CertificateRegister register;
    private final CertificateMaker maker;
    private final AuditLog audit;
    private final NativeCrypto crypto;

    public HierarchyBootstrap(CaSettings settings, CaKeyStore keyStore, CaDatabase db, CertificateRegister register,
                              CertificateMaker maker, AuditLog audit, NativeCrypto crypto) {
        this.settings = settings;
        this.keyStore = keyStore;
        this.db = db;
        this.register = register;
        this.maker = maker;
        this.audit = audit;
        this.crypto = crypto;
    }

    public Hierarchy open(Optional<ImportedCa> imported) {
        Map<String, X509Certificate> recorded = recorded();
        if (!recorded.containsKey("ISSUING")) {
            if (imported.isPresent()) {
                importCa(imported.get());
            } else {
                createCa();
            }
            recorded = recorded();
        } else if (imported.isPresent()) {
            LOG.warn("A CA hierarchy exists already; the CA to import is ignored.");
        }
        X509Certificate root = recorded.get("ROOT");
        SigningCredential issuing = credential(Hierarchy.ISSUING, recorded.get("ISSUING"));
        warnOnPolicies(issuing.certificate());
        // The responder and TSA certificates are each instance's own: taken from its key store, so
        // instances sharing the database but not a key store (or an HSM) each keep theirs.
        SigningCredential ocsp = ownCredential(Hierarchy.OCSP);
        SigningCredential tsa = ownCredential(Hierarchy.TSA);
        if (tsa == null) {
            tsa = createTsa(issuing, root);
        }
        Hierarchy hierarchy = new Hierarchy(settings, keyStore, db, register, maker, audit, crypto, root, issuing,
                ocsp, tsa);
        if (ocsp == null || hierarchy.ocspNeedsRenewal()) {
            hierarchy.renewOcsp();
        }
        // The custody master key now, not at the first custody issuance: an instance that starts
        // from this key store (shared or copied) must seal and open with the same master key.
        keyStore.masterKey();
        return hierarchy;
    }

    /**
     * An issuing CA made by an earlier kyso (or before the policy OIDs were changed) does not
     * assert the configured policies: certificates still verify, explicit-policy validation of
     * them does not (docs/ca-migration.md).
     */
    private void warnOnPolicies(X509Certificate issuing) {
        java.util.Set<String> asserted = new java.util.HashSet<>();
        byte[] ext = issuing.getExtensionValue(org.bouncycastle.asn1.x509.Extension.certificatePolicies.getId());
        if (ext != null) {
            var policies = org.bouncycastle.asn1.x509.CertificatePolicies.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            for (var info : policies.getPolicyInformation()) {
                asserted.add(info.getPolicyIdentifier().getId());
            }
        }
        List<String> configured = List.of(settings.profiles().policyOid(), settings.responders().tsaPolicyOid());
        if (!asserted.contains("2.5.29.32.0") && !asserted.containsAll(configured)) {
            LOG.warn("The issuing CA certificate asserts the policies {}, not the configured {}: certificates verify, "
                    + "but not under explicit-policy validation (docs/ca-migration.md)", asserted, configured);
        }
    }

    private void createCa() {
        CaSettings.Hierarchy h = settings.hierarchy();
        KeyPair rootPair = keyStore.generate(h.rootKey());
        X509Certificate root = maker.root(Hierarchy.name(h.rootName()), rootPair.getPublic(),
                SigningCredential.contentSigner(rootPair.getPrivate(), rootPair.getPublic(), keyStore.provider()),
                h.rootValidity());
        keyStore.store(Hierarchy.ROOT, rootPair.getPrivate(), List.of(root));
        SigningCredential rootCredential = SigningCredential.prepared(keyStore.privateKey(Hierarchy.ROOT), root,
                keyStore.provider(), crypto);
        KeyPair issuingPair = keyStore.generate(h.issuingKey());
        X509Certificate issuing = maker.issuingCa(Hierarchy.name(h.issuingName()), issuingPair.getPublic(),
                rootCredential, h.issuingValidity());
        keyStore.store(Hierarchy.ISSUING, issuingPair.getPrivate(), List.of(issuing, root));
        record(root, issuing, "HIERARCHY_CREATED");
        LOG.info("Created the CA hierarchy: root '{}', issuing CA '{}'", root.getSubjectX500Principal().getName(),
                issuing.getSubjectX500Principal().getName());
    }

    private void importCa(ImportedCa imported) {
        X509Certificate issuing = imported.chain().get(0);
        X509Certificate root = imported.chain().get(imported.chain().size() - 1);
        if (issuing.getBasicConstraints() < 0) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR, "the imported certificate is not a CA");
        }
        if (!keyMatches(imported.issuingKey(), issuing)) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR,
                    "the imported private key does not match the imported CA certificate");
        }
        keyStore.store(Hierarchy.ISSUING, imported.issuingKey(), imported.chain());
        record(root, issuing, "HIERARCHY_IMPORTED");
        LOG.info("Imported the issuing CA '{}'", issuing.getSubjectX500Principal().getName());
    }

    private void record(X509Certificate root, X509Certificate issuing, String action) {
        db.inTransaction(() -> {
            saveAuthority(db, "ROOT", Hierarchy.ROOT, root, maker.now());
            saveAuthority(db, "ISSUING", Hierarchy.ISSUING, issuing, maker.now());
            if (register.find(root.getSerialNumber()).isEmpty()) {
                register.insert(root, CertificateKind.ROOT_CA, null, null, maker.now());
            }
            register.insert(issuing, CertificateKind.ISSUING_CA, null, null, maker.now());
            audit.append("system", action, CertificateRegister.hex(issuing.getSerialNumber()),
                    "root=" + root.getSubjectX500Principal().getName() + "; issuing="
                            + issuing.getSubjectX500Principal().getName());
            return null;
        });
    }

    private SigningCredential createTsa(SigningCredential issuing, X509Certificate root) {
        KeyPair pair = keyStore.generate(settings.responders().tsaKey());
        X509Certificate cert = maker.tsa(Hierarchy.name(settings.responders().tsaName()), pair.getPublic(), issuing,
                settings.responders().tsaValidity());
        keyStore.store(Hierarchy.TSA, pair.getPrivate(), List.of(cert, issuing.certificate(), root));
        db.inTransaction(() -> {
            saveAuthority(db, "TSA", Hierarchy.TSA, cert, maker.now());
            register.insert(cert, CertificateKind.TSA, null, null, maker.now());
            audit.append("system", "TSA_ISSUED", CertificateRegister.hex(cert.getSerialNumber()),
                    "notAfter=" + cert.getNotAfter().toInstant());
            return null;
        });
        return SigningCredential.prepared(keyStore.privateKey(Hierarchy.TSA), cert, keyStore.provider(), crypto);
    }

    /** A responder credential from the key store, if there is one still valid. */
    private SigningCredential ownCredential(String alias) {
        if (!keyStore.contains(alias)) {
            return null;
        }
        X509Certificate cert = keyStore.chain(alias).get(0);
        if (!maker.now().isBefore(cert.getNotAfter().toInstant())) {
            return null;
        }
        return SigningCredential.prepared(keyStore.privateKey(alias), cert, keyStore.provider(), crypto);
    }

    /** The key in the store must be the one certified in the database, or the two have drifted apart. */
    private SigningCredential credential(String alias, X509Certificate recorded) {
        if (!keyStore.contains(alias)) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR,
                    "the CA key store has no key '" + alias + "' although the database records its certificate");
        }
        X509Certificate stored = keyStore.chain(alias).get(0);
        if (!stored.getPublicKey().equals(recorded.getPublicKey())) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR,
                    "the key '" + alias + "' in the key store does not match the certificate in the database");
        }
        return SigningCredential.prepared(keyStore.privateKey(alias), recorded, keyStore.provider(), crypto);
    }

    private Map<String, X509Certificate> recorded() {
        Map<String, X509Certificate> map = new HashMap<>();
        db.jdbc().sql("SELECT role, cert_der FROM ca_authority").query(rs -> {
            map.put(rs.getString("role"), parse(rs.getBytes("cert_der")));
        });
        return map;
    }

    static void saveAuthority(CaDatabase db, String role, String alias, X509Certificate cert, java.time.Instant now) {
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot encode certificate", e);
        }
        int updated = db.jdbc().sql("UPDATE ca_authority SET key_alias = ?, cert_der = ?, not_after = ?, updated_at = ? "
                        + "WHERE role = ?")
                .params(alias, der, CaDatabase.ts(cert.getNotAfter().toInstant()), CaDatabase.ts(now), role).update();
        if (updated == 0) {
            db.jdbc().sql("INSERT INTO ca_authority (role, key_alias, cert_der, not_after, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(role, alias, der, CaDatabase.ts(cert.getNotAfter().toInstant()), CaDatabase.ts(now))
                    .update();
        }
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR, "a recorded CA certificate is damaged", e);
        }
    }

    /** Signs a test message and verifies it with the certificate: works for software and token keys alike. */
    private boolean keyMatches(PrivateKey key, X509Certificate cert) {
        try {
            String algorithm = SigningCredential.signatureAlgorithmFor(cert.getPublicKey());
            byte[] probe = "kyso key match".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
