package vn.kyso.ca.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.util.Arrays;
import java.util.function.Supplier;

import vn.kyso.ca.CaException;

/**
 * CA keys in a PKCS#12 file under the data folder, every entry protected by the passphrase.
 * Writes go to a temporary file moved over the old one, so a crash never leaves half a keystore.
 */
public final class Pkcs12CaKeyStore extends JcaCaKeyStore {

    private final Path file;
    private final char[] passphrase;
    /** Replaced by a fresh load at each change; readers outside a change see the latest one. */
    private volatile KeyStore keyStore;

    public Pkcs12CaKeyStore(Path file, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the CA keystore passphrase is empty");
        }
        this.file = file;
        this.passphrase = Arrays.copyOf(passphrase, passphrase.length);
        keyStore = load();
    }

    private KeyStore load() {
        try {
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    loaded.load(in, this.passphrase);
                }
            } else {
                loaded.load(null, null);
            }
            return loaded;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong passphrase shows up as an IOException: say so without echoing it.
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "cannot open the CA keystore " + file + " (wrong passphrase or damaged file)", e);
        }
    }

    /**
     * Instances sharing the data folder share this file: a change holds an exclusive lock on
     * {@code ca-keys.p12.lock} and starts from the file as it is now, not as this process loaded it.
     */
    @Override
    protected <T> T change(Supplier<T> work) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                keyStore = load();
                return work.get();
            }
        } catch (IOException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "cannot lock the CA keystore " + file, e);
        }
    }

    @Override
    protected KeyStore keyStore() {
        return keyStore;
    }

    @Override
    protected char[] entryPassword() {
        return passphrase;
    }

    @Override
    protected String label() {
        return "the CA keystore";
    }

    @Override
    public Provider provider() {
        return null;
    }

    @Override
    protected void persist() {
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
