package vn.kyso.signing.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;

/**
 * A private key made ready for many signatures, with the provider that signs with it.
 *
 * @param key      the key object of {@code provider} (converted once, not at every signature)
 * @param provider the provider to sign with; null for the JDK's default providers
 * @param kind     which path signs: native, Bouncy Castle, the JDK or the key's own token
 */
public record PreparedKey(PrivateKey key, Provider provider, Kind kind) {

    public PreparedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    /** Who performs the private-key operation. */
    public enum Kind {
        /** Amazon Corretto Crypto Provider (AWS-LC), for extractable RSA and EC keys. */
        NATIVE,
        /** Bouncy Castle, for software EC keys when native crypto is off (faster than JDK 17's SunEC). */
        BOUNCY_CASTLE,
        /** The JDK's default providers, for software RSA keys when native crypto is off. */
        JDK,
        /** The provider the key belongs to (a PKCS#11 token); the key never leaves it. */
        KEY_PROVIDER
    }

    /** A signature engine initialised for signing; a {@link Signature} is not thread-safe, so one per use or thread. */
    public Signature signer(String algorithm) throws GeneralSecurityException {
        Signature signature = provider == null ? Signature.getInstance(algorithm)
                : Signature.getInstance(algorithm, provider);
        signature.initSign(key);
        return signature;
    }
}
