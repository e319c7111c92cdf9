package vn.kyso.ca;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.crypto.SecretKey;

import vn.kyso.ca.keys.Pkcs11CaKeyStore;
import vn.kyso.ca.keys.Pkcs12CaKeyStore;

/**
 * Where the CA's private keys live: a PKCS#12 file, or a PKCS#11 token (HSM). The CA keys
 * never leave it except as {@link PrivateKey} handles for signing.
 */
public interface CaKeyStore {

    /**
     * Generates a key pair where the store keeps keys (in memory for PKCS#12, on the token for
     * PKCS#11); it is kept only once {@link #store} is called with its certificate.
     */
    KeyPair generate(KeyAlgorithm algorithm);

    /** Keeps the key under the alias with its chain (its certificate first), replacing an older entry. */
    void store(String alias, PrivateKey key, List<X509Certificate> chain);

    boolean contains(String alias);

    PrivateKey privateKey(String alias);

    List<X509Certificate> chain(String alias);

    /** The AES-256 key that wraps custody keys a second time; created on first use. */
    SecretKey masterKey();

    /** The provider that signs and decrypts with this store's keys; null for the JDK's defaults. */
    Provider provider();

    /** A PKCS#12 file protected by the passphrase (created if missing, owner-only permissions). */
    static CaKeyStore pkcs12(Path file, char[] passphrase) {
        return new Pkcs12CaKeyStore(file, passphrase);
    }

    /**
     * A PKCS#11 token through the JDK's SunPKCS11 provider.
     *
     * @param library the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
     * @param slot    the slot id of the token
     * @param pin     the token's user PIN
     */
    static CaKeyStore pkcs11(Path library, long slot, char[] pin) {
        return new Pkcs11CaKeyStore(library, slot, pin);
    }
}
