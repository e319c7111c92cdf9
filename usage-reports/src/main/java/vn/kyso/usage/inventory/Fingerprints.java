package vn.kyso.usage.inventory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * What identifies a certificate for counting: SHA-256 of its whole DER encoding, and SHA-256 of
 * its SubjectPublicKeyInfo. A lookalike (same issuer name and serial, another key) has neither.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    public static String publicKey(X509Certificate certificate) {
        return sha256(certificate.getPublicKey().getEncoded());
    }

    /** SHA-256 (hex) of any bytes, e.g. an imported file for the audit log. */
    public static String sha256Hex(byte[] bytes) {
        return sha256(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
