package vn.kyso.ca.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.KeyAlgorithm;

/**
 * CA keys in a PKCS#12 file under the data folder, every entry protected by the passphrase.
 * Writes go to a temporary file moved over the old one, so a crash never leaves half a keystore.
 */
public final class Pkcs12CaKeyStore implements CaKeyStore {

    private static final String MASTER = "custody-master";

    private final Path file;
    private final char[] passphrase;
    private final KeyStore keyStore;
    private final SecureRandom random = new SecureRandom();

    public Pkcs12CaKeyStore(Path file, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the CA keystore passphrase is empty");
        }
        this.file = file;
        this.passphrase = Arrays.copyOf(passphrase, passphrase.length);
        try {
            keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keyStore.load(in, this.passphrase);
                }
            } else {
                keyStore.load(null, null);
            }
        } catch (IOException | GeneralSecurityException e) {
            // A wrong passphrase shows up as an IOException: say so without echoing it.
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "cannot open the CA keystore " + file + " (wrong passphrase or damaged file)", e);
        }
    }

    @Override
    public KeyPair generate(KeyAlgorithm algorithm) {
        return KeyPairs.generate(algorithm, null, random);
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            keyStore.setKeyEntry(alias, key, passphrase, chain.toArray(new Certificate[0]));
            save();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot store key " + alias, e);
        }
    }

    @Override
    public synchronized boolean contains(String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read the CA keystore", e);
        }
    }

    @Override
    public synchronized PrivateKey privateKey(String alias) {
        try {
            if (!(keyStore.getKey(alias, passphrase) instanceof PrivateKey key)) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the CA keystore has no key " + alias);
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
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the CA keystore has no chain " + alias);
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read chain " + alias, e);
        }
    }

    @Override
    public synchronized SecretKey masterKey() {
        try {
            if (keyStore.getKey(MASTER, passphrase) instanceof SecretKey key) {
                return key;
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            keyStore.setEntry(MASTER, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(passphrase));
            save();
            return key;
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot read or create the master key", e);
        }
    }

    @Override
    public Provider provider() {
        return null;
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ca-keys", ".tmp");
            try {
                restrict(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    keyStore.store(out, passphrase);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot write the CA keystore " + file, e);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's ACL applies.
        }
    }
}
