package vn.kyso.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/** Digest algorithms kyso signs with (Circular 15/2025: SHA-256, SHA-384, SHA-512). */
public enum DigestAlgorithm {
    SHA256("SHA-256", NISTObjectIdentifiers.id_sha256, 32),
    SHA384("SHA-384", NISTObjectIdentifiers.id_sha384, 48),
    SHA512("SHA-512", NISTObjectIdentifiers.id_sha512, 64);

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;
    private final int length;

    DigestAlgorithm(String jcaName, ASN1ObjectIdentifier oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    public String jcaName() {
        return jcaName;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** Output length in bytes. */
    public int length() {
        return length;
    }

    /** A new digest instance (MessageDigest is not thread-safe). */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " missing from the JDK", e);
        }
    }

    /** Parses SHA-256, SHA256, sha-384, ... */
    public static DigestAlgorithm parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("-", "");
        for (DigestAlgorithm d : values()) {
            if (d.name().equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown digest algorithm '" + text + "' (expected SHA-256, SHA-384 or SHA-512)");
    }

    /** The algorithm with this OID, or null. */
    public static DigestAlgorithm fromOid(ASN1ObjectIdentifier oid) {
        for (DigestAlgorithm d : values()) {
            if (d.oid.equals(oid)) {
                return d;
            }
        }
        return null;
    }
}
