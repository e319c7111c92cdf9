package vn.kyso.server.trust;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.ca.CertificateAuthority;

/**
 * Adds, labels, enables, disables and retires the verifier's trust anchors. Each change moves
 * the version row on in the same transaction (every instance's verifier follows it within
 * {@code kyso.verification.anchor-refresh}) and is then written to the CA's hash-chained audit log.
 */
@Service
public class TrustAnchors {

    /** Larger than any real root certificate; a bigger upload is not one. */
    static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    private static final int MAX_LABEL = 200;
    private static final Logger log = LoggerFactory.getLogger(TrustAnchors.class);

    private final TrustAnchorStore store;
    private final CertificateAuthority ca;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrustAnchors(TrustAnchorStore store, CertificateAuthority ca, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.ca = ca;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<TrustAnchor> all() {
        return store.all();
    }

    public TrustAnchor get(long id) {
        return store.find(id).orElseThrow(() -> new TrustAnchorException(TrustAnchorException.ErrorCode.NOT_FOUND,
                "no trust anchor " + id));
    }

    /** The number that changes with every change to the anchors (cheap: one row). */
    public long version() {
        return store.version();
    }

    /** The anchors trusted now, each with its certificate, label and uses. */
    public List<Trusted> trusted() {
        return store.trusted();
    }

    /** A trusted anchor for the verifier. */
    public record Trusted(X509Certificate certificate, String label, String sha256, boolean forSignatures,
            boolean forTimestamps) {
    }

    /**
     * Adds the certificate in {@code upload} (PEM or DER) as an anchor.
     *
     * @throws TrustAnchorException NOT_A_CERTIFICATE, NOT_A_CA, INVALID_LABEL, NO_USE or DUPLICATE
     */
    public TrustAnchor add(String actor, byte[] upload, String label, boolean signatures, boolean timestamps) {
        String name = label(label);
        uses(signatures, timestamps);
        X509Certificate cert = certificate(upload);
        if (cert.getBasicConstraints() < 0) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.NOT_A_CA,
                    "the certificate is not a CA certificate: " + subject(cert));
        }
        String sha256 = sha256(cert);
        try {
            transactions.executeWithoutResult(s -> {
                if (store.exists(sha256)) {
                    throw duplicate(sha256);
                }
                store.insert(name, sha256, cert, der(cert), signatures, timestamps, "ADMIN", actor, clock.instant());
                store.changed();
            });
        } catch (DuplicateKeyException e) {
            throw duplicate(sha256);
        }
        TrustAnchor added = store.findBySha256(sha256).orElseThrow();
        ca.audit(actor, "TRUST_ANCHOR_ADDED", sha256, describe(added));
        return added;
    }

    /** Changes the label and uses, and enables or disables; a retired anchor stays as it is. */
    public TrustAnchor update(String actor, long id, String label, boolean signatures, boolean timestamps,
            boolean enabled) {
        String name = label(label);
        uses(signatures, timestamps);
        TrustAnchor before = get(id);
        transactions.executeWithoutResult(s -> {
            if (get(id).retiredAt() != null) {
                throw retired(id);
            }
            store.update(id, name, signatures, timestamps, enabled, clock.instant());
            store.changed();
        });
        TrustAnchor after = get(id);
        String action = before.enabled() == after.enabled() ? "TRUST_ANCHOR_CHANGED"
                : after.enabled() ? "TRUST_ANCHOR_ENABLED" : "TRUST_ANCHOR_DISABLED";
        ca.audit(actor, action, after.sha256(), describe(after) + "; was: label=" + before.label() + ", uses="
                + uses(before) + ", status=" + before.status());
        return after;
    }

    /** Retires an anchor for good: it is no longer trusted, on any instance, and cannot be enabled again. */
    public TrustAnchor retire(String actor, long id) {
        transactions.executeWithoutResult(s -> {
            if (get(id).retiredAt() != null) {
                throw retired(id);
            }
            store.retire(id, clock.instant());
            store.changed();
        });
        TrustAnchor after = get(id);
        ca.audit(actor, "TRUST_ANCHOR_RETIRED", after.sha256(), describe(after));
        return after;
    }

    /**
     * The anchors of {@code kyso.verification.trust-anchors}, added once (trusted for both uses,
     * labelled by their common name). An anchor already known, even retired, is left as it is, so
     * an admin's retirement outlasts the setting; two instances seeding at once add it once.
     */
    public void seed(Collection<X509Certificate> certificates) {
        for (X509Certificate cert : certificates) {
            String sha256 = sha256(cert);
            if (store.exists(sha256)) {
                continue;
            }
            try {
                transactions.executeWithoutResult(s -> {
                    store.insert(commonName(cert), sha256, cert, der(cert), true, true, "SETTING", "system",
                            clock.instant());
                    store.changed();
                });
            } catch (DuplicateKeyException anotherInstanceSeededIt) {
                continue;
            }
            TrustAnchor seeded = store.findBySha256(sha256).orElseThrow();
            ca.audit("system", "TRUST_ANCHOR_SEEDED", sha256, describe(seeded) + "; from kyso.verification.trust-anchors");
            log.info("Trust anchor seeded from kyso.verification.trust-anchors: {}", seeded.subject());
        }
    }

    /** One certificate, PEM or DER; anything else is NOT_A_CERTIFICATE. */
    static X509Certificate certificate(byte[] upload) {
        if (upload == null || upload.length == 0 || upload.length > MAX_CERTIFICATE_BYTES) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.NOT_A_CERTIFICATE,
                    "the upload is not one certificate (empty or larger than " + MAX_CERTIFICATE_BYTES + " bytes)");
        }
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(upload))) {
                certs.add((X509Certificate) c);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.NOT_A_CERTIFICATE,
                    "the upload is not an X.509 certificate in PEM or DER");
        }
        if (certs.size() != 1) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.NOT_A_CERTIFICATE,
                    "the upload holds " + certs.size() + " certificates: add one anchor at a time");
        }
        return certs.get(0);
    }

    static X509Certificate parse(byte[] der) {
        return certificate(der);
    }

    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** How an anchor is labelled when nobody named it: its common name, else its whole subject. */
    public static String commonName(X509Certificate cert) {
        try {
            var cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            if (cn.length > 0) {
                String value = IETFUtils.valueToString(cn[0].getFirst().getValue());
                return value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL) : value;
            }
        } catch (RuntimeException e) {
            // fall back to the subject
        }
        String subject = subject(cert);
        return subject.length() > MAX_LABEL ? subject.substring(0, MAX_LABEL) : subject;
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.INVALID_LABEL,
                    "a label is 1-" + MAX_LABEL + " characters without control characters");
        }
        return trimmed;
    }

    private static void uses(boolean signatures, boolean timestamps) {
        if (!signatures && !timestamps) {
            throw new TrustAnchorException(TrustAnchorException.ErrorCode.NO_USE,
                    "an anchor is trusted for signatures, timestamps or both");
        }
    }

    private static String uses(TrustAnchor a) {
        return a.forSignatures() && a.forTimestamps() ? "signatures+timestamps"
                : a.forSignatures() ? "signatures" : "timestamps";
    }

    private static String describe(TrustAnchor a) {
        return "label=" + a.label() + "; subject=" + a.subject() + "; uses=" + uses(a) + "; status=" + a.status();
    }

    private static TrustAnchorException duplicate(String sha256) {
        return new TrustAnchorException(TrustAnchorException.ErrorCode.DUPLICATE,
                "this certificate is already a trust anchor (SHA-256 " + sha256 + ")");
    }

    private static TrustAnchorException retired(long id) {
        return new TrustAnchorException(TrustAnchorException.ErrorCode.RETIRED, "trust anchor " + id + " is retired");
    }
}
