package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.signing.testpki.SoftHsm;

/** The CA as the service's kyso.ca.* settings make it: key types, key store, import of an existing CA. */
class CaKeyStoresTest {

    private static final Path SOFTHSM = SoftHsm.LIBRARY;
    /** P-256 where the test does not look, so that each CA is made quickly. */
    private static final Map<String, String> FAST = Map.of("kyso.ca.hierarchy.root-key", "ec-p256",
            "kyso.ca.hierarchy.issuing-key", "ec-p256", "kyso.ca.ocsp.key", "ec-p256", "kyso.ca.tsa.key", "ec-p256",
            "kyso.ca.custody.argon-memory", "8MB");

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>(Map.of(CaKeyStores.PASSPHRASE, "test-passphrase-1"));

    @Test
    void anRsa4096RootIsCreatedWhenTheSettingsAskForIt() {
        CertificateAuthority ca = open(dir.resolve("a"), with(Map.of("kyso.ca.hierarchy.root-key", "rsa-4096")));

        assertThat(ca.rootCertificate().getPublicKey()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) ca.rootCertificate().getPublicKey()).getModulus().bitLength()).isEqualTo(4096);
        assertThat(ca.rootCertificate().getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
        assertThat(ca.issuingCertificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void anExistingCaIsImportedFromPkcs12OnFirstStartAndTheFileMayGoAfterwards() throws IOException {
        CertificateAuthority existing = open(dir.resolve("old"), with(Map.of()));
        Path file = Files.copy(dir.resolve("old").resolve(CaKeyStores.KEYSTORE_FILE), dir.resolve("issuing.p12"));
        environment.put(CaKeyStores.IMPORT_PASSPHRASE, "test-passphrase-1");
        Map<String, String> importing = with(Map.of("kyso.ca.import.pkcs12", file.toString(),
                "kyso.ca.import.alias", "kyso-issuing"));

        CertificateAuthority imported = open(dir.resolve("new"), importing);

        assertThat(imported.issuingCertificate()).isEqualTo(existing.issuingCertificate());
        assertThat(imported.rootCertificate()).isEqualTo(existing.rootCertificate());
        Files.delete(file);
        CaProperties again = CaPropertiesTest.bind(importing);
        assertThat(CaKeyStores.importedCa(again.importCa(), environment::get, true)).isEmpty();
        assertThatThrownBy(() -> CaKeyStores.importedCa(again.importCa(), environment::get, false))
                .hasMessageContaining("kyso.ca.import.pkcs12").hasMessageContaining("no such file");
    }

    @Test
    void aWrongImportPassphraseOrAmbiguousFileIsAClearErrorWithoutThePassphrase() throws IOException {
        open(dir.resolve("old"), with(Map.of()));
        Path file = Files.copy(dir.resolve("old").resolve(CaKeyStores.KEYSTORE_FILE), dir.resolve("issuing.p12"));
        CaProperties.Import settings = CaPropertiesTest.bind(Map.of("kyso.ca.import.pkcs12", file.toString())).importCa();

        environment.put(CaKeyStores.IMPORT_PASSPHRASE, "wrong-passphrase-9");
        assertThatThrownBy(() -> CaKeyStores.importedCa(settings, environment::get, false))
                .hasMessageContaining(CaKeyStores.IMPORT_PASSPHRASE).hasMessageNotContaining("wrong-passphrase-9");
        environment.put(CaKeyStores.IMPORT_PASSPHRASE, "test-passphrase-1");
        // the CA's own key store holds root, issuing, OCSP and TSA keys: which one to import must be named
        assertThatThrownBy(() -> CaKeyStores.importedCa(settings, environment::get, false))
                .hasMessageContaining("kyso.ca.import.alias");
    }

    @Test
    void thePkcs11KeyStoreSettingsPutTheCaKeysOnTheToken() throws Exception {
        long slot = SoftHsm.freshToken("kyso-service-test", "87654321", "12345678");
        Map<String, String> settings = with(Map.of("kyso.ca.keystore.type", "pkcs11",
                "kyso.ca.keystore.pkcs11-library", SOFTHSM.toString(), "kyso.ca.keystore.pkcs11-slot",
                Long.toString(slot)));
        environment.remove(CaKeyStores.PASSPHRASE);

        assertThatThrownBy(() -> CaKeyStores.open(CaPropertiesTest.bind(settings).keystore(), environment::get, dir,
                new SecureRandom())).hasMessageContaining(CaKeyStores.PKCS11_PIN);

        environment.put(CaKeyStores.PKCS11_PIN, "87654321");
        CertificateAuthority ca = open(dir, settings);

        assertThat(ca.issuingCertificate().getSubjectX500Principal().getName()).contains("kyso Issuing CA");
        assertThat(Files.exists(dir.resolve(CaKeyStores.KEYSTORE_FILE))).isFalse();
        Process list = new ProcessBuilder("pkcs11-tool", "--module", SOFTHSM.toString(), "--slot", Long.toString(slot),
                "--login", "--pin", "87654321", "--list-objects").redirectErrorStream(true).start();
        String objects = new String(list.getInputStream().readAllBytes());
        list.waitFor(60, TimeUnit.SECONDS);
        assertThat(objects).contains("kyso-root", "kyso-issuing", "kyso-ocsp", "kyso-tsa");
    }

    private Map<String, String> with(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(FAST);
        all.putAll(settings);
        return all;
    }

    /** What CaConfiguration does, on a fresh in-memory database. */
    private CertificateAuthority open(Path dataDir, Map<String, String> settings) {
        CaProperties properties = CaPropertiesTest.bind(settings);
        UnaryOperator<String> secrets = environment::get;
        SecureRandom random = new SecureRandom();
        CaKeyStore keyStore = CaKeyStores.open(properties.keystore(), secrets, dataDir, random);
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        CertificateAuthority.Builder builder = CertificateAuthority.builder().dataSource(db)
                .settings(properties.toSettings(dataDir, "http://127.0.0.1:8080")).keyStore(keyStore)
                .random(random).nativeCrypto(NativeCrypto.wanted(properties.nativeCrypto()));
        CaKeyStores.importedCa(properties.importCa(), secrets, keyStore.contains("kyso-issuing"))
                .ifPresent(builder::importCa);
        return builder.open();
    }
}
