package vn.kyso.ca.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.KeyAlgorithm;

/**
 * The part of a CA key store that is the same over any JCA {@link KeyStore} (a PKCS#12 file, a
 * PKCS#11 token): reading and writing entries and the custody master key. Subclasses open the
 * store and say what a write must be followed by (a PKCS#12 file is saved; a token keeps it).
 */
abstract sealed class JcaCaKeyStore implements CaKeyStore permits Pkcs12CaKeyStore, Pkcs11CaKeyStore {

    private static final String MASTER = "custody-master";

    protected final SecureRandom random = new SecureRandom();

    /** The opened store. */
    protected abstract KeyStore keyStore();

    /** The password protecting each entry (null on a token, whose login protects them). */
    protected abstract char[] entryPassword();

    /** How the store is named in error messages ("the token", "the CA keystore"). */
    protected abstract String label();

    /** Makes a change to the store durable. */
    protected abstract void persist();

    /**
     * Runs a change to the store: a store other processes may also write (a PKCS#12 file shared by
     * several instances) is locked and re-read first, so that no one's entry is lost.
     */
    protected <T> T change(Supplier<T> work) {
        return work.get();
    }

    @Override
    public KeyPair generate(KeyAlgorithm algorithm) {
        return KeyPairs.generate(algorithm, provider(), random);
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        change(() -> {
            try {
                if (keyStore().containsAlias(alias)) {
                    keyStore().deleteEntry(alias); // a token will not overwrite an entry in place
                }
                keyStore().setKeyEntry(alias, key, entryPassword(), chain.toArray(new Certificate[0]));
                persist();
                return null;
            } catch (GeneralSecurityException e) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot store key " + alias + " in " + label(), e);
            }
        });
    }

    @Override
    public synchronized boolean contains(String alias) {
        try {
            return keyStore().isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read " + label(), e);
        }
    }

    @Override
    public synchronized PrivateKey privateKey(String alias) {
        try {
            if (!(keyStore().getKey(alias, entryPassword()) instanceof PrivateKey key)) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, label() + " has no key " + alias);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read key " + alias, e);
        }
    }

    @Override
    public synchronized List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = keyStore().getCertificateChain(alias);
            if (chain == null) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, label() + " has no chain " + alias);
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read chain " + alias, e);
        }
    }

    @Override
    public synchronized SecretKey masterKey() {
        try {
            if (keyStore().getKey(MASTER, entryPassword()) instanceof SecretKey key) {
                return key;
            }
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read or create the master key", e);
        }
        // another instance sharing the store may have created it since this one loaded the store
        return change(this::readOrCreateMasterKey);
    }

    private SecretKey readOrCreateMasterKey() {
        try {
            if (keyStore().getKey(MASTER, entryPassword()) instanceof SecretKey key) {
                return key;
            }
            KeyGenerator generator = provider() == null ? KeyGenerator.getInstance("AES")
                    : KeyGenerator.getInstance("AES", provider());
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            char[] password = entryPassword();
            keyStore().setEntry(MASTER, new KeyStore.SecretKeyEntry(key),
                    password == null ? null : new KeyStore.PasswordProtection(password));
            persist();
            // on a token the stored key is a handle to a token object, not the session key made above
            return (SecretKey) keyStore().getKey(MASTER, password);
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read or create the master key", e);
        }
    }

    @Override
    public abstract Provider provider();
}
