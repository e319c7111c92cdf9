package vn.kyso.signing.verify;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is safe to remember across verifications: parsed certificates and CRLs (by their
 * encoding) and whether one certificate's key verifies another's signature. Bounded: cleared
 * when full, which costs only speed.
 */
final class CertificateCache {

    private static final int MAX_ENTRIES = 20_000;

    private final Map<Bytes, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<Bytes, X509CRL> crls = new ConcurrentHashMap<>();
    private final Map<Link, Boolean> links = new ConcurrentHashMap<>();
    private final Map<CrlLink, Boolean> crlLinks = new ConcurrentHashMap<>();

    /** The certificate encoded by {@code der}, or null when it is not one. */
    X509Certificate certificate(byte[] der) {
        Bytes key = new Bytes(der);
        X509Certificate cached = certificates.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            X509Certificate parsed = (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
            bound(certificates).put(key, parsed);
            return parsed;
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** The CRL encoded by {@code der}, or null when it is not one. */
    X509CRL crl(byte[] der) {
        Bytes key = new Bytes(der);
        X509CRL cached = crls.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            X509CRL parsed = (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
            bound(crls).put(key, parsed);
            return parsed;
        } catch (CRLException | CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code issuer}'s public key verifies {@code subject}'s signature. */
    boolean issued(X509Certificate subject, X509Certificate issuer) {
        return bound(links).computeIfAbsent(new Link(subject, issuer), l -> verifies(subject, issuer.getPublicKey()));
    }

    /** Whether {@code issuer}'s public key verifies the CRL's signature. */
    boolean signedCrl(X509CRL crl, X509Certificate issuer) {
        return bound(crlLinks).computeIfAbsent(new CrlLink(crl, issuer), l -> {
            try {
                crl.verify(issuer.getPublicKey());
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static boolean verifies(X509Certificate subject, PublicKey key) {
        try {
            subject.verify(key);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static <K, V> Map<K, V> bound(Map<K, V> map) {
        if (map.size() > MAX_ENTRIES) {
            map.clear();
        }
        return map;
    }

    private static CertificateFactory factory() throws CertificateException {
        // CertificateFactory is not documented as thread-safe: one per thread.
        return FACTORY.get();
    }

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 missing from the JDK", e);
        }
    });

    private record Link(X509Certificate subject, X509Certificate issuer) {
    }

    private record CrlLink(X509CRL crl, X509Certificate issuer) {
    }

    /** A byte array compared by content. */
    record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
