package vn.kyso.ca.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.KeyAlgorithm;

/**
 * CA keys on a PKCS#11 token through SunPKCS11. Keys are generated on the token as session
 * objects and become token objects when stored with their certificate; they never leave it.
 */
public final class Pkcs11CaKeyStore implements CaKeyStore {

    private static final String MASTER = "custody-master";

    private final Provider provider;
    private final KeyStore keyStore;
    private final SecureRandom random = new SecureRandom();

    public Pkcs11CaKeyStore(Path library, long slot, char[] pin) {
        String config = "--name = kyso-ca-" + slot + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + "slot = " + slot + "\n"
                // Secret keys created on the token must be usable for AES-GCM and storable.
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n  CKA_ENCRYPT = true\n  CKA_DECRYPT = true\n}\n";
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "this JDK has no SunPKCS11 provider");
            }
            provider = base.configure(config);
            keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof CaException ce) {
                throw ce;
            }
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "cannot open PKCS#11 slot " + slot + " of " + library + " (wrong PIN or no token)", e);
        }
    }

    @Override
    public KeyPair generate(KeyAlgorithm algorithm) {
        return KeyPairs.generate(algorithm, provider, random);
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            if (keyStore.containsAlias(alias)) {
                keyStore.deleteEntry(alias);
            }
            keyStore.setKeyEntry(alias, key, null, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot store key " + alias + " on the token", e);
        }
    }

    @Override
    public synchronized boolean contains(String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read the token", e);
        }
    }

    @Override
    public synchronized PrivateKey privateKey(String alias) {
        try {
            if (!(keyStore.getKey(alias, null) instanceof PrivateKey key)) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the token has no key " + alias);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read key " + alias, e);
        }
    }

    @Override
    public synchronized List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (chain == null) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the token has no chain " + alias);
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read chain " + alias, e);
        }
    }

    @Override
    public synchronized SecretKey masterKey() {
        try {
            if (keyStore.getKey(MASTER, null) instanceof SecretKey key) {
                return key;
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            keyStore.setEntry(MASTER, new KeyStore.SecretKeyEntry(key), null);
            return (SecretKey) keyStore.getKey(MASTER, null);
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read or create the master key", e);
        }
    }

    @Override
    public Provider provider() {
        return provider;
    }
}
