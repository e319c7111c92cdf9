package vn.kyso.signing.key;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.cms.SignatureAlgorithm;
import vn.kyso.signing.crypto.PreparedKey;

/**
 * A JCA private key held in memory with its chain: the service's key custody after unlocking,
 * and the base of the PKCS#12 and PKCS#11 keys. Thread-safe (a new JCA Signature per call).
 *
 * @param privateKey the private key (software or a token handle)
 * @param certificateChain signer first
 * @param scheme how to sign (use {@link #of} for the key's default)
 * @param provider the provider that signs with the key (a native one, see {@link #prepared}), or null for the defaults
 */
public record InMemorySigningKey(PrivateKey privateKey, List<X509Certificate> certificateChain, SignatureScheme scheme,
                                 Provider provider) implements SigningKey {

    public InMemorySigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain must hold at least the signer's certificate");
        }
        scheme = scheme == null ? SignatureScheme.defaultFor(certificateChain.get(0).getPublicKey()) : scheme;
    }

    /** A key signing with the default providers. */
    public InMemorySigningKey(PrivateKey privateKey, List<X509Certificate> certificateChain, SignatureScheme scheme) {
        this(privateKey, certificateChain, scheme, null);
    }

    /** The key with the default scheme for its algorithm (PKCS#1 v1.5 for RSA, ECDSA for EC). */
    public static InMemorySigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new InMemorySigningKey(privateKey, chain, null);
    }

    /**
     * A key made ready by {@code NativeCrypto.prepare}, signing with the provider it was converted
     * for (about four times the JDK's RSA speed when native), with the default scheme.
     */
    public static InMemorySigningKey prepared(PreparedKey key, List<X509Certificate> chain) {
        return new InMemorySigningKey(key.key(), chain, null, key.provider());
    }

    /** The same key signing with another scheme (e.g. RSASSA-PSS). */
    public InMemorySigningKey withScheme(SignatureScheme other) {
        return new InMemorySigningKey(privateKey, certificateChain, other, provider);
    }

    @Override
    public byte[] sign(byte[] toBeSigned, DigestAlgorithm digest) {
        return SignatureAlgorithm.of(scheme, digest).sign(privateKey, provider, toBeSigned);
    }

    @Override
    public String toString() {
        // never print key material
        return "InMemorySigningKey[" + certificateChain.get(0).getSubjectX500Principal().getName() + ", " + scheme
                + (provider == null ? "" : ", " + provider.getName()) + "]";
    }
}
