package vn.kyso.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that signs: a PKCS#12 file, a PKCS#11 token, the service's key custody, or an
 * external signer (see {@code vn.kyso.signing.key}). Implementations must be usable from the
 * thread that signs; they need not be thread-safe unless documented.
 */
public interface SigningKey {

    /** The certificate chain, signer first; the issuers may be incomplete (the root is optional). */
    List<X509Certificate> certificateChain();

    /** How the signature value is computed; by default from the signer's public key. */
    default SignatureScheme scheme() {
        return SignatureScheme.defaultFor(certificateChain().get(0).getPublicKey());
    }

    /**
     * Signs {@code toBeSigned} (the DER signed attributes) with {@code digest} and this key's
     * scheme, hashing included, and returns the signature value (DER for ECDSA).
     *
     * @throws SigningException KEY_UNAVAILABLE when the key cannot be used
     */
    byte[] sign(byte[] toBeSigned, DigestAlgorithm digest);

    /** The signer's certificate. */
    default X509Certificate certificate() {
        return certificateChain().get(0);
    }
}
