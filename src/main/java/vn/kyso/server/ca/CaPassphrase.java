package vn.kyso.server.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA keystore's passphrase: {@code KYSO_CA_PASSPHRASE} in production; without it, a random
 * one kept next to the keystore with owner-only permissions, so that the embedded default starts
 * with no questions. That fallback is for trying kyso (whoever reads the data folder holds the CA
 * keys), and says so loudly on every start.
 */
final class CaPassphrase {

    static final String FILE = "ca-passphrase";
    private static final Logger log = LoggerFactory.getLogger(CaPassphrase.class);

    private CaPassphrase() {
    }

    static char[] resolve(String fromEnvironment, Path dataDir, SecureRandom random) {
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            log.warn("""

                    ************************************************************************
                    * KYSO_CA_PASSPHRASE is not set: the CA keystore is protected by a     *
                    * passphrase kept in {} (owner-only).
                    * This is for TRYING kyso, NOT for production: anyone who can read the *
                    * data folder holds the CA keys. Set KYSO_CA_PASSPHRASE (or use an HSM).*
                    ************************************************************************""", file);
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the CA passphrase file " + file, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return; // another instance created it first: use theirs
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
