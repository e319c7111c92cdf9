package vn.kyso.signing.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * The digest algorithms the verifier can compute, wider than those kyso signs with
 * ({@link vn.kyso.signing.DigestAlgorithm}): documents signed elsewhere and long ago use SHA-1,
 * SHA-224, SHA-3 or SHAKE256 (Ed448, RFC 8419). Each carries the date up to which the
 * cryptographic policy (docs/verification-policy.md) considers it reliable for signatures.
 */
enum VerifierDigest {
    MD5("MD5", PKCSObjectIdentifiers.md5, CryptoPolicy.NEVER),
    SHA1("SHA-1", OIWObjectIdentifiers.idSHA1, Instant.parse("2009-12-31T23:59:59Z")),
    SHA224("SHA-224", NISTObjectIdentifiers.id_sha224, Instant.parse("2029-01-01T00:00:00Z")),
    SHA256("SHA-256", NISTObjectIdentifiers.id_sha256, null),
    SHA384("SHA-384", NISTObjectIdentifiers.id_sha384, null),
    SHA512("SHA-512", NISTObjectIdentifiers.id_sha512, null),
    SHA3_256("SHA3-256", NISTObjectIdentifiers.id_sha3_256, null),
    SHA3_384("SHA3-384", NISTObjectIdentifiers.id_sha3_384, null),
    SHA3_512("SHA3-512", NISTObjectIdentifiers.id_sha3_512, null),
    /** id-shake256 with 512 bits of output, the digest RFC 8419 pairs with Ed448. */
    SHAKE256("SHAKE256-512", NISTObjectIdentifiers.id_shake256, null);

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;
    private final Instant reliableUntil;

    VerifierDigest(String jcaName, ASN1ObjectIdentifier oid, Instant reliableUntil) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.reliableUntil = reliableUntil;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    String displayName() {
        return this == SHAKE256 ? "SHAKE256" : jcaName;
    }

    /** Null: reliable without a known end; {@link CryptoPolicy#NEVER}: not acceptable at all. */
    Instant reliableUntil() {
        return reliableUntil;
    }

    /** A new instance (MessageDigest is not thread-safe); SHAKE256 comes from Bouncy Castle. */
    MessageDigest newDigest() {
        try {
            return this == SHAKE256 ? MessageDigest.getInstance(jcaName, CryptoProvider.BC) : MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing", e);
        }
    }

    /** The algorithm with this OID, or null when the verifier does not know it. */
    static VerifierDigest fromOid(ASN1ObjectIdentifier oid) {
        for (VerifierDigest d : values()) {
            if (d.oid.equals(oid)) {
                return d;
            }
        }
        return null;
    }
}
