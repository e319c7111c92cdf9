package vn.kyso.server.ca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.ImportedCa;

/**
 * Opens the CA's key store as {@code kyso.ca.keystore} says, and reads a CA to import; secrets
 * come from the environment (through {@code secrets}) and are wiped after use.
 */
final class CaKeyStores {

    static final String KEYSTORE_FILE = "ca-keys.p12";
    static final String PASSPHRASE = "KYSO_CA_PASSPHRASE";
    static final String PKCS11_PIN = "KYSO_CA_PKCS11_PIN";
    static final String IMPORT_PASSPHRASE = "KYSO_CA_IMPORT_PASSPHRASE";
    private static final Logger log = LoggerFactory.getLogger(CaKeyStores.class);

    private CaKeyStores() {
    }

    /**
     * @param secrets looks up an environment variable (or property) by name; null when unset
     */
    static CaKeyStore open(CaProperties.Keystore settings, UnaryOperator<String> secrets, Path dataDir,
                           SecureRandom random) {
        if (settings.type() == CaProperties.KeystoreType.PKCS11) {
            Path library = settings.pkcs11Library();
            if (!Files.isRegularFile(library)) {
                throw new IllegalStateException("kyso.ca.keystore.pkcs11-library: no such file " + library);
            }
            String pin = secrets.apply(PKCS11_PIN);
            if (pin == null || pin.isEmpty()) {
                throw new IllegalStateException("kyso.ca.keystore.type=pkcs11 needs the token PIN in " + PKCS11_PIN);
            }
            char[] chars = pin.toCharArray();
            try {
                log.info("CA keys on the PKCS#11 token in slot {} of {}", settings.pkcs11Slot(), library);
                return CaKeyStore.pkcs11(library, settings.pkcs11Slot(), chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        String fromEnvironment = secrets.apply(PASSPHRASE);
        if (fromEnvironment == null) {
            fromEnvironment = secrets.apply("kyso.ca-passphrase");
        }
        char[] passphrase = CaPassphrase.resolve(fromEnvironment, dataDir, random);
        try {
            return CaKeyStore.pkcs12(dataDir.resolve(KEYSTORE_FILE), passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * The CA to import on first start, read from {@code kyso.ca.import.pkcs12}. A missing file is
     * an error only while there is no CA yet (the file may be taken away after the import).
     */
    static Optional<ImportedCa> importedCa(CaProperties.Import settings, UnaryOperator<String> secrets,
                                           boolean caExists) {
        Path file = settings.pkcs12();
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            if (caExists) {
                log.info("kyso.ca.import.pkcs12 ({}) is gone; the CA imported earlier is used", file);
                return Optional.empty();
            }
            throw new IllegalStateException("kyso.ca.import.pkcs12: no such file " + file);
        }
        String passphrase = secrets.apply(IMPORT_PASSPHRASE);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalStateException("kyso.ca.import.pkcs12 needs the file's passphrase in " + IMPORT_PASSPHRASE);
        }
        char[] chars = passphrase.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, chars);
            String alias = settings.alias() != null ? settings.alias() : onlyKeyEntry(store, file);
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException("kyso.ca.import.pkcs12: " + file + " has no key entry '" + alias + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, chars);
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException("kyso.ca.import.pkcs12: the entry '" + alias + "' has no certificate");
            }
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return Optional.of(new ImportedCa(key, certificates));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            // a wrong passphrase shows as an IOException: name the file, never the passphrase
            throw new IllegalStateException("kyso.ca.import.pkcs12: cannot read " + file
                    + " (wrong passphrase in " + IMPORT_PASSPHRASE + " or not a PKCS#12 file)", e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static String onlyKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("kyso.ca.import.pkcs12: " + file + " holds " + keys.size()
                    + " keys; name one with kyso.ca.import.alias");
        }
        return keys.get(0);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
